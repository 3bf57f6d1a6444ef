package com.produsoft.supportdesk.ticket;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AttachmentRepository extends JpaRepository<Attachment, Long> {

  List<Attachment> findByTicketOrderByIdAsc(Ticket ticket);

  /** A ticket's files as lists show them: name, size, who added them and when, without their content. */
  @Query("select new com.produsoft.supportdesk.ticket.TicketFile(a.id, a.fileName, a.sizeBytes, a.addedBy,"
      + " a.receivedAt) from Attachment a where a.ticket = :ticket order by a.id")
  List<TicketFile> filesOf(Ticket ticket);

  List<Attachment> findByCustomerMessageOrderByIdAsc(CustomerMessage message);
}
