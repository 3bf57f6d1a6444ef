package com.produsoft.supportdesk.ticket;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.produsoft.supportdesk.contract.Entitlement;
import com.produsoft.supportdesk.platform.CaseNames;
import com.produsoft.supportdesk.platform.EngineClock;

/**
 * The service tasks of {@code TicketProcess}, wired by {@code camunda:delegateExpression="${name}"}. Each one
 * maps process variables to a call of the ticket's services ({@link TicketWork}, {@link TicketTriage}, {@link
 * SlaTimers}, {@link SlaWatch}, {@link TicketFacts}, {@link Conversation}) and its answer back; nothing else.
 */
@Configuration
class TicketProcessDelegates {

  private final TicketWork work;
  private final TicketTriage triage;
  private final SlaTimers timers;
  private final SlaWatch watch;
  private final TicketFacts facts;
  private final Conversation conversation;

  TicketProcessDelegates(TicketWork work, TicketTriage triage, SlaTimers timers, SlaWatch watch, TicketFacts facts,
      Conversation conversation) {
    this.work = work;
    this.triage = triage;
    this.timers = timers;
    this.watch = watch;
    this.facts = facts;
    this.conversation = conversation;
  }

  private static String eon(DelegateExecution execution) {
    return (String) execution.getVariable("eonNumber");
  }

  private static SlaClock clock(DelegateExecution execution) {
    return SlaClock.valueOf((String) execution.getVariable("clock"));
  }

  private static String currentUser(DelegateExecution execution) {
    return execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication() == null
        ? null
        : execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication().getUserId();
  }

  /** A date from a process variable: a Date, or the ISO date-time text a Camunda Form's datetime field submits. */
  private static Instant moment(Object value) {
    if (value == null || value instanceof String text && text.isBlank()) {
      return null;
    }
    if (value instanceof Date date) {
      return date.toInstant();
    }
    TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest((String) value, OffsetDateTime::from,
        LocalDateTime::from);
    return parsed instanceof OffsetDateTime withOffset
        ? withOffset.toInstant()
        : ((LocalDateTime) parsed).atZone(EngineClock.BRUSSELS).toInstant();
  }

  @SuppressWarnings("unchecked")
  private static PriorityDecision decision(DelegateExecution execution) {
    return PriorityDecision.of((Map<String, Object>) execution.getVariable("priorityDecision"));
  }

  private static int taskPriority(DelegateExecution execution) {
    return ((Number) execution.getVariable("taskPriority")).intValue();
  }

  /** Every user task shows the ticket's facts: a task-local JSON copy, fresh when the task is created. */
  @Bean
  TaskListener loadTicketFacts() {
    return task -> task.setVariableLocal("ticket", SpinValues.jsonValue(facts.asJson(
        (String) task.getVariable("eonNumber"))).create());
  }

  /**
   * Tasks of a ticket are named after it: {@code EON-2026-00027 · Metaalwerken Vandamme · Triage ticket} (its
   * escalation's tasks too, see the supplier module).
   */
  @Bean
  CaseNames.CaseReference ticketReference() {
    return CaseNames.CaseReference.of(List.of(TicketService.PROCESS_KEY),
        task -> facts.caseReference((String) task.getVariable("eonNumber")));
  }

  /** C7.2: on the supplier waits of BugEscalationProcess; the resolution clock stands still meanwhile. */
  @Bean
  ExecutionListener pauseResolutionClock() {
    return execution -> timers.pauseForSupplier(eon(execution));
  }

  @Bean
  ExecutionListener resumeResolutionClock() {
    return execution -> timers.resumeAfterSupplier(eon(execution));
  }

  @Bean
  JavaDelegate checkEntitlement() {
    return execution -> {
      Entitlement entitlement = triage.checkEntitlement(eon(execution));
      execution.setVariable("underContract", entitlement.underContract());
      execution.setVariable("entitlementWarning", entitlement.warning());
    };
  }

  @Bean
  JavaDelegate startSlaClocks() {
    return execution -> execution.setVariables(timers.start(eon(execution), decision(execution)));
  }

  @Bean
  JavaDelegate sendConfirmation() {
    return execution -> work.sendConfirmation(eon(execution));
  }

  @Bean
  JavaDelegate recordTriage() {
    return execution -> {
      String category = (String) execution.getVariable("category");
      triage.recordTriage(eon(execution), (String) execution.getVariable("triageOutcome"),
          category == null ? null : TicketCategory.valueOf(category), (String) execution.getVariable("duplicateOf"),
          (String) execution.getVariable("triageNote"), currentUser(execution));
    };
  }

  /** The message written on the dossier page that a question or a solution carries, used once. */
  private static Long customerMessage(DelegateExecution execution) {
    Number id = (Number) execution.getVariable("customerMessageId");
    execution.removeVariable("customerMessageId");
    return id == null ? null : id.longValue();
  }

  @Bean
  JavaDelegate askCustomer() {
    return execution -> {
      work.askCustomer(eon(execution), (String) execution.getVariable("questionToCustomer"),
          customerMessage(execution));
      execution.setVariable("firstResponseGiven", true);
    };
  }

