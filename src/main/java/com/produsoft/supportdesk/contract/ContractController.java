package com.produsoft.supportdesk.contract;

import java.net.URI;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Maintenance contracts (C1): the administration writes, managers read ({@link ContractUrlRules}). */
@RestController
@RequestMapping("/api/contracts")
@Tag(name = "Contracts", description = "Maintenance contracts: sale, cancellation, reinstatement (charter C1)")
@SecurityRequirement(name = "basic")
public class ContractController {

  private final ContractService contracts;
  private final ContractEventRepository events;
  private final RenewalProofRepository proofs;
  private final ReinstatementQuoteRepository quotes;

  public ContractController(ContractService contracts, ContractEventRepository events, RenewalProofRepository proofs,
      ReinstatementQuoteRepository quotes) {
    this.contracts = contracts;
    this.events = events;
    this.proofs = proofs;
    this.quotes = quotes;
  }

  @PostMapping
  @Transactional
  @Operation(summary = "Register a licence sale: licences, contract in its first year (C1.1) and its process")
  public ResponseEntity<ContractView> registerSale(@RequestBody LicenceSale sale) {
    MaintenanceContract contract = contracts.registerSale(sale);
    return ResponseEntity.created(URI.create("/api/contracts/" + contract.getContractNumber()))
        .body(view(contract));
  }

  @GetMapping("/{number}")
  @Transactional(readOnly = true)
  @Operation(summary = "A contract with its licences, events, proofs of renewal and latest reinstatement quote")
  public ContractView get(@PathVariable String number) {
    return view(contracts.contract(number));
  }

  /** @param receivedOn the day the cancellation arrived; today when left out */
  public record CancellationRequest(LocalDate receivedOn, CancellationChannel channel) {
  }

  public record CancellationReceipt(String contractNumber, ContractStatus status, LocalDate receivedOn,
      LocalDate cancellationDeadline, LocalDate endsOn) {
  }

  @PostMapping("/{number}/cancellation")
  @Operation(summary = "Register a cancellation (C1.4); answers the contract's last covered day")
  public CancellationReceipt cancel(@PathVariable String number, @RequestBody(required = false) CancellationRequest request) {
    CancellationRequest cancellation = request == null ? new CancellationRequest(null, null) : request;
    MaintenanceContract contract = contracts.cancel(number, cancellation.receivedOn(), cancellation.channel());
    return new CancellationReceipt(contract.getContractNumber(), contract.getStatus(),
        contract.getCancellationReceivedOn(), contract.cancellationDeadline(), contract.getEndsOn());
  }

  @PostMapping("/{number}/reinstatement")
  @Operation(summary = "A lapsed customer wants a contract again: the administration prepares a quote (C1.5)")
  public ResponseEntity<QuoteView> requestReinstatement(@PathVariable String number) {
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(QuoteView.of(contracts.requestReinstatement(number)));
  }

  @PostMapping("/{number}/reinstatement/acceptance")
  @Transactional
  @Operation(summary = "The customer accepted the reinstatement quote: a new contract period starts today (C1.5)")
  public ContractView acceptQuote(@PathVariable String number) {
    return view(contracts.acceptQuote(number));
  }

