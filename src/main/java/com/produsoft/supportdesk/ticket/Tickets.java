package com.produsoft.supportdesk.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * What other modules may do with a ticket without reaching into the ticket module's tables (issue 19): find it by
 * its EON number, write an internal note in its journal, read its files. Messages to the customer go through
 * {@link CustomerMails}.
 */
@Service
public class Tickets {

  private final TicketRepository tickets;
  private final JournalRepository journal;
  private final AttachmentRepository attachments;

  Tickets(TicketRepository tickets, JournalRepository journal, AttachmentRepository attachments) {
    this.tickets = tickets;
    this.journal = journal;
    this.attachments = attachments;
  }

  public Optional<Ticket> findByEonNumber(String eonNumber) {
    return tickets.findByEonNumber(eonNumber);
  }

  /** A journal line the staff see and the customer does not. */
  public void note(Ticket ticket, Instant at, JournalEntryType type, String author, String text) {
    journal.save(new JournalEntry(ticket, at, type, author, false, text));
  }

  /** The ticket's files, in the order they came. */
  public List<Attachment> files(Ticket ticket) {
    return attachments.findByTicketOrderByIdAsc(ticket);
  }
}
