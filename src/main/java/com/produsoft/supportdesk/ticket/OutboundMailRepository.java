package com.produsoft.supportdesk.ticket;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface OutboundMailRepository extends JpaRepository<OutboundMail, Long> {

  /** The first of our mails among a reply's In-Reply-To and References that belongs to a ticket. */
  Optional<OutboundMail> findFirstByMessageIdInAndTicketIsNotNull(Collection<String> messageIds);

  List<OutboundMail> findByTicketOrderBySentAtAscIdAsc(Ticket ticket);
}
