package com.produsoft.supportdesk.register;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/**
 * The CSV files of one register import, as uploaded: checked (a dry run) each time the import page shows them,
 * applied at most once ({@link RegisterImport}). Kept as a record of what was imported, by whom and when.
 */
@Entity
@Table(name = "register_import")
public class RegisterUpload {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String uploadedBy;

  private Instant uploadedAt;

  @Lob
  private String customersCsv;

  @Lob
  private String contactsCsv;

  @Lob
  private String licencesCsv;

  @Lob
  private String contractsCsv;

  private Instant appliedAt;

  private String appliedBy;

  private String outcome;

  protected RegisterUpload() {
  }

  public RegisterUpload(String uploadedBy, Instant uploadedAt, RegisterImport.Files files) {
    this.uploadedBy = uploadedBy;
    this.uploadedAt = uploadedAt;
    this.customersCsv = files.customers();
    this.contactsCsv = files.contacts();
    this.licencesCsv = files.licences();
    this.contractsCsv = files.contracts();
  }

  public RegisterImport.Files files() {
    return new RegisterImport.Files(customersCsv, contactsCsv, licencesCsv, contractsCsv);
  }

  void applied(String by, Instant at, String summary) {
    appliedBy = by;
    appliedAt = at;
    outcome = summary;
  }

  public boolean isApplied() {
    return appliedAt != null;
  }

  public Long getId() {
    return id;
  }

  public String getUploadedBy() {
    return uploadedBy;
  }

  public Instant getUploadedAt() {
    return uploadedAt;
  }

  public Instant getAppliedAt() {
    return appliedAt;
  }

  public String getAppliedBy() {
    return appliedBy;
  }

  public String getOutcome() {
    return outcome;
  }
}
