package com.produsoft.supportdesk.customer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.produsoft.supportdesk.catalogue.Product;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;

/** A person at a customer who may contact support, designated or not (C2.1), with the trainings followed (C2.2). */
@Entity
public class Contact {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "customer_id")
  private Customer customer;

  @NotBlank
  private String name;

  /** Lower case, so that look-ups and the unique key ignore case on every database. */
  @NotBlank
  @Email
  private String email;

  private String phone;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private ContactRole role;

  /** C2.2: per product code, the day the contact followed Produsoft's training on it. */
  @ElementCollection
  @CollectionTable(name = "contact_training", joinColumns = @JoinColumn(name = "contact_id"))
  @MapKeyColumn(name = "product_code")
  @Column(name = "trained_on")
  private Map<String, LocalDate> trainings = new HashMap<>();

  /** Two staff members who edit the same contact: the second save is refused, not silently lost (issue 18). */
  @Version
  private int version;

  protected Contact() {
  }

  public Contact(Customer customer, String name, String email, String phone, ContactRole role) {
    this.customer = customer;
    this.name = name;
    this.email = normalizeEmail(email);
    this.phone = phone;
    this.role = role;
  }

  /** A new contact with everything the register pages and the import know of it. */
  public Contact(Customer customer, ContactData data) {
    this(customer, data.name(), data.email(), data.phone(), data.role());
  }

  public static String normalizeEmail(String email) {
    return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
  }

  public void recordTraining(Product product, LocalDate trainedOn) {
    recordTraining(product.getCode(), trainedOn);
  }

  /** C2.2: the training day of the product, as given; answers "product: old → new" when it changed, else null. */
  public String recordTraining(String productCode, LocalDate trainedOn) {
    LocalDate before = trainings.put(productCode, trainedOn);
    return trainedOn.equals(before) ? null
        : "training " + productCode + ": " + (before == null ? "–" : before) + " → " + trainedOn;
  }

  /** A training recorded by mistake; answers whether there was one. */
  public boolean forgetTraining(String productCode) {
    return trainings.remove(productCode) != null;
  }

  /** Takes over the data; answers what changed, one "field: old → new" per field, for the audit trail. */
  public List<String> change(ContactData data) {
    List<String> changes = new ArrayList<>();
    name = Customer.changed(changes, "name", name, data.name());
    email = Customer.changed(changes, "e-mail", email, normalizeEmail(data.email()));
    phone = Customer.changed(changes, "phone", phone, data.phone());
    role = Customer.changed(changes, "role", role, data.role());
    return changes;
  }

  public ContactData data() {
    return new ContactData(name, email, phone, role);
  }

  public Optional<LocalDate> trainedOn(String productCode) {
    return Optional.ofNullable(trainings.get(productCode));
  }

  /** C2.2: trained on the product on or before the given day. */
  public boolean isTrainedFor(String productCode, LocalDate on) {
    return trainedOn(productCode).filter(day -> !day.isAfter(on)).isPresent();
  }

  public Long getId() {
    return id;
  }

  public Customer getCustomer() {
    return customer;
  }

  public String getName() {
    return name;
  }

  public String getEmail() {
    return email;
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

  public Map<String, LocalDate> getTrainings() {
    return Map.copyOf(trainings);
  }

  public int getVersion() {
    return version;
  }
}
