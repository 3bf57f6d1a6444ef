package com.produsoft.supportdesk.licencetransfer;

/** The fields of the page {@code /support/licence-move} (C10.1), bound by Spring MVC. */
public class LicenceMoveForm {

  private String email;
  private String licenceNumbers;
  private String reason;
  private String oldHardware;
  private String newHardware;

  NewLicenceRequest toRequest() {
    TransferReason parsed = null;
    for (TransferReason candidate : TransferReason.values()) {
      if (candidate.name().equals(reason)) {
        parsed = candidate;
      }
    }
    return new NewLicenceRequest(email, LicenceRequests.splitNumbers(licenceNumbers), parsed, oldHardware,
        newHardware, null);
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getLicenceNumbers() {
    return licenceNumbers;
  }

  public void setLicenceNumbers(String licenceNumbers) {
    this.licenceNumbers = licenceNumbers;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public String getOldHardware() {
    return oldHardware;
  }

  public void setOldHardware(String oldHardware) {
    this.oldHardware = oldHardware;
  }

  public String getNewHardware() {
    return newHardware;
  }

  public void setNewHardware(String newHardware) {
    this.newHardware = newHardware;
  }
}
