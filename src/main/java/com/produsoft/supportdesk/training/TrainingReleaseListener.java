package com.produsoft.supportdesk.training;

import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.produsoft.supportdesk.supplier.ProductReleased;

/**
 * C11.1: a registered release asks the training coordinator to plan its update training. The listener runs in the
 * publisher's transaction (plain {@code @EventListener}): the release and the task to plan its training are stored
 * together or not at all. That is cheap, since the process stops at the coordinator's user task; its mails are
 * asynchronous steps that run after the commit.
 */
@Component
class TrainingReleaseListener {

  private final RuntimeService runtimeService;
  private final HistoryService historyService;

  TrainingReleaseListener(RuntimeService runtimeService, HistoryService historyService) {
    this.runtimeService = runtimeService;
    this.historyService = historyService;
  }

  @EventListener
  void planUpdateTraining(ProductReleased release) {
    String businessKey = release.product() + " " + release.version();
    // A release registered twice (a retried request) plans one training.
    if (historyService.createHistoricProcessInstanceQuery().processDefinitionKey(TrainingService.PROCESS_KEY)
        .processInstanceBusinessKey(businessKey).count() > 0) {
      return;
    }
    runtimeService.startProcessInstanceByMessage(TrainingService.UPDATE_TRAINING_TO_PLAN, businessKey, Map.of(
        "product", release.product(),
        "version", release.version(),
        "releasedOn", release.date().toString()));
  }
}
