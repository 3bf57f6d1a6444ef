package com.produsoft.supportdesk.licencetransfer;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.produsoft.supportdesk.licence.Licence;
import com.produsoft.supportdesk.licence.LicenceRegister;
import com.produsoft.supportdesk.calendar.OfficeHours;
import com.produsoft.supportdesk.catalogue.Catalogue;
import com.produsoft.supportdesk.contract.EntitlementService;
import com.produsoft.supportdesk.customer.Contact;
import com.produsoft.supportdesk.customer.ContactRepository;
import com.produsoft.supportdesk.licencetransfer.LicenceTransferRequest.Reinstaller;
import com.produsoft.supportdesk.licencetransfer.LicenceTransferRequest.Status;
import com.produsoft.supportdesk.platform.EngineClock;
import com.produsoft.supportdesk.ticket.CustomerMails.Kind;
import com.produsoft.supportdesk.ticket.CustomerMails;
import com.produsoft.supportdesk.ticket.JournalEntryType;
import com.produsoft.supportdesk.ticket.Ticket;
import com.produsoft.supportdesk.ticket.TicketProperties;
import com.produsoft.supportdesk.ticket.Tickets;

/**
 * Licence moves and replacements as a planned procedure (C10, C3.5, C3.6, C3.8): what the web form, the API,
 * Tasklist and the steps of {@code LicenceTransferProcess} call.
 */
@Service
public class LicenceRequests {

  public static final String PROCESS = "LicenceTransferProcess";
  public static final String QUOTE_ACCEPTED = "LicenceQuoteAccepted";
  public static final String QUOTE_REFUSED = "LicenceQuoteRefused";
  public static final String MOVE_CONFIRMED = "LicenceMoveConfirmed";

  private static final DateTimeFormatter APPOINTMENT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
      .withZone(EngineClock.BRUSSELS);

  private final LicenceTransferRequestRepository requests;
  private final LicenceRegister register;
  private final ContactRepository contacts;
  private final EntitlementService entitlements;
  private final OfficeHours officeHours;
  private final CustomerMails mails;
  private final TicketProperties ticketProperties;
  private final RuntimeService runtimeService;
  private final Catalogue catalogue;
  private final Tickets tickets;

  public LicenceRequests(LicenceTransferRequestRepository requests,
      LicenceRegister register, ContactRepository contacts, EntitlementService entitlements, OfficeHours officeHours,
      CustomerMails mails, TicketProperties ticketProperties, RuntimeService runtimeService,
      Catalogue catalogue, Tickets tickets) {
    this.requests = requests;
    this.register = register;
    this.contacts = contacts;
    this.entitlements = entitlements;
    this.officeHours = officeHours;
    this.mails = mails;
    this.ticketProperties = ticketProperties;
    this.runtimeService = runtimeService;
    this.catalogue = catalogue;
    this.tickets = tickets;
  }

  /**
   * Starts LicenceTransferProcess for the request; its first step registers it, so an invalid request throws
   * {@link LicenceRequestInvalidException} here and leaves nothing behind. Not transactional: the engine commits.
   */
  public LicenceTransferRequest start(NewLicenceRequest request) {
    Object id = runtimeService.createProcessInstanceByKey(PROCESS).setVariables(request.toVariables())
        .executeWithVariablesInReturn().getVariables().get("requestId");
    return requests.findById(((Number) id).longValue()).orElseThrow();
  }

