package com.produsoft.supportdesk.catalogue;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The product catalogue (C6.2, issue 19): the products Produsoft supports, each with its engineering team (a Camunda
 * group), its support mailbox and its supplier (C7.2). The one source of these facts: the API's and the web form's
 * accepted products ({@link ProductCode}), the mail routing, the Tasklist filters, the teams' rights and the
 * candidate groups all read them here. The rows are reference data in Liquibase; adding a product is one row
 * (docs/architecture.md, "Adding a product"), and CatalogueAgreementTest fails where a model or form disagrees.
 * <p>
 * This package depends on no other package of the application.
 */
@Service
@Transactional(readOnly = true)
public class Catalogue {

  private final ProductRepository products;
  private final SupplierRepository suppliers;

  Catalogue(ProductRepository products, SupplierRepository suppliers) {
    this.products = products;
    this.suppliers = suppliers;
  }

  /** Every product, by name (the order the web form shows them in). */
  public List<Product> products() {
    return products.findAll(Sort.by("name"));
  }

  /** The product of this code, exactly as written ({@code EDGECAM}); empty for an unknown or null code. */
  public Optional<Product> product(String code) {
    return code == null ? Optional.empty() : products.findById(code);
  }

  /** The product of a code that must be known (a ticket's, a licence's): a stored code without a product is a bug. */
  public Product productOf(String code) {
    return product(code).orElseThrow(() -> new IllegalStateException("No product " + code + " in the catalogue"));
  }

  /** The product of a code as typed by staff or a file: upper-cased first ({@code edgecam}); empty when unknown. */
  public Optional<Product> productIgnoringCase(String code) {
    return code == null ? Optional.empty() : product(code.toUpperCase(Locale.ROOT));
  }

  /** A reference to a known product, for a relation of a new row, without reading the product. */
  public Product reference(String code) {
    return products.getReferenceById(code);
  }

  /** Whether this is a product's code exactly as written: {@code edgecam} is not, even where the database ignores case. */
  public boolean isProduct(String code) {
    // Compared here, not by the database's key lookup, which may ignore case (MySQL collations).
    return code != null && codes().contains(code);
  }

  /** The product codes, sorted. */
  public List<String> codes() {
    return products.findAll(Sort.by("code")).stream().map(Product::getCode).toList();
  }

  /** The display name of a product ({@code Edgecam}); the code itself when the catalogue does not know it. */
  public String name(String code) {
    return product(code).map(Product::getName).orElse(code);
  }

  /** The Camunda group of the engineers of this product (C6.2), e.g. {@code support-edgecam}. */
  public String teamGroup(String code) {
    return productOf(code).getTeamGroup();
  }

  /** The groups of every product team, in the order of {@link #products()}. */
  public List<String> teamGroups() {
    return products().stream().map(Product::getTeamGroup).toList();
  }

  /** The support mailboxes of every product, in the order of {@link #products()}. */
  public List<String> mailboxes() {
    return products().stream().map(Product::getSupportMailbox).toList();
  }

  /** The suppliers (C7.2), by name: where bugs of their products are escalated and whose mails are recognised. */
  public List<Supplier> suppliers() {
    return suppliers.findAll(Sort.by("name"));
  }
}
