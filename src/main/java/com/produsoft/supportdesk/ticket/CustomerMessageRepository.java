package com.produsoft.supportdesk.ticket;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface CustomerMessageRepository extends JpaRepository<CustomerMessage, Long> {

  List<CustomerMessage> findByTicketOrderByWrittenAtAscIdAsc(Ticket ticket);
}
