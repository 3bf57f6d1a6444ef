package com.produsoft.supportdesk.register;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;

/** C1: a maintenance contract on the customer's page: its number, first day and the customer's licences it covers. */
public class ContractForm {

  private String contractNumber;
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
  private LocalDate firstYearStart;
  private List<String> licenceNumbers = new ArrayList<>();

  ContractData data() {
    return new ContractData(contractNumber, firstYearStart, licenceNumbers);
  }

  public String getContractNumber() {
    return contractNumber;
  }

  public void setContractNumber(String contractNumber) {
    this.contractNumber = contractNumber;
  }

  public LocalDate getFirstYearStart() {
    return firstYearStart;
  }

  public void setFirstYearStart(LocalDate firstYearStart) {
    this.firstYearStart = firstYearStart;
  }

  public List<String> getLicenceNumbers() {
    return licenceNumbers;
  }

  public void setLicenceNumbers(List<String> licenceNumbers) {
    this.licenceNumbers = licenceNumbers;
  }
}
