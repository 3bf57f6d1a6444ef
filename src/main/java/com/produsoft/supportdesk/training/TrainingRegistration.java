package com.produsoft.supportdesk.training;

import java.math.BigDecimal;
import java.time.Instant;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.produsoft.supportdesk.customer.Customer;
import com.produsoft.supportdesk.customer.Language;

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

/** One company's registration of some persons for a session, with the price decided when it registered (C11.2). */
@Entity
public class TrainingRegistration {

  public enum Status {
    /** Holds its seats. */
    CONFIRMED,
    /** The session was full; moves up when seats free, first come first served. */
    WAITING,
    CANCELLED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "session_id")
  private TrainingSession session;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "customer_id")
  private Customer customer;

  private String companyName;

  private String contactName;

  private String email;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private Language language;

  private int persons;

  private boolean underContract;

  @Column(name = "price_per_day_eur")
  private BigDecimal pricePerDay;

  @Column(name = "total_price_eur")
  private BigDecimal totalPrice;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private Status status;

  private Instant registeredAt;

  /** The registration page's one-time key; null for registrations through the API. */
  private String submissionKey;

  protected TrainingRegistration() {
  }

  TrainingRegistration(TrainingSession session, Customer customer, String companyName, String contactName,
      String email, Language language, int persons, boolean underContract, TrainingPrice price, Status status,
      Instant registeredAt) {
    this.session = session;
    this.customer = customer;
    this.companyName = companyName;
    this.contactName = contactName;
    this.email = email;
    this.language = language;
    this.persons = persons;
    this.underContract = underContract;
    this.pricePerDay = price.pricePerDay();
    this.totalPrice = price.totalPrice();
    this.status = status;
    this.registeredAt = registeredAt;
  }

  void confirm() {
    status = Status.CONFIRMED;
  }

  void cancel() {
    status = Status.CANCELLED;
  }

  public Long getId() {
    return id;
  }

  public TrainingSession getSession() {
    return session;
  }

  public Customer getCustomer() {
    return customer;
  }

  public String getCompanyName() {
    return companyName;
  }

  public String getContactName() {
    return contactName;
  }

  public String getEmail() {
    return email;
  }

  public Language getLanguage() {
    return language;
  }

  public int getPersons() {
    return persons;
  }

  public boolean isUnderContract() {
    return underContract;
  }

  public BigDecimal getPricePerDay() {
    return pricePerDay;
  }

  public BigDecimal getTotalPrice() {
    return totalPrice;
  }

  public Status getStatus() {
    return status;
  }

  public Instant getRegisteredAt() {
    return registeredAt;
  }

  public String getSubmissionKey() {
    return submissionKey;
  }

  public void setSubmissionKey(String submissionKey) {
    this.submissionKey = submissionKey;
  }
}
