package com.produsoft.supportdesk.platform.mail;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Every mail the application sends goes out here, written one way: a Thymeleaf text template
 * {@code mail/<topic>/<letter>_<nl|en>.txt} whose first line is {@code Subject: ...}, its text placed in the one
 * layout {@code mail/layout_<nl|en>.txt} that closes every mail alike (greetings and the sender's name, or the
 * staff notice's footer). Labels for texts are {@code mail/labels_<nl|en>.properties} ({@code #{...}}).
 * <p>
 * Each mail gets a Message-ID of ours (with the case reference, so replies find their case), threads under earlier
 * mails, and carries {@code Auto-Submitted} and {@code X-Loop} when automatic. A failure is thrown: the caller's
 * process step retries and becomes an incident, or its outbox tries again. Nothing here holds a transaction: the
 * callers decide where the mail server is called (an asynchronous process step, or after the commit).
 */
@Service
public class OutboundMails {

  /** Marks our automatic mails so that mail loops between two robots stop at the other side (RFC 3834). */
  public static final String LOOP_MARKER = "produsoft-support-desk";

  private final JavaMailSender sender;
  private final ResourceBundleMessageSource labels = labels();
  private final SpringTemplateEngine templates = templateEngine(labels);

  public OutboundMails(JavaMailSender sender) {
    this.sender = sender;
  }

  /** A mail as sent: its Message-ID, the template's subject, the subject as sent (with the case) and the text. */
  public record Sent(String messageId, String templateSubject, String subject, String body) {
  }

  /** Writes the mail in its language and layout, sends it and answers what was sent. */
  public Sent send(Mail mail) {
    Written written = write(mail);
    String subject = (mail.subjectPrefix == null ? "" : mail.subjectPrefix) + written.subject();
    String domain = mail.fromAddress.substring(mail.fromAddress.indexOf('@') + 1);
    String messageId = "<" + UUID.randomUUID() + (mail.reference == null ? "" : "." + mail.reference) + "@" + domain
        + ">";
    try {
      MimeMessage message = sender.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, !mail.files.isEmpty(), StandardCharsets.UTF_8.name());
      helper.setFrom(mail.fromAddress, mail.fromName);
      helper.setTo(mail.to.toArray(String[]::new));
      helper.setSubject(subject);
      helper.setText(written.body());
      for (Mail.File file : mail.files) {
        helper.addAttachment(file.name(), new ByteArrayResource(file.content()), file.contentType() == null
            ? "application/octet-stream" : file.contentType());
      }
      message.setHeader("Message-ID", messageId);
      if (!mail.thread.isEmpty()) {
        message.setHeader("In-Reply-To", mail.thread.get(mail.thread.size() - 1));
        message.setHeader("References", String.join(" ", mail.thread));
      }
      if (mail.autoSubmitted != null) {
        message.setHeader("Auto-Submitted", mail.autoSubmitted);
        message.setHeader("X-Loop", LOOP_MARKER);
      }
      sender.send(message);
      return new Sent(messageId, written.subject(), subject, written.body());
    } catch (MessagingException | UnsupportedEncodingException e) {
      throw new IllegalStateException("Cannot write the mail " + mail.template + " to " + mail.to, e);
    }
  }

  /** A sentence of {@code mail/labels_<language>.properties}, for texts that end up in a mail (a solution...). */
  public String label(Locale language, String code, Object... arguments) {
    return labels.getMessage(code, arguments, language);
  }

  private record Written(String subject, String body) {
  }

  /** The template's subject line, and its text in the layout. */
  private Written write(Mail mail) {
    String language = mail.language.getLanguage();
    String text = templates.process(mail.template + "_" + language, new Context(mail.language, mail.model));
    int firstLineEnd = text.indexOf('\n');
    String subjectLine = firstLineEnd < 0 ? text : text.substring(0, firstLineEnd);
    if (!subjectLine.startsWith("Subject: ")) {
      throw new IllegalStateException("Mail template " + mail.template + "_" + language
          + " must start with 'Subject: '");
    }
    String body = templates.process("layout_" + language, new Context(mail.language, Map.of(
        "text", text.substring(firstLineEnd + 1).strip(),
        "sender", mail.fromName,
        "notice", mail.closing == Mail.Closing.NOTICE)));
    return new Written(subjectLine.substring("Subject: ".length()).strip(), body.strip());
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
    // Spring's flavour evaluates expressions with SpEL (plain Thymeleaf would need OGNL).
    SpringTemplateEngine engine = new SpringTemplateEngine();
    engine.setTemplateResolver(resolver);
    engine.setTemplateEngineMessageSource(labels);
    return engine;
  }
}
