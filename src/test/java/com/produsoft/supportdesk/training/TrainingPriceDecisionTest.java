package com.produsoft.supportdesk.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * C11.2, C11.1, C3.7, C11.3: every rule of processes/training-price.dmn (TrainingDayRate, hit policy UNIQUE, and
 * TrainingPrice on top), the three-person boundary of company-specific training, each with and without contract.
 */
class TrainingPriceDecisionTest {

  private static final DmnEngine DMN_ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  private static DmnDecision decision;

  @BeforeAll
  static void parseDecision() throws IOException {
    try (InputStream dmn = TrainingPriceDecisionTest.class.getResourceAsStream("/processes/training-price.dmn")) {
      decision = DMN_ENGINE.parseDecision("TrainingPrice", dmn);
    }
  }

  private static TrainingPrice price(String kind, int persons, int days, boolean underContract, String feeForOthers) {
    DmnDecisionResult result = DMN_ENGINE.evaluateDecision(decision, Variables.createVariables()
        .putValue("kind", kind)
        .putValue("persons", persons)
        .putValue("days", days)
        .putValue("underContract", underContract)
        .putValue("feeForOthers", feeForOthers == null ? null : new BigDecimal(feeForOthers)));
    return TrainingPrice.of(result.getSingleResult().getEntryMap());
  }

  @ParameterizedTest(name = "{7}")
  @CsvSource(textBlock = """
      CLASSROOM,        2, 1, false, ,     850.00,  850.00,  'rule 1 (C11.2): classroom, 2 persons, 425 per person per day'
      CLASSROOM,        1, 3, false, ,     425.00,  1275.00, 'rule 1 (C11.2): classroom, 1 person, 3 days'
      CLASSROOM,        2, 2, true,  ,     680.00,  1360.00, 'rule 2 (C11.1, C3.7): classroom under contract, 20% off (assumption)'
      COMPANY_SPECIFIC, 1, 1, false, ,     1000.00, 1000.00, 'rule 3 (C11.2): company-specific, 1 person'
      COMPANY_SPECIFIC, 2, 2, false, ,     1000.00, 2000.00, 'rule 3 (C11.2): company-specific, 2 persons: still 1000 per day'
      COMPANY_SPECIFIC, 3, 2, false, ,     1250.00, 2500.00, 'rule 4 (C11.2): company-specific, from 3 persons 1250 per day'
      COMPANY_SPECIFIC, 8, 1, false, ,     1250.00, 1250.00, 'rule 4 (C11.2): company-specific, 8 persons'
      COMPANY_SPECIFIC, 2, 1, true,  ,     900.00,  900.00,  'rule 5 (C11.1): company-specific, 2 persons, under contract, 10% off (assumption)'
      COMPANY_SPECIFIC, 3, 2, true,  ,     1125.00, 2250.00, 'rule 6 (C11.1): company-specific, 3 persons, under contract, 10% off (assumption)'
      USER_DAY,         4, 1, true,  60,   0.00,    0.00,    'rule 7 (C11.3): user day free for a contract customer'
      USER_DAY,         2, 1, false, 60,   120.00,  120.00,  'rule 8 (C11.3 reading): user day, no contract, the event fee per person'
      """)
  void decidesThePrice(String kind, int persons, int days, boolean underContract, String feeForOthers,
      String pricePerDay, String totalPrice, String rule) {
    TrainingPrice price = price(kind, persons, days, underContract, feeForOthers);

    assertThat(price.pricePerDay()).isEqualByComparingTo(pricePerDay);
    assertThat(price.totalPrice()).isEqualByComparingTo(totalPrice);
  }

  @Test
  @DisplayName("A session of no days has no price: the decision matches no rule")
  void noDaysNoPrice() {
    assertThatThrownBy(() -> price("CLASSROOM", 1, 0, false, null)).isInstanceOf(RuntimeException.class);
  }
}
