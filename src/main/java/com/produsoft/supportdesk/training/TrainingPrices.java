package com.produsoft.supportdesk.training;

import java.math.BigDecimal;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** Prices a registration with the TrainingPrice decision (processes/training-price.dmn), which a designer edits. */
@Component
public class TrainingPrices {

  public static final String DECISION_KEY = "TrainingPrice";

  private final DecisionService decisions;

  public TrainingPrices(DecisionService decisions) {
    this.decisions = decisions;
  }

  public TrainingPrice price(TrainingSession session, int persons, boolean underContract) {
    BigDecimal feeForOthers = session.getFeeForOthers();
    return TrainingPrice.of(decisions.evaluateDecisionByKey(DECISION_KEY)
        .variables(Variables.createVariables()
            .putValue("kind", session.getKind().name())
            .putValue("persons", persons)
            .putValue("days", session.getDays())
            .putValue("underContract", underContract)
            .putValue("feeForOthers", feeForOthers))
        .evaluate().getSingleResult().getEntryMap());
  }
}
