package com.produsoft.supportdesk.ticket;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface TicketRepository extends JpaRepository<Ticket, Long>, TicketLookup {

  Optional<Ticket> findByIdempotencyKey(String idempotencyKey);

  /** The ticket of a customer's private status page link. */
  Optional<Ticket> findByStatusToken(String statusToken);
}
