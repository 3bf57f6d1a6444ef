package com.produsoft.supportdesk.contract;

import java.time.LocalDate;

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
 * One step in a contract's life, for the managers' monthly counts. The unique key (contract, type, period) makes
 * each step happen once per period, whatever a retried job does.
 */
@Entity
public class ContractEvent {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "contract_id")
  private MaintenanceContract contract;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private ContractEventType type;

  private LocalDate occurredOn;

  /** The contract period the event belongs to (its first day). */
  private LocalDate periodStart;

  /** How a cancellation arrived (C1.4: mail to info@ or phone; or our API). */
  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private CancellationChannel channel;

  protected ContractEvent() {
  }

  public ContractEvent(MaintenanceContract contract, ContractEventType type, LocalDate occurredOn,
      LocalDate periodStart, CancellationChannel channel) {
    this.contract = contract;
    this.type = type;
    this.occurredOn = occurredOn;
    this.periodStart = periodStart;
    this.channel = channel;
  }

  public MaintenanceContract getContract() {
    return contract;
  }

  public ContractEventType getType() {
    return type;
  }

  public LocalDate getOccurredOn() {
    return occurredOn;
  }

  public LocalDate getPeriodStart() {
    return periodStart;
  }

  public CancellationChannel getChannel() {
    return channel;
  }
}
