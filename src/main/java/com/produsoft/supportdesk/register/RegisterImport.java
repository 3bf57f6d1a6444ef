package com.produsoft.supportdesk.register;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.produsoft.supportdesk.catalogue.Catalogue;
import com.produsoft.supportdesk.contract.ContractService;
import com.produsoft.supportdesk.contract.MaintenanceContract;
import com.produsoft.supportdesk.contract.MaintenanceContractRepository;
import com.produsoft.supportdesk.customer.Contact;
import com.produsoft.supportdesk.customer.ContactData;
import com.produsoft.supportdesk.customer.ContactRepository;
import com.produsoft.supportdesk.customer.ContactRole;
import com.produsoft.supportdesk.customer.Customer;
import com.produsoft.supportdesk.customer.CustomerData;
import com.produsoft.supportdesk.customer.CustomerRepository;
import com.produsoft.supportdesk.customer.Language;
import com.produsoft.supportdesk.licence.Licence;
import com.produsoft.supportdesk.licence.LicenceRepository;
import com.produsoft.supportdesk.platform.EngineClock;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The CSV import of the customer register (issue 18, docs/customer-register.md): customers, contacts with their
 * roles (C2.1) and trainings (C2.2), licences (C10.3) and maintenance contracts (C1), each file keyed by the
 * customer's VAT number. Every run reads the whole register first, then goes through the files in that order; a
 * {@link #check} is the same run rolled back, so it reports exactly the problems an {@link #apply} would meet.
 * An apply is one transaction: one problem anywhere and nothing is stored. A line equal to the register changes
 * nothing, so running the same files again changes nothing. A column missing from the file leaves that field as the
 * register has it; a blank cell clears it.
 */
@Service
public class RegisterImport {

  /** The four files' contents; any may be null (not uploaded). */
  public record Files(String customers, String contacts, String licences, String contracts) {
  }

  /** One problem of one line: the file ({@code customers}, ...), its line, the column and why. */
  public record LineProblem(String file, int line, String column, Problem problem) {
  }

  /** What a run found: its problems, and how many entries it created and changed (or would have). */
  public record Outcome(List<LineProblem> problems, Map<String, Integer> created, Map<String, Integer> changed,
      boolean applied) {

    public int createdOf(String file) {
      return created.getOrDefault(file, 0);
    }

    public int changedOf(String file) {
      return changed.getOrDefault(file, 0);
    }

    /** For the upload's record and the logs: "customers +3 ~0, contacts +6 ~0, ...". */
    public String summary() {
      return FILES.stream().map(file -> file + " +" + createdOf(file) + " ~" + changedOf(file))
          .collect(Collectors.joining(", "));
    }
  }

  static final String CUSTOMERS = "customers";
  static final String CONTACTS = "contacts";
  static final String LICENCES = "licences";
  static final String CONTRACTS = "contracts";
  static final List<String> FILES = List.of(CUSTOMERS, CONTACTS, LICENCES, CONTRACTS);

  /** The columns each file must have; docs/customer-register.md lists the optional ones. */
  static final Map<String, List<String>> REQUIRED_COLUMNS = Map.of(
      CUSTOMERS, List.of("vat_number", "company_name", "language"),
      CONTACTS, List.of("vat_number", "name", "email", "role"),
      LICENCES, List.of("vat_number", "licence_number", "product_code", "purchase_date"),
      CONTRACTS, List.of("vat_number", "contract_number", "first_year_start", "licence_numbers"));

  /** ISO days, and the Belgian way accounting programs write them. */
  private static final List<DateTimeFormatter> DAYS = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
      belgian("d/M/uuuu"), belgian("d-M-uuuu"), belgian("d.M.uuuu"));

  private static final String REQUIRED = Problem.of(null, "required").code();
  private static final Pattern UNDERSCORE = Pattern.compile("_([a-z])");

  private final CustomerRepository customers;
  private final ContactRepository contacts;
  private final LicenceRepository licences;
  private final MaintenanceContractRepository contracts;
  private final Catalogue catalogue;
  private final CustomerRegister register;
  private final ContractService contractService;
  private final RegisterUploadRepository uploads;
  private final TransactionTemplate transaction;

  @PersistenceContext
  private EntityManager entityManager;

  public RegisterImport(CustomerRepository customers, ContactRepository contacts, LicenceRepository licences,
      MaintenanceContractRepository contracts, Catalogue catalogue, CustomerRegister register,
      ContractService contractService, RegisterUploadRepository uploads,
      PlatformTransactionManager transactionManager) {
    this.customers = customers;
    this.contacts = contacts;
    this.licences = licences;
    this.contracts = contracts;
    this.catalogue = catalogue;
    this.register = register;
    this.contractService = contractService;
    this.uploads = uploads;
    this.transaction = new TransactionTemplate(transactionManager);
  }

  /** The dry run: every problem per line, and what would be created and changed; nothing is stored. */
  public Outcome check(Files files) {
    return transaction.execute(status -> {
      Outcome outcome = new Run(null).go(files);
      status.setRollbackOnly();
      return outcome;
    });
  }

  /** The dry run of an upload. */
  public Outcome check(Long uploadId) {
    return check(upload(uploadId).files());
  }

  /**
   * Applies the upload's files in one transaction, with one line per touched customer in its audit trail and the
   * renewal process of each new running contract; with any problem nothing is stored and the problems are answered.
   * The upload's row is locked meanwhile: a second click waits, then finds it applied.
   *
   * @return empty when the upload was applied already
   */
  public Optional<Outcome> apply(Long uploadId, String by) {
    return transaction.execute(status -> {
      RegisterUpload upload = uploads.lockById(uploadId)
          .orElseThrow(() -> new RegisterEntryNotFoundException("import " + uploadId));
      if (upload.isApplied()) {
        return Optional.empty();
      }
      Outcome outcome = new Run(by).go(upload.files());
      if (outcome.applied()) {
        // Read again: the run cleared the persistence context.
        uploads.findById(uploadId).orElseThrow().applied(by, EngineClock.now(), outcome.summary());
      } else {
        status.setRollbackOnly();
      }
      return Optional.of(outcome);
    });
  }

  private RegisterUpload upload(Long uploadId) {
    return uploads.findById(uploadId).orElseThrow(() -> new RegisterEntryNotFoundException("import " + uploadId));
  }

  /** One pass over the files, with the register read into memory once. */
  private final class Run {

    private final String by;
    private final LocalDate today = EngineClock.today();
    private final Set<String> productCodes = register.productCodes();
    private final Map<String, Customer> customersByVat;
    private final Map<String, Contact> contactsByEmail;
    private final Map<String, Licence> licencesByNumber;
    private final Map<String, MaintenanceContract> contractsByNumber;
    private final List<LineProblem> problems = new ArrayList<>();
    private final Map<String, Integer> created = new HashMap<>();
    private final Map<String, Integer> changed = new HashMap<>();
    /** Per customer, what this import changed: one line of its audit trail. */
    private final Map<Customer, List<String>> audit = new LinkedHashMap<>();
    /** Per file and key, the line that gave it first. */
    private final Map<String, Integer> firstLines = new HashMap<>();
    /** C2.1: per contact whose role this import set, the line that set it. */
    private final Map<Contact, Integer> roleLines = new HashMap<>();
    private final List<MaintenanceContract> newContracts = new ArrayList<>();

    Run(String by) {
      this.by = by;
      customersByVat = customers.findAll().stream()
          .collect(Collectors.toMap(Customer::getVatNumber, Function.identity()));
      contactsByEmail = contacts.findAll().stream()
          .collect(Collectors.toMap(Contact::getEmail, Function.identity()));
      licencesByNumber = licences.findAll().stream()
          .collect(Collectors.toMap(Licence::getLicenceNumber, Function.identity()));
      contractsByNumber = contracts.findAll().stream()
          .collect(Collectors.toMap(MaintenanceContract::getContractNumber, Function.identity()));
    }

    Outcome go(Files files) {
      rows(CUSTOMERS, files.customers()).forEach(this::customer);
      rows(CONTACTS, files.contacts()).forEach(this::contact);
      checkDesignatedContacts();
      rows(LICENCES, files.licences()).forEach(this::licence);
      rows(CONTRACTS, files.contracts()).forEach(this::contract);
      boolean apply = by != null && problems.isEmpty();
      if (apply) {
        audit.forEach((customer, changes) -> register.record(customer.getId(), by,
            "import: " + String.join("; ", changes)));
        entityManager.flush();
        // Each process reads its contract again (Plan contract period): a small persistence context keeps those reads
        // cheap. Starting a process needs only the contract's number, which the detached contract still has.
        entityManager.clear();
        newContracts.forEach(contractService::startProcess);
      }
      problems.sort(Comparator.comparing((LineProblem problem) -> FILES.indexOf(problem.file()))
          .thenComparing(LineProblem::line));
      return new Outcome(List.copyOf(problems), Map.copyOf(created), Map.copyOf(changed), apply);
    }

    private List<CsvTable.Row> rows(String file, String text) {
      if (text == null || text.isBlank()) {
        return List.of();
      }
      CsvTable table = CsvTable.parse(text);
      if (table.unterminatedQuoteLine() > 0) {
        problems.add(new LineProblem(file, table.unterminatedQuoteLine(), null, Problem.of(null, "quote")));
        return List.of();
      }
      List<String> missing = REQUIRED_COLUMNS.get(file).stream()
          .filter(column -> !table.columns().contains(column)).toList();
      missing.forEach(column -> problems.add(new LineProblem(file, 1, column, Problem.of(column, "missingColumn"))));
      return missing.isEmpty() ? table.rows() : List.of();
    }

    private void customer(CsvTable.Row row) {
      List<Problem> found = new ArrayList<>();
      String vat = row.get("vat_number") == null ? null : Customer.normalizeVat(row.get("vat_number"));
      Customer existing = vat == null ? null : customersByVat.get(vat);
      CustomerData known = existing == null ? new CustomerData(null, null, null, null, null, null, null)
          : existing.data();
      CustomerData data = new CustomerData(
          cell(row, "company_name", known.companyName()), vat,
          cell(row, "street", known.street()), cell(row, "postal_code", known.postalCode()),
          cell(row, "city", known.city()), cell(row, "phone", known.phone()),
          language(row.get("language"), found));
      found.addAll(RegisterChecks.customer(data));
      if (!once(CUSTOMERS, vat, row, "vat_number") || !report(CUSTOMERS, row, found)) {
        return;
      }
      if (existing == null) {
        Customer customer = customers.save(new Customer(data));
        customersByVat.put(vat, customer);
        count(created, CUSTOMERS);
        audit(customer, "customer created (customers line " + row.line() + ")");
      } else {
        List<String> changes = existing.change(data);
        if (!changes.isEmpty()) {
          count(changed, CUSTOMERS);
          audit(existing, "customer: " + String.join(", ", changes));
        }
      }
    }

    private void contact(CsvTable.Row row) {
      List<Problem> found = new ArrayList<>();
      Customer customer = customerOf(row, found);
      String email = row.get("email") == null ? null : Contact.normalizeEmail(row.get("email"));
      Contact existing = email == null ? null : contactsByEmail.get(email);
      ContactData known = existing == null ? new ContactData(null, null, null, null) : existing.data();
      ContactData data = new ContactData(cell(row, "name", known.name()), email, cell(row, "phone", known.phone()),
          role(row.get("role"), found));
      found.addAll(RegisterChecks.contact(data));
      if (existing != null && customer != null && !existing.getCustomer().getId().equals(customer.getId())) {
        found.add(Problem.of("email", "emailTaken", existing.getName(), existing.getCustomer().getCompanyName()));
      }
      Map<String, LocalDate> trainings = trainings(row.get("trainings"), productCodes, today, found);
      if (!once(CONTACTS, email, row, "email") || !report(CONTACTS, row, found)) {
        return;
      }
      Contact contact;
      List<String> changes = new ArrayList<>();
      if (existing == null) {
        contact = contacts.save(new Contact(customer, data));
        contactsByEmail.put(email, contact);
        count(created, CONTACTS);
        changes.add("contact " + data.name() + " created, " + data.role());
      } else {
        contact = existing;
        List<String> fields = contact.change(data);
        if (!fields.isEmpty()) {
          changes.add("contact " + contact.getName() + ": " + String.join(", ", fields));
        }
      }
      trainings.forEach((product, day) -> {
        String training = contact.recordTraining(product, day);
        if (training != null && existing != null) {
          changes.add("contact " + contact.getName() + ": " + training);
        }
      });
      if (existing != null && !changes.isEmpty()) {
        count(changed, CONTACTS);
      }
      if (data.role().isDesignated()) {
        roleLines.put(contact, row.line());
      }
      changes.forEach(change -> audit(customer, change));
    }

    /** C2.1: after the file, each customer still has at most one system responsible and one deputy. */
    private void checkDesignatedContacts() {
      if (roleLines.isEmpty()) {
        return;
      }
      Map<Long, Map<ContactRole, List<Contact>>> designated = contactsByEmail.values().stream()
          .filter(contact -> contact.getRole().isDesignated())
          .collect(Collectors.groupingBy(contact -> contact.getCustomer().getId(),
              Collectors.groupingBy(Contact::getRole)));
      roleLines.forEach((contact, line) -> designated.get(contact.getCustomer().getId()).get(contact.getRole())
          .stream().filter(other -> other != contact).findFirst()
          .ifPresent(other -> problems.add(new LineProblem(CONTACTS, line, "role",
              Problem.of("role", "designatedTaken", other.getName())))));
    }

    private void licence(CsvTable.Row row) {
      List<Problem> found = new ArrayList<>();
      Customer customer = customerOf(row, found);
      LicenceData data = new LicenceData(row.get("licence_number"), row.get("product_code"), row.get("host_id"),
          row.get("dongle_number"), day(row, "purchase_date", found));
      found.addAll(RegisterChecks.licence(data, productCodes, today));
      Licence existing = data.licenceNumber() == null ? null : licencesByNumber.get(data.licenceNumber());
      if (existing != null && customer != null && !existing.getCustomer().getId().equals(customer.getId())) {
        found.add(Problem.of("licenceNumber", "licenceOtherCustomer", existing.getCustomer().getCompanyName()));
      }
      if (existing != null && data.productCode() != null
          && !existing.getProduct().getCode().equals(data.productCode())) {
        found.add(Problem.of("productCode", "licenceProduct", existing.getProduct().getCode()));
      }
      if (!once(LICENCES, data.licenceNumber(), row, "licence_number") || !report(LICENCES, row, found)
          || existing != null) {
        return;
      }
      Licence licence = licences.save(CustomerRegister.newLicence(customer,
          catalogue.reference(data.productCode()), data));
      licencesByNumber.put(data.licenceNumber(), licence);
      count(created, LICENCES);
      audit(customer, "licence " + data.licenceNumber() + " (" + data.productCode() + ") on " + licence.getHardware()
          + " created");
    }

    private void contract(CsvTable.Row row) {
      List<Problem> found = new ArrayList<>();
      Customer customer = customerOf(row, found);
      String numbers = row.get("licence_numbers");
      ContractData data = new ContractData(row.get("contract_number"), day(row, "first_year_start", found),
          numbers == null ? List.of() : Arrays.asList(numbers.split("[|\\s]+")));
      found.addAll(RegisterChecks.contract(data, today));
      List<Licence> covered = new ArrayList<>();
      for (String number : data.licenceNumbers()) {
        Licence licence = licencesByNumber.get(number);
        if (licence == null) {
          found.add(Problem.of("licenceNumbers", "licenceUnknown", number));
        } else if (customer != null && !licence.getCustomer().getId().equals(customer.getId())) {
          found.add(Problem.of("licenceNumbers", "licenceNotOwn", number));
        } else {
          covered.add(licence);
        }
      }
      MaintenanceContract existing = data.contractNumber() == null ? null
          : contractsByNumber.get(data.contractNumber());
      if (existing != null && customer != null && !existing.getCustomer().getId().equals(customer.getId())) {
        found.add(Problem.of("contractNumber", "contractOtherCustomer", existing.getCustomer().getCompanyName()));
      }
      if (existing != null && data.firstYearStart() != null
          && !existing.getFirstYearStart().equals(data.firstYearStart())) {
        found.add(Problem.of("firstYearStart", "contractStart", existing.getFirstYearStart()));
      }
      if (!once(CONTRACTS, data.contractNumber(), row, "contract_number") || !report(CONTRACTS, row, found)) {
        return;
      }
      if (existing == null) {
        MaintenanceContract contract = contracts.save(CustomerRegister.newContract(customer, data, covered));
        contractsByNumber.put(data.contractNumber(), contract);
        newContracts.add(contract);
        count(created, CONTRACTS);
        audit(customer, "contract " + data.contractNumber() + " from " + data.firstYearStart() + " created, covering "
            + String.join(" ", data.licenceNumbers()));
      } else {
        List<String> added = covered.stream().filter(existing::cover).map(Licence::getLicenceNumber).toList();
        if (!added.isEmpty()) {
          count(changed, CONTRACTS);
          audit(customer, "contract " + data.contractNumber() + " covers " + String.join(" ", added) + " too");
        }
      }
    }

    private Customer customerOf(CsvTable.Row row, List<Problem> found) {
      String vat = row.get("vat_number");
      if (vat == null) {
        found.add(Problem.of("vatNumber", "required"));
        return null;
      }
      Customer customer = customersByVat.get(Customer.normalizeVat(vat));
      if (customer == null) {
        found.add(Problem.of("vatNumber", "customerUnknown", vat));
      }
      return customer;
    }

    /** Whether this key is the first of its file; a second line with it is a problem of its own. */
    private boolean once(String file, String key, CsvTable.Row row, String column) {
      if (key == null) {
        return true;
      }
      Integer first = firstLines.putIfAbsent(file + ":" + key.toLowerCase(Locale.ROOT), row.line());
      if (first != null) {
        problems.add(new LineProblem(file, row.line(), column, Problem.of(column, "duplicate", first)));
        return false;
      }
      return true;
    }

    /**
     * Records the line's problems; answers whether it had none. A field that could not be read (a bad day, an unknown
     * role) is not reported missing too.
     */
    private boolean report(String file, CsvTable.Row row, List<Problem> found) {
      Set<String> explained = found.stream().filter(problem -> !problem.code().equals(REQUIRED))
          .map(Problem::field).collect(Collectors.toSet());
      found.stream().distinct()
          .filter(problem -> !(problem.code().equals(REQUIRED) && explained.contains(problem.field())))
          .forEach(problem -> problems.add(new LineProblem(file, row.line(), column(problem.field()), problem)));
      return found.isEmpty();
    }

    private void audit(Customer customer, String change) {
      audit.computeIfAbsent(customer, key -> new ArrayList<>()).add(change);
    }

    private static void count(Map<String, Integer> counts, String file) {
      counts.merge(file, 1, Integer::sum);
    }
  }

  /** The cell, or what the register has when the file has no such column. */
  private static String cell(CsvTable.Row row, String column, String known) {
    return row.has(column) ? row.get(column) : known;
  }

  /** The form field of a CSV column: {@code company_name} is {@code companyName}. */
  private static String field(String column) {
    return UNDERSCORE.matcher(column).replaceAll(match -> match.group(1).toUpperCase(Locale.ROOT));
  }

  /** A day as written in Belgium; 31/02 is no day (strict), not the last of February. */
  private static DateTimeFormatter belgian(String pattern) {
    return DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT);
  }

  /** The CSV column of a form field: {@code companyName} is {@code company_name}. */
  static String column(String field) {
    return field == null ? null : field.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
  }

  private static Language language(String value, List<Problem> found) {
    if (value == null) {
      return null;
    }
    try {
      return Language.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      found.add(Problem.of("language", "language", value));
      return null;
    }
  }

  private static ContactRole role(String value, List<Problem> found) {
    if (value == null) {
      return null;
    }
    try {
      return ContactRole.valueOf(value.toUpperCase(Locale.ROOT).replace(' ', '_'));
    } catch (IllegalArgumentException unknown) {
      found.add(Problem.of("role", "role", value));
      return null;
    }
  }

  private static LocalDate day(CsvTable.Row row, String column, List<Problem> found) {
    String value = row.get(column);
    return value == null ? null : day(value, field(column), found);
  }

  private static LocalDate day(String value, String field, List<Problem> found) {
    for (DateTimeFormatter format : DAYS) {
      try {
        return LocalDate.parse(value, format);
      } catch (DateTimeParseException notThisFormat) {
        // the next format
      }
    }
    found.add(Problem.of(field, "day", value));
    return null;
  }

  /** C2.2: {@code EDGECAM:2024-03-01|VISI:2021-05-10}, the day each product's training was followed. */
  private static Map<String, LocalDate> trainings(String value, Set<String> productCodes, LocalDate today,
      List<Problem> found) {
    Map<String, LocalDate> trainings = new LinkedHashMap<>();
    if (value == null) {
      return trainings;
    }
    for (String training : value.split("[|\\s]+")) {
      String[] parts = training.split(":", 2);
      String product = parts[0].toUpperCase(Locale.ROOT);
      if (parts.length < 2 || !productCodes.contains(product)) {
        found.add(Problem.of("trainings", "training", training, String.join(", ", productCodes)));
        continue;
      }
      LocalDate day = day(parts[1], "trainings", found);
      if (day != null && day.isAfter(today)) {
        found.add(Problem.of("trainings", "future"));
      } else if (day != null) {
        trainings.put(product, day);
      }
    }
    return trainings;
  }
}
