package com.produsoft.supportdesk.contract;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.produsoft.supportdesk.platform.EngineClock;

/**
 * What each step of {@code ContractRenewalProcess} does to a contract (C1). The process holds only the contract
 * number and the dates its timers wait for; the contract's dates live in our tables and are read here, with
 * "today" from Camunda's clock ({@link EngineClock}) so that tests can move through the years.
 */
@Service
@Transactional
public class ContractLife {

  /** Reminders are mailed in the morning, not at midnight. */
  private static final LocalTime REMINDER_TIME = LocalTime.of(8, 0);

  private final ContractService contracts;
  private final ContractEventRepository events;
  private final RenewalProofRepository proofs;
  private final ReinstatementQuoteRepository quotes;
  private final ProofOfRenewalPdf proofPdf;
  private final ContractLetters letters;
  private final ObjectMapper json;

  public ContractLife(ContractService contracts, ContractEventRepository events, RenewalProofRepository proofs,
      ReinstatementQuoteRepository quotes, ProofOfRenewalPdf proofPdf, ContractLetters letters, ObjectMapper json) {
    this.contracts = contracts;
    this.events = events;
    this.proofs = proofs;
    this.quotes = quotes;
    this.proofPdf = proofPdf;
    this.letters = letters;
    this.json = json;
  }

  private static Date startOf(LocalDate day, LocalTime time) {
    return Date.from(day.atTime(time).atZone(EngineClock.BRUSSELS).toInstant());
  }

  /**
   * The dates the process waits for in the current period: {@code reminderAt} (N days before the cancellation
   * deadline, C1.4), {@code periodOverAt} (the first moment of the day after the period) and {@code contractEnds}
   * (cancelled so that it ends with this period).
   */
  public Map<String, Object> schedule(String contractNumber, int reminderDaysBeforeDeadline) {
    MaintenanceContract contract = contracts.contract(contractNumber);
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("reminderAt", startOf(contract.cancellationDeadline().minusDays(reminderDaysBeforeDeadline),
        REMINDER_TIME));
    variables.put("periodOverAt", startOf(contract.getCurrentPeriodEnd().plusDays(1), LocalTime.MIDNIGHT));
    variables.put("contractEnds", contract.endsWithCurrentPeriod());
    return variables;
  }

  /**
   * C1.4: reminds the designated contacts of the renewal and of the cancellation deadline, once per deadline.
   * A cancelled contract, or a deadline already past (a contract taken into the process late), needs none.
   *
   * @return whether a reminder was sent
   */
  public boolean remind(String contractNumber) {
    MaintenanceContract contract = contracts.contract(contractNumber);
    LocalDate today = EngineClock.today();
    if (!contract.isRunning() || today.isAfter(contract.cancellationDeadline()) || events
        .existsByContractAndTypeAndPeriodStart(contract, ContractEventType.REMINDER_SENT,
            contract.getCurrentPeriodStart())) {
      return false;
    }
    events.save(new ContractEvent(contract, ContractEventType.REMINDER_SENT, today,
        contract.getCurrentPeriodStart(), null));
    letters.renewalReminder(contract);
    return true;
  }

  /** C1.2: the next period starts. */
  public void renew(String contractNumber) {
    MaintenanceContract contract = contracts.contract(contractNumber);
    contract.renew();
    events.save(new ContractEvent(contract, ContractEventType.RENEWED, EngineClock.today(),
        contract.getCurrentPeriodStart(), null));
  }

  /** C1.3: the proof of renewal of the current period, kept with the contract. */
  public void produceProof(String contractNumber) {
    MaintenanceContract contract = contracts.contract(contractNumber);
    if (proofs.findByContractAndPeriodStart(contract, contract.getCurrentPeriodStart()).isEmpty()) {
      LocalDate today = EngineClock.today();
      proofs.save(new RenewalProof(contract, today, proofPdf.write(contract, today)));
    }
  }

