package com.produsoft.supportdesk.catalogue;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/**
 * A product that Produsoft supports, with its own support mailbox and engineering team (C6.2). The products are
 * reference data inserted by Liquibase (one row each, docs/architecture.md "Adding a product"); their codes are
 * stable keys used across the system. Read them through {@link Catalogue}.
 */
@Entity
public class Product {

  @Id
  private String code;

  /** As the charter writes it: VISI, WorkNC, Edgecam, Radan, PEPS, SpaceClaim. */
  private String name;

  private String supportMailbox;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "supplier_id")
  private Supplier supplier;

  /** The Camunda group of the product's engineers, e.g. {@code support-edgecam}. */
  private String teamGroup;

  protected Product() {
  }

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }

  public String getSupportMailbox() {
    return supportMailbox;
  }

  public Supplier getSupplier() {
    return supplier;
  }

  public String getTeamGroup() {
    return teamGroup;
  }
}
