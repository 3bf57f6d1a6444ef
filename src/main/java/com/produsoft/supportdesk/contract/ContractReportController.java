package com.produsoft.supportdesk.contract;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.produsoft.supportdesk.platform.EngineClock;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** For managers: how contracts move (C1.2, C1.4, C1.5) and which cancellation deadlines come up. */
@RestController
@RequestMapping("/api/reports/contracts")
@Tag(name = "Contract reports", description = "Renewals, cancellations, lapses per month; coming deadlines")
@SecurityRequirement(name = "basic")
@Transactional(readOnly = true)
public class ContractReportController {

  private final ContractEventRepository events;
  private final MaintenanceContractRepository contracts;

  public ContractReportController(ContractEventRepository events, MaintenanceContractRepository contracts) {
    this.events = events;
    this.contracts = contracts;
  }

  public record MonthCounts(YearMonth month, long renewals, long cancellations, long lapses, long reinstatements) {
  }

  @GetMapping
  @Operation(summary = "Renewals, cancellations (by day received), lapses and reinstatements per month")
  public List<MonthCounts> perMonth(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    Map<YearMonth, Map<ContractEventType, Long>> counts = events.findByOccurredOnBetween(from, to).stream()
        .collect(Collectors.groupingBy(event -> YearMonth.from(event.getOccurredOn()),
            Collectors.groupingBy(ContractEvent::getType, Collectors.counting())));
    List<MonthCounts> months = new ArrayList<>();
    for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
      Map<ContractEventType, Long> ofMonth = counts.getOrDefault(month, Map.of());
      months.add(new MonthCounts(month, ofMonth.getOrDefault(ContractEventType.RENEWED, 0L),
          ofMonth.getOrDefault(ContractEventType.CANCELLED, 0L), ofMonth.getOrDefault(ContractEventType.LAPSED, 0L),
          ofMonth.getOrDefault(ContractEventType.REINSTATED, 0L)));
    }
    return months;
  }

  public record Deadline(String contractNumber, String companyName, ContractStatus status,
      LocalDate cancellationDeadline, LocalDate currentPeriodEnd) {
  }

  @GetMapping("/deadlines")
  @Operation(summary = "Running contracts whose cancellation deadline (C1.4) falls within the next days")
  public List<Deadline> deadlines(@RequestParam(defaultValue = "30") @Min(0) @Max(366) int days) {
    LocalDate today = EngineClock.today();
    LocalDate until = today.plusDays(days);
    return contracts.findByStatusIn(EnumSet.of(ContractStatus.FIRST_YEAR, ContractStatus.ACTIVE)).stream()
        .filter(c -> !c.cancellationDeadline().isBefore(today) && !c.cancellationDeadline().isAfter(until))
        .sorted(Comparator.comparing(MaintenanceContract::cancellationDeadline))
        .map(c -> new Deadline(c.getContractNumber(), c.getCustomer().getCompanyName(), c.getStatus(),
            c.cancellationDeadline(), c.getCurrentPeriodEnd()))
        .toList();
  }
}
