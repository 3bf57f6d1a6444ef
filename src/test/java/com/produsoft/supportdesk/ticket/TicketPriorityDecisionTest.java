package com.produsoft.supportdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One case per rule of processes/ticket-priority.dmn (hit policy FIRST), in the order of the table. */
class TicketPriorityDecisionTest {

  private static DmnDecision decision;
  private static final DmnEngine DMN_ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  @BeforeAll
  static void parseDecision() throws IOException {
    try (InputStream dmn = TicketPriorityDecisionTest.class.getResourceAsStream("/processes/ticket-priority.dmn")) {
      decision = DMN_ENGINE.parseDecision("TicketPriority", dmn);
    }
  }

  @ParameterizedTest(name = "{10}")
  @CsvSource(nullValues = "null", textBlock = """
      # contract, channel, stopped, category,  critical, corrected, prio, task, first, resolution, rule
      true,  MAIL,  true,  SUPPORT,    false, 3,    3, 50,  PT8H,  PT40H,  'corrected 3, C6.4: the engineer lowered a P1 with a reason'
      false, MAIL,  false, SUGGESTION, false, 1,    1, 100, PT1H,  PT8H,   'corrected 1, C6.4: the engineer raised a P4 with a reason'
      true,  WEB,   false, SUPPORT,    false, 2,    2, 75,  PT4H,  PT24H,  'corrected 2, C6.4'
      true,  WEB,   false, SUPPORT,    false, 4,    4, 25,  PT16H, PT80H,  'corrected 4, C6.4'
      true,  MAIL,  true,  SUGGESTION, false, null, 1, 100, PT1H,  PT8H,   'rule 1, C5.3 C3.4: production stands still, under contract'
      true,  PHONE, true,  SUPPORT,    false, null, 1, 100, PT1H,  PT8H,   'rule 1, C5.3: an urgent call, under contract'
      true,  WEB,   false, SUPPORT,    true,  null, 1, 100, PT1H,  PT8H,   'rule 2, C8.1 C3.4: became critical, under contract'
      false, PHONE, true,  SUPPORT,    false, null, 2, 75,  PT4H,  PT24H,  'rule 3, C5.3: production stands still, no contract'
      false, MAIL,  false, BUG,        true,  null, 2, 75,  PT4H,  PT24H,  'rule 4, C8.1: became critical, no contract'
      true,  MAIL,  false, BUG,        false, null, 2, 75,  PT4H,  PT40H,  'rule 5, C7.2: bug of a contract customer'
      true,  WEB,   false, SUPPORT,    false, null, 2, 75,  PT4H,  PT24H,  'rule 6, C5.1: web question of a contract customer'
      true,  MAIL,  false, SUPPORT,    false, null, 3, 50,  PT8H,  PT40H,  'rule 7, C5.2: mail question of a contract customer'
      true,  PHONE, false, SUPPORT,    false, null, 3, 50,  PT8H,  PT40H,  'rule 7, C5.3: a non-urgent call ranks no higher than mail'
      true,  WEB,   false, SUGGESTION, false, null, 4, 25,  PT16H, PT120H, 'rule 8, C7.3: suggestion of a contract customer'
      false, WEB,   false, SUPPORT,    false, null, 4, 25,  PT16H, PT80H,  'rule 9, C3.4: no contract'
      null,  WEB,   false, SUPPORT,    false, null, 4, 25,  PT16H, PT80H,  'rule 10: catch-all, entitlement unknown'
      true,  WEB,   false, null,       false, null, 4, 25,  PT16H, PT80H,  'rule 10: catch-all, category missing'
      """)
  void decidesPriorityAndTargets(Boolean underContract, String channel, Boolean productionStopped, String category,
      Boolean critical, String correctedPriority, int priority, int taskPriority, String firstResponseTarget,
      String resolutionTarget, String rule) {
    DmnDecisionRuleResult result = DMN_ENGINE.evaluateDecisionTable(decision, Variables.createVariables()
        .putValue("underContract", underContract)
        .putValue("channel", channel)
        .putValue("productionStopped", productionStopped)
        .putValue("category", category)
        .putValue("critical", critical)
        .putValue("correctedPriority", correctedPriority))
        .getSingleResult();

    assertThat(result.<Object>getEntry("priority")).isEqualTo(priority);
    assertThat(result.<Object>getEntry("taskPriority")).isEqualTo(taskPriority);
    assertThat(result.<Object>getEntry("firstResponseTarget")).isEqualTo(firstResponseTarget);
    assertThat(result.<Object>getEntry("resolutionTarget")).isEqualTo(resolutionTarget);
  }

  @Test
  @DisplayName("A process that never had a priority set by hand (no variable correctedPriority) is decided by the rules")
  void withoutACorrectionTheRulesDecide() {
    DmnDecisionRuleResult result = DMN_ENGINE.evaluateDecisionTable(decision, Variables.createVariables()
        .putValue("underContract", true)
        .putValue("channel", "MAIL")
        .putValue("productionStopped", false)
        .putValue("category", "SUPPORT")
        .putValue("critical", false))
        .getSingleResult();

    assertThat(result.<Object>getEntry("priority")).isEqualTo(3);
  }
}
