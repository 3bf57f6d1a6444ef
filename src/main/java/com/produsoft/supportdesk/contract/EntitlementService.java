package com.produsoft.supportdesk.contract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.produsoft.supportdesk.catalogue.Catalogue;
import com.produsoft.supportdesk.catalogue.Product;
import com.produsoft.supportdesk.contract.Entitlement.Finding;
import com.produsoft.supportdesk.customer.Contact;
import com.produsoft.supportdesk.customer.ContactRepository;
import com.produsoft.supportdesk.customer.Customer;
import com.produsoft.supportdesk.customer.CustomerRepository;
import com.produsoft.supportdesk.licence.Licence;
import com.produsoft.supportdesk.licence.LicenceRepository;

/**
 * Tells whether a customer is entitled to support for a product on a day (C1) and whether the contact asking
 * is designated (C2.1) and trained (C2.2). Every input may be unknown: a ticket is always registered (C2.2
 * system reading), so gaps become findings, never exceptions.
 */
@Service
@Transactional(readOnly = true)
public class EntitlementService {

  private final CustomerRepository customers;
  private final ContactRepository contacts;
  private final Catalogue catalogue;
  private final LicenceRepository licences;
  private final MaintenanceContractRepository contracts;

  public EntitlementService(CustomerRepository customers, ContactRepository contacts, Catalogue catalogue,
      LicenceRepository licences, MaintenanceContractRepository contracts) {
    this.customers = customers;
    this.contacts = contacts;
    this.catalogue = catalogue;
    this.licences = licences;
    this.contracts = contracts;
  }

  /**
   * @param customerId the customer, or null to take the contact's customer
   * @param contactEmail who asks, in any case; null when not known (e.g. a phone call)
   * @param productCode {@code EDGECAM}, ...; the product name ({@code Edgecam}) is accepted too
   * @param on the day the support is asked for
   */
  public Entitlement check(Long customerId, String contactEmail, String productCode, LocalDate on) {
    List<Finding> findings = new ArrayList<>();
    Optional<Contact> contact = contacts.findByEmailIgnoringCase(contactEmail);
    Optional<Customer> customer = customerId != null
        ? customers.findById(customerId)
        : contact.map(Contact::getCustomer);
    Optional<Product> product = catalogue.productIgnoringCase(productCode);

    if (customer.isEmpty()) {
      findings.add(new Finding("C1", customerId == null ? "unknown customer" : "unknown customer #" + customerId));
    }
    if (product.isEmpty()) {
      findings.add(new Finding("C1", productCode == null ? "no product given" : "unknown product " + productCode));
    }
    Coverage coverage = customer.isPresent() && product.isPresent()
        ? coverage(customer.get(), product.get(), on, findings)
        : Coverage.NONE;
    boolean designated = isDesignated(contact, contactEmail, customer, findings);
    boolean trained = isTrained(contact, product, on, findings);
    return new Entitlement(customer.map(Customer::getId).orElse(null), coverage.underContract(),
        coverage.contractNumber(), designated, trained, findings);
  }

  private record Coverage(boolean underContract, String contractNumber) {
    static final Coverage NONE = new Coverage(false, null);
  }

  /**
   * A contract that covers the day, a running one rather than a cancelled one (then the engineer hears when
   * support ends, C1.4); else the first year after a licence purchase (C1.1).
   */
  private Coverage coverage(Customer customer, Product product, LocalDate on, List<Finding> findings) {
    List<MaintenanceContract> productContracts = contracts.findCoveringProduct(customer.getId(), product.getCode());
    Optional<MaintenanceContract> covering = productContracts.stream()
        .filter(contract -> contract.covers(on))
        .min(Comparator.comparing(contract -> contract.getStatus() == ContractStatus.CANCELLED));
    if (covering.isPresent()) {
      MaintenanceContract contract = covering.get();
      if (contract.getStatus() == ContractStatus.CANCELLED) {
        findings.add(new Finding("C1.4", "contract " + contract.getContractNumber() + " cancelled, support ends "
            + contract.getEndsOn()));
      }
      return new Coverage(true, contract.getContractNumber());
    }
    List<Licence> bought = licences.findByCustomerIdAndProductCode(customer.getId(), product.getCode()).stream()
        .filter(licence -> !licence.getPurchaseDate().isAfter(on))
        .toList();
    if (bought.stream().anyMatch(licence -> licence.isInFirstYear(on))) {
      return new Coverage(true, null);
    }
    if (bought.isEmpty()) {
      findings.add(new Finding("C1", customer.getCompanyName() + " has no " + product.getName() + " licence"));
    } else if (productContracts.isEmpty()) {
      Licence latest = bought.stream().max(Comparator.comparing(Licence::getPurchaseDate)).orElseThrow();
      findings.add(new Finding("C1.1", "no maintenance contract for " + product.getName()
          + "; the first year after buying licence " + latest.getLicenceNumber() + " ended " + latest.firstYearEnd()));
    } else {
      productContracts.forEach(contract -> findings.add(whyNotCovering(contract)));
    }
    return Coverage.NONE;
  }

  private static Finding whyNotCovering(MaintenanceContract contract) {
    String number = "contract " + contract.getContractNumber();
    return switch (contract.getStatus()) {
      case LAPSED -> new Finding("C1.5", number + " has lapsed: new versions must be bought and a new contract "
          + "costs a reinstatement fee");
      case CANCELLED -> new Finding("C1.4", number + " was cancelled, support ended " + contract.getEndsOn());
      case FIRST_YEAR, ACTIVE -> new Finding("C1", number + " starts only on " + contract.coverageStart());
    };
  }

  private static boolean isDesignated(Optional<Contact> contact, String contactEmail, Optional<Customer> customer,
      List<Finding> findings) {
    if (contactEmail == null || contactEmail.isBlank()) {
      findings.add(new Finding("C2.1", "no contact e-mail: the designated contacts cannot be checked"));
      return false;
    }
    if (contact.isEmpty()) {
      findings.add(new Finding("C2.1", "unknown contact " + contactEmail.trim() + ": not a designated contact"));
      return false;
    }
    Contact known = contact.get();
    Customer own = known.getCustomer();
    if (customer.isPresent() && !own.getId().equals(customer.get().getId())) {
      findings.add(new Finding("C2.1", "contact " + known.getName() + " belongs to " + own.getCompanyName()
          + ", not to " + customer.get().getCompanyName()));
      return false;
    }
    if (!known.getRole().isDesignated()) {
      findings.add(new Finding("C2.1", "contact " + known.getName() + " is neither the system responsible nor the "
          + "deputy of " + own.getCompanyName()));
      return false;
    }
    return true;
  }

  private static boolean isTrained(Optional<Contact> contact, Optional<Product> product, LocalDate on,
      List<Finding> findings) {
    if (contact.isEmpty() || product.isEmpty()) {
      return false;
    }
    Contact known = contact.get();
    Optional<LocalDate> trainedOn = known.trainedOn(product.get().getCode());
    if (trainedOn.isEmpty()) {
      findings.add(new Finding("C2.2", "contact " + known.getName() + " has not followed the "
          + product.get().getName() + " training"));
      return false;
    }
    if (trainedOn.get().isAfter(on)) {
      findings.add(new Finding("C2.2", "contact " + known.getName() + " follows the " + product.get().getName()
          + " training only on " + trainedOn.get()));
      return false;
    }
    return true;
  }
}
