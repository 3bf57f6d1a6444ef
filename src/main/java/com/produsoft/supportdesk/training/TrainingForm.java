package com.produsoft.supportdesk.training;

import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The fields of the registration page {@code /support/trainings/{sessionId}}. */
public class TrainingForm {

  @NotBlank
  @Size(max = 200)
  private String companyName;

  @NotBlank
  @Size(max = 200)
  private String contactName;

  @NotBlank
  @Email
  @Size(max = 254)
  private String contactEmail;

  @NotNull
  @Min(1)
  @Max(50)
  private Integer persons = 1;

  /** One-time key of this page: submitting it twice registers once. */
  @Size(max = 64)
  private String submissionKey = UUID.randomUUID().toString();

  public String getCompanyName() {
    return companyName;
  }

  public void setCompanyName(String companyName) {
    this.companyName = companyName;
  }

  public String getContactName() {
    return contactName;
  }

  public void setContactName(String contactName) {
    this.contactName = contactName;
  }

  public String getContactEmail() {
    return contactEmail;
  }

  public void setContactEmail(String contactEmail) {
    this.contactEmail = contactEmail;
  }

  public Integer getPersons() {
    return persons;
  }

  public void setPersons(Integer persons) {
    this.persons = persons;
  }

  public String getSubmissionKey() {
    return submissionKey;
  }

  public void setSubmissionKey(String submissionKey) {
    this.submissionKey = submissionKey;
  }
}
