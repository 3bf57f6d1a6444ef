package com.produsoft.supportdesk.alert;

import java.time.Instant;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * An event the staff is alerted of, waiting in the outbox until {@link StaffAlertMailer} has mailed it. Written in
 * the transaction that saw the event, so it exists exactly when the event does; once per {@code eventKey}.
 */
@Entity
public class StaffAlert {

  /** PENDING until mailed (DONE), until the attempts ran out (FAILED) or too late to be of use (EXPIRED). */
  public enum Status {
    PENDING, DONE, FAILED, EXPIRED
  }

  static final int MAX_DETAIL = 2000;
  static final int MAX_ERROR = 1000;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private AlertKind kind;

  private String eonNumber;
  private String eventKey;
  private String detail;
  private Instant raisedAt;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private Status status;

  private int attempts;
  private Instant nextAttemptAt;
  private String lastError;

  protected StaffAlert() {
  }

  StaffAlert(AlertKind kind, String eonNumber, String eventKey, String detail, Instant raisedAt) {
    this.kind = kind;
    this.eonNumber = eonNumber;
    this.eventKey = eventKey;
    this.detail = cut(detail, MAX_DETAIL);
    this.raisedAt = raisedAt;
    this.status = Status.PENDING;
    this.nextAttemptAt = raisedAt;
  }

  static String cut(String text, int length) {
    return text == null || text.length() <= length ? text : text.substring(0, length - 1) + "…";
  }

  public Long getId() {
    return id;
  }

  public AlertKind getKind() {
    return kind;
  }

  public String getEonNumber() {
    return eonNumber;
  }

  public String getEventKey() {
    return eventKey;
  }

  public String getDetail() {
    return detail;
  }

  public Instant getRaisedAt() {
    return raisedAt;
  }

  public Status getStatus() {
    return status;
  }

  public int getAttempts() {
    return attempts;
  }

  public String getLastError() {
    return lastError;
  }
}
