package com.produsoft.supportdesk.ticket;

import java.time.Instant;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** A mail sent to a customer; its Message-ID lets a reply find its ticket (C8.1). */
@Entity
public class OutboundMail {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  /** Null for an answer to a mail that made no ticket (refused attachments). */
  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "ticket_id")
  private Ticket ticket;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private CustomerMails.Kind kind;

  private String messageId;
  private String recipient;
  private Instant sentAt;

  protected OutboundMail() {
  }

  OutboundMail(Ticket ticket, CustomerMails.Kind kind, String messageId, String recipient, Instant sentAt) {
    this.ticket = ticket;
    this.kind = kind;
    this.messageId = messageId;
    this.recipient = recipient;
    this.sentAt = sentAt;
  }

  public Ticket getTicket() {
    return ticket;
  }

  public CustomerMails.Kind getKind() {
    return kind;
  }

  public String getMessageId() {
    return messageId;
  }

  public String getRecipient() {
    return recipient;
  }

  public Instant getSentAt() {
    return sentAt;
  }
}
