package com.produsoft.supportdesk.supplier;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.produsoft.supportdesk.catalogue.Catalogue;
import com.produsoft.supportdesk.catalogue.Product;
import com.produsoft.supportdesk.catalogue.Supplier;
import com.produsoft.supportdesk.customer.Contact;
import com.produsoft.supportdesk.platform.EngineClock;
import com.produsoft.supportdesk.platform.mail.OutboundMails;
import com.produsoft.supportdesk.ticket.CustomerMails;
import com.produsoft.supportdesk.ticket.JournalEntryType;
import com.produsoft.supportdesk.ticket.Ticket;
import com.produsoft.supportdesk.ticket.TicketWork;
import com.produsoft.supportdesk.ticket.Tickets;

/**
 * What the steps of {@code BugEscalationProcess} do (C7.2): document the bug, give the customer a workaround,
 * report the bug to the supplier once (or link the ticket to the bug the supplier knows), read the supplier's
 * answers and end with the fix or the rejection. Everything from and to the supplier is journalled as internal
 * SUPPLIER_MAIL entries; the customer only ever gets our own mails.
 */
@Service
@Transactional
public class Escalations {

  private static final String SYSTEM = "system";
  /** Long enough for the engineer's form; the full mail stays in the supplier mailbox and the journal. */
  private static final int ANSWER_EXCERPT = 4000;

  private final EscalationRepository escalations;
  private final SupplierBugRepository bugs;
  private final Catalogue catalogue;
  private final Tickets tickets;
  private final TicketWork ticketWork;
  private final CustomerMails customerMails;
  private final SupplierMails supplierMails;
  private final SupplierProperties properties;
  private final RuntimeService runtimeService;

  public Escalations(EscalationRepository escalations, SupplierBugRepository bugs, Catalogue catalogue,
      Tickets tickets, TicketWork ticketWork,
      CustomerMails customerMails, SupplierMails supplierMails, SupplierProperties properties,
      RuntimeService runtimeService) {
    this.escalations = escalations;
    this.bugs = bugs;
    this.catalogue = catalogue;
    this.tickets = tickets;
    this.ticketWork = ticketWork;
    this.customerMails = customerMails;
    this.supplierMails = supplierMails;
    this.properties = properties;
    this.runtimeService = runtimeService;
  }

  public Escalation escalation(String reference) {
    return Escalation.idIn(reference).flatMap(escalations::findById)
        .filter(found -> found.reference().equals(reference))
        .orElseThrow(() -> new IllegalArgumentException("No escalation " + reference));
  }

  /** A ticket's bug is escalated: answers our reference. */
  public String open(String eonNumber) {
    Ticket ticket = ticketWork.ticket(eonNumber);
    Escalation escalation = escalations.save(new Escalation(ticket, EngineClock.now()));
    note(ticket, SYSTEM, JournalEntryType.ENGINEER_NOTE, "Bug escalation " + escalation.reference() + " opened");
    return escalation.reference();
  }

  /** The report the supplier gets: what the engineer documented and the customer's C4 items. */
  public void recordReport(String reference, String summary, String steps, String versions, String engineer) {
    Escalation escalation = escalation(reference);
    Ticket ticket = escalation.getTicket();
    escalation.setReport("""
        Our reference: %s
        Product: %s
        Summary: %s

        Steps to reproduce:
        %s

        Versions: %s
        Operating system (C4.8): %s
        Third-party software (C4.6): %s

        Problem as the user describes it (C4.4):
        %s
        """.formatted(reference, ticket.getProductCode(), summary, steps, versions,
        Objects.requireNonNullElse(ticket.getOperatingSystem(), "-"),
        Objects.requireNonNullElse(ticket.getThirdPartySoftware(), "-"), ticket.getDescription()));
    note(ticket, engineer, JournalEntryType.ENGINEER_NOTE, "Bug documented for the supplier (" + reference + "): "
        + summary);
  }

  /** C7.2: the customer gets the workaround meanwhile, or learns that none is known yet. */
  public void sendWorkaround(String reference, String workaround) {
    Escalation escalation = escalation(reference);
    boolean known = workaround != null && !workaround.isBlank();
    escalation.setWorkaround(known ? workaround : "none known");
    Map<String, Object> details = new HashMap<>();
    details.put("workaround", known ? workaround : null);
    ticketWork.answerByMail(escalation.getTicket().getEonNumber(), CustomerMails.Kind.WORKAROUND, details);
  }

