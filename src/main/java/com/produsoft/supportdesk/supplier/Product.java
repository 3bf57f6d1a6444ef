package com.produsoft.supportdesk.supplier;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/**
 * A product that Produsoft supports, with its own support mailbox and engineering team (C6.2). The six
 * products are reference data inserted by Liquibase; their codes are stable keys used across the system.
 */
@Entity
public class Product {

  public static final String VISI = "VISI";
  public static final String WORKNC = "WORKNC";
  public static final String EDGECAM = "EDGECAM";
  public static final String RADAN = "RADAN";
  public static final String PEPS = "PEPS";
  public static final String SPACECLAIM = "SPACECLAIM";

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
