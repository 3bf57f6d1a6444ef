package com.produsoft.supportdesk.customer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** A company that bought licences from Produsoft. */
@Entity
public class Customer {

  /** A Belgian VAT number as stored: BE and the ten digits of the enterprise number. */
  public static final String VAT_PATTERN = "BE[01]\\d{9}";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @NotBlank
  private String companyName;

  @Pattern(regexp = VAT_PATTERN)
  private String vatNumber;

  private String phone;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private Language language;

  private String street;

  private String postalCode;

  private String city;

  /** Two staff members who edit the same customer: the second save is refused, not silently lost (issue 18). */
  @Version
  private int version;

  protected Customer() {
  }

  public Customer(String companyName, String vatNumber, String phone, Language language) {
    this.companyName = companyName;
    this.vatNumber = normalizeVat(vatNumber);
    this.phone = phone;
    this.language = language;
  }

  /** A new customer with everything the register pages and the import know of it. */
  public Customer(CustomerData data) {
    this(data.companyName(), data.vatNumber(), data.phone(), data.language());
    street = data.street();
    postalCode = data.postalCode();
    city = data.city();
  }

  /** Customers write {@code BE 0123.456.789} or {@code be0123456789}; the register keeps one form. */
  public static String normalizeVat(String vatNumber) {
    return vatNumber == null ? null : vatNumber.replaceAll("[\\s.\\-]", "").toUpperCase(Locale.ROOT);
  }

  /** Takes over the data; answers what changed, one "field: old → new" per field, for the audit trail. */
  public List<String> change(CustomerData data) {
    List<String> changes = new ArrayList<>();
    companyName = changed(changes, "company name", companyName, data.companyName());
    vatNumber = changed(changes, "VAT number", vatNumber, normalizeVat(data.vatNumber()));
    street = changed(changes, "street", street, data.street());
    postalCode = changed(changes, "postal code", postalCode, data.postalCode());
    city = changed(changes, "city", city, data.city());
    phone = changed(changes, "phone", phone, data.phone());
    language = changed(changes, "language", language, data.language());
    return changes;
  }

  static <T> T changed(List<String> changes, String field, T before, T after) {
    if (!Objects.equals(before, after)) {
      changes.add(field + ": " + (before == null ? "–" : before) + " → " + (after == null ? "–" : after));
    }
    return after;
  }

  public CustomerData data() {
    return new CustomerData(companyName, vatNumber, street, postalCode, city, phone, language);
  }

  public Long getId() {
    return id;
  }

  public String getCompanyName() {
    return companyName;
  }

  public String getVatNumber() {
    return vatNumber;
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

  public String getStreet() {
    return street;
  }

  public String getPostalCode() {
    return postalCode;
  }

  public String getCity() {
    return city;
  }

  public int getVersion() {
    return version;
  }
}
