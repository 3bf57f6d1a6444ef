package com.produsoft.supportdesk.register;

import java.time.LocalDate;
import java.util.Locale;

import com.produsoft.supportdesk.customer.CustomerData;

/** A licence as the staff pages and the CSV import give it (C10.3: on a host id or on a dongle); blanks are nulls. */
public record LicenceData(String licenceNumber, String productCode, String hostId, String dongleNumber,
    LocalDate purchaseDate) {

  public LicenceData {
    licenceNumber = CustomerData.blankToNull(licenceNumber);
    productCode = productCode == null || productCode.isBlank() ? null : productCode.strip().toUpperCase(Locale.ROOT);
    hostId = CustomerData.blankToNull(hostId);
    dongleNumber = CustomerData.blankToNull(dongleNumber);
  }
}
