package com.produsoft.supportdesk.ticket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.produsoft.supportdesk.catalogue.Catalogue;
import com.produsoft.supportdesk.catalogue.Product;
import com.produsoft.supportdesk.customer.Language;
import com.produsoft.supportdesk.platform.EngineClock;
import com.produsoft.supportdesk.platform.mail.Mail;
import com.produsoft.supportdesk.platform.mail.OutboundMails;

/**
 * The mails a customer gets about a ticket, in the customer's language, from the product's support mailbox (C5.2),
 * threaded by Message-ID and the EON number in the subject. Texts are {@code mail/customer/<kind>_<nl|en>.txt},
 * written and sent by {@link OutboundMails}. Every mail is recorded in {@code outbound_mail} (so that replies find
 * their ticket) and in the ticket's journal as a customer-visible MESSAGE_SENT.
 * <p>
 * A failure to send is thrown: the process step that sends retries and becomes an incident, the ticket stays.
 */
@Service
@Transactional
public class CustomerMails {

  /** What a mail is about; automatic mails carry Auto-Submitted and X-Loop so that nobody answers them. */
  public enum Kind {
    CONFIRMATION("auto-replied"),
    /** C5.3: a phone caller with a non-urgent problem is asked to use the web form next time. */
    WEB_FORM_LINK("auto-replied"),
    QUESTION(null),
    REMINDER("auto-generated"),
    SOLUTION(null),
    CLOSED("auto-generated"),
    /** C4.7: a mail whose files break the attachment policy made no ticket. */
    ATTACHMENTS_REFUSED("auto-replied"),
    /** C7.2: the bug went to the supplier; meanwhile this workaround, or none known. */
    WORKAROUND(null),
    /** C7.2: the supplier will not fix the bug; support goes on helping. */
    BUG_REJECTED(null),
    /** C3.2, C7.3: a release includes the wish the customer backs. */
    WISH_RELEASED("auto-generated"),
    /** C3.5, C3.6, C3.8: without a contract a licence move is a paid service; the customer accepts or refuses. */
    LICENCE_QUOTE(null),
    LICENCE_QUOTE_REMINDER("auto-generated"),
    /** C10.3: the planned date and time of the licence move, and who reinstalls (C10.2). */
    LICENCE_APPOINTMENT(null),
    /** C10.3: the licence moved; the customer confirms that the software works. */
    LICENCE_CONFIRMATION_REQUEST("auto-generated"),
    /** Issue 17: an engineer's intermediate update (C6.4). */
    CUSTOMER_UPDATE(null),
    /** Issue 17: a call-back or a remote session planned (C5.4), with the appointment as an .ics file. */
    APPOINTMENT(null);

    private final String autoSubmitted;

    Kind(String autoSubmitted) {
      this.autoSubmitted = autoSubmitted;
    }

