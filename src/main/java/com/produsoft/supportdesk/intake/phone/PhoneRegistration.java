package com.produsoft.supportdesk.intake.phone;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.produsoft.supportdesk.ticket.Channel;
import com.produsoft.supportdesk.ticket.TicketRegistration;
import com.produsoft.supportdesk.ticket.TicketService;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * "Register ticket" of {@code PhoneRegistrationProcess} (C5.3): the engineer's start form becomes a registration
 * on the phone channel, checked by the same rules as the web form and the API.
 */
@Component("registerPhoneCall")
class PhoneRegistration implements JavaDelegate {

  private final TicketService tickets;
  private final Validator validator;

  PhoneRegistration(TicketService tickets, Validator validator) {
    this.tickets = tickets;
    this.validator = validator;
  }

  @Override
  public void execute(DelegateExecution execution) {
    TicketRegistration registration = new TicketRegistration(
        text(execution, "companyName"), text(execution, "contactName"), text(execution, "email"),
        text(execution, "phone"), text(execution, "product"), text(execution, "category"),
        text(execution, "description"), text(execution, "reproduction"), text(execution, "thirdPartySoftware"),
        text(execution, "operatingSystem"), callNumbers(text(execution, "earlierCallNumbers")),
        text(execution, "impact"), Boolean.TRUE.equals(execution.getVariable("productionStopped")),
        text(execution, "language"));
    Set<ConstraintViolation<TicketRegistration>> violations = validator.validate(registration);
    if (!violations.isEmpty()) {
      // Tasklist shows the message; the transaction rolls back, so nothing is stored.
      throw new IllegalArgumentException("The phone registration is not complete: " + violations.stream()
          .map(violation -> violation.getPropertyPath() + " " + violation.getMessage())
          .sorted()
          .collect(Collectors.joining("; ")));
    }
    String eonNumber = tickets.register(registration, Channel.PHONE, null).ticket().getEonNumber();
    execution.setVariable("eonNumber", eonNumber);
  }

  private static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString().strip();
  }

  static List<String> callNumbers(String text) {
    return text == null ? List.of() : Arrays.stream(text.split("[,;\\s]+")).filter(s -> !s.isBlank()).toList();
  }
}
