package com.produsoft.supportdesk.contract;

import java.time.LocalDate;
import java.util.List;

/**
 * A licence sale as the administration registers it (C1.1): the customer (by id or VAT number), the day of the
 * purchase and the licences sold, each bound to a host or a dongle (C10.3).
 */
public record LicenceSale(Long customerId, String customerVat, LocalDate purchaseDate, List<SoldLicence> licences) {

  /** One licence sold: product code ({@code EDGECAM}, ...), its number, and exactly one of host id or dongle. */
  public record SoldLicence(String product, String licenceNumber, String hostId, String dongleNumber) {
  }
}
