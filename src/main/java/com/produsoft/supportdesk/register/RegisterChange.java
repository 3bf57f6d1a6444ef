package com.produsoft.supportdesk.register;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** One line of a customer's audit trail: who changed what in its register data, and when (issue 18). */
@Entity
public class RegisterChange {

  /** The column's length; a longer description is cut with an ellipsis. */
  static final int MAX_DESCRIPTION = 2000;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Long customerId;

  private Instant changedAt;

  private String changedBy;

  private String description;

  protected RegisterChange() {
  }

  RegisterChange(Long customerId, Instant changedAt, String changedBy, String description) {
    this.customerId = customerId;
    this.changedAt = changedAt;
    this.changedBy = changedBy;
    this.description = description.length() <= MAX_DESCRIPTION ? description
        : description.substring(0, MAX_DESCRIPTION - 1) + "…";
  }

  public Long getId() {
    return id;
  }

  public Long getCustomerId() {
    return customerId;
  }

  public Instant getChangedAt() {
    return changedAt;
  }

  public String getChangedBy() {
    return changedBy;
  }

  public String getDescription() {
    return description;
  }
}
