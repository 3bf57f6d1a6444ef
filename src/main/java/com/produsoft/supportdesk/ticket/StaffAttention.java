package com.produsoft.supportdesk.ticket;

import java.time.Instant;

/**
 * Moments of a ticket the staff must hear about, published in the ticket's transaction. The alert module turns them
 * into alert mails in that same transaction (plain {@code @EventListener}): the alert exists exactly when the
 * moment was committed, and the ticket module does not know who listens.
 */
public final class StaffAttention {

  private StaffAttention() {
  }

  /** A ticket of priority 1 started its SLA clocks. */
  public record PriorityOneTicket(String eonNumber) {
  }

  /** The customer wrote about an open ticket (or reopened it): the journal entry and its text. */
  public record CustomerNews(String eonNumber, long journalEntryId, String text) {
  }

  /** 80 % of an SLA clock's target has passed. */
  public record SlaDeadlineApproaching(String eonNumber, SlaClock clock, Instant dueAt) {
  }

  /** An SLA deadline was missed (recorded once per clock and deadline). */
  public record SlaDeadlineMissed(String eonNumber, SlaClock clock, Instant dueAt) {
  }
}
