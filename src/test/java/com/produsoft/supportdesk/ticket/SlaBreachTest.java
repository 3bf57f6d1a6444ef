package com.produsoft.supportdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import com.produsoft.supportdesk.platform.ProcessJobs;

/**
 * C6.4 with the real process steps (TicketProcessTest mocks them): a missed first-response deadline is recorded once
 * and a support lead reviews it, instead of the timer job failing into an incident.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SlaBreachTest {

  @Autowired
  TicketService ticketService;
  @Autowired
  TicketRepository tickets;
  @Autowired
  SlaBreachRepository breaches;
  @Autowired
  ManagementService managementService;
  @Autowired
  TaskService taskService;

  @Test
  @DisplayName("C6.4: first response overdue records one breach and gives the leads 'Review overdue ticket'")
  void firstResponseOverdueIsRecordedAndReviewed() {
    TicketRegistration registration = new TicketRegistration("Metaalwerken Vandamme", "Jan Vandamme",
        "jan.vandamme@vandamme.example", "+32 50 12 34 56", "EDGECAM", "SUPPORT", "Licence server not found", null,
        null, "Windows 11", List.of(), null, false, "nl");
    Ticket ticket = ticketService.register(registration, Channel.WEB, null).ticket();
    // The confirmation mail's job runs on the job executor: let it finish before this test moves the same process.
    ProcessJobs.settle(managementService, ticket.getProcessInstanceId());
    Job overdue = managementService.createJobQuery().processInstanceId(ticket.getProcessInstanceId())
        .activityId("Event_FirstResponseOverdue").singleResult();

    managementService.executeJob(overdue.getId());

    Ticket breached = tickets.findByEonNumber(ticket.getEonNumber()).orElseThrow();
    assertThat(breaches.findByTicket(breached)).extracting(SlaBreach::getClock).containsExactly(SlaClock.FIRST_RESPONSE);
    assertThat(taskService.createTaskQuery().processInstanceId(ticket.getProcessInstanceId())
        .taskDefinitionKey("Task_ReviewOverdueTicket").count()).isEqualTo(1);
  }
}
