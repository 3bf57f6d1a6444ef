package com.produsoft.supportdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The SLA breach path with the real delegates (TicketProcessTest mocks them): the first-response timer fires, the
 * breach is recorded and the support leads get the review task (C6.4).
 */
@SpringBootTest(properties = "camunda.bpm.job-execution.enabled=false")
@ActiveProfiles("test")
class SlaBreachEscalationTest {

  @Autowired
  private TicketService tickets;
  @Autowired
  private ManagementService managementService;
  @Autowired
  private TaskService taskService;
  @Autowired
  private SlaBreachRepository breaches;

  @Test
  @DisplayName("C6.4: a missed first-response deadline is recorded once and escalated to the support leads")
  void missedFirstResponseIsRecordedAndEscalated() {
    Ticket ticket = tickets.register(new TicketRegistration("Metaalwerken Vandamme", "Jan Vandamme",
        "jan.vandamme@vandamme.example", "+32 50 12 34 56", "EDGECAM", "SUPPORT", "Postprocessor stops",
        null, null, "Windows 11", List.of(), null, false, "nl"), Channel.WEB, null).ticket();

    managementService.executeJob(firstResponseTimer(ticket).getId());

    List<Task> reviews = taskService.createTaskQuery().processInstanceId(ticket.getProcessInstanceId())
        .taskDefinitionKey("Task_ReviewOverdueTicket").list();
    assertThat(reviews).hasSize(1);
    assertThat(taskService.getIdentityLinksForTask(reviews.get(0).getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("support-leads"));
    assertThat(breaches.findByTicket(ticket)).singleElement()
        .satisfies(breach -> assertThat(breach.getClock()).isEqualTo(SlaClock.FIRST_RESPONSE));
  }

  private Job firstResponseTimer(Ticket ticket) {
    return managementService.createJobQuery().processInstanceId(ticket.getProcessInstanceId())
        .activityId("Event_FirstResponseOverdue").singleResult();
  }
}
