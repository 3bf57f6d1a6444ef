package com.produsoft.supportdesk.register;

import com.produsoft.supportdesk.customer.ContactData;
import com.produsoft.supportdesk.customer.ContactRole;

/** A contact on the customer's page (new) or its own page (change, with the version it was opened with). */
public class ContactForm {

  private String name;
  private String email;
  private String phone;
  private ContactRole role = ContactRole.OTHER;
  private int version;

  static ContactForm of(ContactData data, int version) {
    ContactForm form = new ContactForm();
    form.name = data.name();
    form.email = data.email();
    form.phone = data.phone();
    form.role = data.role();
    form.version = version;
    return form;
  }

  ContactData data() {
    return new ContactData(name, email, phone, role);
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getPhone() {
    return phone;
  }

  public void setPhone(String phone) {
    this.phone = phone;
  }

  public ContactRole getRole() {
    return role;
  }

  public void setRole(ContactRole role) {
    this.role = role;
  }

  public int getVersion() {
    return version;
  }

  public void setVersion(int version) {
    this.version = version;
  }
}
