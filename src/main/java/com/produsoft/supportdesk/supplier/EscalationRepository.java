package com.produsoft.supportdesk.supplier;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

import com.produsoft.supportdesk.ticket.Ticket;

interface EscalationRepository extends JpaRepository<Escalation, Long> {

  List<Escalation> findBySupplierBugOrderByIdAsc(SupplierBug supplierBug);

  List<Escalation> findByTicketOrderByIdAsc(Ticket ticket);

  Optional<Escalation> findFirstBySupplierMessageIdIn(List<String> messageIds);

  /** The escalation whose report made the supplier know the bug: its mail thread is the supplier's. */
  Optional<Escalation> findFirstBySupplierBugAndSupplierMessageIdIsNotNullOrderByIdAsc(SupplierBug supplierBug);
}
