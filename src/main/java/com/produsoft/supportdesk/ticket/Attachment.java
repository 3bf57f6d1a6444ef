package com.produsoft.supportdesk.ticket;

import java.time.Instant;

import jakarta.persistence.Basic;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;

/**
 * A file of a ticket, kept in the database with the ticket so that a registration and its files commit together:
 * sent by the customer with a registration or an update (C4.7), or attached by an engineer to a message to the
 * customer (issue 17; {@code addedBy} names the engineer).
 */
@Entity
public class Attachment {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "ticket_id")
  private Ticket ticket;

  private String fileName;
  private String contentType;
  private long sizeBytes;
  private Instant receivedAt;

  /** The engineer who attached the file to a message; null for the customer's files. */
  private String addedBy;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "customer_message_id")
  private CustomerMessage customerMessage;

  @Lob
  @Basic(fetch = FetchType.LAZY)
  private byte[] content;

  protected Attachment() {
  }

  public Attachment(Ticket ticket, NewAttachment file, Instant receivedAt) {
    this.ticket = ticket;
    this.fileName = file.fileName();
    this.contentType = file.contentType();
    this.sizeBytes = file.content().length;
    this.content = file.content();
    this.receivedAt = receivedAt;
  }

  /** A file an engineer sends the customer with a message. */
  public Attachment(CustomerMessage message, NewAttachment file, Instant addedAt) {
    this(message.getTicket(), file, addedAt);
    this.addedBy = message.getAuthor();
    this.customerMessage = message;
  }

  public Long getId() {
    return id;
  }

  public Ticket getTicket() {
    return ticket;
  }

  public String getFileName() {
    return fileName;
  }

  public String getContentType() {
    return contentType;
  }

  public long getSizeBytes() {
    return sizeBytes;
  }

  public Instant getReceivedAt() {
    return receivedAt;
  }

  public String getAddedBy() {
    return addedBy;
  }

  public CustomerMessage getCustomerMessage() {
    return customerMessage;
  }

  public byte[] getContent() {
    return content;
  }
}
