package com.produsoft.supportdesk.ticket;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface JournalRepository extends JpaRepository<JournalEntry, Long> {

  List<JournalEntry> findByTicketOrderByCreatedAtAscIdAsc(Ticket ticket);

  /** Whether support answered the customer at or after this moment (the next-update clock). */
  boolean existsByTicketAndCustomerVisibleTrueAndTypeAndCreatedAtGreaterThanEqual(Ticket ticket,
      JournalEntryType type, Instant since);
}
