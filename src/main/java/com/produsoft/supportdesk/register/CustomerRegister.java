package com.produsoft.supportdesk.register;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.produsoft.supportdesk.catalogue.Catalogue;
import com.produsoft.supportdesk.catalogue.Product;
import com.produsoft.supportdesk.contract.ContractService;
import com.produsoft.supportdesk.contract.MaintenanceContract;
import com.produsoft.supportdesk.contract.MaintenanceContractRepository;
import com.produsoft.supportdesk.customer.Contact;
import com.produsoft.supportdesk.customer.ContactData;
import com.produsoft.supportdesk.customer.ContactRepository;
import com.produsoft.supportdesk.customer.Customer;
import com.produsoft.supportdesk.customer.CustomerData;
import com.produsoft.supportdesk.customer.CustomerRepository;
import com.produsoft.supportdesk.licence.Licence;
import com.produsoft.supportdesk.licence.LicenceBindingRepository;
import com.produsoft.supportdesk.licence.LicenceRepository;
import com.produsoft.supportdesk.platform.EngineClock;

/**
 * The customer register as the staff keep it on its pages (issue 18): customers, their contacts with their roles
 * (C2.1) and trainings (C2.2), licences on a host or a dongle (C10.3) and maintenance contracts (C1). Each change is
 * one transaction and one line of the customer's audit trail; a form opened before someone else's save is refused
 * ({@link StaleEditException}) instead of overwriting it.
 */
@Service
@Transactional
public class CustomerRegister {

  static final int PAGE_SIZE = 50;

  private final CustomerRepository customers;
  private final ContactRepository contacts;
  private final LicenceRepository licences;
  private final LicenceBindingRepository bindings;
  private final MaintenanceContractRepository contracts;
  private final Catalogue catalogue;
  private final RegisterChangeRepository changes;
  private final ContractService contractService;

  public CustomerRegister(CustomerRepository customers, ContactRepository contacts, LicenceRepository licences,
      LicenceBindingRepository bindings, MaintenanceContractRepository contracts, Catalogue catalogue,
      RegisterChangeRepository changes, ContractService contractService) {
    this.customers = customers;
    this.contacts = contacts;
    this.licences = licences;
    this.bindings = bindings;
    this.contracts = contracts;
    this.catalogue = catalogue;
    this.changes = changes;
    this.contractService = contractService;
  }

  /** One page of the register, by company name; {@code query} filters on a part of the name or the VAT number. */
  @Transactional(readOnly = true)
  public Page<Customer> list(String query, int page) {
    PageRequest request = PageRequest.of(Math.max(page, 0), PAGE_SIZE, Sort.by("companyName", "id"));
    String part = CustomerData.blankToNull(query);
    return part == null ? customers.findAll(request)
        : customers.findByCompanyNameContainingIgnoreCaseOrVatNumberContaining(part, Customer.normalizeVat(part),
            request);
  }

  public Customer create(CustomerData data, String by) {
    List<Problem> problems = RegisterChecks.customer(data);
    vatFree(data, null, problems);
    refuseIf(problems);
    Customer customer = customers.save(new Customer(data));
    record(customer.getId(), by, "customer created: " + data.companyName() + ", " + data.vatNumber());
    return customer;
  }

  public void change(Long customerId, int version, CustomerData data, String by) {
    Customer customer = customer(customerId);
    checkVersion("customer", customerId, customer.getVersion(), version);
    List<Problem> problems = RegisterChecks.customer(data);
    vatFree(data, customerId, problems);
    refuseIf(problems);
    List<String> changed = customer.change(data);
    if (!changed.isEmpty()) {
      customers.saveAndFlush(customer);
      record(customerId, by, "customer: " + String.join("; ", changed));
    }
  }

  public Contact addContact(Long customerId, ContactData data, String by) {
    Customer customer = customer(customerId);
    List<Problem> problems = contactProblems(customerId, null, data);
    refuseIf(problems);
    Contact contact = contacts.save(new Contact(customer, data));
    record(customerId, by, "contact added: " + data.name() + " <" + data.email() + ">, " + data.role());
    return contact;
  }

