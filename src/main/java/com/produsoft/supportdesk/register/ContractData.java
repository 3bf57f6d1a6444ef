package com.produsoft.supportdesk.register;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import com.produsoft.supportdesk.customer.CustomerData;

/** A maintenance contract as the staff pages and the CSV import give it: number, first day, licences covered. */
public record ContractData(String contractNumber, LocalDate firstYearStart, List<String> licenceNumbers) {

  public ContractData {
    contractNumber = CustomerData.blankToNull(contractNumber);
    licenceNumbers = licenceNumbers == null ? List.of() : licenceNumbers.stream()
        .map(CustomerData::blankToNull).filter(Objects::nonNull).distinct().toList();
  }
}