  @Bean
  JavaDelegate remindCustomer() {
    return execution -> {
      int reminder = ((Number) execution.getVariable("remindersSent")).intValue() + 1;
      work.remindCustomer(eon(execution), reminder);
      execution.setVariable("remindersSent", reminder);
    };
  }

  @Bean
  JavaDelegate resumeSlaClocks() {
    return execution -> execution.setVariables(timers.resumeAfterCustomer(eon(execution), taskPriority(execution)));
  }

  @Bean
  JavaDelegate recordAnswer() {
    return execution -> {
      work.recordAnswer(eon(execution), (String) execution.getVariable("answer"),
          (String) execution.getVariable("answerChannel"), moment(execution.getVariable("remoteSessionAt")),
          currentUser(execution));
      execution.setVariable("firstResponseGiven", true);
    };
  }

  @Bean
  JavaDelegate registerSuggestion() {
    return execution -> {
      Number wishId = (Number) execution.getVariable("wishId");
      work.registerSuggestion(eon(execution), wishId == null ? null : wishId.longValue());
      execution.setVariable("firstResponseGiven", true);
    };
  }

  @Bean
  JavaDelegate sendSolution() {
    return execution -> {
      work.sendSolution(eon(execution), customerMessage(execution));
      execution.setVariable("firstResponseGiven", true);
    };
  }

  @Bean
  JavaDelegate reopenTicket() {
    return execution -> work.reopen(eon(execution));
  }

  @Bean
  JavaDelegate moveTicket() {
    return execution -> execution.setVariables(triage.moveToTeam(eon(execution),
        (String) execution.getVariable("newProduct"), (String) execution.getVariable("triageNote"),
        currentUser(execution)));
  }

  @Bean
  JavaDelegate closeTicket() {
    return execution -> work.close(eon(execution), Resolution.valueOf((String) execution.getVariable("resolution")),
        (String) execution.getVariable("duplicateOf"));
  }

  @Bean
  JavaDelegate warnAssignee() {
    return execution -> watch.warn(eon(execution), clock(execution), execution.getProcessInstanceId());
  }

  @Bean
  JavaDelegate recordSlaBreach() {
    return execution -> {
      Date receivedAt = (Date) execution.getVariable("updateReceivedAt");
      Date nextUpdateDueAt = (Date) execution.getVariable("nextUpdateDueAt");
      boolean newBreach = watch.recordBreach(eon(execution), clock(execution),
          receivedAt == null ? null : receivedAt.toInstant(),
          nextUpdateDueAt == null ? null : nextUpdateDueAt.toInstant());
      // Not local: the task's input mapping (clock) gives it a scope of its own, which ends with the task, and the
      // gateway after it reads newBreach (every breach was an incident; found by the two-node scenario, issue 11).
      execution.setVariable("newBreach", newBreach);
    };
  }

  @Bean
  JavaDelegate notifyAssignee() {
    return execution -> watch.notifyAssignee((String) execution.getVariable("updateType"),
        (String) execution.getVariable("updateMessage"), execution.getProcessInstanceId());
  }

  @Bean
  JavaDelegate changePriority() {
    return execution -> execution.setVariables(timers.changePriority(eon(execution), decision(execution),
        execution.getProcessInstanceId(), null, "the customer reported it became critical (C8.1)"));
  }

  /** C6.4: the priority an engineer set on a task form, applied once. */
  @Bean
  JavaDelegate correctPriority() {
    return execution -> {
      execution.setVariables(timers.correctPriority(eon(execution), decision(execution),
          execution.getProcessInstanceId(), currentUser(execution), (String) execution.getVariable("priorityReason")));
      execution.removeVariable("correctedPriority");
    };
  }

  /**
   * Issue 17: mails the customer an update or an appointment written on the dossier page; sets the local
   * appointmentAt (null for an update), which the appointment's timer waits for, and what its task shows.
   */
  @Bean
  JavaDelegate sendCustomerMessage() {
    return execution -> {
      long messageId = ((Number) execution.getVariable("customerMessageId")).longValue();
      Instant appointmentAt = conversation.send(messageId);
      execution.setVariableLocal("appointmentAt", appointmentAt == null ? null : Date.from(appointmentAt));
      if (appointmentAt != null) {
        execution.setVariableLocal("appointmentSummary", conversation.appointmentSummary(messageId));
      }
      execution.setVariable("firstResponseGiven", true);
    };
  }

  /** Issue 17: the engineer's account of the appointment (form record-appointment). */
  @Bean
  JavaDelegate saveAppointmentOutcome() {
    return execution -> {
      conversation.recordAppointmentOutcome(((Number) execution.getVariable("customerMessageId")).longValue(),
          (String) execution.getVariable("appointmentOutcome"), currentUser(execution));
      execution.removeVariable("appointmentOutcome");
    };
  }

  @Bean
  JavaDelegate startNextUpdateClock() {
    return execution -> {
      Instant receivedAt = EngineClock.now();
      execution.setVariableLocal("updateReceivedAt", Date.from(receivedAt));
      execution.setVariableLocal("nextUpdateDueAt", Date.from(watch.nextUpdateDue(eon(execution), receivedAt)));
    };
  }
}
