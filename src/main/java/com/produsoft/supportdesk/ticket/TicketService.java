package com.produsoft.supportdesk.ticket;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.produsoft.supportdesk.calendar.OfficeHours;
import com.produsoft.supportdesk.catalogue.Catalogue;
import com.produsoft.supportdesk.catalogue.Product;
import com.produsoft.supportdesk.customer.Contact;
import com.produsoft.supportdesk.customer.ContactRepository;
import com.produsoft.supportdesk.customer.Customer;
import com.produsoft.supportdesk.customer.CustomerRepository;
import com.produsoft.supportdesk.customer.Language;
import com.produsoft.supportdesk.platform.EngineClock;

/**
 * Registers tickets and takes the customer's updates (C8.1). A registration is one transaction: the ticket, its
 * journal and its process instance up to the first task are stored together or not at all.
 */
@Service
public class TicketService {

  public static final String PROCESS_KEY = "TicketProcess";

  private final TicketRepository tickets;
  private final JournalRepository journal;
  private final CustomerRepository customers;
  private final ContactRepository contacts;
  private final Catalogue catalogue;
  private final EonNumbers eonNumbers;
  private final RuntimeService runtimeService;
  private final OfficeHours officeHours;
  private final TicketProperties properties;
  private final ObjectMapper json;
  private final AttachmentRepository attachments;
  private final AttachmentPolicy attachmentPolicy;
  private final ApplicationEventPublisher events;
  private final TicketWords words;

  public TicketService(TicketRepository tickets, JournalRepository journal, CustomerRepository customers,
      ContactRepository contacts, Catalogue catalogue, EonNumbers eonNumbers, RuntimeService runtimeService,
      OfficeHours officeHours, TicketProperties properties, ObjectMapper json, AttachmentRepository attachments,
      AttachmentPolicy attachmentPolicy, ApplicationEventPublisher events, TicketWords words) {
    this.events = events;
    this.words = words;
    this.attachments = attachments;
    this.attachmentPolicy = attachmentPolicy;
    this.tickets = tickets;
    this.journal = journal;
    this.customers = customers;
    this.contacts = contacts;
    this.catalogue = catalogue;
    this.eonNumbers = eonNumbers;
    this.runtimeService = runtimeService;
    this.officeHours = officeHours;
    this.properties = properties;
    this.json = json;
  }

  /** A registration and whether it had been made before under the same Idempotency-Key. */
  public record Registered(Ticket ticket, boolean replayed) {
  }

  @Transactional
  public Registered register(TicketRegistration registration, Channel channel, String idempotencyKey) {
    return register(registration, channel, idempotencyKey, List.of());
  }

  /** A registration with its files (C4.7); refused whole when a file breaks the attachment policy. */
  @Transactional
  public Registered register(TicketRegistration registration, Channel channel, String idempotencyKey,
      List<NewAttachment> files) {
    refuseBadFiles(files);
    Optional<Registered> earlier = earlierRegistration(registration, channel, idempotencyKey);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    Instant now = EngineClock.now();
    Ticket ticket = new Ticket(eonNumbers.next(now), registration.product(),
        TicketCategory.valueOf(registration.category()), channel, now);
    ticket.setCompanyName(registration.companyName().strip());
    ticket.setContactName(registration.contactName().strip());
    ticket.setEmail(registration.email().strip());
    ticket.setPhone(registration.phone().strip());
    ticket.setDescription(registration.description());
    ticket.setReproduction(registration.reproduction());
    ticket.setThirdPartySoftware(registration.thirdPartySoftware());
    ticket.setOperatingSystem(registration.operatingSystem());
    ticket.setImpact(registration.impact());
    ticket.setEarlierCallNumbers(registration.earlierCallNumbersOrEmpty());
    ticket.setProductionStopped(Boolean.TRUE.equals(registration.productionStopped()));
    ticket.setIdempotency(idempotencyKey, fingerprint(registration, channel));
    identifyCustomer(ticket, registration);
    ticket.setLanguage(language(registration, ticket.getCustomer()));
    tickets.save(ticket);
    words.index(ticket);
    journal.save(new JournalEntry(ticket, now, JournalEntryType.REGISTERED, "customer",
        "Registered by " + channel.name().toLowerCase(Locale.ROOT) + ": " + registration.description(),
        registration.description()));
    storeFiles(ticket, files, now);
    startProcess(ticket);
    return new Registered(ticket, false);
  }