  /**
   * C10.1: records the request; free of charge when a contract for the product is in force today (C3.5, C3.6,
   * C3.8).
   */
  @Transactional
  public LicenceTransferRequest register(NewLicenceRequest request) {
    List<String> faults = new ArrayList<>();
    Optional<Contact> contact = contacts.findByEmailIgnoringCase(request.contactEmail());
    if (contact.isEmpty()) {
      faults.add("contactEmail: not a known contact of a customer");
    }
    List<String> numbers = request.licenceNumbers() == null ? List.of() : request.licenceNumbers().stream()
        .map(String::trim).filter(number -> !number.isEmpty()).distinct().toList();
    if (numbers.isEmpty()) {
      faults.add("licenceNumbers: name at least one licence");
    }
    if (request.reason() == null) {
      faults.add("reason: required");
    }
    if (isBlank(request.oldHardware())) {
      faults.add("oldHardware: the host id or dongle number the licence is bound to now");
    }
    List<Licence> found = new ArrayList<>();
    for (String number : numbers) {
      Optional<Licence> licence = register.find(number);
      if (licence.isEmpty() || contact.isPresent()
          && !licence.get().getCustomer().getId().equals(contact.get().getCustomer().getId())) {
        faults.add("licenceNumbers: " + number + " is not a licence of this customer");
      } else if (!licence.get().getHardware().equalsIgnoreCase(String.valueOf(request.oldHardware()).trim())) {
        faults.add("oldHardware: licence " + number + " is bound to other hardware");
      } else {
        found.add(licence.get());
      }
    }
    if (found.stream().map(licence -> licence.getProduct().getCode()).distinct().count() > 1) {
      faults.add("licenceNumbers: one request moves licences of one product");
    }
    if (found.stream().anyMatch(licence -> !licence.isOnDongle()) && isBlank(request.newHardware())) {
      faults.add("newHardware: the host id of the new computer is needed for the licence file");
    }
    Optional<Ticket> ticket = isBlank(request.eonNumber()) ? Optional.empty()
        : tickets.findByEonNumber(request.eonNumber().trim());
    if (!isBlank(request.eonNumber()) && ticket.isEmpty()) {
      faults.add("eonNumber: no ticket " + request.eonNumber().trim());
    }
    if (!faults.isEmpty()) {
      throw new LicenceRequestInvalidException(faults);
    }
    Licence first = found.get(0);
    String productCode = first.getProduct().getCode();
    LicenceTransferRequest saved = requests.save(new LicenceTransferRequest(first.getCustomer(), productCode,
        contact.get().getName(), contact.get().getEmail(), numbers, request.reason(),
        first.getHardware(), blankToNull(request.newHardware()), blankToNull(request.eonNumber()),
        EngineClock.now()));
    var entitlement = entitlements.check(first.getCustomer().getId(), contact.get().getEmail(), productCode,
        EngineClock.today());
    saved.entitle(entitlement.underContract(), entitlement.contractNumber());
    // A ticket that turned out to be a licence move points to the procedure that plans it (C10.1).
    ticket.ifPresent(asked -> tickets.note(asked, saved.getRequestedAt(),
        JournalEntryType.ENGINEER_NOTE, "system", "Licence request " + saved.getNumber() + " ("
            + saved.getReason() + ", " + String.join(", ", numbers) + ") is planned as a licence move (C10.3)"));
    return saved;
  }

  @Transactional(readOnly = true)
  public LicenceTransferRequest get(long id) {
    return requests.findById(id).orElseThrow(() -> new LicenceRequestNotFoundException("LTR-" + id));
  }

  @Transactional(readOnly = true)
  public Optional<LicenceTransferRequest> byToken(String token) {
    return requests.findByToken(token);
  }

  /** C3.5, C3.6, C3.8 without contract: records the administration's quote and mails it. */
  @Transactional
  public void sendQuote(long id, int euros) {
    LicenceTransferRequest request = get(id);
    request.quote(euros);
    mail(request, Kind.LICENCE_QUOTE, Map.of("euros", euros));
  }

  @Transactional
  public void sendQuoteReminder(long id) {
    LicenceTransferRequest request = get(id);
    mail(request, Kind.LICENCE_QUOTE_REMINDER, Map.of("euros", request.getQuoteEuros()));
  }

  /**
   * The customer's answer to the quote, from the page of the quote mail or the API. Records it and lets the
   * procedure go on; an answer the procedure no longer waits for (answered already, closed) changes nothing.
   *
   * @return whether the answer was taken
   */
  @Transactional
  public boolean answerQuote(long id, boolean accepted) {
    LicenceTransferRequest request = get(id);
    if (request.getStatus() != Status.QUOTED) {
      return false;
    }
    request.answerQuote(accepted, EngineClock.now());
    runtimeService.createMessageCorrelation(accepted ? QUOTE_ACCEPTED : QUOTE_REFUSED)
        .processInstanceBusinessKey(request.getNumber()).correlate();
    return true;
  }

  @Transactional
  public void closeUnanswered(long id) {
    get(id).close(Status.NO_ANSWER);
  }

