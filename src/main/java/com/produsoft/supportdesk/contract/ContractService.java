package com.produsoft.supportdesk.contract;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.produsoft.supportdesk.catalogue.Catalogue;
import com.produsoft.supportdesk.catalogue.Product;
import com.produsoft.supportdesk.contract.LicenceSale.SoldLicence;
import com.produsoft.supportdesk.customer.Customer;
import com.produsoft.supportdesk.customer.CustomerRepository;
import com.produsoft.supportdesk.licence.Licence;
import com.produsoft.supportdesk.licence.LicenceRepository;
import com.produsoft.supportdesk.platform.EngineClock;
import com.produsoft.supportdesk.platform.web.ApiErrors.FieldProblem;

/**
 * What the administration and other systems do to a contract: register a licence sale (C1.1), cancel (C1.4),
 * ask for and accept a reinstatement (C1.5). Each call is one transaction with the {@code ContractRenewalProcess}
 * steps it triggers, up to their next wait state.
 */
@Service
public class ContractService {

  public static final String PROCESS_KEY = "ContractRenewalProcess";
  public static final String CANCELLATION_RECEIVED = "ContractCancellationReceived";
  public static final String REINSTATEMENT_REQUESTED = "ReinstatementRequested";
  public static final String QUOTE_ACCEPTED = "ReinstatementQuoteAccepted";

  private final MaintenanceContractRepository contracts;
  private final CustomerRepository customers;
  private final Catalogue catalogue;
  private final LicenceRepository licences;
  private final ReinstatementQuoteRepository quotes;
  private final RuntimeService runtimeService;

  public ContractService(MaintenanceContractRepository contracts, CustomerRepository customers,
      Catalogue catalogue, LicenceRepository licences, ReinstatementQuoteRepository quotes,
      RuntimeService runtimeService) {
    this.contracts = contracts;
    this.customers = customers;
    this.catalogue = catalogue;
    this.licences = licences;
    this.quotes = quotes;
    this.runtimeService = runtimeService;
  }

  /** C1.1: the licences and their contract in its first year, and the contract's process (business key = number). */
  @Transactional
  public MaintenanceContract registerSale(LicenceSale sale) {
    MaintenanceContract contract = createContract(sale);
    startProcess(contract);
    return contract;
  }

  /**
   * The licences and their contract, without a process: for the process's own start from Tasklist's form.
   *
   * @throws LicenceSaleRejectedException naming every bad field; nothing is stored then
   */
  @Transactional
  public MaintenanceContract createContract(LicenceSale sale) {
    List<FieldProblem> problems = new ArrayList<>();
    Optional<Customer> customer = customer(sale, problems);
    LocalDate today = EngineClock.today();
    if (sale.purchaseDate() == null) {
      problems.add(new FieldProblem("purchaseDate", "is required"));
    } else if (sale.purchaseDate().isAfter(today)) {
      problems.add(new FieldProblem("purchaseDate", "must not be in the future"));
    } else if (sale.purchaseDate().isBefore(today.minusYears(1).plusDays(1))) {
      problems.add(new FieldProblem("purchaseDate", "must lie within the last year (its first year of support, C1.1)"));
    }
    Map<String, Product> knownProducts = catalogue.products().stream()
        .collect(Collectors.toMap(Product::getCode, Function.identity()));
    List<SoldLicence> sold = sale.licences() == null ? List.of() : sale.licences();
    if (sold.isEmpty()) {
      problems.add(new FieldProblem("licences", "must hold at least one licence"));
    }
    Set<String> numbers = new HashSet<>();
    for (int i = 0; i < sold.size(); i++) {
      checkLicence("licences[" + i + "].", sold.get(i), knownProducts, numbers, problems);
    }
    if (!problems.isEmpty()) {
      throw new LicenceSaleRejectedException(problems);
    }
    List<Licence> bought = sold.stream()
        .map(licence -> licences.save(licence.hostId() != null && !licence.hostId().isBlank()
            ? Licence.onHost(customer.get(), knownProducts.get(code(licence)), licence.licenceNumber().strip(),
                licence.hostId().strip(), sale.purchaseDate())
            : Licence.onDongle(customer.get(), knownProducts.get(code(licence)), licence.licenceNumber().strip(),
                licence.dongleNumber().strip(), sale.purchaseDate())))
        .toList();
    return contracts.save(new MaintenanceContract(nextNumber(sale.purchaseDate().getYear()), customer.get(), bought,
        sale.purchaseDate()));
  }

