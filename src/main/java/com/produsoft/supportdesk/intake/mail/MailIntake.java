package com.produsoft.supportdesk.intake.mail;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.produsoft.supportdesk.customer.Contact;
import com.produsoft.supportdesk.customer.ContactRepository;
import com.produsoft.supportdesk.customer.Customer;
import com.produsoft.supportdesk.customer.Language;
import com.produsoft.supportdesk.platform.EngineClock;
import com.produsoft.supportdesk.supplier.Escalations;
import com.produsoft.supportdesk.ticket.AttachmentPolicy;
import com.produsoft.supportdesk.ticket.Channel;
import com.produsoft.supportdesk.ticket.CustomerMails;
import com.produsoft.supportdesk.ticket.OutboundMail;
import com.produsoft.supportdesk.ticket.OutboundMailRepository;
import com.produsoft.supportdesk.ticket.Ticket;
import com.produsoft.supportdesk.ticket.TicketCategory;
import com.produsoft.supportdesk.ticket.TicketRegistration;
import com.produsoft.supportdesk.ticket.TicketRepository;
import com.produsoft.supportdesk.ticket.TicketService;
import com.produsoft.supportdesk.ticket.UpdateType;

/**
 * C5.2, C8.1: what one mail to a support mailbox becomes, decided and stored in one transaction: a new ticket, an
 * update of the ticket it answers, nothing (automatic mail), a refusal (attachments, C4.7), or a supplier's answer
 * on a bug escalation (C7.2, internal only). The mail's dedupe
 * key is stored in the same transaction, so a mail read again after a crash is recognised and skipped.
 */
@Service
public class MailIntake {

  private static final Pattern EON_NUMBER = Pattern.compile(TicketRegistration.EON_NUMBER);

  private final InboundMailRepository inboundMails;
  private final OutboundMailRepository outboundMails;
  private final TicketRepository tickets;
  private final TicketService ticketService;
  private final ContactRepository contacts;
  private final MailRouting routing;
  private final AttachmentPolicy attachmentPolicy;
  private final CustomerMails customerMails;
  private final MailIntakeProperties properties;
  private final Escalations escalations;

  public MailIntake(InboundMailRepository inboundMails, OutboundMailRepository outboundMails,
      TicketRepository tickets, TicketService ticketService, ContactRepository contacts, MailRouting routing,
      AttachmentPolicy attachmentPolicy, CustomerMails customerMails, MailIntakeProperties properties,
      Escalations escalations) {
    this.inboundMails = inboundMails;
    this.outboundMails = outboundMails;
    this.tickets = tickets;
    this.ticketService = ticketService;
    this.contacts = contacts;
    this.routing = routing;
    this.attachmentPolicy = attachmentPolicy;
    this.customerMails = customerMails;
    this.properties = properties;
    this.escalations = escalations;
  }

  /** What became of a mail; {@code DUPLICATE} when it was handled before (another mailbox, an earlier poll). */
  public enum Result {
    TICKET, UPDATE, IGNORED, REFUSED, DUPLICATE,
    /** C7.2: a supplier's mail about an escalation, journalled internally, never a ticket or customer update. */
    SUPPLIER
  }

  @Transactional
  public Result handle(IncomingMail mail, MailRouting.Mailbox mailbox) {
    if (inboundMails.existsByDedupeKey(mail.dedupeKey())) {
      return Result.DUPLICATE;
    }
    Instant now = EngineClock.now();
    // Before the robot check: a supplier's case system answers automatically, with the case number we need.
    Optional<Escalations.ReceivedSupplierMail> supplierMail = escalations.receiveSupplierMail(mail.sender(),
        mail.subject(), mail.text(), mail.thread());
    if (supplierMail.isPresent()) {
      return record(mail, mailbox, now, InboundMail.Outcome.SUPPLIER, null, supplierMail.get().ticket());
    }
    Optional<String> automatic = AutomaticMail.reason(mail, routing.ownAddresses()).or(() -> flood(mail, now));
    if (automatic.isPresent()) {
      return record(mail, mailbox, now, InboundMail.Outcome.IGNORED, automatic.get(), null);
    }
    Optional<Contact> contact = contacts.findByEmailIgnoringCase(mail.sender());
    List<AttachmentPolicy.Violation> violations = attachmentPolicy.check(mail.attachments());
    if (!violations.isEmpty()) {
      Language language = contact.map(known -> known.getCustomer().getLanguage()).orElse(Language.NL);
      customerMails.refuseAttachments(mail.sender(), mailbox.address(), language, mail.messageId(), mail.subject(),
          violations);
      return record(mail, mailbox, now, InboundMail.Outcome.REFUSED, violations.toString(), null);
    }
    Optional<Ticket> answered = answeredTicket(mail);
    if (answered.isPresent() && belongsTo(mail.sender(), contact, answered.get())) {
      Ticket updated = ticketService.addUpdate(answered.get().getEonNumber(), UpdateType.INFO, text(mail),
          atMost(mail.sender(), MAX_AUTHOR), mail.attachments()).ticket();
      return record(mail, mailbox, now, InboundMail.Outcome.UPDATE, null, updated);
    }
    Ticket ticket = ticketService.register(registration(mail, mailbox, contact), Channel.MAIL, null,
        mail.attachments()).ticket();
    if (contact.isEmpty()) {
      ticketService.flagForTriage(ticket, "Unknown sender " + mail.sender() + ": check the customer (C2.1)");
    }
    answered.ifPresent(other -> ticketService.flagForTriage(ticket, "The mail answers " + other.getEonNumber()
        + ", but " + mail.sender() + " is not a contact of that ticket's customer: check before linking them"));
    return record(mail, mailbox, now, InboundMail.Outcome.TICKET, null, ticket);
  }

