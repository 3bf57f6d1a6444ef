package com.produsoft.supportdesk.intake.mail;

import java.time.Instant;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.produsoft.supportdesk.ticket.Ticket;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** A mail read from a support mailbox and what became of it; its dedupe key is unique, so it is handled once. */
@Entity
public class InboundMail {

  public enum Outcome {
    /** A new ticket. */
    TICKET,
    /** A customer update of an existing ticket (C8.1). */
    UPDATE,
    /** An auto-reply, bulk mail, a loop or a flood: nothing created, nothing answered. */
    IGNORED,
    /** Attachments broke the policy (C4.7): the sender was told, nothing stored. */
    REFUSED,
    /** A supplier's mail about a bug escalation (C7.2): journalled internally on the escalation's ticket. */
    SUPPLIER
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String dedupeKey;
  private String messageId;
  private String mailbox;
  private String sender;
  private String subject;
  private Instant receivedAt;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private Outcome outcome;

  private String reason;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "ticket_id")
  private Ticket ticket;

  protected InboundMail() {
  }

  InboundMail(IncomingMail mail, String mailbox, Instant receivedAt, Outcome outcome, String reason, Ticket ticket) {
    this.dedupeKey = mail.dedupeKey();
    this.messageId = mail.messageId() == null ? null : truncate(mail.messageId(), 998);
    this.mailbox = mailbox;
    this.sender = mail.sender();
    this.subject = mail.subject() == null ? null : truncate(mail.subject(), 500);
    this.receivedAt = receivedAt;
    this.outcome = outcome;
    this.reason = reason == null ? null : truncate(reason, 500);
    this.ticket = ticket;
  }

  private static String truncate(String text, int length) {
    return text.length() <= length ? text : text.substring(0, length);
  }

  public String getDedupeKey() {
    return dedupeKey;
  }

  public String getSender() {
    return sender;
  }

  public Outcome getOutcome() {
    return outcome;
  }

  public String getReason() {
    return reason;
  }

  public Ticket getTicket() {
    return ticket;
  }
}
