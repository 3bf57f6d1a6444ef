package com.produsoft.supportdesk.register;

import com.produsoft.supportdesk.customer.CustomerData;
import com.produsoft.supportdesk.customer.Language;

/** The customer's data on its page; {@code version} is the one the form was opened with (optimistic locking). */
public class CustomerForm {

  private String companyName;
  private String vatNumber;
  private String street;
  private String postalCode;
  private String city;
  private String phone;
  private Language language = Language.NL;
  private int version;

  static CustomerForm of(CustomerData data, int version) {
    CustomerForm form = new CustomerForm();
    form.companyName = data.companyName();
    form.vatNumber = data.vatNumber();
    form.street = data.street();
    form.postalCode = data.postalCode();
    form.city = data.city();
    form.phone = data.phone();
    form.language = data.language();
    form.version = version;
    return form;
  }

  CustomerData data() {
    return new CustomerData(companyName, vatNumber, street, postalCode, city, phone, language);
  }

  public String getCompanyName() {
    return companyName;
  }

  public void setCompanyName(String companyName) {
    this.companyName = companyName;
  }

  public String getVatNumber() {
    return vatNumber;
  }

  public void setVatNumber(String vatNumber) {
    this.vatNumber = vatNumber;
  }

  public String getStreet() {
    return street;
  }

  public void setStreet(String street) {
    this.street = street;
  }

  public String getPostalCode() {
    return postalCode;
  }

  public void setPostalCode(String postalCode) {
    this.postalCode = postalCode;
  }

  public String getCity() {
    return city;
  }

  public void setCity(String city) {
    this.city = city;
  }

  public String getPhone() {
    return phone;
  }

  public void setPhone(String phone) {
    this.phone = phone;
  }

  public Language getLanguage() {
    return language;
  }

  public void setLanguage(Language language) {
    this.language = language;
  }

  public int getVersion() {
    return version;
  }

  public void setVersion(int version) {
    this.version = version;
  }
}
