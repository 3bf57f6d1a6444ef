package com.produsoft.supportdesk.contract;

import java.time.LocalDate;

import jakarta.persistence.Basic;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;

/** C1.3: the proof of renewal of one contract period, as produced (PDF) and mailed. */
@Entity
public class RenewalProof {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "contract_id")
  private MaintenanceContract contract;

  private LocalDate periodStart;

  private LocalDate periodEnd;

  private LocalDate issuedOn;

  private LocalDate mailedOn;

  @Lob
  @Basic(fetch = FetchType.LAZY)
  private byte[] pdf;

  protected RenewalProof() {
  }

  public RenewalProof(MaintenanceContract contract, LocalDate issuedOn, byte[] pdf) {
    this.contract = contract;
    this.periodStart = contract.getCurrentPeriodStart();
    this.periodEnd = contract.getCurrentPeriodEnd();
    this.issuedOn = issuedOn;
    this.pdf = pdf;
  }

  /** The file name the customer sees, e.g. {@code proof-of-renewal-MC-2024-0007-2026-03-01.pdf}. */
  public String fileName() {
    return "proof-of-renewal-" + contract.getContractNumber() + "-" + periodStart + ".pdf";
  }

  public MaintenanceContract getContract() {
    return contract;
  }

  public LocalDate getPeriodStart() {
    return periodStart;
  }

  public LocalDate getPeriodEnd() {
    return periodEnd;
  }

  public LocalDate getIssuedOn() {
    return issuedOn;
  }

  public LocalDate getMailedOn() {
    return mailedOn;
  }

  public void setMailedOn(LocalDate mailedOn) {
    this.mailedOn = mailedOn;
  }

  public byte[] getPdf() {
    return pdf;
  }
}
