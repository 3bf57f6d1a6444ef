package com.produsoft.supportdesk.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** C1.5: one case per rule of processes/reinstatement-fee.dmn (hit policy FIRST), with the edges of each range. */
class ReinstatementFeeDecisionTest {

  private static final DmnEngine DMN_ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  private static DmnDecision decision;

  @BeforeAll
  static void parseDecision() throws IOException {
    try (InputStream dmn = ReinstatementFeeDecisionTest.class.getResourceAsStream("/processes/reinstatement-fee.dmn")) {
      decision = DMN_ENGINE.parseDecision("ReinstatementFee", dmn);
    }
  }

  @ParameterizedTest(name = "{3}")
  @CsvSource(textBlock = """
      VISI,       0,  1200, 'rule 1: VISI lapsed this month'
      WORKNC,     12, 1200, 'rule 1: WorkNC lapsed a year ago'
      VISI,       13, 2400, 'rule 2: VISI lapsed more than a year ago'
      EDGECAM,    3,  900,  'rule 3: Edgecam lapsed three months ago'
      RADAN,      12, 900,  'rule 3: Radan lapsed a year ago'
      PEPS,       30, 1800, 'rule 4: PEPS lapsed two and a half years ago'
      SPACECLAIM, 6,  450,  'rule 5: SpaceClaim lapsed half a year ago'
      SPACECLAIM, 13, 900,  'rule 6: SpaceClaim lapsed more than a year ago'
      CATIA,      2,  1200, 'rule 7: catch-all for a product not in the table'
      """)
  void decidesTheFee(String product, int monthsSinceLapse, int fee, String rule) {
    Object decided = DMN_ENGINE.evaluateDecisionTable(decision, Variables.createVariables()
        .putValue("product", product)
        .putValue("monthsSinceLapse", monthsSinceLapse))
        .getSingleResult().getSingleEntry();

    assertThat(decided).isEqualTo(fee);
  }
}