  /** C1.3: mails the current period's proof to the designated contacts, once. */
  public void mailProof(String contractNumber) {
    MaintenanceContract contract = contracts.contract(contractNumber);
    RenewalProof proof = proofs.findByContractAndPeriodStart(contract, contract.getCurrentPeriodStart())
        .orElseThrow(() -> new IllegalStateException("No proof of renewal for " + contractNumber + " from "
            + contract.getCurrentPeriodStart()));
    if (proof.getMailedOn() == null) {
      letters.proofOfRenewal(proof);
      proof.setMailedOn(EngineClock.today());
    }
  }

  /**
   * C1.4: the cancellation ends the contract with the current period when received by the deadline, else with
   * the following one.
   *
   * @return whether the contract now ends with the current period
   */
  public boolean recordCancellation(String contractNumber, LocalDate receivedOn, CancellationChannel channel) {
    MaintenanceContract contract = contracts.contract(contractNumber);
    contract.cancel(receivedOn);
    events.save(new ContractEvent(contract, ContractEventType.CANCELLED, receivedOn,
        contract.getCurrentPeriodStart(), channel));
    return contract.endsWithCurrentPeriod();
  }

  /** C1.4, C3: the customer hears the last covered day and the benefits that stop. */
  public void confirmCancellation(String contractNumber) {
    letters.cancellationConfirmation(contracts.contract(contractNumber));
  }

  /** The last covered day has passed: no support from today (C1.5). */
  public void recordLapse(String contractNumber) {
    MaintenanceContract contract = contracts.contract(contractNumber);
    LocalDate today = EngineClock.today();
    contract.lapse(today);
    events.save(new ContractEvent(contract, ContractEventType.LAPSED, today, contract.getCurrentPeriodStart(), null));
  }

  /**
   * C1.5: mails the quote with the fee the administration confirmed.
   *
   * @return when the quote expires: the first moment after its last valid day
   */
  public Date sendQuote(String contractNumber, int feeEur, int validDays) {
    ReinstatementQuote quote = latestQuote(contractNumber);
    LocalDate validUntil = EngineClock.today().plusDays(validDays);
    quote.send(feeEur, validUntil);
    letters.reinstatementQuote(quote);
    return startOf(validUntil.plusDays(1), LocalTime.MIDNIGHT);
  }

  /** C1.5: the quote was accepted: a new contract period starts today. */
  public void reinstate(String contractNumber) {
    MaintenanceContract contract = contracts.contract(contractNumber);
    LocalDate today = EngineClock.today();
    latestQuote(contractNumber).accept(today);
    contract.reinstate(today);
    events.save(new ContractEvent(contract, ContractEventType.REINSTATED, today, contract.getCurrentPeriodStart(),
        null));
  }

  public void expireQuote(String contractNumber) {
    latestQuote(contractNumber).expire();
  }

  private ReinstatementQuote latestQuote(String contractNumber) {
    return quotes.findFirstByContractOrderByIdDesc(contracts.contract(contractNumber))
        .orElseThrow(() -> new IllegalStateException("No reinstatement quote for " + contractNumber));
  }

  /** What a Tasklist form shows of the contract, as JSON. */
  @Transactional(readOnly = true)
  public String factsAsJson(String contractNumber) {
    MaintenanceContract contract = contracts.contract(contractNumber);
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("contractNumber", contract.getContractNumber());
    facts.put("companyName", contract.getCustomer().getCompanyName());
    facts.put("vatNumber", contract.getCustomer().getVatNumber());
    facts.put("status", contract.getStatus().name());
    facts.put("periodStart", contract.getCurrentPeriodStart().toString());
    facts.put("periodEnd", contract.getCurrentPeriodEnd().toString());
    facts.put("licences", contract.getLicences().stream()
        .map(licence -> licence.getProduct().getName() + " " + licence.getLicenceNumber())
        .sorted()
        .toList());
    quotes.findFirstByContractOrderByIdDesc(contract).ifPresent(quote -> facts.put("monthsSinceLapse",
        quote.getMonthsSinceLapse()));
    try {
      return json.writeValueAsString(facts);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the facts of " + contractNumber, e);
    }
  }
}