  private Result record(IncomingMail mail, MailRouting.Mailbox mailbox, Instant now,
      InboundMail.Outcome outcome, String reason, Ticket ticket) {
    inboundMails.save(new InboundMail(mail, mailbox.address(), now, outcome, reason, ticket));
    return Result.valueOf(outcome.name());
  }

  /** More mails from one sender today than a person writes: a robot, perhaps answering our own mails. */
  private Optional<String> flood(IncomingMail mail, Instant now) {
    Instant startOfDay = now.atZone(EngineClock.BRUSSELS).toLocalDate().atStartOfDay(EngineClock.BRUSSELS)
        .toInstant();
    long today = inboundMails.countBySenderAndReceivedAtGreaterThanEqual(mail.sender(), startOfDay);
    return today >= properties.maxMailsPerSenderPerDay()
        ? Optional.of("more than " + properties.maxMailsPerSenderPerDay() + " mails from " + mail.sender() + " today")
        : Optional.empty();
  }

  /** The ticket a reply is about: one of our mails in In-Reply-To/References, else an EON number in the subject. */
  private Optional<Ticket> answeredTicket(IncomingMail mail) {
    Optional<Ticket> byThread = mail.thread().isEmpty()
        ? Optional.empty()
        : outboundMails.findFirstByMessageIdInAndTicketIsNotNull(mail.thread()).map(OutboundMail::getTicket);
    if (byThread.isPresent()) {
      return byThread;
    }
    Matcher eon = EON_NUMBER.matcher(mail.subject().toUpperCase(Locale.ROOT));
    return eon.find() ? tickets.findByEonNumber(eon.group()) : Optional.empty();
  }

  /** Only the ticket's own customer may add to it: an EON number in a subject is no password. */
  private static boolean belongsTo(String sender, Optional<Contact> contact, Ticket ticket) {
    if (sender.equalsIgnoreCase(ticket.getEmail())) {
      return true;
    }
    Customer customer = ticket.getCustomer();
    return customer != null && contact.isPresent() && contact.get().getCustomer().getId().equals(customer.getId());
  }

  /**
   * A mail holds no C4 fields: the company and phone come from the register when the sender is a known contact;
   * the rest stays empty and the confirmation asks for it.
   */
  private TicketRegistration registration(IncomingMail mail, MailRouting.Mailbox mailbox,
      Optional<Contact> contact) {
    String companyName = contact.map(known -> known.getCustomer().getCompanyName()).orElse("");
    String phone = contact.map(known -> known.getPhone() != null ? known.getPhone() : known.getCustomer().getPhone())
        .orElse("");
    String contactName = contact.map(Contact::getName).orElse(atMost(mail.senderDisplayName(), MAX_NAME));
    return new TicketRegistration(companyName, contactName, mail.sender(), phone == null ? "" : phone,
        mailbox.product(), TicketCategory.SUPPORT.name(), text(mail), null, null, null, null, null, false, null);
  }

  /** What the columns take: a journal entry's author, a ticket's contact name. */
  private static final int MAX_AUTHOR = 100;
  private static final int MAX_NAME = 200;

  private static String atMost(String text, int length) {
    return text.length() <= length ? text : text.substring(0, length);
  }

  private static String text(IncomingMail mail) {
    return mail.text().isBlank() ? mail.subject() : mail.subject() + "\n\n" + mail.text();
  }
}