  private Optional<Customer> customer(LicenceSale sale, List<FieldProblem> problems) {
    Optional<Customer> byId = Optional.ofNullable(sale.customerId()).flatMap(customers::findById);
    boolean vatGiven = sale.customerVat() != null && !sale.customerVat().isBlank();
    Optional<Customer> byVat = vatGiven ? customers.findByVat(sale.customerVat()) : Optional.empty();
    if (sale.customerId() == null && !vatGiven) {
      problems.add(new FieldProblem("customerId", "or customerVat is required"));
    }
    if (sale.customerId() != null && byId.isEmpty()) {
      problems.add(new FieldProblem("customerId", "is not a known customer"));
    }
    if (vatGiven && byVat.isEmpty()) {
      problems.add(new FieldProblem("customerVat", "is not the VAT number of a known customer"));
    }
    if (byId.isPresent() && byVat.isPresent() && !byId.get().getId().equals(byVat.get().getId())) {
      problems.add(new FieldProblem("customerVat", "belongs to another customer than customerId"));
    }
    return byId.or(() -> byVat);
  }

  private void checkLicence(String prefix, SoldLicence licence, Map<String, Product> knownProducts,
      Set<String> numbers, List<FieldProblem> problems) {
    if (licence.product() == null || licence.product().isBlank()) {
      problems.add(new FieldProblem(prefix + "product", "is required"));
    } else if (!knownProducts.containsKey(code(licence))) {
      problems.add(new FieldProblem(prefix + "product", "must be one of " + new TreeSet<>(knownProducts.keySet())));
    }
    if (licence.licenceNumber() == null || licence.licenceNumber().isBlank()) {
      problems.add(new FieldProblem(prefix + "licenceNumber", "is required"));
    } else if (!numbers.add(licence.licenceNumber().strip())) {
      problems.add(new FieldProblem(prefix + "licenceNumber", "is given twice"));
    } else if (licences.findByLicenceNumber(licence.licenceNumber().strip()).isPresent()) {
      problems.add(new FieldProblem(prefix + "licenceNumber", "is already registered"));
    }
    boolean onHost = licence.hostId() != null && !licence.hostId().isBlank();
    boolean onDongle = licence.dongleNumber() != null && !licence.dongleNumber().isBlank();
    if (onHost == onDongle) {
      problems.add(new FieldProblem(prefix + "hostId", "or dongleNumber is required, not both (C10.3)"));
    }
  }

  private static String code(SoldLicence licence) {
    return licence.product().strip().toUpperCase(Locale.ROOT);
  }

  /** {@code MC-<year>-<4 digits>}; the unique contract number refuses a number taken by a parallel sale. */
  private String nextNumber(int year) {
    String prefix = "MC-" + year + "-";
    int highest = contracts.findHighestNumber(prefix)
        .map(number -> Integer.parseInt(number.substring(prefix.length())))
        .orElse(0);
    return prefix + "%04d".formatted(highest + 1);
  }

  /** Starts the contract's process unless one runs already; answers whether it started one. */
  @Transactional
  public boolean startProcess(MaintenanceContract contract) {
    if (processRuns(contract.getContractNumber())) {
      return false;
    }
    runtimeService.startProcessInstanceByKey(PROCESS_KEY, contract.getContractNumber(),
        Map.of("contractNumber", contract.getContractNumber()));
    return true;
  }

