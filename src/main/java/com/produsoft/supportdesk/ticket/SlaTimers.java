package com.produsoft.supportdesk.ticket;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.produsoft.supportdesk.platform.EngineClock;

/**
 * The SLA clocks of a ticket (C6) as its process sees them: started, paused and resumed, moved by a new priority.
 * {@link SlaClocks} computes the deadlines on the ticket; this hands them to the process as the variables its timers
 * and Tasklist's sorting read, and moves the tasks and timers already waiting for them.
 */
@Service
@Transactional
public class SlaTimers {

  private static final Set<String> RESOLUTION_DEADLINES = Set.of("resolutionDueAt", "resolutionWarningAt");

  private final TicketRepository tickets;
  private final JournalRepository journal;
  private final SlaClocks clocks;
  private final DeadlineTimers timers;
  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final ApplicationEventPublisher events;

  SlaTimers(TicketRepository tickets, JournalRepository journal, SlaClocks clocks, DeadlineTimers timers,
      TaskService taskService, RuntimeService runtimeService, ApplicationEventPublisher events) {
    this.tickets = tickets;
    this.journal = journal;
    this.clocks = clocks;
    this.timers = timers;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.events = events;
  }

  /**
   * The priority decision's outcome, applied: the SLA clocks start (C6.3). A P1 ticket alerts its team (or its
   * assignee) by mail, once.
   */
  public Map<String, Object> start(String eonNumber, PriorityDecision decision) {
    Ticket ticket = tickets.byEonNumber(eonNumber);
    clocks.start(ticket, decision.priority(), decision.firstResponseTarget(), decision.resolutionTarget());
    if (decision.priority() == 1) {
      events.publishEvent(new StaffAttention.PriorityOneTicket(eonNumber));
    }
    return clocks.processVariables(ticket, decision.taskPriority());
  }

  /** The customer replied: the clocks run again, the deadlines moved by the wait, and the ticket is worked on. */
  public Map<String, Object> resumeAfterCustomer(String eonNumber, int taskPriority) {
    Ticket ticket = tickets.byEonNumber(eonNumber);
    clocks.resume(ticket, EngineClock.now());
    ticket.resumeWork();
    return clocks.processVariables(ticket, taskPriority);
  }

  /**
   * A new priority (C8.1 critical, or set by an engineer, C6.4) moves the ticket's deadlines, the open tasks'
   * priority and due date, and the SLA timers already waiting. The journal says who changed it and why.
   */
  public Map<String, Object> changePriority(String eonNumber, PriorityDecision decision, String processInstanceId,
      String author, String reason) {
    Ticket ticket = tickets.byEonNumber(eonNumber);
    Map<Instant, Instant> movedDeadlines = new HashMap<>();
    Instant oldFirstResponse = ticket.getFirstResponseDueAt();
    Instant oldResolution = ticket.getResolutionDueAt();
    Integer oldPriority = ticket.getPriority();
    clocks.applyTargets(ticket, decision.priority(), decision.firstResponseTarget(), decision.resolutionTarget());
    movedDeadlines.put(oldFirstResponse, ticket.getFirstResponseDueAt());
    movedDeadlines.put(oldResolution, ticket.getResolutionDueAt());
    journal.note(ticket, author, "Priority changed from " + oldPriority + " to " + decision.priority() + ": "
        + reason);

    for (Task task : taskService.createTaskQuery().processInstanceId(processInstanceId).list()) {
      taskService.setPriority(task.getId(), decision.taskPriority());
      Instant due = task.getDueDate() == null ? null : task.getDueDate().toInstant();
      if (movedDeadlines.containsKey(due)) {
        task.setDueDate(Date.from(movedDeadlines.get(due)));
        taskService.saveTask(task);
      }
    }
    Map<String, Object> variables = clocks.processVariables(ticket, decision.taskPriority());
    timers.move(processInstanceId, variables);
    return variables;
  }

  /** C6.4: a priority an engineer set by hand, which needs a reason. */
  public Map<String, Object> correctPriority(String eonNumber, PriorityDecision decision, String processInstanceId,
      String engineer, String reason) {
    TicketTriage.requireReason(reason, "a new priority");
    return changePriority(eonNumber, decision, processInstanceId, engineer, reason);
  }

  /**
   * C7.2: while the supplier works on the bug (the customer has a workaround), the resolution clock stands still:
   * the ticket's resolution timers wait at {@link DeadlineTimers#CLOCK_STOPPED} until the supplier's answer or the
   * fix comes.
   */
  public void pauseForSupplier(String eonNumber) {
    Ticket ticket = tickets.byEonNumber(eonNumber);
    if (ticket.getPausedSince() != null) {
      return;
    }
    clocks.pause(ticket, EngineClock.now());
    timers.stop(ticket.getProcessInstanceId(), RESOLUTION_DEADLINES);
    journal.note(ticket, null, "Resolution clock stopped while the supplier works on the bug (C7.2)");
  }

  /** The supplier answered or the fix came: the resolution deadline moves by the office time spent waiting. */
  public void resumeAfterSupplier(String eonNumber) {
    Ticket ticket = tickets.byEonNumber(eonNumber);
    if (ticket.getPausedSince() == null) {
      return;
    }
    clocks.resume(ticket, EngineClock.now());
    String processInstanceId = ticket.getProcessInstanceId();
    int taskPriority = ((Number) runtimeService.getVariable(processInstanceId, "taskPriority")).intValue();
    Map<String, Object> variables = clocks.processVariables(ticket, taskPriority);
    runtimeService.setVariables(processInstanceId, variables);
    Map<String, Object> resolutionDeadlines = new HashMap<>(variables);
    resolutionDeadlines.keySet().retainAll(RESOLUTION_DEADLINES);
    timers.move(processInstanceId, resolutionDeadlines);
    journal.note(ticket, null, "Resolution clock running again, due "
        + JournalEntry.TIME.format(ticket.getResolutionDueAt()));
  }
}
