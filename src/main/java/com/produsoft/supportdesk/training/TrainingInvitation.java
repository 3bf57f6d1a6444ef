package com.produsoft.supportdesk.training;

import java.time.Instant;

import com.produsoft.supportdesk.customer.Customer;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** A customer's designated contacts were mailed the offer or invitation of a session (C11.1, C11.3); once only. */
@Entity
public class TrainingInvitation {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "session_id")
  private TrainingSession session;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "customer_id")
  private Customer customer;

  private Instant sentAt;

  protected TrainingInvitation() {
  }

  public TrainingInvitation(TrainingSession session, Customer customer, Instant sentAt) {
    this.session = session;
    this.customer = customer;
    this.sentAt = sentAt;
  }

  public Customer getCustomer() {
    return customer;
  }

  public Instant getSentAt() {
    return sentAt;
  }
}
