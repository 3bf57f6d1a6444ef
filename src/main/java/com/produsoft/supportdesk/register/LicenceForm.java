package com.produsoft.supportdesk.register;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/** C10.3: a new licence on the customer's page, on a host id or on a dongle. */
public class LicenceForm {

  private String licenceNumber;
  private String productCode;
  private String hostId;
  private String dongleNumber;
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
  private LocalDate purchaseDate;

  LicenceData data() {
    return new LicenceData(licenceNumber, productCode, hostId, dongleNumber, purchaseDate);
  }

  public String getLicenceNumber() {
    return licenceNumber;
  }

  public void setLicenceNumber(String licenceNumber) {
    this.licenceNumber = licenceNumber;
  }

  public String getProductCode() {
    return productCode;
  }

  public void setProductCode(String productCode) {
    this.productCode = productCode;
  }

  public String getHostId() {
    return hostId;
  }

  public void setHostId(String hostId) {
    this.hostId = hostId;
  }

  public String getDongleNumber() {
    return dongleNumber;
  }

  public void setDongleNumber(String dongleNumber) {
    this.dongleNumber = dongleNumber;
  }

  public LocalDate getPurchaseDate() {
    return purchaseDate;
  }

  public void setPurchaseDate(LocalDate purchaseDate) {
    this.purchaseDate = purchaseDate;
  }
}