    String templateName() {
      return "customer/" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  private final OutboundMails outbound;
  private final OutboundMailRepository outboundMails;
  private final JournalRepository journal;
  private final Catalogue catalogue;
  private final TicketProperties properties;
  private final AttachmentPolicy attachmentPolicy;

  public CustomerMails(OutboundMails outbound, OutboundMailRepository outboundMails, JournalRepository journal,
      Catalogue catalogue, TicketProperties properties, AttachmentPolicy attachmentPolicy) {
    this.outbound = outbound;
    this.outboundMails = outboundMails;
    this.journal = journal;
    this.catalogue = catalogue;
    this.properties = properties;
    this.attachmentPolicy = attachmentPolicy;
  }

  /**
   * Sends the ticket's customer the mail of this kind and records it.
   *
   * @param details what the template of the kind shows besides the ticket (the question, the reminder number...)
   */
  public void send(Ticket ticket, Kind kind, Map<String, ?> details) {
    send(ticket, kind, details, List.of());
  }

  /**
   * The same with files attached (an engineer's files, an appointment's .ics). The journal keeps the mail as an
   * internal line and, as its public text, what the customer read: the subject and the body, in their language.
   */
  public void send(Ticket ticket, Kind kind, Map<String, ?> details, List<Mail.File> files) {
    Product product = catalogue.product(ticket.getProductCode()).orElseThrow();
    List<String> earlier = outboundMails.findByTicketOrderBySentAtAscIdAsc(ticket).stream()
        .map(OutboundMail::getMessageId).toList();
    Map<String, Object> model = new LinkedHashMap<>(details);
    model.put("ticket", ticket);
    model.put("product", product.getName());
    model.put("statusUrl", properties.statusPageUrl(ticket));
    model.put("webFormUrl", properties.webFormUrl());
    model.put("missingItems", kind == Kind.CONFIRMATION && ticket.getChannel() == Channel.MAIL
        ? missingItems(ticket) : List.of());
    model.put("fileNames", files.stream().map(Mail.File::name).toList());
    OutboundMails.Sent mail = outbound.send(fromProduct(product, kind, ticket.getLanguage()).to(ticket.getEmail())
        .with(model).about(ticket.getEonNumber()).inThread(earlier).attach(files));
    Instant now = EngineClock.now();
    outboundMails.save(new OutboundMail(ticket, kind, mail.messageId(), ticket.getEmail(), now));
    journal.save(new JournalEntry(ticket, now, JournalEntryType.MESSAGE_SENT, "system",
        "Mail to " + ticket.getEmail() + ": " + mail.subject() + "\n\n" + mail.body(),
        mail.templateSubject() + "\n\n" + mail.body()));
  }

  /**
   * Sends a mail about something that is not a ticket (a licence request, C10) with the same templates, product
   * mailbox and record; {@code reference} (e.g. {@code LTR-42}) heads the subject as the EON number does.
   */
  public void sendAbout(String reference, String recipient, Language language, String productCode, Kind kind,
      Map<String, ?> details) {
    Product product = catalogue.product(productCode).orElseThrow();
    Map<String, Object> model = new LinkedHashMap<>(details);
    model.put("product", product.getName());
    OutboundMails.Sent mail = outbound.send(fromProduct(product, kind, language).to(recipient).with(model)
        .about(reference));
    outboundMails.save(new OutboundMail(null, kind, mail.messageId(), recipient, EngineClock.now()));
  }

  /** A sentence of {@code mail/labels_<language>.properties} for texts that end up in a mail, e.g. a solution. */
  public String label(Language language, String code, Object... arguments) {
    return outbound.label(locale(language), code, arguments);
  }

  /**
   * C4.7: answers a mail whose files were refused; nothing of it was stored, so the sender learns the limits
   * and can send it again.
   */
  public void refuseAttachments(String recipient, String mailbox, Language language, String originalMessageId,
      String originalSubject, List<AttachmentPolicy.Violation> violations) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("violations", violations);
    model.put("originalSubject", originalSubject == null ? "" : originalSubject);
    model.put("maxMegabytes", attachmentPolicy.limits().maxTicketBytes() / (1024 * 1024));
    model.put("maxFiles", attachmentPolicy.limits().maxFiles());
    model.put("webFormUrl", properties.webFormUrl());
    OutboundMails.Sent mail = outbound.send(Mail.from(mailbox, "Produsoft Support",
        Kind.ATTACHMENTS_REFUSED.templateName(), locale(language)).to(recipient).with(model)
        .inThread(originalMessageId == null ? List.of() : List.of(originalMessageId))
        .automatic(Kind.ATTACHMENTS_REFUSED.autoSubmitted));
    outboundMails.save(new OutboundMail(null, Kind.ATTACHMENTS_REFUSED, mail.messageId(), recipient,
        EngineClock.now()));
  }

  /** A mail of this kind from the product's support mailbox (C5.2), in the customer's written language. */
  private static Mail fromProduct(Product product, Kind kind, Language language) {
    Mail mail = Mail.from(product.getSupportMailbox(), "Produsoft Support " + product.getName(), kind.templateName(),
        locale(language));
    return kind.autoSubmitted == null ? mail : mail.automatic(kind.autoSubmitted);
  }

  private static Locale locale(Language language) {
    return Locale.forLanguageTag(language.written().name());
  }

  /** C4: the items of a registration a mail could not hold in fields; the status page lets the customer add them. */
  static List<String> missingItems(Ticket ticket) {
    List<String> missing = new ArrayList<>();
    addIfBlank(missing, ticket.getCompanyName(), "c4.companyName");
    addIfBlank(missing, ticket.getPhone(), "c4.phone");
    addIfBlank(missing, ticket.getReproduction(), "c4.reproduction");
    addIfBlank(missing, ticket.getThirdPartySoftware(), "c4.thirdPartySoftware");
    addIfBlank(missing, ticket.getOperatingSystem(), "c4.operatingSystem");
    addIfBlank(missing, ticket.getImpact(), "c4.impact");
    return missing;
  }

  private static void addIfBlank(List<String> missing, String value, String label) {
    if (value == null || value.isBlank()) {
      missing.add(label);
    }
  }
}
