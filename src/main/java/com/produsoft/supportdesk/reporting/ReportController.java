package com.produsoft.supportdesk.reporting;

import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * The managers' morning figures (issue 9) for the Cockpit dashboard and other clients: managers, support leads and
 * admins ({@link ReportingUrlRules}). Periods are days in Europe/Brussels, both included, at most a year; bad parameters answer
 * 400 naming the parameter (ApiErrors). The contract figures are in {@code ContractReportController}.
 */
@RestController
@RequestMapping("/api/reports")
@Tag(name = "Support reports", description = "Open tickets, registrations, SLA, response times, supplier bugs")
@SecurityRequirement(name = "basic")
public class ReportController {

  private final SupportReports reports;

  public ReportController(SupportReports reports) {
    this.reports = reports;
  }

  @GetMapping("/tickets/open")
  @Operation(summary = "Open tickets now (neither resolved nor closed), per team and priority")
  public List<SupportReports.OpenTickets> openTickets() {
    return reports.openTickets();
  }

  @GetMapping("/tickets/registered")
  @Operation(summary = "Tickets registered in the period, per channel and category")
  public List<SupportReports.Registrations> registered(@Parameter(example = "2026-11-01") @RequestParam
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from, @Parameter(example = "2026-11-30") @RequestParam
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    return reports.registrations(new ReportPeriod(from, to));
  }

  @GetMapping("/sla/first-response")
  @Operation(summary = "First-response deadlines (office hours, C6) falling in the period, met or breached, per team")
  public List<SupportReports.FirstResponseSla> firstResponseSla(@RequestParam
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from, @RequestParam
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    return reports.firstResponseSla(new ReportPeriod(from, to));
  }

  @GetMapping("/response-times")
  @Operation(summary = "Office minutes to first response and to resolution (median, 90th percentile), "
      + "time waiting for the customer excluded")
  public SupportReports.ResponseTimes responseTimes(@RequestParam
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from, @RequestParam
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    return reports.responseTimes(new ReportPeriod(from, to));
  }

  @GetMapping("/tickets/waiting-for-customer")
  @Operation(summary = "Tickets waiting for the customer now, per team")
  public List<SupportReports.TeamCount> waitingForCustomer() {
    return reports.waitingForCustomer();
  }

  @GetMapping("/supplier-bugs/open")
  @Operation(summary = "Bugs the suppliers still work on (C7.2), per supplier and age since escalation")
  public List<SupportReports.SupplierBugAge> openSupplierBugs() {
    return reports.openSupplierBugs();
  }

  @GetMapping("/supplier-bugs/oldest")
  @Operation(summary = "The open supplier bugs that have waited longest")
  public List<SupportReports.WaitingBug> oldestSupplierBugs(
      @RequestParam(defaultValue = "10") @Min(1) @Max(100) int limit) {
    return reports.oldestSupplierBugs(limit);
  }
}
