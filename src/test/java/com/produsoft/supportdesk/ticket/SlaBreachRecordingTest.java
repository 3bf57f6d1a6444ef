package com.produsoft.supportdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import com.produsoft.supportdesk.platform.security.Roles;

/**
 * C6 with the real process steps (TicketProcessTest replaces them with doubles): when the first-response deadline
 * passes unanswered, the job executor records the breach once and the leads get "Review overdue ticket", instead
 * of the timer job failing into an incident.
 */
@SpringBootTest
@ActiveProfiles("test")
class SlaBreachRecordingTest {

  /** A Tuesday, 10:00 in Brussels: the deadline falls within the same office day. */
  private static final Instant REGISTERED = Instant.parse("2026-03-10T09:00:00Z");

  @Autowired
  TicketService ticketService;
  @Autowired
  TicketRepository tickets;
  @Autowired
  SlaBreachRepository breaches;
  @Autowired
  TaskService taskService;
  @Autowired
  RuntimeService runtimeService;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  @DisplayName("C6: a first response overdue is recorded as a breach and handed to the leads for review")
  void overdueFirstResponseIsRecordedAndReviewed() throws InterruptedException {
    ClockUtil.setCurrentTime(Date.from(REGISTERED));
    TicketRegistration registration = new TicketRegistration("Metaalwerken Vandamme", "Jan Vandamme",
        "jan.vandamme@vandamme.example", "+32 50 12 34 56", "EDGECAM", "SUPPORT", "Licence server not found", null,
        null, "Windows 11", null, null, false, "nl");
    Ticket ticket = ticketService.register(registration, Channel.WEB, null).ticket();
    Instant due = tickets.findByEonNumber(ticket.getEonNumber()).orElseThrow().getFirstResponseDueAt();
    assertThat(due).isAfter(REGISTERED);

    ClockUtil.setCurrentTime(Date.from(due.plus(Duration.ofMinutes(1))));
    Task review = awaitReviewTask(ticket.getEonNumber());

    assertThat(review.getName()).isEqualTo("Review overdue ticket");
    assertThat(taskService.createTaskQuery().taskId(review.getId()).taskCandidateGroup(Roles.SUPPORT_LEADS).count())
        .isEqualTo(1);
    assertThat(breaches.findByTicket(ticket)).extracting(SlaBreach::getClock, SlaBreach::getDueAt)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(SlaClock.FIRST_RESPONSE, due));
    assertThat(runtimeService.createIncidentQuery().count()).as("no failed SLA job").isZero();
  }

  /** The job executor fires the timer once the engine's clock has passed it. */
  private Task awaitReviewTask(String eon) throws InterruptedException {
    Instant giveUp = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(giveUp)) {
      Task task = taskService.createTaskQuery().processInstanceBusinessKey(eon)
          .taskDefinitionKey("Task_ReviewOverdueTicket").singleResult();
      if (task != null) {
        return task;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no review task for " + eon + "; incidents: "
        + runtimeService.createIncidentQuery().list().stream().map(i -> i.getIncidentMessage()).toList());
  }
}
