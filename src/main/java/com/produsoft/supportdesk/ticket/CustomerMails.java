package com.produsoft.supportdesk.ticket;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import com.produsoft.supportdesk.catalogue.Catalogue;
import com.produsoft.supportdesk.catalogue.Product;
import com.produsoft.supportdesk.customer.Language;
import com.produsoft.supportdesk.platform.EngineClock;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * The mails a customer gets about a ticket, in the customer's language, from the product's support mailbox (C5.2),
 * threaded by Message-ID and the EON number in the subject. Texts are Thymeleaf text templates in
 * {@code src/main/resources/mail/<language>/<kind>.txt} whose first line is the subject; labels are in
 * {@code mail/labels_<language>.properties}. Every mail is recorded in {@code outbound_mail} (so that replies find
 * their ticket) and in the ticket's journal as a customer-visible MESSAGE_SENT.
 * <p>
 * A failure to send is thrown: the process step that sends retries and becomes an incident, the ticket stays.
 */
@Service
@Transactional
public class CustomerMails {

  /** Marks our automatic mails so that mail loops between two robots stop at the other side (RFC 3834). */
  public static final String LOOP_MARKER = "produsoft-support-desk";

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
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  private final JavaMailSender sender;
  private final OutboundMailRepository outboundMails;
  private final JournalRepository journal;
  private final Catalogue catalogue;
  private final TicketProperties properties;
  private final AttachmentPolicy attachmentPolicy;
  private final ResourceBundleMessageSource labels = labels();
  private final SpringTemplateEngine templates = templateEngine(labels);

  public CustomerMails(JavaMailSender sender, OutboundMailRepository outboundMails, JournalRepository journal,
      Catalogue catalogue, TicketProperties properties, AttachmentPolicy attachmentPolicy) {
    this.sender = sender;
    this.outboundMails = outboundMails;
    this.journal = journal;
    this.catalogue = catalogue;
    this.properties = properties;
    this.attachmentPolicy = attachmentPolicy;
  }

  private static ResourceBundleMessageSource labels() {
    ResourceBundleMessageSource labels = new ResourceBundleMessageSource();
    labels.setBasename("mail/labels");
    labels.setDefaultEncoding(StandardCharsets.UTF_8.name());
    labels.setFallbackToSystemLocale(false);
    return labels;
  }

  private static SpringTemplateEngine templateEngine(ResourceBundleMessageSource labels) {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("mail/");
    resolver.setSuffix(".txt");
    resolver.setTemplateMode(TemplateMode.TEXT);
    resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
    SpringTemplateEngine engine = new SpringTemplateEngine();
    engine.setTemplateResolver(resolver);
    engine.setTemplateEngineMessageSource(labels);
    return engine;
  }

  /** A file that goes with a mail. */
  public record File(String name, String contentType, byte[] content) {
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
  public void send(Ticket ticket, Kind kind, Map<String, ?> details, List<File> files) {
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
    model.put("fileNames", files.stream().map(File::name).toList());
    Rendered mail = render(kind, ticket.getLanguage(), model);
    String subject = "[" + ticket.getEonNumber() + "] " + mail.subject();
    Instant now = EngineClock.now();
    String messageId = deliver(ticket.getEonNumber(), kind, product.getSupportMailbox(), "Produsoft Support "
        + product.getName(), ticket.getEmail(), subject, mail.body(), earlier, files);
    outboundMails.save(new OutboundMail(ticket, kind, messageId, ticket.getEmail(), now));
    journal.save(new JournalEntry(ticket, now, JournalEntryType.MESSAGE_SENT, "system",
        "Mail to " + ticket.getEmail() + ": " + subject + "\n\n" + mail.body(), mail.subject() + "\n\n" + mail.body()));
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
    Rendered mail = render(kind, language, model);
    String messageId = deliver(reference, kind, product.getSupportMailbox(), "Produsoft Support " + product.getName(),
        recipient, "[" + reference + "] " + mail.subject(), mail.body(), List.of(), List.of());
    outboundMails.save(new OutboundMail(null, kind, messageId, recipient, EngineClock.now()));
  }

  /** A sentence of {@code mail/labels_<language>.properties} for texts that end up in a mail, e.g. a solution. */
  public String label(Language language, String code, Object... arguments) {
    return labels.getMessage(code, arguments, locale(language));
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
    Rendered mail = render(Kind.ATTACHMENTS_REFUSED, language, model);
    String messageId = deliver(null, Kind.ATTACHMENTS_REFUSED, mailbox, "Produsoft Support", recipient,
        mail.subject(), mail.body(), originalMessageId == null ? List.of() : List.of(originalMessageId), List.of());
    outboundMails.save(new OutboundMail(null, Kind.ATTACHMENTS_REFUSED, messageId, recipient, EngineClock.now()));
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

  private record Rendered(String subject, String body) {
  }

  private static Locale locale(Language language) {
    return Locale.forLanguageTag(language.written().name().toLowerCase(Locale.ROOT));
  }

  private Rendered render(Kind kind, Language language, Map<String, Object> model) {
    String text = templates.process(language.written().name().toLowerCase(Locale.ROOT) + "/" + kind.templateName(),
        new Context(locale(language), model));
    int firstLineEnd = text.indexOf('\n');
    String subjectLine = text.substring(0, firstLineEnd);
    if (!subjectLine.startsWith("Subject: ")) {
      throw new IllegalStateException("Mail template " + kind.templateName() + " must start with 'Subject: '");
    }
    return new Rendered(subjectLine.substring("Subject: ".length()).strip(), text.substring(firstLineEnd + 1).strip());
  }

  /** Sends one mail and answers its Message-ID; earlier mails of the thread go to In-Reply-To and References. */
  private String deliver(String eonNumber, Kind kind, String from, String fromName, String to, String subject,
      String body, List<String> thread, List<File> files) {
    String domain = from.substring(from.indexOf('@') + 1);
    String messageId = "<" + UUID.randomUUID() + (eonNumber == null ? "" : "." + eonNumber) + "@" + domain + ">";
    try {
      MimeMessage message = sender.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, !files.isEmpty(), StandardCharsets.UTF_8.name());
      helper.setFrom(from, fromName);
      helper.setTo(to);
      helper.setSubject(subject);
      helper.setText(body);
      for (File file : files) {
        helper.addAttachment(file.name(), new ByteArrayResource(file.content()), file.contentType() == null
            ? "application/octet-stream" : file.contentType());
      }
      message.setHeader("Message-ID", messageId);
      if (!thread.isEmpty()) {
        message.setHeader("In-Reply-To", thread.get(thread.size() - 1));
        message.setHeader("References", String.join(" ", thread));
      }
      if (kind.autoSubmitted != null) {
        message.setHeader("Auto-Submitted", kind.autoSubmitted);
        message.setHeader("X-Loop", LOOP_MARKER);
      }
      sender.send(message);
      return messageId;
    } catch (MessagingException | UnsupportedEncodingException e) {
      throw new IllegalStateException("Cannot write the " + kind + " mail to " + to, e);
    }
  }
}
