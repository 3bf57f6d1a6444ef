package com.produsoft.supportdesk.intake.mail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import com.produsoft.supportdesk.customer.Contact;
import com.produsoft.supportdesk.ticket.NewAttachment;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

/**
 * A mail as read from a mailbox, before anything is decided about it: read completely outside the database
 * transaction, so that the transaction holds no IMAP connection.
 *
 * @param dedupeKey SHA-256 of the Message-ID or, without one, of sender, date and subject
 * @param sender the From address, normalised like a contact's e-mail
 * @param thread the Message-IDs of In-Reply-To and References: the mails this one answers
 * @param headers the headers that tell automatic mail, by lower-case name
 */
public record IncomingMail(String messageId, String dedupeKey, String sender, String senderName, String subject,
    List<String> thread, Map<String, String> headers, String text, List<NewAttachment> attachments) {

  /** The headers {@link AutomaticMail} looks at. */
  static final List<String> CLASSIFYING_HEADERS = List.of("auto-submitted", "precedence", "list-id",
      "list-unsubscribe", "x-loop", "x-autoreply", "x-autorespond", "x-auto-response-suppress", "return-path",
      "content-type", "feedback-id");

  public static IncomingMail of(MimeMessage message) throws MessagingException, IOException {
    Address[] from = message.getFrom();
    InternetAddress sender = from != null && from.length > 0 && from[0] instanceof InternetAddress address
        ? address : new InternetAddress("unknown@invalid");
    String subject = message.getSubject();
    String messageId = message.getMessageID();
    String identity = messageId != null
        ? messageId
        : sender.getAddress() + "|" + message.getSentDate() + "|" + subject;
    Map<String, String> headers = new LinkedHashMap<>();
    for (String name : CLASSIFYING_HEADERS) {
      String value = message.getHeader(name, ",");
      if (value != null) {
        headers.put(name, value);
      }
    }
    List<String> thread = new ArrayList<>();
    addMessageIds(thread, message.getHeader("In-Reply-To", " "));
    addMessageIds(thread, message.getHeader("References", " "));
    Content content = new Content();
    content.read(message);
    return new IncomingMail(messageId, sha256(identity), Contact.normalizeEmail(sender.getAddress()),
        sender.getPersonal(), subject == null ? "" : subject, List.copyOf(thread), Map.copyOf(headers),
        content.text(), List.copyOf(content.attachments));
  }

  private static void addMessageIds(List<String> ids, String header) {
    if (header != null) {
      Arrays.stream(MimeUtility.unfold(header).split("[\\s,]+"))
          .filter(id -> id.startsWith("<") && id.endsWith(">"))
          .forEach(ids::add);
    }
  }

  /** The name to address the sender with: the From display name, else the address. */
  public String senderDisplayName() {
    return senderName == null || senderName.isBlank() ? sender : senderName.strip();
  }

  public String header(String lowerCaseName) {
    return headers.get(lowerCaseName);
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The readable text (plain preferred over HTML) and the files of a mail. */
  private static final class Content {
    private String plain;
    private String html;
    private final List<NewAttachment> attachments = new ArrayList<>();

    void read(Part part) throws MessagingException, IOException {
      String fileName = part.getFileName();
      if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || fileName != null) {
        try (InputStream in = part.getInputStream()) {
          String name = fileName == null ? null : MimeUtility.decodeText(fileName);
          attachments.add(new NewAttachment(name, baseType(part.getContentType()), in.readAllBytes()));
        }
      } else if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
        for (int i = 0; i < multipart.getCount(); i++) {
          BodyPart child = multipart.getBodyPart(i);
          read(child);
        }
      } else if (part.isMimeType("text/plain") && plain == null) {
        plain = part.getContent().toString();
      } else if (part.isMimeType("text/html") && html == null) {
        html = part.getContent().toString();
      }
    }

    String text() {
      if (plain != null) {
        return plain.strip();
      }
      return html == null ? "" : html.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", "")
          .replaceAll("(?i)<br\\s*/?>|</p>", "\n").replaceAll("<[^>]+>", "").strip();
    }

    private static String baseType(String contentType) {
      return Objects.requireNonNullElse(contentType, "application/octet-stream").split(";")[0].strip()
          .toLowerCase(Locale.ROOT);
    }
  }
}
