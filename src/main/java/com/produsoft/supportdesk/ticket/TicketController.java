package com.produsoft.supportdesk.ticket;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.produsoft.supportdesk.platform.web.InvalidParameterException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/tickets")
@Tag(name = "Tickets", description = "Support registrations (charter C4–C8)")
public class TicketController {

  static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private final TicketIntake intake;
  private final TicketRepository repository;
  private final JournalRepository journal;
  private final TicketAccess access;
  private final TicketSearch search;

  public TicketController(TicketIntake intake, TicketRepository repository, JournalRepository journal,
      TicketAccess access, TicketSearch search) {
    this.intake = intake;
    this.repository = repository;
    this.journal = journal;
    this.access = access;
    this.search = search;
  }

  /** What an anonymous registrant gets back: the number to quote, nothing of anybody else's data. */
  public record Receipt(String eonNumber, TicketStatus status, Instant registeredAt) {
    static Receipt of(Ticket ticket) {
      return new Receipt(ticket.getEonNumber(), ticket.getStatus(), ticket.getRegisteredAt());
    }
  }

  @PostMapping
  @Operation(summary = "Register a ticket (public: the website's support form posts here)",
      responses = {
          @ApiResponse(responseCode = "201", description = "Registered; the EON call number is in the body"),
          @ApiResponse(responseCode = "400", description = "Invalid registration: every bad field is named"),
          @ApiResponse(responseCode = "422", description = "Idempotency-Key reused for another registration"),
          @ApiResponse(responseCode = "429", description = "Too many registrations from this client"),
          @ApiResponse(responseCode = "503", description = "Many registrations at once, or the database out of reach:"
              + " send again after Retry-After (seconds) with the same Idempotency-Key")})
  public ResponseEntity<Receipt> register(@Valid @RequestBody TicketRegistration registration,
      @Parameter(description = "Makes a retried request return the same ticket instead of a second one")
      @RequestHeader(name = IDEMPOTENCY_KEY, required = false) @Size(min = 8, max = 100) String idempotencyKey) {
    TicketService.Registered registered = intake.register(registration, Channel.WEB, idempotencyKey, List.of());
    Receipt receipt = Receipt.of(registered.ticket());
    return ResponseEntity.created(URI.create("/api/tickets/" + receipt.eonNumber()))
        .header("Idempotent-Replayed", Boolean.toString(registered.replayed()))
        .body(receipt);
  }

  @GetMapping
  @Operation(summary = "Find tickets, open and closed, newest first, a page at a time (staff; issue 18)",
      description = "Every parameter is optional; those given must all hold. q: words of the EON number, company,"
          + " contact (name or address) or description, each word matching as a prefix (\"postproc\" finds"
          + " \"postprocessor\"). Engineers find their team's tickets, leads, managers and admins all.",
      security = @SecurityRequirement(name = "basic"))
  public TicketSearch.Page find(
      @Parameter(example = "EON-2026-00042") @RequestParam(required = false) @Size(max = 200) String q,
      @Parameter(example = "Vandamme") @RequestParam(required = false) @Size(max = 200) String company,
      @Parameter(example = "EDGECAM") @RequestParam(required = false) @Size(max = 20) String product,
      @Parameter(description = "one or more states") @RequestParam(required = false) Set<TicketStatus> state,
      @Parameter(example = "2026-01-01") @RequestParam(required = false)
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @Parameter(example = "2026-12-31") @RequestParam(required = false)
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @Parameter(description = "from 0") @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
      @RequestParam(defaultValue = "" + TicketSearch.DEFAULT_PAGE_SIZE) @Min(1) @Max(TicketSearch.MAX_PAGE_SIZE)
      int size,
      Authentication caller) {
    if (from != null && to != null && to.isBefore(from)) {
      throw new InvalidParameterException("to", "must not be before from");
    }
    return search.search(new TicketSearch.Criteria(q, company, product, state, from, to, null, page, size),
        access.readableProducts(caller));
  }

  @GetMapping("/{number}")
  @Transactional(readOnly = true)
  @Operation(summary = "A ticket with its journal (staff)", security = @SecurityRequirement(name = "basic"))
  public TicketView get(@PathVariable String number, Authentication caller) {
    Ticket ticket = ticketFor(number, caller, false);
    return TicketView.of(ticket, journal.findByTicketOrderByCreatedAtAscIdAsc(ticket));
  }

  public record UpdateReceipt(String eonNumber, TicketStatus status, String outcome) {
  }

  @PostMapping("/{number}/updates")
  @Operation(summary = "Add the customer's news to a ticket (C8.1; staff and integrations)",
      security = @SecurityRequirement(name = "basic"))
  public ResponseEntity<UpdateReceipt> addUpdate(@PathVariable String number,
      @Valid @RequestBody TicketUpdateRequest update, Authentication caller) {
    ticketFor(number, caller, true);
    TicketService.UpdateOutcome outcome = intake.addUpdate(number, UpdateType.valueOf(update.type()),
        update.message(), caller.getName(), List.of());
    Ticket ticket = outcome.ticket();
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .body(new UpdateReceipt(ticket.getEonNumber(), ticket.getStatus(), outcome.outcome()));
  }

  private Ticket ticketFor(String number, Authentication caller, boolean write) {
    return access.check(repository.findByEonNumber(number).orElseThrow(() -> new TicketNotFoundException(number)),
        caller, write);
  }

  /** The staff's view of a ticket: all C4 items, entitlement, SLA and the journal. */
  public record TicketView(String eonNumber, String companyName, String contactName, String email, String phone,
      String product, TicketCategory category, Channel channel, String language, String description,
      String reproduction, String thirdPartySoftware, String operatingSystem, List<String> earlierCallNumbers,
      String impact, boolean productionStopped, boolean critical, boolean underContract, String entitlementWarning,
      TicketStatus status, Integer priority, Instant registeredAt, Instant firstResponseDueAt,
      Instant firstResponseAt, Instant resolutionDueAt, Instant resolvedAt, Instant closedAt, Resolution resolution,
      List<JournalLine> journal) {

    static TicketView of(Ticket t, List<JournalEntry> entries) {
      return new TicketView(t.getEonNumber(), t.getCompanyName(), t.getContactName(), t.getEmail(), t.getPhone(),
          t.getProductCode(), t.getCategory(), t.getChannel(), t.getLanguage().name().toLowerCase(),
          t.getDescription(), t.getReproduction(), t.getThirdPartySoftware(), t.getOperatingSystem(),
          List.copyOf(t.getEarlierCallNumbers()), t.getImpact(), t.isProductionStopped(), t.isCritical(),
          t.isUnderContract(), t.getEntitlementWarning(), t.getStatus(), t.getPriority(), t.getRegisteredAt(),
          t.getFirstResponseDueAt(), t.getFirstResponseAt(), t.getResolutionDueAt(), t.getResolvedAt(),
          t.getClosedAt(), t.getResolution(), entries.stream().map(JournalLine::of).toList());
    }
  }

  public record JournalLine(Instant at, JournalEntryType type, String author, boolean customerVisible, String text) {
    static JournalLine of(JournalEntry entry) {
      return new JournalLine(entry.getCreatedAt(), entry.getType(), entry.getAuthor(), entry.isCustomerVisible(),
          entry.getText());
    }
  }
}
