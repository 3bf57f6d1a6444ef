package com.produsoft.supportdesk.ticket;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.instance.TimeDate;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.springframework.stereotype.Component;

/**
 * The waiting timers of a ticket's process whose date is a plain {@code ${variable}} of the SLA deadlines: when a
 * deadline moves, the timer already waiting for it moves with it (the engine reads the expression once, when the
 * timer is created).
 */
@Component
class DeadlineTimers {

  /**
   * The due date of a stopped clock's timer: the end of time, until the clock runs again. (Suspending the job
   * instead would mix bulk and entity updates of the same job in one transaction, which the engine refuses.)
   */
  static final Date CLOCK_STOPPED = Date.from(Instant.parse("9999-12-31T00:00:00Z"));

  private final ManagementService managementService;
  private final RepositoryService repositoryService;

  DeadlineTimers(ManagementService managementService, RepositoryService repositoryService) {
    this.managementService = managementService;
    this.repositoryService = repositoryService;
  }

  /** Each timer waiting for one of these deadline variables fires at its new date. */
  void move(String processInstanceId, Map<String, Object> deadlines) {
    timers(processInstanceId).forEach((timer, variable) -> {
      if (deadlines.containsKey(variable)) {
        managementService.setJobDuedate(timer.getId(), (Date) deadlines.get(variable));
      }
    });
  }

  /** Each timer waiting for one of these deadline variables waits until {@link #move} sets it again. */
  void stop(String processInstanceId, Collection<String> variables) {
    timers(processInstanceId).forEach((timer, variable) -> {
      if (variables.contains(variable)) {
        managementService.setJobDuedate(timer.getId(), CLOCK_STOPPED);
      }
    });
  }

  /** The process's timers whose date is a plain {@code ${variable}}, with that variable's name. */
  private Map<Job, String> timers(String processInstanceId) {
    Map<Job, String> timers = new HashMap<>();
    for (Job timer : managementService.createJobQuery().processInstanceId(processInstanceId).timers().list()) {
      String activityId = managementService.createJobDefinitionQuery().jobDefinitionId(timer.getJobDefinitionId())
          .singleResult().getActivityId();
      var element = repositoryService.getBpmnModelInstance(timer.getProcessDefinitionId())
          .getModelElementById(activityId);
      if (element == null) {
        continue;
      }
      element.getChildElementsByType(TimerEventDefinition.class).stream()
          .map(TimerEventDefinition::getTimeDate)
          .filter(Objects::nonNull)
          .map(TimeDate::getTextContent)
          .map(String::strip)
          .filter(expression -> expression.matches("\\$\\{\\w+}"))
          .map(expression -> expression.substring(2, expression.length() - 1))
          .findFirst()
          .ifPresent(variable -> timers.put(timer, variable));
    }
    return timers;
  }
}
