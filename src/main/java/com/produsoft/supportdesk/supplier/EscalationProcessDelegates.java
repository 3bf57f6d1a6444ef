package com.produsoft.supportdesk.supplier;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.produsoft.supportdesk.platform.CaseNames;
import com.produsoft.supportdesk.ticket.TicketFacts;

/**
 * The service tasks of {@code BugEscalationProcess} (C7.2), wired by {@code camunda:delegateExpression}. Each maps
 * process variables to an {@link Escalations} call; nothing else.
 */
@Configuration
class EscalationProcessDelegates {

  private final Escalations escalations;
  private final TicketFacts ticketFacts;

  EscalationProcessDelegates(Escalations escalations, TicketFacts ticketFacts) {
    this.escalations = escalations;
    this.ticketFacts = ticketFacts;
  }

  /** The escalation's tasks are named after its ticket, as the ticket's own tasks are. */
  @Bean
  CaseNames.CaseReference escalationReference() {
    return CaseNames.CaseReference.of(List.of(EscalationMessages.PROCESS_KEY),
        task -> ticketFacts.caseReference((String) task.getVariable("eonNumber")));
  }

  private static String reference(DelegateExecution execution) {
    return (String) execution.getVariable(EscalationMessages.REFERENCE_VARIABLE);
  }

  private static String text(DelegateExecution execution, String name) {
    return (String) execution.getVariable(name);
  }

  private static String currentUser(DelegateExecution execution) {
    var authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }

  /** Opens the escalation; supplierBugId (a known bug chosen at triage) is defined from here on, null or not. */
  @Bean
  JavaDelegate openEscalation() {
    return execution -> {
      execution.setVariable(EscalationMessages.REFERENCE_VARIABLE,
          escalations.open((String) execution.getVariable("eonNumber")));
      execution.setVariable("supplierBugId", execution.getVariable("supplierBugId"));
    };
  }

  @Bean
  JavaDelegate recordBugReport() {
    return execution -> escalations.recordReport(reference(execution), text(execution, "bugSummary"),
        text(execution, "reproductionSteps"), text(execution, "affectedVersions"), currentUser(execution));
  }

  /** The workaround mail is the customer's answer: the ticket's first response (C6.4). */
  @Bean
  JavaDelegate sendWorkaround() {
    return execution -> {
      escalations.sendWorkaround(reference(execution), text(execution, "workaround"));
      DelegateExecution ticketProcess = execution.getProcessInstance().getSuperExecution();
      if (ticketProcess != null) {
        ticketProcess.setVariable("firstResponseGiven", true);
      }
    };
  }

  @Bean
  JavaDelegate linkToSupplierBug() {
    return execution -> escalations.link(reference(execution),
        ((Number) execution.getVariable("supplierBugId")).longValue(), currentUser(execution));
  }

  @Bean
  JavaDelegate reportBugToSupplier() {
    return execution -> {
      escalations.reportToSupplier(reference(execution), text(execution, "bugSummary"),
          text(execution, "additionalInformation"));
      execution.setVariable("additionalInformation", null);
    };
  }

  @Bean
  JavaDelegate recordSupplierAnswer() {
    return execution -> escalations.recordSupplierAnswer(reference(execution),
        SupplierOutcome.valueOf(text(execution, "supplierOutcome")), text(execution, "supplierReference"),
        text(execution, "targetVersion"), text(execution, "supplierAnswerNote"), currentUser(execution));
  }

  @Bean
  JavaDelegate recordFixReleased() {
    return execution -> {
      escalations.fixReleased(reference(execution));
      execution.setVariable("escalationOutcome", "FIXED");
    };
  }

  @Bean
  JavaDelegate informCustomerRejected() {
    return execution -> {
      escalations.informRejected(reference(execution));
      execution.setVariable("escalationOutcome", "REJECTED");
    };
  }
}
