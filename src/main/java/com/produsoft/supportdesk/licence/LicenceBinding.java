package com.produsoft.supportdesk.licence;

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

/**
 * One period in which a licence was bound to one host id or dongle (C10.3). The current binding has no
 * {@code boundUntil} and carries {@code activeLicenceId}: that column is unique, so the database itself refuses a
 * second current binding of a licence, whatever the Java code does.
 */
@Entity
public class LicenceBinding {

  /** Why a binding ended. */
  public enum EndedBecause {
    /** The customer moved or reinstalled the software; the old hardware no longer holds the licence (C3.5, C3.8). */
    RELEASED,
    /** Theft, loss or fire: the old licence or dongle is blocked, nobody may use it again (C3.5, C3.6). */
    BLOCKED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "licence_id")
  private Licence licence;

  private String hostId;
  private String dongleNumber;
  private Instant boundFrom;
  private Instant boundUntil;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private EndedBecause endedBecause;

  /** The licence's id while this binding is current, null once it ended. */
  private Long activeLicenceId;

  /** The request that made this binding; null for the licence's first binding. */
  private Long transferRequestId;

  protected LicenceBinding() {
  }

  /** The licence's current hardware, bound from {@code boundFrom} on. */
  static LicenceBinding current(Licence licence, Instant boundFrom, Long transferRequestId) {
    LicenceBinding binding = new LicenceBinding();
    binding.licence = licence;
    binding.hostId = licence.getHostId();
    binding.dongleNumber = licence.getDongleNumber();
    binding.boundFrom = boundFrom;
    binding.activeLicenceId = licence.getId();
    binding.transferRequestId = transferRequestId;
    return binding;
  }

  void end(Instant at, EndedBecause because) {
    boundUntil = at;
    endedBecause = because;
    activeLicenceId = null;
  }

  public boolean isCurrent() {
    return boundUntil == null;
  }

  public Long getId() {
    return id;
  }

  public Licence getLicence() {
    return licence;
  }

  public String getHostId() {
    return hostId;
  }

  public String getDongleNumber() {
    return dongleNumber;
  }

  public Instant getBoundFrom() {
    return boundFrom;
  }

  public Instant getBoundUntil() {
    return boundUntil;
  }

  public EndedBecause getEndedBecause() {
    return endedBecause;
  }

  public Long getTransferRequestId() {
    return transferRequestId;
  }
}
