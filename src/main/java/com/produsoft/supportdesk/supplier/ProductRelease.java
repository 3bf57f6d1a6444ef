package com.produsoft.supportdesk.supplier;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import com.produsoft.supportdesk.catalogue.Product;

/**
 * A version of a product that reached the customers (C3.2): the supplier bugs it fixes and the wishes it includes
 * point to it. Registering it tells every waiting customer; later it also starts the update trainings (C11.1).
 */
@Entity
public class ProductRelease {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "product_code")
  private Product product;

  private String version;
  private LocalDate releaseDate;
  private Instant registeredAt;
  private String registeredBy;

  protected ProductRelease() {
  }

  public ProductRelease(Product product, String version, LocalDate releaseDate, Instant registeredAt,
      String registeredBy) {
    this.product = product;
    this.version = version;
    this.releaseDate = releaseDate;
    this.registeredAt = registeredAt;
    this.registeredBy = registeredBy;
  }

  public Long getId() {
    return id;
  }

  public Product getProduct() {
    return product;
  }

  public String getVersion() {
    return version;
  }

  public LocalDate getReleaseDate() {
    return releaseDate;
  }

  public Instant getRegisteredAt() {
    return registeredAt;
  }

  public String getRegisteredBy() {
    return registeredBy;
  }
}
