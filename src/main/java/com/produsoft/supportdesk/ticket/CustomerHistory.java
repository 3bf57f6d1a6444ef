package com.produsoft.supportdesk.ticket;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.produsoft.supportdesk.contract.MaintenanceContract;
import com.produsoft.supportdesk.contract.MaintenanceContractRepository;
import com.produsoft.supportdesk.customer.Customer;
import com.produsoft.supportdesk.customer.CustomerRepository;
import com.produsoft.supportdesk.licence.Licence;
import com.produsoft.supportdesk.licence.LicenceRepository;
import com.produsoft.supportdesk.platform.EngineClock;

/**
 * What the desk knows of a customer's past (issue 18; C4.3 asks the customer for earlier call numbers, the desk
 * knows them itself): its tickets, newest first, the open supplier bugs its tickets wait for (C7.2), its licences
 * (C10) and its maintenance contracts with their state (C1).
 */
@Service
public class CustomerHistory {

  /** The tickets the page lists; the search page pages through the rest. */
  public static final int TICKETS_SHOWN = 100;

  private final CustomerRepository customers;
  private final MaintenanceContractRepository contracts;
  private final LicenceRepository licences;
  private final TicketSearch search;
  private final JdbcTemplate jdbc;

  CustomerHistory(CustomerRepository customers, MaintenanceContractRepository contracts, LicenceRepository licences,
      TicketSearch search, JdbcTemplate jdbc) {
    this.customers = customers;
    this.contracts = contracts;
    this.licences = licences;
    this.search = search;
    this.jdbc = jdbc;
  }

  public record ContractLine(String number, String status, LocalDate periodStart, LocalDate periodEnd,
      LocalDate endsOn, boolean coversToday) {
  }

  public record LicenceLine(String number, String product, String hardware, LocalDate purchased) {
  }

  /** An open supplier bug and the customer's EON calls that wait for it. */
  public record BugLine(long id, String product, String summary, String supplierReference, String status,
      String targetVersion, Instant reportedAt, String eonNumbers) {
  }

  public record History(Customer customer, boolean underContractToday, List<ContractLine> contracts,
      List<LicenceLine> licences, List<BugLine> openBugs, TicketSearch.Page tickets) {
  }

  /** The customer's history, its tickets and bugs limited to the products the caller reads (empty: all). */
  @Transactional(readOnly = true)
  public Optional<History> of(long customerId, Optional<Set<String>> readableProducts) {
    return customers.findById(customerId).map(customer -> {
      LocalDate today = EngineClock.today();
      List<ContractLine> contractLines = contracts.findByCustomerId(customerId).stream()
          .sorted(Comparator.comparing(MaintenanceContract::getFirstYearStart).reversed())
          .map(contract -> new ContractLine(contract.getContractNumber(), contract.getStatus().name(),
              contract.getCurrentPeriodStart(), contract.getCurrentPeriodEnd(), contract.getEndsOn(),
              contract.covers(today)))
          .toList();
      List<LicenceLine> licenceLines = licences.findByCustomerId(customerId).stream()
          .sorted(Comparator.comparing(Licence::getLicenceNumber))
          .map(licence -> new LicenceLine(licence.getLicenceNumber(), licence.getProduct().getCode(),
              licence.getHardware(), licence.getPurchaseDate()))
          .toList();
      return new History(customer, contractLines.stream().anyMatch(ContractLine::coversToday), contractLines,
          licenceLines, openBugs(customerId, readableProducts),
          search.search(TicketSearch.Criteria.ofCustomer(customerId, TICKETS_SHOWN), readableProducts));
    });
  }

  private List<BugLine> openBugs(long customerId, Optional<Set<String>> readableProducts) {
    if (readableProducts.isPresent() && readableProducts.get().isEmpty()) {
      return List.of();
    }
    List<BugLine> bugs = jdbc.query("SELECT b.id, b.product_code, b.summary, b.supplier_reference, b.status,"
        + " b.target_version, b.reported_at, t.eon_number FROM supplier_bug b"
        + " JOIN escalation e ON e.supplier_bug_id = b.id JOIN ticket t ON t.id = e.ticket_id"
        + " WHERE t.customer_id = ? AND b.status IN ('REPORTED', 'MORE_INFO_REQUESTED', 'FIX_PLANNED')"
        + " ORDER BY b.reported_at DESC, b.id, t.eon_number",
        (row, i) -> new BugLine(row.getLong("id"), row.getString("product_code"), row.getString("summary"),
            row.getString("supplier_reference"), row.getString("status"), row.getString("target_version"),
            instant(row.getObject("reported_at", LocalDateTime.class)),
            row.getString("eon_number")),
        customerId);
    // One line per bug, with all the customer's calls waiting for it.
    Map<Long, BugLine> perBug = new LinkedHashMap<>();
    bugs.stream()
        .filter(bug -> readableProducts.map(products -> products.contains(bug.product())).orElse(true))
        .forEach(bug -> perBug.merge(bug.id(), bug, (first, next) -> new BugLine(first.id(), first.product(),
            first.summary(), first.supplierReference(), first.status(), first.targetVersion(), first.reportedAt(),
            first.eonNumbers() + ", " + next.eonNumbers())));
    return List.copyOf(perBug.values());
  }

  private static Instant instant(LocalDateTime utc) {
    return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
  }
}
