package com.produsoft.supportdesk.ticket;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.produsoft.supportdesk.platform.EngineClock;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;

/** One line of a ticket's story: a customer update, an engineer's note, a message sent, a status change. */
@Entity
public class JournalEntry {

  /** How the journal's texts name a moment: Brussels time, to the minute. */
  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(EngineClock.BRUSSELS);

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "ticket_id")
  private Ticket ticket;

  private Instant createdAt;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private JournalEntryType type;

  /** A Camunda user id, "customer" or "system". */
  private String author;

  /** Whether the customer saw this: only such entries count as an answer for the SLA clocks. */
  private boolean customerVisible;

  @Lob
  private String text;

  /**
   * What the customer reads of this line on the status page, in the customer's language (issue 17 item 6); null:
   * the line is not shown. {@code text} is the internal note.
   */
  @Lob
  private String publicText;

  protected JournalEntry() {
  }

  public JournalEntry(Ticket ticket, Instant createdAt, JournalEntryType type, String author, boolean customerVisible,
      String text) {
    this.ticket = ticket;
    this.createdAt = createdAt;
    this.type = type;
    this.author = author;
    this.customerVisible = customerVisible;
    this.text = text;
  }

  /** The same line, shown to the customer as {@code publicText}. */
  public JournalEntry(Ticket ticket, Instant createdAt, JournalEntryType type, String author, String text,
      String publicText) {
    this(ticket, createdAt, type, author, true, text);
    this.publicText = publicText;
  }

  public Long getId() {
    return id;
  }

  public Ticket getTicket() {
    return ticket;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public JournalEntryType getType() {
    return type;
  }

  public String getAuthor() {
    return author;
  }

  /** Whether the customer wrote this line: the registration or an update, whatever channel it came by. */
  public boolean isFromCustomer() {
    return type == JournalEntryType.REGISTERED || type == JournalEntryType.CUSTOMER_UPDATE;
  }

  public boolean isCustomerVisible() {
    return customerVisible;
  }

  public String getText() {
    return text;
  }

  public String getPublicText() {
    return publicText;
  }
}