  @GetMapping(value = "/{number}/proofs/{periodStart}", produces = MediaType.APPLICATION_PDF_VALUE)
  @Transactional(readOnly = true)
  @Operation(summary = "The proof of renewal (C1.3) of the period starting on that day, as PDF")
  public ResponseEntity<byte[]> proof(@PathVariable String number, @PathVariable LocalDate periodStart) {
    RenewalProof proof = proofs.findByContractAndPeriodStart(contracts.contract(number), periodStart)
        .orElseThrow(() -> new ContractNotFoundException(number + " proof of renewal from " + periodStart));
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + proof.fileName() + "\"")
        .body(proof.getPdf());
  }

  public record LicenceView(String product, String licenceNumber, String hostId, String dongleNumber,
      LocalDate purchaseDate) {
  }

  public record EventView(ContractEventType type, LocalDate occurredOn, LocalDate periodStart,
      CancellationChannel channel) {
  }

  public record ProofView(LocalDate periodStart, LocalDate periodEnd, LocalDate issuedOn, LocalDate mailedOn,
      String href) {
  }

  public record QuoteView(LocalDate requestedOn, int monthsSinceLapse, Integer feeEur, LocalDate validUntil,
      QuoteStatus status, LocalDate acceptedOn) {
    static QuoteView of(ReinstatementQuote quote) {
      return new QuoteView(quote.getRequestedOn(), quote.getMonthsSinceLapse(), quote.getFeeEur(),
          quote.getValidUntil(), quote.getStatus(), quote.getAcceptedOn());
    }
  }

  public record ContractView(String contractNumber, Long customerId, String companyName, ContractStatus status,
      LocalDate firstYearStart, LocalDate currentPeriodStart, LocalDate currentPeriodEnd,
      LocalDate cancellationDeadline, LocalDate cancellationReceivedOn, LocalDate endsOn, LocalDate reinstatedOn,
      List<LicenceView> licences, List<EventView> events, List<ProofView> proofs, QuoteView latestQuote) {
  }

  private ContractView view(MaintenanceContract c) {
    String base = "/api/contracts/" + c.getContractNumber() + "/proofs/";
    return new ContractView(c.getContractNumber(), c.getCustomer().getId(), c.getCustomer().getCompanyName(),
        c.getStatus(), c.getFirstYearStart(), c.getCurrentPeriodStart(), c.getCurrentPeriodEnd(),
        c.isRunning() ? c.cancellationDeadline() : null, c.getCancellationReceivedOn(), c.getEndsOn(),
        c.getReinstatedOn(),
        c.getLicences().stream()
            .map(l -> new LicenceView(l.getProduct().getCode(), l.getLicenceNumber(), l.getHostId(),
                l.getDongleNumber(), l.getPurchaseDate()))
            .sorted(Comparator.comparing(LicenceView::licenceNumber))
            .toList(),
        events.findByContractOrderByOccurredOnAscIdAsc(c).stream()
            .map(e -> new EventView(e.getType(), e.getOccurredOn(), e.getPeriodStart(), e.getChannel()))
            .toList(),
        proofs.findByContractOrderByPeriodStartAsc(c).stream()
            .map(p -> new ProofView(p.getPeriodStart(), p.getPeriodEnd(), p.getIssuedOn(), p.getMailedOn(),
                base + p.getPeriodStart()))
            .toList(),
        quotes.findFirstByContractOrderByIdDesc(c).map(QuoteView::of).orElse(null));
  }

  @ExceptionHandler(LicenceSaleRejectedException.class)
  ResponseEntity<ProblemDetail> rejected(LicenceSaleRejectedException ex) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
    body.setTitle("Invalid request");
    body.setProperties(Map.of("errors", ex.problems()));
    return ResponseEntity.badRequest().body(body);
  }

  /** Two sales at once may take the same contract or licence number: the loser stored nothing and may retry. */
  @ExceptionHandler(DataIntegrityViolationException.class)
  ResponseEntity<ProblemDetail> concurrentSale(DataIntegrityViolationException ex) {
    return ResponseEntity.status(HttpStatus.CONFLICT).body(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
        "Another registration took the same number at the same moment; nothing was stored, please retry"));
  }

  @ExceptionHandler(ContractNotFoundException.class)
  ResponseEntity<ProblemDetail> notFound(ContractNotFoundException ex) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage()));
  }

  @ExceptionHandler({ContractStateException.class, MismatchingMessageCorrelationException.class})
  ResponseEntity<ProblemDetail> conflict(RuntimeException ex) {
    String detail = ex instanceof ContractStateException ? ex.getMessage()
        : "The contract's process cannot take this step now";
    return ResponseEntity.status(HttpStatus.CONFLICT)
        .body(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail));
  }
}