  public void changeContact(Long customerId, Long contactId, int version, ContactData data, String by) {
    Contact contact = contact(customerId, contactId, version);
    refuseIf(contactProblems(customerId, contactId, data));
    String before = contact.getName();
    List<String> changed = contact.change(data);
    if (!changed.isEmpty()) {
      contacts.saveAndFlush(contact);
      record(customerId, by, "contact " + before + ": " + String.join("; ", changed));
    }
  }

  /** C2.2: the day the contact followed Produsoft's training on the product (a later day replaces an earlier one). */
  public void recordTraining(Long customerId, Long contactId, int version, String productCode, LocalDate trainedOn,
      String by) {
    Contact contact = contact(customerId, contactId, version);
    List<Problem> problems = new ArrayList<>();
    if (!catalogue.isProduct(productCode)) {
      problems.add(Problem.of("productCode", "product", String.join(", ", productCodes())));
    }
    RegisterChecks.pastDay(problems, "trainedOn", trainedOn, EngineClock.today());
    refuseIf(problems);
    String changed = contact.recordTraining(productCode, trainedOn);
    if (changed != null) {
      contacts.saveAndFlush(contact);
      record(customerId, by, "contact " + contact.getName() + ": " + changed);
    }
  }

  public void forgetTraining(Long customerId, Long contactId, int version, String productCode, String by) {
    Contact contact = contact(customerId, contactId, version);
    if (contact.forgetTraining(productCode)) {
      contacts.saveAndFlush(contact);
      record(customerId, by, "contact " + contact.getName() + ": training " + productCode + " removed");
    }
  }

  /** C10.3: a licence the customer bought, bound to a host id or a dongle. */
  public Licence addLicence(Long customerId, LicenceData data, String by) {
    Customer customer = customer(customerId);
    List<Problem> problems = RegisterChecks.licence(data, productCodes(), EngineClock.today());
    if (data.licenceNumber() != null && licences.findByLicenceNumber(data.licenceNumber()).isPresent()) {
      problems.add(Problem.of("licenceNumber", "licenceTaken"));
    }
    refuseIf(problems);
    Licence licence = licences.save(newLicence(customer, catalogue.reference(data.productCode()), data));
    record(customerId, by, "licence added: " + data.licenceNumber() + " (" + data.productCode() + ") on "
        + licence.getHardware() + ", bought " + data.purchaseDate());
    return licence;
  }

  static Licence newLicence(Customer customer, Product product, LicenceData data) {
    return data.hostId() != null
        ? Licence.onHost(customer, product, data.licenceNumber(), data.hostId(), data.purchaseDate())
        : Licence.onDongle(customer, product, data.licenceNumber(), data.dongleNumber(), data.purchaseDate());
  }

  /**
   * C1: a contract covering licences of the customer, renewed (C1.2) up to the period holding today, with its
   * {@code ContractRenewalProcess} waiting for the period's reminder and end.
   */
  public MaintenanceContract addContract(Long customerId, ContractData data, String by) {
    Customer customer = customer(customerId);
    List<Problem> problems = RegisterChecks.contract(data, EngineClock.today());
    if (data.contractNumber() != null && contracts.findByContractNumber(data.contractNumber()).isPresent()) {
      problems.add(Problem.of("contractNumber", "contractTaken"));
    }
    Map<String, Licence> own = licences.findByCustomerId(customerId).stream()
        .collect(Collectors.toMap(Licence::getLicenceNumber, Function.identity()));
    data.licenceNumbers().stream().filter(number -> !own.containsKey(number)).findFirst()
        .ifPresent(number -> problems.add(Problem.of("licenceNumbers", "licenceNotOwn", number)));
    refuseIf(problems);
    MaintenanceContract contract = newContract(customer, data, data.licenceNumbers().stream().map(own::get).toList());
    contracts.save(contract);
    contractService.startProcess(contract);
    record(customerId, by, "contract added: " + data.contractNumber() + " from " + data.firstYearStart()
        + " covering " + String.join(", ", data.licenceNumbers()));
    return contract;
  }