  /**
   * The ticket registered before under this Idempotency-Key, if any. The same key with the same request answers
   * the same ticket; with another request it is a client error.
   */
  @Transactional(readOnly = true)
  public Optional<Registered> earlierRegistration(TicketRegistration registration, Channel channel,
      String idempotencyKey) {
    if (idempotencyKey == null) {
      return Optional.empty();
    }
    return tickets.findByIdempotencyKey(idempotencyKey).map(earlier -> {
      if (!earlier.getRequestFingerprint().equals(fingerprint(registration, channel))) {
        throw new IdempotencyKeyReusedException(idempotencyKey);
      }
      return new Registered(earlier, true);
    });
  }

  /** What became of a customer's update. */
  public record UpdateOutcome(Ticket ticket, String outcome) {
  }

  /**
   * C8.1: routes the customer's news to the waiting step of the ticket's process. A closed ticket reopens within
   * the reopen period (office days); after it, the news becomes a new ticket linked to the old EON number. News on
   * an open or reopened ticket alerts its assignee (else its team) by mail. A reply after the solution that only
   * thanks is recorded and reopens nothing (outcome THANKED, {@link ThanksReply}).
   */
  @Transactional
  public UpdateOutcome addUpdate(String eonNumber, UpdateType type, String message, String author) {
    return addUpdate(eonNumber, type, message, author, List.of());
  }

  /** An update with files (C8.1 "by web, mail or phone"). */
  @Transactional
  public UpdateOutcome addUpdate(String eonNumber, UpdateType type, String message, String author,
      List<NewAttachment> files) {
    refuseBadFiles(files);
    Ticket ticket = tickets.findByEonNumber(eonNumber).orElseThrow(() -> new TicketNotFoundException(eonNumber));
    Instant now = EngineClock.now();
    if (onlyThanksAfterSolution(ticket, type, message, files)) {
      journal.save(new JournalEntry(ticket, now, JournalEntryType.CUSTOMER_UPDATE, author, "Thanks: " + message, message));
      return new UpdateOutcome(ticket, "THANKED");
    }
    if (ticket.isClosed()) {
      UpdateOutcome outcome = followUpOnClosed(ticket, type, message, author, now);
      storeFiles(outcome.ticket(), files, now);
      return outcome;
    }
    storeFiles(ticket, files, now);
    JournalEntry news = journal.save(new JournalEntry(ticket, now, JournalEntryType.CUSTOMER_UPDATE, author,
        type.name() + ": " + message, message));
    events.publishEvent(new StaffAttention.CustomerNews(eonNumber, news.getId(), news.getText()));
    if (type == UpdateType.CRITICAL) {
      ticket.setCritical(true);
    }
    Map<String, Object> variables = Map.of("updateType", type.name(), "critical", ticket.isCritical(),
        "updateMessage", message);
    if (type == UpdateType.SOLVED_BY_CUSTOMER) {
      correlate(ticket, TicketMessages.CUSTOMER_SOLVED_TICKET, variables);
    } else if (ticket.getStatus() == TicketStatus.SOLUTION_SENT) {
      correlate(ticket, TicketMessages.TICKET_REOPENED, variables);
    } else if (ticket.getStatus() == TicketStatus.WAITING_FOR_CUSTOMER) {
      correlate(ticket, TicketMessages.CUSTOMER_REPLIED, variables);
      if (type == UpdateType.CRITICAL) {
        correlate(ticket, TicketMessages.CUSTOMER_UPDATE_RECEIVED, variables);
      }
    } else {
      correlate(ticket, TicketMessages.CUSTOMER_UPDATE_RECEIVED, variables);
    }
    return new UpdateOutcome(ticket, "UPDATED");
  }

  /**
   * A short reply after the solution (or the closing) that only thanks, without files, reopens nothing: it is
   * recorded in the journal, nobody is alerted.
   */
  private static boolean onlyThanksAfterSolution(Ticket ticket, UpdateType type, String message,
      List<NewAttachment> files) {
    return type == UpdateType.INFO && files.isEmpty()
        && (ticket.getStatus() == TicketStatus.SOLUTION_SENT || ticket.isClosed())
        && ThanksReply.onlyThanks(message, ticket.getContactName());
  }

