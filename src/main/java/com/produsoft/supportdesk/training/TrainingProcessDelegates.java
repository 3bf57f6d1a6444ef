package com.produsoft.supportdesk.training;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks of {@code TrainingRegistrationProcess}, wired by {@code camunda:delegateExpression="${name}"}.
 * Each maps process variables (the forms' fields) to a {@link TrainingService} or {@link TrainingInvitations} call.
 */
@Configuration
class TrainingProcessDelegates {

  private final TrainingService trainings;
  private final TrainingInvitations invitations;

  TrainingProcessDelegates(TrainingService trainings, TrainingInvitations invitations) {
    this.trainings = trainings;
    this.invitations = invitations;
  }

  private static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null ? null : value.toString().strip();
  }

  /** Form fields arrive as numbers (Long or Double) or, from the API, as text. */
  private static int number(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value instanceof Number number ? number.intValue() : Integer.parseInt(value.toString().strip());
  }

  /** Camunda Forms' date picker gives {@code 2026-12-01}; the first ten characters also take a date-time. */
  private static LocalDate day(DelegateExecution execution, String name) {
    return LocalDate.parse(text(execution, name).substring(0, 10));
  }

  private static Long sessionId(DelegateExecution execution) {
    return ((Number) execution.getVariable("sessionId")).longValue();
  }

  private static void opened(DelegateExecution execution, TrainingSession session) {
    execution.setVariable("sessionId", session.getId());
    execution.setVariable("registrationsCloseAt", Date.from(session.registrationsCloseAt()));
  }

  /** C11.1: stores the session the coordinator planned in the task "Plan update training". */
  @Bean
  JavaDelegate openUpdateTraining() {
    return execution -> opened(execution, trainings.openUpdateTraining(text(execution, "product"),
        text(execution, "version"), TrainingKind.valueOf(text(execution, "kind")), day(execution, "firstDay"),
        number(execution, "days"), number(execution, "seats"), text(execution, "place")));
  }

  /** C11.3: stores the user day of the start form "Organise user day" (or of POST /api/user-days). */
  @Bean
  JavaDelegate registerUserDay() {
    return execution -> {
      TrainingSession userDay = trainings.organiseUserDay(day(execution, "day"), number(execution, "seats"),
          text(execution, "place"), text(execution, "programme"), new BigDecimal(text(execution, "feeForOthers")));
      execution.setProcessBusinessKey("USER-DAY-" + userDay.getFirstDay() + "-" + userDay.getId());
      opened(execution, userDay);
    };
  }

  @Bean
  JavaDelegate listContractCustomers() {
    return execution -> execution.setVariable("inviteeIds", invitations.toInvite(sessionId(execution)));
  }

  /** One customer of inviteeIds, in a job of its own (multi-instance in the model). */
  @Bean
  JavaDelegate inviteContractCustomer() {
    return execution -> invitations.invite(sessionId(execution),
        ((Number) execution.getVariable("customerId")).longValue());
  }

  @Bean
  JavaDelegate closeRegistrations() {
    return execution -> trainings.close(sessionId(execution));
  }

  @Bean
  JavaDelegate confirmTrainingRegistration() {
    return execution -> trainings.mailConfirmation(((Number) execution.getVariable("registrationId")).longValue());
  }

  @Bean
  JavaDelegate confirmFreedSeat() {
    return execution -> trainings.mailSeatFreed(((Number) execution.getVariable("registrationId")).longValue());
  }
}
