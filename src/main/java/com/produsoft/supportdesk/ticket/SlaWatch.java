package com.produsoft.supportdesk.ticket;

import java.time.Instant;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.produsoft.supportdesk.platform.EngineClock;

/**
 * What the people working on a ticket are told when its process's SLA timers fire or the customer sends news: a
 * comment on their open tasks, a journal line, a staff alert mail (C6, C8.1). Breaches are recorded for the leads.
 */
@Service
@Transactional
public class SlaWatch {

  private static final String SYSTEM = "system";

  private final TicketRepository tickets;
  private final JournalRepository journal;
  private final SlaBreachRepository breaches;
  private final SlaClocks clocks;
  private final TaskService taskService;
  private final ApplicationEventPublisher events;

  SlaWatch(TicketRepository tickets, JournalRepository journal, SlaBreachRepository breaches, SlaClocks clocks,
      TaskService taskService, ApplicationEventPublisher events) {
    this.tickets = tickets;
    this.journal = journal;
    this.breaches = breaches;
    this.clocks = clocks;
    this.taskService = taskService;
    this.events = events;
  }

  /**
   * 80 % of a target: the people working on the ticket see it on their task and in the journal, and get a mail
   * (the assignee, else the team; once per clock and deadline).
   */
  public void warn(String eonNumber, SlaClock clock, String processInstanceId) {
    Ticket ticket = tickets.byEonNumber(eonNumber);
    String text = clock + " deadline approaching: due " + dueAt(ticket, clock);
    journal.save(new JournalEntry(ticket, EngineClock.now(), JournalEntryType.SLA_WARNING, SYSTEM, false, text));
    commentOnOpenTasks(processInstanceId, text);
    events.publishEvent(new StaffAttention.SlaDeadlineApproaching(eonNumber, clock, dueAt(ticket, clock)));
  }

  /**
   * Records a missed deadline once, unless it was met after all (answered meanwhile). Answers whether this is a
   * new breach, which the leads then review; they get a mail about it too.
   */
  public boolean recordBreach(String eonNumber, SlaClock clock, Instant nextUpdateReceivedAt,
      Instant nextUpdateDueAt) {
    Ticket ticket = tickets.byEonNumber(eonNumber);
    boolean met = switch (clock) {
      case FIRST_RESPONSE -> ticket.isFirstResponseGiven();
      case RESOLUTION -> ticket.getResolvedAt() != null;
      case NEXT_UPDATE -> journal.existsByTicketAndCustomerVisibleTrueAndTypeAndCreatedAtGreaterThanEqual(
          ticket, JournalEntryType.MESSAGE_SENT, nextUpdateReceivedAt);
    };
    Instant dueAt = clock == SlaClock.NEXT_UPDATE ? nextUpdateDueAt : dueAt(ticket, clock);
    if (met || breaches.existsByTicketAndClockAndDueAt(ticket, clock, dueAt)
        || clock != SlaClock.NEXT_UPDATE && breaches.existsByTicketAndClock(ticket, clock)) {
      return false;
    }
    Instant now = EngineClock.now();
    breaches.save(new SlaBreach(ticket, clock, dueAt, now));
    journal.save(new JournalEntry(ticket, now, JournalEntryType.SLA_BREACH, SYSTEM, false,
        clock + " deadline " + dueAt + " missed"));
    events.publishEvent(new StaffAttention.SlaDeadlineMissed(eonNumber, clock, dueAt));
    return true;
  }

  /** C8.1 the problem happens more often, or other news: the assignee sees it on the task. */
  public void notifyAssignee(String updateType, String message, String processInstanceId) {
    commentOnOpenTasks(processInstanceId, "Customer update (" + updateType + "): " + message);
  }

  /** The news starts the next-update clock: support answers it within the first-response target. */
  public Instant nextUpdateDue(String eonNumber, Instant updateReceivedAt) {
    return clocks.nextUpdateDue(tickets.byEonNumber(eonNumber), updateReceivedAt);
  }

  private static Instant dueAt(Ticket ticket, SlaClock clock) {
    return clock == SlaClock.FIRST_RESPONSE ? ticket.getFirstResponseDueAt() : ticket.getResolutionDueAt();
  }

  private void commentOnOpenTasks(String processInstanceId, String text) {
    for (Task task : taskService.createTaskQuery().processInstanceId(processInstanceId).list()) {
      taskService.createComment(task.getId(), processInstanceId, text);
    }
  }
}
