package com.produsoft.supportdesk.licencetransfer;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.produsoft.supportdesk.customer.Customer;
import com.produsoft.supportdesk.customer.Language;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
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
 * A customer's request to move licences to other hardware or replace them (C10, C3.5, C3.6, C3.8), from the web
 * form, Tasklist, the API or a ticket. The token opens the customer's private page (quote, confirmation).
 */
@Entity
public class LicenceTransferRequest {

  private static final SecureRandom TOKENS = new SecureRandom();

  public enum Status {
    REQUESTED, QUOTED, QUOTE_REFUSED, NO_ANSWER, PLANNED, MOVED, CONFIRMED
  }

  /** C10.2: who reinstalls the software. */
  public enum Reinstaller {
    CUSTOMER, PRODUSOFT_REMOTE, PRODUSOFT_ON_SITE;

    public boolean isProdusoft() {
      return this != CUSTOMER;
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String token = HexFormat.of().formatHex(randomBytes());

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "customer_id")
  private Customer customer;

  private String productCode;
  private String contactName;
  private String contactEmail;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private Language language;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "licence_transfer_licence", joinColumns = @JoinColumn(name = "request_id"))
  @Column(name = "licence_number")
  private List<String> licenceNumbers = new ArrayList<>();

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private TransferReason reason;

  private String oldHardware;
  private String newHardware;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private Status status = Status.REQUESTED;

  @Column(name = "free_of_charge")
  private boolean freeOfCharge;
  private String contractNumber;
  private Integer quoteEuros;
  private Instant quoteAnsweredAt;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private Reinstaller reinstalledBy;

  private Instant appointment;
  private Instant confirmedAt;
  private String eonNumber;
  private Instant requestedAt;

  protected LicenceTransferRequest() {
  }

  LicenceTransferRequest(Customer customer, String productCode, String contactName, String contactEmail,
      List<String> licenceNumbers, TransferReason reason, String oldHardware, String newHardware, String eonNumber,
      Instant requestedAt) {
    this.customer = customer;
    this.productCode = productCode;
    this.contactName = contactName;
    this.contactEmail = contactEmail;
    this.language = customer.getLanguage();
    this.licenceNumbers = new ArrayList<>(licenceNumbers);
    this.reason = reason;
    this.oldHardware = oldHardware;
    this.newHardware = newHardware;
    this.eonNumber = eonNumber;
    this.requestedAt = requestedAt;
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[24];
    TOKENS.nextBytes(bytes);
    return bytes;
  }

  void entitle(boolean free, String contractNumber) {
    this.freeOfCharge = free;
    this.contractNumber = contractNumber;
  }

  void quote(int euros) {
    quoteEuros = euros;
    status = Status.QUOTED;
  }

  void answerQuote(boolean accepted, Instant at) {
    quoteAnsweredAt = at;
    status = accepted ? Status.REQUESTED : Status.QUOTE_REFUSED;
  }

  void close(Status closedAs) {
    status = closedAs;
  }

  void plan(Instant appointment, Reinstaller reinstalledBy) {
    this.appointment = appointment;
    this.reinstalledBy = reinstalledBy;
    status = Status.PLANNED;
  }

  /** The administration issues a replacement dongle: its number is the new hardware (C3.6). */
  void issueDongle(String dongleNumber) {
    newHardware = dongleNumber;
  }

  void moved() {
    status = Status.MOVED;
  }

  void confirm(Instant at) {
    if (confirmedAt == null) {
      confirmedAt = at;
    }
    status = Status.CONFIRMED;
  }

  /** The request's number for people: {@code LTR-42}. */
  public String getNumber() {
    return "LTR-" + id;
  }

  public Long getId() {
    return id;
  }

  public String getToken() {
    return token;
  }

  public Customer getCustomer() {
    return customer;
  }

  public String getProductCode() {
    return productCode;
  }

  public String getContactName() {
    return contactName;
  }

  public String getContactEmail() {
    return contactEmail;
  }

  public Language getLanguage() {
    return language;
  }

  public List<String> getLicenceNumbers() {
    return List.copyOf(licenceNumbers);
  }

  public TransferReason getReason() {
    return reason;
  }

  public String getOldHardware() {
    return oldHardware;
  }

  public String getNewHardware() {
    return newHardware;
  }

  public Status getStatus() {
    return status;
  }

  public boolean isFreeOfCharge() {
    return freeOfCharge;
  }

  public String getContractNumber() {
    return contractNumber;
  }

  public Integer getQuoteEuros() {
    return quoteEuros;
  }

  public Instant getQuoteAnsweredAt() {
    return quoteAnsweredAt;
  }

  public Reinstaller getReinstalledBy() {
    return reinstalledBy;
  }

  public Instant getAppointment() {
    return appointment;
  }

  public Instant getConfirmedAt() {
    return confirmedAt;
  }

  public String getEonNumber() {
    return eonNumber;
  }

  public Instant getRequestedAt() {
    return requestedAt;
  }
}
