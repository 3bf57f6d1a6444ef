package com.produsoft.supportdesk.licencetransfer;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.produsoft.supportdesk.licencetransfer.LicenceTransferRequest.Reinstaller;
import com.produsoft.supportdesk.platform.CaseNames;
import com.produsoft.supportdesk.platform.EngineClock;

/**
 * The steps of {@code LicenceTransferProcess} (C10), wired by {@code camunda:delegateExpression}. Each maps process
 * variables to a {@link LicenceRequests} call; nothing else.
 */
@Configuration
class LicenceTransferDelegates {

  private final LicenceRequests requests;

  LicenceTransferDelegates(LicenceRequests requests) {
    this.requests = requests;
  }

  private static long requestId(DelegateExecution execution) {
    return ((Number) execution.getVariable("requestId")).longValue();
  }

  private static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null ? null : value.toString();
  }

  /** Registers the request from the start variables and writes what the gateways and forms need. */
  @Bean
  JavaDelegate registerLicenceRequest() {
    return execution -> {
      String reason = text(execution, "reason");
      LicenceTransferRequest request = requests.register(new NewLicenceRequest(text(execution, "contactEmail"),
          LicenceRequests.splitNumbers(text(execution, "licenceNumbers")),
          reason == null || reason.isBlank() ? null : TransferReason.valueOf(reason), text(execution, "oldHardware"),
          text(execution, "newHardware"), text(execution, "eonNumber")));
      execution.setProcessBusinessKey(request.getNumber());
      execution.setVariable("requestId", request.getId());
      execution.setVariable("requestNumber", request.getNumber());
      execution.setVariable("companyName", request.getCustomer().getCompanyName());
      execution.setVariable("licenceNumbers", String.join(", ", request.getLicenceNumbers()));
      execution.setVariable("freeOfCharge", request.isFreeOfCharge());
      execution.setVariable("teamGroup", requests.teamGroup(request));
      execution.setVariable("onDongle", requests.onDongle(request));
    };
  }

  /** Tasks of a request are named after it: {@code LTR-12 · Metaalwerken Vandamme · Plan licence move}. */
  @Bean
  CaseNames.CaseReference licenceRequestReference() {
    return CaseNames.CaseReference.of(List.of(LicenceRequests.PROCESS),
        task -> Arrays.asList((String) task.getVariable("requestNumber"),
            (String) task.getVariable("companyName")));
  }

  @Bean
  JavaDelegate sendLicenceQuote() {
    return execution -> requests.sendQuote(requestId(execution),
        ((Number) execution.getVariable("quoteEuros")).intValue());
  }

  @Bean
  JavaDelegate sendLicenceQuoteReminder() {
    return execution -> requests.sendQuoteReminder(requestId(execution));
  }

  @Bean
  JavaDelegate closeUnansweredLicenceRequest() {
    return execution -> requests.closeUnanswered(requestId(execution));
  }

  /** C10.3: refuses an appointment outside office hours before the task completes; stores it as a date. */
  @Bean
  TaskListener checkLicenceAppointment() {
    return task -> {
      Instant appointment = instant(task.getVariable("appointment"));
      requests.checkAppointment(appointment);
      task.setVariable("appointment", Date.from(appointment));
    };
  }

  @Bean
  JavaDelegate sendLicenceAppointment() {
    return execution -> requests.plan(requestId(execution), ((Date) execution.getVariable("appointment")).toInstant(),
        Reinstaller.valueOf(text(execution, "reinstalledBy")));
  }

  @Bean
  JavaDelegate moveLicenceBinding() {
    return execution -> requests.move(requestId(execution), text(execution, "newDongleNumber"));
  }

  @Bean
  JavaDelegate askLicenceConfirmation() {
    return execution -> requests.askConfirmation(requestId(execution));
  }

  @Bean
  JavaDelegate completeLicenceRequest() {
    return execution -> requests.complete(requestId(execution));
  }

  /** A date from Tasklist's datetime field (ISO text, with or without offset: then Brussels) or a Date. */
  static Instant instant(Object value) {
    if (value == null || value instanceof Date) {
      return value == null ? null : ((Date) value).toInstant();
    }
    String text = value.toString().trim();
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      return LocalDateTime.parse(text).atZone(EngineClock.BRUSSELS).toInstant();
    }
  }
}
