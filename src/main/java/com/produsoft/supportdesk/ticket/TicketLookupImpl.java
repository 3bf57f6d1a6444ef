package com.produsoft.supportdesk.ticket;

import java.util.Optional;

import org.hibernate.Session;
import org.springframework.transaction.annotation.Transactional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The EON number is the ticket's natural id: a lookup answers from the transaction's persistence context when the
 * ticket is already there, without a query. A registration finds its new ticket this way in every step up to the
 * triage task (entitlement, SLA clocks, the task's facts), where a query by EON number cost a flush, a statement
 * and a round trip each (docs/performance.md, B1).
 */
class TicketLookupImpl implements TicketLookup {

  @PersistenceContext
  private EntityManager entityManager;

  @Override
  @Transactional(readOnly = true)
  public Optional<Ticket> findByEonNumber(String eonNumber) {
    return entityManager.unwrap(Session.class).bySimpleNaturalId(Ticket.class).loadOptional(eonNumber);
  }
}