  static MaintenanceContract newContract(Customer customer, ContractData data, List<Licence> covered) {
    MaintenanceContract contract = new MaintenanceContract(data.contractNumber(), customer, covered,
        data.firstYearStart());
    contract.renewUpTo(EngineClock.today());
    return contract;
  }

  /** Everything the customer's page shows, read in one transaction. */
  @Transactional(readOnly = true)
  public CustomerView view(Long customerId) {
    Customer customer = customer(customerId);
    List<CustomerView.ContactRow> contactRows = contacts.findByCustomerId(customerId).stream()
        .sorted(Comparator.comparing((Contact contact) -> contact.getRole()).thenComparing(Contact::getName))
        .map(CustomerView.ContactRow::of).toList();
    List<CustomerView.LicenceRow> licenceRows = licences.findByCustomerId(customerId).stream()
        .sorted(Comparator.comparing(Licence::getLicenceNumber))
        .map(licence -> CustomerView.LicenceRow.of(licence, bindings.findByLicenceOrderByBoundFromAscIdAsc(licence)))
        .toList();
    List<CustomerView.ContractRow> contractRows = contracts.findByCustomerId(customerId).stream()
        .sorted(Comparator.comparing(MaintenanceContract::getContractNumber))
        .map(CustomerView.ContractRow::of).toList();
    return new CustomerView(customer.getId(), customer.getVersion(), customer.data(), contactRows, licenceRows,
        contractRows, changes.findByCustomerIdOrderByChangedAtDescIdDesc(customerId));
  }

  @Transactional(readOnly = true)
  public Contact contactOf(Long customerId, Long contactId) {
    Contact contact = contacts.findById(contactId).filter(found -> found.getCustomer().getId().equals(customerId))
        .orElseThrow(() -> new RegisterEntryNotFoundException("contact " + contactId));
    contact.getTrainings();
    return contact;
  }

  /** The product codes, in order. */
  @Transactional(readOnly = true)
  public Set<String> productCodes() {
    return new TreeSet<>(catalogue.codes());
  }

  void record(Long customerId, String by, String description) {
    changes.save(new RegisterChange(customerId, EngineClock.now(), by, description));
  }

  private Customer customer(Long customerId) {
    return customers.findById(customerId)
        .orElseThrow(() -> new RegisterEntryNotFoundException("customer " + customerId));
  }

  private Contact contact(Long customerId, Long contactId, int version) {
    Contact contact = contactOf(customerId, contactId);
    checkVersion("contact", customerId, contact.getVersion(), version);
    return contact;
  }

  private void checkVersion(String what, Long customerId, int stored, int read) {
    if (stored != read) {
      throw new StaleEditException(what, changes.findByCustomerIdOrderByChangedAtDescIdDesc(customerId).stream()
          .findFirst().orElse(null));
    }
  }

  private void vatFree(CustomerData data, Long self, List<Problem> problems) {
    if (data.vatNumber() != null) {
      customers.findByVatNumber(data.vatNumber()).filter(other -> !other.getId().equals(self))
          .ifPresent(other -> problems.add(Problem.of("vatNumber", "vatTaken", other.getCompanyName())));
    }
  }

  /** The e-mail address is nobody else's, and C2.1: one system responsible and one deputy per customer. */
  private List<Problem> contactProblems(Long customerId, Long self, ContactData data) {
    List<Problem> problems = RegisterChecks.contact(data);
    if (data.email() != null) {
      contacts.findByEmail(data.email()).filter(other -> !other.getId().equals(self))
          .ifPresent(other -> problems.add(Problem.of("email", "emailTaken", other.getName(),
              other.getCustomer().getCompanyName())));
    }
    if (data.role() != null && data.role().isDesignated()) {
      contacts.findByCustomerId(customerId).stream()
          .filter(other -> other.getRole() == data.role() && !other.getId().equals(self)).findFirst()
          .ifPresent(other -> problems.add(Problem.of("role", "designatedTaken", other.getName())));
    }
    return problems;
  }

  private static void refuseIf(List<Problem> problems) {
    if (!problems.isEmpty()) {
      throw new RegisterRefusedException(problems);
    }
  }
}
