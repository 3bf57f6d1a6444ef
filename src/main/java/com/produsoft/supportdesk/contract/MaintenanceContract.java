package com.produsoft.supportdesk.contract;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.produsoft.supportdesk.customer.Customer;
import com.produsoft.supportdesk.licence.Licence;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;

/**
 * A maintenance contract (C1): it starts with the first year after the licence purchase, renews itself year
 * after year (C1.2) until the customer cancels it (C1.4), and lapses after its last day.
 */
@Entity
public class MaintenanceContract {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  /** As on the proof of renewal (C1.3), e.g. {@code MC-2024-0007}. */
  private String contractNumber;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "customer_id")
  private Customer customer;

  @ManyToMany
  @JoinTable(name = "contract_licence",
      joinColumns = @JoinColumn(name = "contract_id"),
      inverseJoinColumns = @JoinColumn(name = "licence_id"))
  private Set<Licence> licences = new HashSet<>();

  private LocalDate firstYearStart;

  private LocalDate currentPeriodStart;

  private LocalDate currentPeriodEnd;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private ContractStatus status;

  private LocalDate cancellationReceivedOn;

  /** The last covered day, known once the contract is cancelled. */
  private LocalDate endsOn;

  /** C1.5: the day a lapsed contract was taken again; support is given from then on, not in the gap before. */
  private LocalDate reinstatedOn;

  protected MaintenanceContract() {
  }

  public MaintenanceContract(String contractNumber, Customer customer, Collection<Licence> licences,
      LocalDate firstYearStart) {
    this.contractNumber = contractNumber;
    this.customer = customer;
    this.licences.addAll(licences);
    this.firstYearStart = firstYearStart;
    this.currentPeriodStart = firstYearStart;
    this.currentPeriodEnd = periodEnd(firstYearStart);
    this.status = ContractStatus.FIRST_YEAR;
  }

  private static LocalDate periodEnd(LocalDate periodStart) {
    return periodStart.plusYears(1).minusDays(1);
  }

  /** C1.2: the next contract period starts the day after the current one ends. */
  public void renew() {
    boolean runsIntoNextPeriod = isRunning()
        || status == ContractStatus.CANCELLED && endsOn.isAfter(currentPeriodEnd);
    if (!runsIntoNextPeriod) {
      throw new IllegalStateException("Contract " + contractNumber + " does not run beyond " + currentPeriodEnd);
    }
    currentPeriodStart = currentPeriodEnd.plusDays(1);
    currentPeriodEnd = periodEnd(currentPeriodStart);
    if (status == ContractStatus.FIRST_YEAR) {
      status = ContractStatus.ACTIVE;
    }
  }

  /**
   * C1.2: a contract registered after the fact (the register's pages and import) has renewed itself every year since
   * its first one; its current period is the one holding {@code on}.
   */
  public void renewUpTo(LocalDate on) {
    while (isRunning() && currentPeriodEnd.isBefore(on)) {
      renew();
    }
  }

  /** Covers one more licence of its customer; answers whether it did not cover it yet. */
  public boolean cover(Licence licence) {
    if (!licence.getCustomer().getId().equals(customer.getId())) {
      throw new IllegalArgumentException("Licence " + licence.getLicenceNumber() + " is not "
          + customer.getCompanyName() + "'s");
    }
    return licences.add(licence);
  }

  /** C1.4: the last day a cancellation stops the contract at the end of the current period. */
  public LocalDate cancellationDeadline() {
    return currentPeriodEnd.plusDays(1).minusMonths(3);
  }

  /**
   * C1.4: a cancellation received by the deadline ends the contract with the current period; one received
   * later ends it with the following period (the charter's system reading).
   */
  public void cancel(LocalDate receivedOn) {
    if (!isRunning()) {
      throw new IllegalStateException("Contract " + contractNumber + " is already " + status);
    }
    cancellationReceivedOn = receivedOn;
    endsOn = receivedOn.isAfter(cancellationDeadline()) ? periodEnd(currentPeriodEnd.plusDays(1)) : currentPeriodEnd;
    status = ContractStatus.CANCELLED;
  }

  /** A cancelled contract lapses once its last day has passed. */
  public void lapse(LocalDate on) {
    if (status != ContractStatus.CANCELLED || !on.isAfter(endsOn)) {
      throw new IllegalStateException("Contract " + contractNumber + " still runs on " + on);
    }
    status = ContractStatus.LAPSED;
  }

  /**
   * C1.5: a lapsed contract is taken again, after the reinstatement fee was accepted. The same contract (same
   * number, same licences) starts a new one-year period on {@code startsOn} and renews itself again (C1.2).
   */
  public void reinstate(LocalDate startsOn) {
    if (status != ContractStatus.LAPSED) {
      throw new IllegalStateException("Contract " + contractNumber + " is " + status + ", not lapsed");
    }
    reinstatedOn = startsOn;
    currentPeriodStart = startsOn;
    currentPeriodEnd = periodEnd(startsOn);
    cancellationReceivedOn = null;
    endsOn = null;
    status = ContractStatus.ACTIVE;
  }

  /** The first day the contract covers: its first day, or the day it was reinstated (C1.5). */
  public LocalDate coverageStart() {
    return reinstatedOn != null ? reinstatedOn : firstYearStart;
  }

  /** Whether the contract renews itself at the end of its current period (C1.2): neither cancelled nor lapsed. */
  public boolean isRunning() {
    return status == ContractStatus.FIRST_YEAR || status == ContractStatus.ACTIVE;
  }

  /** Whether the current period is the contract's last: cancelled so that it ends with this period (C1.4). */
  public boolean endsWithCurrentPeriod() {
    return status == ContractStatus.CANCELLED && !endsOn.isAfter(currentPeriodEnd);
  }

  /**
   * Whether the contract gives support on that day: from its first day on (or from its reinstatement, C1.5) while
   * it renews itself (C1.2), up to its last day once cancelled (C1.4), never once lapsed.
   */
  public boolean covers(LocalDate on) {
    if (on.isBefore(coverageStart())) {
      return false;
    }
    return switch (status) {
      case FIRST_YEAR, ACTIVE -> true;
      case CANCELLED -> !on.isAfter(endsOn);
      case LAPSED -> false;
    };
  }

  public Long getId() {
    return id;
  }

  public String getContractNumber() {
    return contractNumber;
  }

  public Customer getCustomer() {
    return customer;
  }

  public Set<Licence> getLicences() {
    return Set.copyOf(licences);
  }

  public LocalDate getFirstYearStart() {
    return firstYearStart;
  }

  public LocalDate getCurrentPeriodStart() {
    return currentPeriodStart;
  }

  public LocalDate getCurrentPeriodEnd() {
    return currentPeriodEnd;
  }

  public ContractStatus getStatus() {
    return status;
  }

  public LocalDate getCancellationReceivedOn() {
    return cancellationReceivedOn;
  }

  public LocalDate getEndsOn() {
    return endsOn;
  }

  public LocalDate getReinstatedOn() {
    return reinstatedOn;
  }
}
