package com.produsoft.supportdesk.contract;

import java.time.LocalDate;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** C1.5: the offer to take a lapsed contract again, with its reinstatement fee. */
@Entity
public class ReinstatementQuote {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "contract_id")
  private MaintenanceContract contract;

  private LocalDate requestedOn;

  private int monthsSinceLapse;

  @Column(name = "fee_eur")
  private Integer feeEur;

  private LocalDate validUntil;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private QuoteStatus status;

  private LocalDate acceptedOn;

  protected ReinstatementQuote() {
  }

  public ReinstatementQuote(MaintenanceContract contract, LocalDate requestedOn, int monthsSinceLapse) {
    this.contract = contract;
    this.requestedOn = requestedOn;
    this.monthsSinceLapse = monthsSinceLapse;
    this.status = QuoteStatus.REQUESTED;
  }

  public void send(int feeEur, LocalDate validUntil) {
    this.feeEur = feeEur;
    this.validUntil = validUntil;
    this.status = QuoteStatus.SENT;
  }

  public void accept(LocalDate on) {
    this.acceptedOn = on;
    this.status = QuoteStatus.ACCEPTED;
  }

  public void expire() {
    this.status = QuoteStatus.EXPIRED;
  }

  public Long getId() {
    return id;
  }

  public MaintenanceContract getContract() {
    return contract;
  }

  public LocalDate getRequestedOn() {
    return requestedOn;
  }

  public int getMonthsSinceLapse() {
    return monthsSinceLapse;
  }

  public Integer getFeeEur() {
    return feeEur;
  }

  public LocalDate getValidUntil() {
    return validUntil;
  }

  public QuoteStatus getStatus() {
    return status;
  }

  public LocalDate getAcceptedOn() {
    return acceptedOn;
  }
}