  /** The supplier knows the problem already: this ticket waits for that bug, no second report. */
  public void link(String reference, long supplierBugId, String engineer) {
    Escalation escalation = escalation(reference);
    SupplierBug bug = bugs.findById(supplierBugId)
        .filter(known -> known.getProduct().getCode().equals(escalation.getTicket().getProductCode()))
        .filter(known -> known.getStatus().isOpen())
        .orElseThrow(() -> new IllegalArgumentException("No open supplier bug #" + supplierBugId + " of "
            + escalation.getTicket().getProductCode()));
    escalation.setSupplierBug(bug);
    escalation.setStatus(EscalationStatus.WAITING_FOR_SUPPLIER);
    note(escalation.getTicket(), engineer, JournalEntryType.ENGINEER_NOTE, "Linked to supplier bug #" + bug.getId()
        + (bug.getSupplierReference() == null ? "" : " (" + bug.getSupplierReference() + ")") + ": "
        + bug.getSummary());
  }

  /**
   * C7.2: the documented report goes to the supplier with the ticket's files; again with the added information
   * when the supplier asked for more, threaded under the first report.
   */
  public void reportToSupplier(String reference, String summary, String additionalInformation) {
    Escalation escalation = escalation(reference);
    Ticket ticket = escalation.getTicket();
    if (escalation.getSupplierBug() == null) {
      escalation.setSupplierBug(bugs.save(new SupplierBug(catalogue.reference(ticket.getProductCode()),
          summary, EngineClock.now())));
    }
    if (additionalInformation != null && !additionalInformation.isBlank()) {
      escalation.setReport(escalation.getReport() + "\nAdditional information (" + EngineClock.today() + "):\n"
          + additionalInformation + "\n");
    }
    escalation.getSupplierBug().setStatus(SupplierBugStatus.REPORTED);
    OutboundMails.Sent report = supplierMails.sendReport(escalation, tickets.files(ticket),
        escalation.getSupplierMessageId());
    escalation.setSupplierMessageId(report.messageId());
    escalation.setStatus(EscalationStatus.WAITING_FOR_SUPPLIER);
    note(ticket, SYSTEM, JournalEntryType.SUPPLIER_MAIL, "Mail to " + escalation.getSupplierBug().getSupplier()
        .getSupportEmail() + ": " + report.subject() + "\n\n" + escalation.getReport());
  }

  /** The supplier's answer as an engineer entered it (read from a mail, or heard on the phone at a follow-up). */
  public void recordSupplierAnswer(String reference, SupplierOutcome outcome, String supplierReference,
      String targetVersion, String note, String engineer) {
    Escalation escalation = escalation(reference);
    apply(escalation, outcome, supplierReference, targetVersion);
    note(escalation.getTicket(), engineer, JournalEntryType.ENGINEER_NOTE, "Supplier's answer: " + outcome
        + (blank(supplierReference) ? "" : ", supplier reference " + supplierReference)
        + (blank(targetVersion) ? "" : ", target version " + targetVersion)
        + (blank(note) ? "" : " — " + note));
  }

  /**
   * C7.2: a mail from a supplier, recognised by our reference, by its thread, or by the supplier's case number.
   * It is journalled as internal note on the escalation's ticket and correlated as {@code SupplierAnswered} when
   * the escalation waits for an answer. Empty when the mail is not about an escalation and not from a supplier.
   *
   */
  public Optional<ReceivedSupplierMail> receiveSupplierMail(String sender, String subject, String text,
      List<String> thread) {
    String content = subject + "\n" + text;
    Optional<Supplier> fromSupplier = catalogue.suppliers().stream()
        .filter(supplier -> sender.equalsIgnoreCase(Contact.normalizeEmail(supplier.getSupportEmail())))
        .findFirst();
    Optional<Escalation> found = Escalation.idIn(content).flatMap(escalations::findById)
        .filter(escalation -> content.contains(escalation.reference()))
        .or(() -> thread.isEmpty() ? Optional.empty() : escalations.findFirstBySupplierMessageIdIn(thread))
        .or(() -> byCaseNumber(sender, content));
    if (found.isEmpty()) {
      return fromSupplier.map(supplier -> new ReceivedSupplierMail(null));
    }
    Escalation escalation = found.get();
    Supplier supplier = escalation.getSupplierBug().getSupplier();
    String caseNumber = properties.casePattern(supplier).flatMap(pattern -> firstMatch(pattern, content))
        .orElse(null);
    Optional<String> fixedIn = firstMatch(properties.fixedPattern(supplier), content);
    SupplierOutcome outcome = fixedIn.isPresent() ? SupplierOutcome.FIX_PLANNED : SupplierOutcome.UNREAD;
    apply(escalation, outcome == SupplierOutcome.FIX_PLANNED ? outcome : SupplierOutcome.NONE, caseNumber,
        fixedIn.orElse(null));
    note(escalation.getTicket(), SYSTEM, JournalEntryType.SUPPLIER_MAIL, "Mail from " + sender + ": " + subject
        + "\n\n" + text);
    Map<String, Object> variables = new HashMap<>();
    variables.put("supplierOutcome", outcome.name());
    variables.put("supplierReference", escalation.getSupplierBug().getSupplierReference());
    variables.put("targetVersion", escalation.getSupplierBug().getTargetVersion());
    variables.put("supplierAnswer", excerpt("From " + sender + ": " + subject + "\n\n" + text));
    runtimeService.createMessageCorrelation(EscalationMessages.SUPPLIER_ANSWERED)
        .processInstanceVariableEquals(EscalationMessages.REFERENCE_VARIABLE, escalation.reference())
        .setVariables(variables)
        .correlateAllWithResult();
    return Optional.of(new ReceivedSupplierMail(escalation.getTicket()));
  }

