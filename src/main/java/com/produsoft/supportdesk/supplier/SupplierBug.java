package com.produsoft.supportdesk.supplier;

import java.time.Instant;

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
import jakarta.persistence.Version;

import com.produsoft.supportdesk.catalogue.Product;
import com.produsoft.supportdesk.catalogue.Supplier;

/**
 * C7.2: one problem as the supplier knows it, reported once. Every ticket about it waits through its own
 * {@link Escalation}; the bug's fix in a {@link ProductRelease} ends all of them (C3.2).
 */
@Entity
public class SupplierBug {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "supplier_id")
  private Supplier supplier;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "product_code")
  private Product product;

  /** The supplier's own case number, once it answered. */
  private String supplierReference;

  private String summary;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private SupplierBugStatus status = SupplierBugStatus.REPORTED;

  /** The version the supplier promised the fix for. */
  private String targetVersion;

  private Instant reportedAt;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "released_in_id")
  private ProductRelease releasedIn;

  @Version
  private long version;

  protected SupplierBug() {
  }

  public SupplierBug(Product product, String summary, Instant reportedAt) {
    this.product = product;
    this.supplier = product.getSupplier();
    this.summary = summary;
    this.reportedAt = reportedAt;
  }

  /** The fix shipped in this release. */
  public void release(ProductRelease release) {
    this.releasedIn = release;
    this.targetVersion = release.getVersion();
    this.status = SupplierBugStatus.RELEASED;
  }

  public Long getId() {
    return id;
  }

  public Supplier getSupplier() {
    return supplier;
  }

  public Product getProduct() {
    return product;
  }

  public String getSupplierReference() {
    return supplierReference;
  }

  public void setSupplierReference(String supplierReference) {
    this.supplierReference = supplierReference;
  }

  public String getSummary() {
    return summary;
  }

  public SupplierBugStatus getStatus() {
    return status;
  }

  public void setStatus(SupplierBugStatus status) {
    this.status = status;
  }

  public String getTargetVersion() {
    return targetVersion;
  }

  public void setTargetVersion(String targetVersion) {
    this.targetVersion = targetVersion;
  }

  public Instant getReportedAt() {
    return reportedAt;
  }

  public ProductRelease getReleasedIn() {
    return releasedIn;
  }
}
