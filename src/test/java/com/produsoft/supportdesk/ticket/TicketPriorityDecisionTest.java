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

  @ParameterizedTest(name = "{9}")
  @CsvSource(nullValues = "null", textBlock = """
      # contract, channel, stopped, category,  critical, prio, task, first, resolution, rule
      true,  MAIL,  true,  SUGGESTION, false, 1, 100, PT1H,  PT8H,   'rule 1, C5.3 C3.4: production stands still, under contract'
      true,  PHONE, true,  SUPPORT,    false, 1, 100, PT1H,  PT8H,   'rule 1, C5.3: an urgent call, under contract'
      true,  WEB,   false, SUPPORT,    true,  1, 100, PT1H,  PT8H,   'rule 2, C8.1 C3.4: became critical, under contract'
      false, PHONE, true,  SUPPORT,    false, 2, 75,  PT4H,  PT24H,  'rule 3, C5.3: production stands still, no contract'
      false, MAIL,  false, BUG,        true,  2, 75,  PT4H,  PT24H,  'rule 4, C8.1: became critical, no contract'
      true,  MAIL,  false, BUG,        false, 2, 75,  PT4H,  PT40H,  'rule 5, C7.2: bug of a contract customer'
      true,  WEB,   false, SUPPORT,    false, 2, 75,  PT4H,  PT24H,  'rule 6, C5.1: web question of a contract customer'
      true,  MAIL,  false, SUPPORT,    false, 3, 50,  PT8H,  PT40H,  'rule 7, C5.2: mail question of a contract customer'
      true,  PHONE, false, SUPPORT,    false, 3, 50,  PT8H,  PT40H,  'rule 7, C5.3: a non-urgent call ranks no higher than mail'
      true,  WEB,   false, SUGGESTION, false, 4, 25,  PT16H, PT120H, 'rule 8, C7.3: suggestion of a contract customer'
      false, WEB,   false, SUPPORT,    false, 4, 25,  PT16H, PT80H,  'rule 9, C3.4: no contract'
      null,  WEB,   false, SUPPORT,    false, 4, 25,  PT16H, PT80H,  'rule 10: catch-all, entitlement unknown'
      true,  WEB,   false, null,       false, 4, 25,  PT16H, PT80H,  'rule 10: catch-all, category missing'
      """)
  void decidesPriorityAndTargets(Boolean underContract, String channel, Boolean productionStopped, String category,
      Boolean critical, int priority, int taskPriority, String firstResponseTarget, String resolutionTarget,
      String rule) {
    DmnDecisionRuleResult result = DMN_ENGINE.evaluateDecisionTable(decision, Variables.createVariables()
        .putValue("underContract", underContract)
        .putValue("channel", channel)
        .putValue("productionStopped", productionStopped)
        .putValue("category", category)
        .putValue("critical", critical))
        .getSingleResult();

    assertThat(result.<Object>getEntry("priority")).isEqualTo(priority);
    assertThat(result.<Object>getEntry("taskPriority")).isEqualTo(taskPriority);
    assertThat(result.<Object>getEntry("firstResponseTarget")).isEqualTo(firstResponseTarget);
    assertThat(result.<Object>getEntry("resolutionTarget")).isEqualTo(resolutionTarget);
  }
}