  /** @param ticket the escalation's ticket; null for a supplier's mail that names no escalation we know */
  public record ReceivedSupplierMail(Ticket ticket) {
  }

  /** C3.2: the release fixed the bug: the ticket's solution says so, in the customer's language. */
  public void fixReleased(String reference) {
    Escalation escalation = escalation(reference);
    Ticket ticket = escalation.getTicket();
    ProductRelease release = escalation.getSupplierBug().getReleasedIn();
    ticket.setResolutionText(customerMails.label(ticket.getLanguage(), "release.fixed",
        release.getProduct().getName(), release.getVersion(), release.getReleaseDate().toString()));
    escalation.close(EscalationStatus.FIXED, EngineClock.now());
    note(ticket, SYSTEM, JournalEntryType.ENGINEER_NOTE, "Fixed in " + release.getProduct().getName() + " "
        + release.getVersion() + " (" + reference + ")");
  }

  /** C7.2: the supplier will not fix it; the customer is told and the ticket goes on as a support question. */
  public void informRejected(String reference) {
    Escalation escalation = escalation(reference);
    escalation.close(EscalationStatus.REJECTED, EngineClock.now());
    ticketWork.answerByMail(escalation.getTicket().getEonNumber(), CustomerMails.Kind.BUG_REJECTED, Map.of());
  }

  private void apply(Escalation escalation, SupplierOutcome outcome, String supplierReference,
      String targetVersion) {
    SupplierBug bug = escalation.getSupplierBug();
    if (!blank(supplierReference)) {
      bug.setSupplierReference(supplierReference.strip());
    }
    if (!blank(targetVersion)) {
      bug.setTargetVersion(targetVersion.strip());
    }
    switch (outcome) {
      case MORE_INFO -> bug.setStatus(SupplierBugStatus.MORE_INFO_REQUESTED);
      case FIX_PLANNED -> bug.setStatus(SupplierBugStatus.FIX_PLANNED);
      case REJECTED -> {
        bug.setStatus(SupplierBugStatus.REJECTED);
        stopOtherTicketsWaitingFor(bug, escalation);
      }
      case NONE, UNREAD -> {
        // nothing decided: the bug stays as it is
      }
    }
  }

  /** The tickets linked to a rejected bug stop waiting for a fix that will not come. */
  private void stopOtherTicketsWaitingFor(SupplierBug bug, Escalation rejected) {
    for (Escalation linked : escalations.findBySupplierBugOrderByIdAsc(bug)) {
      if (!linked.getId().equals(rejected.getId())) {
        runtimeService.createMessageCorrelation(EscalationMessages.SUPPLIER_BUG_REJECTED)
            .processInstanceVariableEquals(EscalationMessages.REFERENCE_VARIABLE, linked.reference())
            .correlateAllWithResult();
      }
    }
  }

  /**
   * The supplier's case number names the bug; only trusted from the supplier's own mail domain, because a
   * customer may quote it too and a customer's mail must stay on the customer's ticket.
   */
  private Optional<Escalation> byCaseNumber(String sender, String content) {
    String senderDomain = sender.substring(sender.indexOf('@') + 1);
    for (Supplier supplier : catalogue.suppliers()) {
      String supplierAddress = Contact.normalizeEmail(supplier.getSupportEmail());
      if (!supplierAddress.endsWith("@" + senderDomain)) {
        continue;
      }
      Optional<Escalation> reporter = properties.casePattern(supplier)
          .flatMap(pattern -> firstMatch(pattern, content))
          .flatMap(caseNumber -> bugs.findFirstBySupplierIdAndSupplierReference(supplier.getId(), caseNumber))
          .flatMap(escalations::findFirstBySupplierBugAndSupplierMessageIdIsNotNullOrderByIdAsc);
      if (reporter.isPresent()) {
        return reporter;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> firstMatch(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    if (!matcher.find()) {
      return Optional.empty();
    }
    return Optional.of(matcher.groupCount() > 0 ? matcher.group(1) : matcher.group());
  }

  private static String excerpt(String text) {
    return text.length() > ANSWER_EXCERPT ? text.substring(0, ANSWER_EXCERPT) + " [...]" : text;
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  private void note(Ticket ticket, String author, JournalEntryType type, String text) {
    tickets.note(ticket, EngineClock.now(), type, author == null ? SYSTEM : author, text);
  }
}
