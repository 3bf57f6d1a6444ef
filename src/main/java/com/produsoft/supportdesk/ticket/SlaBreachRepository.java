package com.produsoft.supportdesk.ticket;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface SlaBreachRepository extends JpaRepository<SlaBreach, Long> {

  boolean existsByTicketAndClockAndDueAt(Ticket ticket, SlaClock clock, Instant dueAt);

  boolean existsByTicketAndClock(Ticket ticket, SlaClock clock);

  List<SlaBreach> findByTicket(Ticket ticket);
}
