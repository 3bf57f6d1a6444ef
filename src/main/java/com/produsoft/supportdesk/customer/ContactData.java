package com.produsoft.supportdesk.customer;

/** What the register knows of a contact, as the staff pages and the CSV import give it; blanks are nulls. */
public record ContactData(String name, String email, String phone, ContactRole role) {

  public ContactData {
    name = CustomerData.blankToNull(name);
    email = email == null || email.isBlank() ? null : Contact.normalizeEmail(email);
    phone = CustomerData.blankToNull(phone);
  }
}