  private boolean processRuns(String contractNumber) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
        .processInstanceBusinessKey(contractNumber).count() > 0;
  }

  public MaintenanceContract contract(String contractNumber) {
    return contracts.findByContractNumber(contractNumber)
        .orElseThrow(() -> new ContractNotFoundException(contractNumber));
  }

  /**
   * C1.4: registers the customer's cancellation; the process records it and confirms it to the customer.
   *
   * @return the contract, with its last covered day ({@code endsOn})
   */
  @Transactional
  public MaintenanceContract cancel(String contractNumber, LocalDate receivedOn, CancellationChannel channel) {
    MaintenanceContract contract = contract(contractNumber);
    if (!contract.isRunning()) {
      throw new ContractStateException("Contract " + contractNumber + " is " + contract.getStatus()
          + (contract.getEndsOn() == null ? "" : ", its last day is " + contract.getEndsOn()));
    }
    LocalDate today = EngineClock.today();
    LocalDate received = receivedOn == null ? today : receivedOn;
    if (received.isAfter(today) || received.isBefore(contract.getCurrentPeriodStart())) {
      throw new ContractStateException("receivedOn must lie between " + contract.getCurrentPeriodStart()
          + " (start of the current period) and today");
    }
    runtimeService.createMessageCorrelation(CANCELLATION_RECEIVED)
        .processInstanceBusinessKey(contractNumber)
        .setVariablesLocal(Variables.createVariables()
            .putValue("cancellationReceivedOn", received.toString())
            .putValue("cancellationChannel", (channel == null ? CancellationChannel.API : channel).name()))
        .correlateWithResult();
    return contract;
  }

  /**
   * C1.5: a lapsed customer wants a contract again: a quote with the reinstatement fee is prepared by the
   * administration, in a new instance of the contract's process.
   */
  @Transactional
  public ReinstatementQuote requestReinstatement(String contractNumber) {
    MaintenanceContract contract = contract(contractNumber);
    if (contract.getStatus() != ContractStatus.LAPSED) {
      throw new ContractStateException("Contract " + contractNumber + " is " + contract.getStatus()
          + ": only a lapsed contract is reinstated");
    }
    if (processRuns(contractNumber)) {
      throw new ContractStateException("A reinstatement of " + contractNumber + " is already under way");
    }
    LocalDate today = EngineClock.today();
    int monthsSinceLapse = (int) ChronoUnit.MONTHS.between(contract.getEndsOn().plusDays(1), today);
    ReinstatementQuote quote = quotes.save(new ReinstatementQuote(contract, today, monthsSinceLapse));
    runtimeService.createMessageCorrelation(REINSTATEMENT_REQUESTED)
        .processInstanceBusinessKey(contractNumber)
        .setVariables(Map.of(
            "contractNumber", contractNumber,
            "product", mainProduct(contract),
            "monthsSinceLapse", monthsSinceLapse))
        .correlateStartMessage();
    return quote;
  }

  /** The product of most of the contract's licences: the reinstatement fee is decided for it (C1.5). */
  private static String mainProduct(MaintenanceContract contract) {
    return contract.getLicences().stream()
        .collect(Collectors.groupingBy(licence -> licence.getProduct().getCode(), Collectors.counting()))
        .entrySet().stream()
        .max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
        .map(Map.Entry::getKey)
        .orElseThrow();
  }

  /** C1.5: the customer accepted the quote in time; the process reinstates the contract. */
  @Transactional
  public MaintenanceContract acceptQuote(String contractNumber) {
    MaintenanceContract contract = contract(contractNumber);
    ReinstatementQuote quote = quotes.findFirstByContractOrderByIdDesc(contract)
        .filter(latest -> latest.getStatus() == QuoteStatus.SENT)
        .orElseThrow(() -> new ContractStateException("Contract " + contractNumber + " has no quote to accept"));
    if (EngineClock.today().isAfter(quote.getValidUntil())) {
      throw new ContractStateException("The quote for " + contractNumber + " expired on " + quote.getValidUntil());
    }
    runtimeService.createMessageCorrelation(QUOTE_ACCEPTED)
        .processInstanceBusinessKey(contractNumber)
        .correlateWithResult();
    return contract;
  }
}
