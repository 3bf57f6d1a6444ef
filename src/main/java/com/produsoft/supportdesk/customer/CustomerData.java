package com.produsoft.supportdesk.customer;

/** What the register knows of a customer, as the staff pages and the CSV import give it; blanks are nulls. */
public record CustomerData(String companyName, String vatNumber, String street, String postalCode, String city,
    String phone, Language language) {

  public CustomerData {
    companyName = blankToNull(companyName);
    vatNumber = vatNumber == null || vatNumber.isBlank() ? null : Customer.normalizeVat(vatNumber);
    street = blankToNull(street);
    postalCode = blankToNull(postalCode);
    city = blankToNull(city);
    phone = blankToNull(phone);
  }

  /** A blank form field or CSV cell means "not given". */
  public static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
