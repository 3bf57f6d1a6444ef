package com.produsoft.supportdesk.ticket;

import java.time.Instant;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.produsoft.supportdesk.customer.Language;

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

/**
 * A message an engineer wrote to the customer of a ticket (issue 17): its kind, its text in the customer's language,
 * and for an appointment when and how (a call-back or a remote session, C5.4) and, afterwards, how it went.
 */
@Entity
public class CustomerMessage {

  /** How an appointment takes place. */
  public enum Channel {
    /** The engineer calls the customer back. */
    PHONE,
    /** A remote session with TeamViewer (C5.4). */
    REMOTE_SESSION
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "ticket_id")
  private Ticket ticket;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private MessageKind kind;

  @Lob
  private String text;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private Language language;

  /** The Camunda user id of the engineer. */
  private String author;

  private Instant writtenAt;

  /** When the mail went out; null while it waits for the mail server. */
  private Instant sentAt;

  private Instant appointmentAt;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private Channel appointmentChannel;

  /** How the appointment went, as the engineer recorded it. */
  @Lob
  private String outcome;

  protected CustomerMessage() {
  }

  public CustomerMessage(Ticket ticket, MessageKind kind, String text, String author, Instant writtenAt,
      Instant appointmentAt, Channel appointmentChannel) {
    this.ticket = ticket;
    this.kind = kind;
    this.text = text;
    this.language = ticket.getLanguage().written();
    this.author = author;
    this.writtenAt = writtenAt;
    this.appointmentAt = appointmentAt;
    this.appointmentChannel = appointmentChannel;
  }

  public Long getId() {
    return id;
  }

  public Ticket getTicket() {
    return ticket;
  }

  public MessageKind getKind() {
    return kind;
  }

  public String getText() {
    return text;
  }

  public Language getLanguage() {
    return language;
  }

  public String getAuthor() {
    return author;
  }

  public Instant getWrittenAt() {
    return writtenAt;
  }

  public Instant getSentAt() {
    return sentAt;
  }

  void sent(Instant at) {
    this.sentAt = at;
  }

  public Instant getAppointmentAt() {
    return appointmentAt;
  }

  public Channel getAppointmentChannel() {
    return appointmentChannel;
  }

  public String getOutcome() {
    return outcome;
  }

  void recordOutcome(String outcome) {
    this.outcome = outcome;
  }
}
