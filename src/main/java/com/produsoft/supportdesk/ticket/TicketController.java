package com.produsoft.supportdesk.ticket;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import com.produsoft.supportdesk.platform.security.Roles;
import com.produsoft.supportdesk.supplier.Product;
import com.produsoft.supportdesk.supplier.ProductRepository;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/tickets")
@Tag(name = "Tickets", description = "Support registrations (charter C4–C8)")
public class TicketController {

  static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private final TicketIntake intake;
  private final TicketRepository repository;
  private final JournalRepository journal;
  private final ProductRepository products;

  public TicketController(TicketIntake intake, TicketRepository repository, JournalRepository journal,
      ProductRepository products) {
    this.intake = intake;
    this.repository = repository;
    this.journal = journal;
    this.products = products;
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

  /**
   * The ticket, if the caller may see it (write: change it): the engineers of its product team, the leads and the
   * admins; managers read every ticket and change none. Other engineers are refused, as in Tasklist, where each
   * team sees only its own tasks. Which groups reach /api/tickets at all is SecurityConfig's.
   */
  private Ticket ticketFor(String number, Authentication caller, boolean write) {
    Ticket ticket = repository.findByEonNumber(number).orElseThrow(() -> new TicketNotFoundException(number));
    Set<String> groups = caller.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .collect(Collectors.toSet());
    String team = products.findById(ticket.getProductCode()).map(Product::getTeamGroup).orElse(null);
    boolean allowed = groups.contains(Roles.authority(Roles.SUPPORT_LEADS))
        || groups.contains(Roles.authority(Roles.CAMUNDA_ADMIN))
        || (team != null && groups.contains(Roles.authority(team)))
        || (!write && groups.contains(Roles.authority(Roles.MANAGERS)));
    if (!allowed) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Ticket " + number + " belongs to another team");
    }
    return ticket;
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