  /** A remark for the engineer who triages the ticket, e.g. why intake doubts it; the customer does not see it. */
  @Transactional
  public void flagForTriage(Ticket ticket, String remark) {
    journal.save(new JournalEntry(ticket, EngineClock.now(), JournalEntryType.ENGINEER_NOTE, "intake", false, remark));
  }

  private UpdateOutcome followUpOnClosed(Ticket ticket, UpdateType type, String message, String author, Instant now) {
    if (type == UpdateType.SOLVED_BY_CUSTOMER) {
      journal.save(new JournalEntry(ticket, now, JournalEntryType.CUSTOMER_UPDATE, author, message, message));
      return new UpdateOutcome(ticket, "UPDATED");
    }
    Instant reopenUntil = officeHours.addOfficeDays(ticket.getClosedAt(), properties.reopenOfficeDays());
    if (!now.isAfter(reopenUntil)) {
      JournalEntry news = journal.save(new JournalEntry(ticket, now, JournalEntryType.CUSTOMER_UPDATE, author,
          "Reopened: " + message, message));
      events.publishEvent(new StaffAttention.CustomerNews(ticket.getEonNumber(), news.getId(), news.getText()));
      ticket.reopenAfterClosing(type == UpdateType.CRITICAL);
      startProcess(ticket);
      return new UpdateOutcome(ticket, "REOPENED");
    }
    TicketRegistration followUp = new TicketRegistration(ticket.getCompanyName(), ticket.getContactName(),
        ticket.getEmail(), ticket.getPhone(), ticket.getProductCode(), ticket.getCategory().name(), message, null,
        ticket.getThirdPartySoftware(), ticket.getOperatingSystem(), List.of(ticket.getEonNumber()), null,
        type == UpdateType.CRITICAL, ticket.getLanguage().name().toLowerCase(Locale.ROOT));
    Ticket newTicket = register(followUp, ticket.getChannel(), null).ticket();
    return new UpdateOutcome(newTicket, "NEW_TICKET");
  }

  private void refuseBadFiles(List<NewAttachment> files) {
    List<AttachmentPolicy.Violation> violations = attachmentPolicy.check(files);
    if (!violations.isEmpty()) {
      throw new AttachmentsRefusedException(violations);
    }
  }

  private void storeFiles(Ticket ticket, List<NewAttachment> files, Instant now) {
    files.forEach(file -> attachments.save(new Attachment(ticket, file, now)));
  }

  private void identifyCustomer(Ticket ticket, TicketRegistration registration) {
    Optional<Contact> contact = contacts.findByEmailIgnoringCase(registration.email());
    if (contact.isPresent()) {
      ticket.setContact(contact.get());
      ticket.setCustomer(contact.get().getCustomer());
      return;
    }
    List<Customer> sameName = customers.findByCompanyNameIgnoreCase(registration.companyName().strip());
    if (sameName.size() == 1) {
      ticket.setCustomer(sameName.get(0));
    }
  }

  private static Language language(TicketRegistration registration, Customer customer) {
    if (registration.language() != null) {
      return Language.valueOf(registration.language().toUpperCase(Locale.ROOT));
    }
    return customer != null ? customer.getLanguage() : Language.NL;
  }

  private void startProcess(Ticket ticket) {
    Product product = catalogue.product(ticket.getProductCode())
        .orElseThrow(() -> new IllegalStateException("Unknown product " + ticket.getProductCode()));
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(PROCESS_KEY, ticket.getEonNumber(), Map.of(
        "eonNumber", ticket.getEonNumber(),
        "product", ticket.getProductCode(),
        "team", product.getTeamGroup(),
        "category", ticket.getCategory().name(),
        "channel", ticket.getChannel().name(),
        "productionStopped", ticket.isProductionStopped(),
        "critical", ticket.isCritical()));
    ticket.setProcessInstanceId(instance.getId());
  }

  private void correlate(Ticket ticket, String message, Map<String, Object> variables) {
    runtimeService.createMessageCorrelation(message)
        .processInstanceBusinessKey(ticket.getEonNumber())
        .setVariables(variables)
        .correlateWithResult();
  }

  private String fingerprint(TicketRegistration registration, Channel channel) {
    try {
      byte[] canonical = json.writeValueAsBytes(List.of(channel.name(), registration));
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("Cannot fingerprint a registration", e);
    }
  }
}
