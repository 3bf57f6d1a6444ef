package com.produsoft.supportdesk.ticket;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

import com.produsoft.supportdesk.platform.EngineClock;

public interface JournalRepository extends JpaRepository<JournalEntry, Long> {

  List<JournalEntry> findByTicketOrderByCreatedAtAscIdAsc(Ticket ticket);

  /** Whether support answered the customer at or after this moment (the next-update clock). */
  boolean existsByTicketAndCustomerVisibleTrueAndTypeAndCreatedAtGreaterThanEqual(Ticket ticket,
      JournalEntryType type, Instant since);

  /** An internal note for the engineers, now; without an author it is the system's. */
  default JournalEntry note(Ticket ticket, String author, String text) {
    return save(new JournalEntry(ticket, EngineClock.now(), JournalEntryType.ENGINEER_NOTE,
        author == null ? "system" : author, false, text));
  }
}
