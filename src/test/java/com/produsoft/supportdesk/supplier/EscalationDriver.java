package com.produsoft.supportdesk.supplier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

import com.icegreen.greenmail.util.GreenMail;
import com.produsoft.supportdesk.platform.mail.EmbeddedMailServer;
import com.produsoft.supportdesk.ticket.Channel;
import com.produsoft.supportdesk.ticket.NewAttachment;
import com.produsoft.supportdesk.ticket.Ticket;
import com.produsoft.supportdesk.ticket.TicketRegistration;
import com.produsoft.supportdesk.ticket.TicketService;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Drives tickets through registration, triage and the escalation's tasks as the engineers would in Tasklist; the
 * mail steps run on the job executor and their mails land in the embedded GreenMail server. Not a bean: a test
 * component would join every test's application context.
 */
class EscalationDriver {

  private final TicketService tickets;
  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final EmbeddedMailServer mailServer;

  EscalationDriver(TicketService tickets, TaskService taskService, RuntimeService runtimeService,
      EmbeddedMailServer mailServer) {
    this.tickets = tickets;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.mailServer = mailServer;
  }

  Ticket register(String company, String contact, String email, String product, String category,
      String description, List<NewAttachment> files) {
    return tickets.register(new TicketRegistration(company, contact, email, "+32 50 12 34 56", product, category,
        description, "Open the part, run the simulation", "none", "Windows 11 23H2", null, "Production slowed",
        false, null), Channel.WEB, null, files).ticket();
  }

  /** Triage decides HANDLE with the category; variables such as supplierBugId or wishId go along. */
  void triage(Ticket ticket, String category, Map<String, Object> more) {
    Map<String, Object> variables = new java.util.HashMap<>(more);
    variables.put("triageOutcome", "HANDLE");
    variables.put("category", category);
    complete(ticket, "Task_TriageTicket", variables);
  }

  /** C7.2: triaged as bug (linked to a known supplier bug when given), documented, workaround given. */
  void escalate(Ticket ticket, Long supplierBugId) {
    Map<String, Object> link = new HashMap<>();
    link.put("supplierBugId", supplierBugId);
    triage(ticket, "BUG", link);
    complete(ticket, "Task_ReproduceBug", Map.of(
        "bugSummary", "Simulation hangs on 5-axis swarf cut", "reproductionSteps", "1. Open part.ppf\n2. Simulate",
        "affectedVersions", "Edgecam 2025.1 build 1234"));
    complete(ticket, "Task_ProvideWorkaround", Map.of("workaround", "Simulate with the 2024.2 machine kinematics"));
  }

  /** As an engineer in Tasklist, who simply tries again when a mail job of the same ticket ran at that moment. */
  private void complete(Ticket ticket, String activityId, Map<String, Object> variables) {
    for (int attempt = 1; ; attempt++) {
      try {
        taskService.complete(awaitTask(ticket, activityId).getId(), variables);
        return;
      } catch (ProcessEngineException conflict) {
        // A mail job of the same ticket changed its executions meanwhile: an optimistic-locking conflict, or
        // ENGINE-03077 when the execution the task hangs under was replaced; Tasklist's user just tries again.
        if (attempt == 3 || !(conflict instanceof OptimisticLockingException
            || String.valueOf(conflict.getMessage()).contains("ENGINE-03077"))) {
          throw conflict;
        }
      }
    }
  }

  /** The open task of the ticket or of its escalation, once the job executor got there. */
  Task awaitTask(Ticket ticket, String activityId) {
    return await(() -> taskService.createTaskQuery().processInstanceBusinessKey(ticket.getEonNumber())
        .taskDefinitionKey(activityId).singleResult(), task -> task != null);
  }

  ProcessInstance escalationProcess(Ticket ticket) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(EscalationMessages.PROCESS_KEY)
        .processInstanceBusinessKey(ticket.getEonNumber()).singleResult();
  }

  boolean isWaitingAt(Ticket ticket, String activityId) {
    ProcessInstance escalation = escalationProcess(ticket);
    return escalation != null && runtimeService.getActiveActivityIds(escalation.getId()).contains(activityId);
  }

  GreenMail greenMail() {
    return mailServer.greenMail();
  }

  List<MimeMessage> mailsTo(String recipient) {
    return List.of(greenMail().getReceivedMessages()).stream().filter(message -> isFor(message, recipient)).toList();
  }

  static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean isFor(MimeMessage message, String recipient) {
    try {
      return message.getAllRecipients() != null && List.of(message.getAllRecipients()).stream()
          .anyMatch(address -> address.toString().contains(recipient));
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  static <T> T await(Supplier<T> value, Predicate<T> done) {
    Instant giveUp = Instant.now().plus(Duration.ofSeconds(20));
    T current = value.get();
    while (!done.test(current) && Instant.now().isBefore(giveUp)) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      current = value.get();
    }
    assertThat(done.test(current)).as("in time").isTrue();
    return current;
  }
}