  /** C10.3: an appointment must lie within office hours (C6). */
  public void checkAppointment(Instant appointment) {
    if (appointment == null || !officeHours.isOpen(appointment)) {
      throw new IllegalArgumentException("The appointment " + (appointment == null ? "is missing" : "of "
          + APPOINTMENT.format(appointment) + " lies outside office hours") + " (C6, C10.3)");
    }
  }

  /** C10.3, C10.2: records the plan and mails the customer the appointment. */
  @Transactional
  public void plan(long id, Instant appointment, Reinstaller reinstalledBy) {
    checkAppointment(appointment);
    LicenceTransferRequest request = get(id);
    request.plan(appointment, reinstalledBy);
    mail(request, Kind.LICENCE_APPOINTMENT, Map.of("appointment", APPOINTMENT.format(appointment),
        "reinstaller", mails.label(request.getLanguage(), "licence.reinstaller." + reinstalledBy.name())));
  }

  /**
   * C10.3, C3.5, C3.6: moves every licence of the request in one transaction, ending the old binding as the reason
   * says (released, or blocked after theft, fire or loss).
   *
   * @param newDongleNumber the replacement dongle the administration shipped, or null for a host licence
   */
  @Transactional
  public void move(long id, String newDongleNumber) {
    LicenceTransferRequest request = get(id);
    if (!isBlank(newDongleNumber)) {
      request.issueDongle(newDongleNumber.trim());
    }
    if (request.getNewHardware() == null) {
      throw new IllegalStateException(request.getNumber() + " has no new hardware to bind the licence to");
    }
    for (String number : request.getLicenceNumbers()) {
      register.move(number, request.getOldHardware(), request.getNewHardware(), request.getReason().oldBindingEnds(),
          request.getId());
    }
    request.moved();
  }

  @Transactional
  public void askConfirmation(long id) {
    mail(get(id), Kind.LICENCE_CONFIRMATION_REQUEST, Map.of());
  }

  /**
   * The customer confirms that the software works on the new hardware. If the engineer already checks with the
   * customer (the planned day passed), the confirmation is recorded for the engineer to see.
   *
   * @return whether the request was waiting for a confirmation
   */
  @Transactional
  public boolean confirm(long id) {
    LicenceTransferRequest request = get(id);
    if (request.getStatus() != Status.MOVED) {
      return false;
    }
    request.confirm(EngineClock.now());
    runtimeService.createMessageCorrelation(MOVE_CONFIRMED).processInstanceBusinessKey(request.getNumber())
        .correlateAllWithResult();
    return true;
  }

  @Transactional
  public void complete(long id) {
    get(id).confirm(EngineClock.now());
  }

  /** The support team of the request's product: it plans the move and reinstalls (C10.2, C10.3). */
  @Transactional(readOnly = true)
  public String teamGroup(LicenceTransferRequest request) {
    return catalogue.teamGroup(request.getProductCode());
  }

  /** Whether the licences sit on a dongle: then the administration ships the replacement (C3.6). */
  @Transactional(readOnly = true)
  public boolean onDongle(LicenceTransferRequest request) {
    return request.getLicenceNumbers().stream().map(register::find)
        .anyMatch(licence -> licence.orElseThrow().isOnDongle());
  }

  /** The customer's private page of the request (quote, confirmation). */
  public String pageUrl(LicenceTransferRequest request) {
    return ticketProperties.publicBaseUrl().replaceAll("/+$", "") + "/support/licence-requests/" + request.getToken();
  }

  private void mail(LicenceTransferRequest request, Kind kind, Map<String, ?> details) {
    Map<String, Object> model = new LinkedHashMap<>(details);
    model.put("request", request);
    model.put("licences", String.join(", ", request.getLicenceNumbers()));
    model.put("reason", mails.label(request.getLanguage(), "licence.reason." + request.getReason().name()));
    model.put("pageUrl", pageUrl(request));
    mails.sendAbout(request.getNumber(), request.getContactEmail(), request.getLanguage(), request.getProductCode(),
        kind, model);
  }

  static List<String> splitNumbers(String numbers) {
    return numbers == null ? List.of() : Arrays.stream(numbers.split("[,;\\s]+")).filter(s -> !s.isBlank()).toList();
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  private static String blankToNull(String value) {
    return isBlank(value) ? null : value.trim();
  }
}
