package com.produsoft.supportdesk.customer;

import java.util.Locale;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
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

  protected Customer() {
  }

  public Customer(String companyName, String vatNumber, String phone, Language language) {
    this.companyName = companyName;
    this.vatNumber = normalizeVat(vatNumber);
    this.phone = phone;
    this.language = language;
  }

  /** Customers write {@code BE 0123.456.789} or {@code be0123456789}; the register keeps one form. */
  public static String normalizeVat(String vatNumber) {
    return vatNumber == null ? null : vatNumber.replaceAll("[\\s.\\-]", "").toUpperCase(Locale.ROOT);
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
}
