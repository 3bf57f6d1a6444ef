package com.produsoft.supportdesk.training;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.produsoft.supportdesk.platform.EngineClock;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * An update training planned at a release (C11.1, C11.2) or a user day (C11.3): open for registrations until its
 * first day, with a number of seats (persons) beyond which registrations wait.
 */
@Entity
public class TrainingSession {

  public enum Status {
    OPEN, CLOSED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private TrainingKind kind;

  private String productCode;

  private String productVersion;

  private LocalDate firstDay;

  private int days;

  private int seats;

  private String place;

  private String programme;

  @Column(name = "fee_for_others_eur")
  private BigDecimal feeForOthers;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private Status status = Status.OPEN;

  protected TrainingSession() {
  }

  private TrainingSession(TrainingKind kind, String productCode, String productVersion, LocalDate firstDay, int days,
      int seats, String place, String programme, BigDecimal feeForOthers) {
    if (days < 1 || seats < 1) {
      throw new IllegalArgumentException("A session needs at least one day and one seat");
    }
    this.kind = kind;
    this.productCode = productCode;
    this.productVersion = productVersion;
    this.firstDay = firstDay;
    this.days = days;
    this.seats = seats;
    this.place = place;
    this.programme = programme;
    this.feeForOthers = feeForOthers;
  }

  /** C11.1: the update training of a release, classroom or company-specific. */
  public static TrainingSession updateTraining(String productCode, String version, TrainingKind kind,
      LocalDate firstDay, int days, int seats, String place) {
    if (kind == TrainingKind.USER_DAY) {
      throw new IllegalArgumentException("An update training is CLASSROOM or COMPANY_SPECIFIC");
    }
    return new TrainingSession(kind, productCode, version, firstDay, days, seats, place, null, null);
  }

  /** C11.3: a one-day user day; customers without a contract pay {@code feeForOthers} per person. */
  public static TrainingSession userDay(LocalDate day, int seats, String place, String programme,
      BigDecimal feeForOthers) {
    if (feeForOthers == null || feeForOthers.signum() < 0) {
      throw new IllegalArgumentException("A user day needs a fee for customers without a contract (0 or more)");
    }
    return new TrainingSession(TrainingKind.USER_DAY, null, null, day, 1, seats, place, programme, feeForOthers);
  }

  /** Registrations close when the session starts: midnight in Belgium before its first day. */
  public Instant registrationsCloseAt() {
    return firstDay.atStartOfDay(EngineClock.BRUSSELS).toInstant();
  }

  public boolean isOpen() {
    return status == Status.OPEN;
  }

  public void close() {
    status = Status.CLOSED;
  }

  public Long getId() {
    return id;
  }

  public TrainingKind getKind() {
    return kind;
  }

  public String getProductCode() {
    return productCode;
  }

  public String getProductVersion() {
    return productVersion;
  }

  public LocalDate getFirstDay() {
    return firstDay;
  }

  public int getDays() {
    return days;
  }

  public int getSeats() {
    return seats;
  }

  public String getPlace() {
    return place;
  }

  public String getProgramme() {
    return programme;
  }

  public BigDecimal getFeeForOthers() {
    return feeForOthers;
  }

  public Status getStatus() {
    return status;
  }
}
