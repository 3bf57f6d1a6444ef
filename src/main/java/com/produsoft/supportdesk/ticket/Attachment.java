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
 * A file the customer sent with a registration or an update (C4.7), kept in the database with the ticket so
 * that a registration and its files commit together.
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

  public byte[] getContent() {
    return content;
  }
}
