package com.produsoft.supportdesk.catalogue;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A maker of software that Produsoft resells; support passes bugs on to it (C7.2). Reference data (Liquibase). */
@Entity
public class Supplier {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String name;

  /** Where support escalates bugs; placeholders in the reference data until administration fills them in. */
  private String supportEmail;

  protected Supplier() {
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getSupportEmail() {
    return supportEmail;
  }

  public void setSupportEmail(String supportEmail) {
    this.supportEmail = supportEmail;
  }
}
