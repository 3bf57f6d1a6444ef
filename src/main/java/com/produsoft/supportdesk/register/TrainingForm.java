package com.produsoft.supportdesk.register;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/** C2.2: the product a contact was trained on and the day, with the contact's version the page was opened with. */
public class TrainingForm {

  private String productCode;
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
  private LocalDate trainedOn;
  private int version;

  public String getProductCode() {
    return productCode;
  }

  public void setProductCode(String productCode) {
    this.productCode = productCode;
  }

  public LocalDate getTrainedOn() {
    return trainedOn;
  }

  public void setTrainedOn(LocalDate trainedOn) {
    this.trainedOn = trainedOn;
  }

  public int getVersion() {
    return version;
  }

  public void setVersion(int version) {
    this.version = version;
  }
}
