package com.produsoft.supportdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import com.produsoft.supportdesk.platform.ProcessJobs;

/** Follow-up on a closed ticket: within the reopen period it reopens, later it becomes a new linked ticket. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TicketFollowUpTest {

  @Autowired
  TicketService ticketService;
  /** Customer updates go in as every channel sends them: retried when a mail step of the ticket runs meanwhile. */
  @Autowired
  TicketIntake intake;
  @Autowired
  TicketRepository tickets;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  ManagementService managementService;
  @Autowired
  JournalRepository journal;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private Ticket closedTicket() throws InterruptedException {
    TicketRegistration registration = new TicketRegistration("Metaalwerken Vandamme", "Jan Vandamme",
        "jan.vandamme@vandamme.example", "+32 50 12 34 56", "EDGECAM", "SUPPORT", "Licence server not found", null,
        null, "Windows 11", List.of(), null, false, "nl");
    String eon = ticketService.register(registration, Channel.WEB, null).ticket().getEonNumber();
    intake.addUpdate(eon, UpdateType.SOLVED_BY_CUSTOMER, "Restarted the licence service", "customer", List.of());
    return awaitClosed(eon);
  }

  private Ticket awaitClosed(String eon) throws InterruptedException {
    Instant giveUp = Instant.now().plusSeconds(20);
    Ticket ticket = tickets.findByEonNumber(eon).orElseThrow();
    while (!ticket.isClosed() && Instant.now().isBefore(giveUp)) {
      Thread.sleep(100);
      ticket = tickets.findByEonNumber(eon).orElseThrow();
    }
    assertThat(ticket.isClosed()).isTrue();
    return ticket;
  }

  /** A ticket whose answer reached the customer: the process waits for a reaction during the reopen period. */
  private String solvedTicket() {
    TicketRegistration registration = new TicketRegistration("Metaalwerken Vandamme", "Jan Vandamme",
        "jan.vandamme@vandamme.example", "+32 50 12 34 56", "EDGECAM", "SUPPORT", "Licence server not found", null,
        null, "Windows 11", List.of(), null, false, "nl");
    Ticket ticket = ticketService.register(registration, Channel.WEB, null).ticket();
    // The engineer triages once the confirmation mail went out, not while its job ends that path of the process.
    ProcessJobs.settle(managementService, ticket.getProcessInstanceId());
    taskService.complete(taskService.createTaskQuery().processInstanceId(ticket.getProcessInstanceId())
        .singleResult().getId(), Map.of("triageOutcome", "HANDLE", "category", "SUPPORT"));
    taskService.complete(taskService.createTaskQuery().processInstanceId(ticket.getProcessInstanceId())
        .singleResult().getId(), Map.of("answer", "Restart the licence service", "answerChannel", "MAIL"));
    ProcessJobs.settle(managementService, ticket.getProcessInstanceId());
    assertThat(tickets.findByEonNumber(ticket.getEonNumber()).orElseThrow().getStatus())
        .isEqualTo(TicketStatus.SOLUTION_SENT);
    return ticket.getEonNumber();
  }

  @Test
  @DisplayName("A reply after the solution that only thanks goes to the journal and reopens nothing; 'still broken, thanks' reopens")
  void thanksDoNotReopenButNewsDoes() throws Exception {
    String eon = solvedTicket();

    TicketService.UpdateOutcome thanks = intake.addUpdate(eon, UpdateType.INFO, "Bedankt voor de snelle hulp!",
        "customer", List.of());

    assertThat(thanks.outcome()).isEqualTo("THANKED");
    assertThat(tickets.findByEonNumber(eon).orElseThrow().getStatus()).isEqualTo(TicketStatus.SOLUTION_SENT);
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(eon).count()).isZero();
    assertThat(journal.findByTicketOrderByCreatedAtAscIdAsc(tickets.findByEonNumber(eon).orElseThrow()))
        .extracting(JournalEntry::getText).contains("Thanks: Bedankt voor de snelle hulp!");

    TicketService.UpdateOutcome news = intake.addUpdate(eon, UpdateType.INFO, "still broken, thanks", "customer",
        List.of());

    assertThat(news.outcome()).isEqualTo("UPDATED");
    assertThat(tickets.findByEonNumber(eon).orElseThrow().getStatus()).isEqualTo(TicketStatus.OPEN);
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(eon).singleResult().getTaskDefinitionKey())
        .isEqualTo("Task_TriageTicket");
  }

  @Test
  @DisplayName("Thanks with a file attached reopens the ticket: a file is news")
  void thanksWithAFileReopens() throws Exception {
    String eon = solvedTicket();

    intake.addUpdate(eon, UpdateType.INFO, "Merci beaucoup", "customer",
        List.of(new NewAttachment("log.txt", "text/plain", "licence server log".getBytes())));

    assertThat(tickets.findByEonNumber(eon).orElseThrow().getStatus()).isEqualTo(TicketStatus.OPEN);
  }

  @Test
  @DisplayName("news on a ticket closed a moment ago reopens it: a new process instance starts at triage")
  void followUpWithinTheReopenPeriodReopens() throws Exception {
    Ticket closed = closedTicket();

    TicketService.UpdateOutcome outcome = intake.addUpdate(closed.getEonNumber(), UpdateType.INFO,
        "It happened again this morning", "customer", List.of());

    assertThat(outcome.outcome()).isEqualTo("REOPENED");
    assertThat(outcome.ticket().getEonNumber()).isEqualTo(closed.getEonNumber());
    Ticket reopened = tickets.findByEonNumber(closed.getEonNumber()).orElseThrow();
    assertThat(reopened.getStatus()).isEqualTo(TicketStatus.OPEN);
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(closed.getEonNumber()).singleResult()
        .getTaskDefinitionKey()).isEqualTo("Task_TriageTicket");
  }

  @Test
  @DisplayName("news after the reopen period becomes a new ticket linked to the old EON number (C4.3)")
  void followUpAfterTheReopenPeriodBecomesANewTicket() throws Exception {
    Ticket closed = closedTicket();
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(30, ChronoUnit.DAYS)));

    TicketService.UpdateOutcome outcome = intake.addUpdate(closed.getEonNumber(), UpdateType.MORE_FREQUENT,
        "The licence server is lost every day now", "customer", List.of());

    assertThat(outcome.outcome()).isEqualTo("NEW_TICKET");
    Ticket followUp = tickets.findByEonNumber(outcome.ticket().getEonNumber()).orElseThrow();
    assertThat(followUp.getEonNumber()).isNotEqualTo(closed.getEonNumber());
    assertThat(followUp.getEarlierCallNumbers()).containsExactly(closed.getEonNumber());
    assertThat(followUp.getDescription()).isEqualTo("The licence server is lost every day now");
    assertThat(tickets.findByEonNumber(closed.getEonNumber()).orElseThrow().isClosed()).isTrue();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(followUp.getEonNumber())
        .count()).isEqualTo(1);
  }
}
