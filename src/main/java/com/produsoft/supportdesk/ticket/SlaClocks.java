package com.produsoft.supportdesk.ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Service;

import com.produsoft.supportdesk.calendar.OfficeHours;

/**
 * The SLA clocks of a ticket (C6), in office time. Deadlines are derived, never edited: clock start (C6.3: the
 * first opening after registration) plus the target plus the office time the ticket spent waiting for the
 * customer. A warning comes at 80 % of a target.
 */
@Service
public class SlaClocks {

  static final double WARNING_SHARE = 0.8;

  private final OfficeHours officeHours;

  public SlaClocks(OfficeHours officeHours) {
    this.officeHours = officeHours;
  }

  /** Targets from the priority decision: priority, firstResponseTarget, resolutionTarget (ISO-8601). */
  public void start(Ticket ticket, int priority, String firstResponseTarget, String resolutionTarget) {
    ticket.setClockStartedAt(officeHours.nextOpening(ticket.getRegisteredAt()));
    applyTargets(ticket, priority, firstResponseTarget, resolutionTarget);
  }

  /** C8.1 a critical update: new targets, counted from the same start. */
  public void applyTargets(Ticket ticket, int priority, String firstResponseTarget, String resolutionTarget) {
    ticket.setPriority(priority);
    ticket.setFirstResponseTarget(Duration.parse(firstResponseTarget).toString());
    ticket.setResolutionTarget(Duration.parse(resolutionTarget).toString());
    ticket.setFirstResponseDueAt(deadline(ticket, ticket.getFirstResponseTarget(), 1.0));
    ticket.setResolutionDueAt(deadline(ticket, ticket.getResolutionTarget(), 1.0));
  }

  public void pause(Ticket ticket, Instant now) {
    if (ticket.getPausedSince() == null) {
      ticket.setPausedSince(now);
    }
  }

  /** The customer answered: the deadlines move by the office time spent waiting. */
  public void resume(Ticket ticket, Instant now) {
    if (ticket.getPausedSince() == null) {
      return;
    }
    ticket.addPausedOfficeTime(officeHours.officeTimeBetween(ticket.getPausedSince(), now));
    ticket.setPausedSince(null);
    ticket.setFirstResponseDueAt(deadline(ticket, ticket.getFirstResponseTarget(), 1.0));
    ticket.setResolutionDueAt(deadline(ticket, ticket.getResolutionTarget(), 1.0));
  }

  /**
   * Support answered the customer; only the first answer stops the first-response clock. The office time it took
   * is kept for the managers' figures.
   */
  public void recordCustomerVisibleAnswer(Ticket ticket, Instant now) {
    if (ticket.getFirstResponseAt() == null) {
      ticket.setFirstResponseAt(now);
      ticket.setFirstResponseOfficeSeconds(runningOfficeTime(ticket, now).toSeconds());
    }
  }

  /**
   * A message reached the customer (issue 17, C6.4). Every kind answers the customer: the first one stops the
   * first-response clock, and each one meets the next-update clock (its journal line MESSAGE_SENT, see
   * SlaWatch.recordBreach). A question pauses the clocks until the reply (C4); only a solution stops the resolution
   * clock, which starts the reopen period. An appointment (a call-back, a remote session, C5.4) is a first response,
   * never a solution.
   */
  public void messageSent(Ticket ticket, MessageKind kind, Instant now) {
    recordCustomerVisibleAnswer(ticket, now);
    switch (kind) {
      case QUESTION -> pause(ticket, now);
      case SOLUTION -> recordResolution(ticket, now);
      case UPDATE, APPOINTMENT -> {
        // Answered, not solved: the resolution clock runs on.
      }
    }
  }

  /** The solution reached the customer (or the ticket closed without one): the resolution clock stops. */
  public void recordResolution(Ticket ticket, Instant now) {
    ticket.setResolvedAt(now);
    ticket.setResolutionOfficeSeconds(runningOfficeTime(ticket, now).toSeconds());
  }

  /**
   * The office time the clocks ran from registration until {@code at}: office time since the registration (C6.3:
   * counted from the next opening) less the time spent waiting for the customer or the supplier, the current wait
   * included.
   */
  public Duration runningOfficeTime(Ticket ticket, Instant at) {
    Duration paused = ticket.pausedOfficeTime();
    if (ticket.getPausedSince() != null) {
      paused = paused.plus(officeHours.officeTimeBetween(ticket.getPausedSince(), at));
    }
    Duration running = officeHours.officeTimeBetween(ticket.getRegisteredAt(), at).minus(paused);
    return running.isNegative() ? Duration.ZERO : running;
  }

  /** The next-update clock: support answers news from the customer within the first-response target. */
  public Instant nextUpdateDue(Ticket ticket, Instant updateReceivedAt) {
    return officeHours.addOfficeTime(updateReceivedAt, Duration.parse(ticket.getFirstResponseTarget()));
  }

  /** The variables the process's SLA timers and Tasklist's sorting read. */
  public Map<String, Object> processVariables(Ticket ticket, int taskPriority) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("priority", ticket.getPriority());
    variables.put("taskPriority", taskPriority);
    variables.put("firstResponseDueAt", Date.from(ticket.getFirstResponseDueAt()));
    variables.put("firstResponseWarningAt", Date.from(deadline(ticket, ticket.getFirstResponseTarget(), WARNING_SHARE)));
    variables.put("resolutionDueAt", Date.from(ticket.getResolutionDueAt()));
    variables.put("resolutionWarningAt", Date.from(deadline(ticket, ticket.getResolutionTarget(), WARNING_SHARE)));
    variables.put("firstResponseGiven", ticket.isFirstResponseGiven());
    return variables;
  }

  private Instant deadline(Ticket ticket, String target, double share) {
    Duration part = Duration.ofSeconds(Math.round(Duration.parse(target).toSeconds() * share));
    return officeHours.addOfficeTime(ticket.getClockStartedAt(), part.plus(ticket.pausedOfficeTime()));
  }
}
