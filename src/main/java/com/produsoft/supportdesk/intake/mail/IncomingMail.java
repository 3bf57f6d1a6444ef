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

  /** The longest e-mail address there is (RFC 5321 path limit). */
  static final int MAX_ADDRESS = 254;

  /** The headers {@link AutomaticMail} looks at. */
  static final List<String> CLASSIFYING_HEADERS = List.of("auto-submitted", "precedence", "list-id",
      "list-unsubscribe", "x-loop", "x-autoreply", "x-autorespond", "x-auto-response-suppress", "return-path",
      "content-type", "feedback-id");

  public static IncomingMail of(MimeMessage message) throws MessagingException, IOException {
    String sender = senderAddress(message);
    String subject = oneLine(subject(message));
    String messageId = message.getMessageID();
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
    // Without a Message-ID, the mail's own facts: the same mail read again has the same key, two mails do not.
    String identity = messageId != null
        ? messageId
        : message.getHeader("From", ",") + "|" + message.getHeader("Date", ",") + "|" + subject + "|"
            + content.text() + "|"
            + content.attachments.stream().map(file -> file.fileName() + ":" + file.content().length).toList();
    return new IncomingMail(messageId, sha256(identity), sender, senderName(message), subject,
        List.copyOf(thread), Map.copyOf(headers), content.text(), List.copyOf(content.attachments));
  }

  /**
   * The From address, normalised like a contact's e-mail, or "" when the mail names none that can be answered
   * (missing, empty, not an address, longer than an address can be): such a mail is never answered.
   */
  private static String senderAddress(MimeMessage message) {
    try {
      Address[] from = message.getFrom();
      if (from != null && from.length > 0 && from[0] instanceof InternetAddress address
          && address.getAddress() != null && address.getAddress().length() <= MAX_ADDRESS) {
        new InternetAddress(address.getAddress(), true).validate();
        return Contact.normalizeEmail(address.getAddress());
      }
    } catch (MessagingException notAnAddress) {
      // falls through: no sender to answer
    }
    return "";
  }

  private static String senderName(MimeMessage message) {
    try {
      Address[] from = message.getFrom();
      return from != null && from.length > 0 && from[0] instanceof InternetAddress address
          && address.getPersonal() != null ? oneLine(address.getPersonal()) : null;
    } catch (MessagingException unreadable) {
      return null;
    }
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject() == null ? "" : message.getSubject();
    } catch (MessagingException unreadable) {
      return "";
    }
  }

  /** Text without control characters (but tabs and line breaks) and without halves of surrogate pairs. */
  static String readable(String text) {
    return text.replaceAll("[\\p{Cs}[\\p{Cc}&&[^\\t\\n\\r]]]", "");
  }

  private static String oneLine(String text) {
    return text.replaceAll("[\\p{Cc}\\p{Cs}]", " ").strip();
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

  /**
   * The readable text (plain preferred over HTML) and the files of a mail. A person's mail is read as well as it
   * reads: a part in an unknown charset or transfer encoding, broken base64 or a multipart without its boundary
   * gives its raw text rather than losing the whole mail (which would stay unread and be tried again for ever).
   */
  private static final class Content {
    private String plain;
    private String html;
    private final List<NewAttachment> attachments = new ArrayList<>();

    void read(Part part) throws MessagingException, IOException {
      String fileName = fileName(part);
      if (Part.ATTACHMENT.equalsIgnoreCase(disposition(part)) || fileName != null) {
        String name = fileName == null ? "attachment-" + (attachments.size() + 1) + ".dat" : fileName;
        attachments.add(new NewAttachment(name, baseType(part), bytes(part)));
      } else if (part.isMimeType("multipart/*")) {
        Multipart multipart = multipart(part);
        if (multipart == null) {
          addText(part, false);
          return;
        }
        for (int i = 0; i < multipart.getCount(); i++) {
          BodyPart child = multipart.getBodyPart(i);
          read(child);
        }
      } else if (part.isMimeType("text/html")) {
        addText(part, true);
      } else if (part.isMimeType("text/plain")) {
        addText(part, false);
      }
    }

    private void addText(Part part, boolean isHtml) {
      if (isHtml && html == null) {
        html = textOf(part);
      } else if (!isHtml && plain == null) {
        plain = textOf(part);
      }
    }

    /** The multipart's parts, or null when they cannot be told apart (no or a wrong boundary). */
    private static Multipart multipart(Part part) {
      try {
        if (part.getContent() instanceof Multipart multipart) {
          multipart.getCount();
          return multipart;
        }
      } catch (MessagingException | IOException | RuntimeException unreadable) {
        // read as text below
      }
      return null;
    }

    private static String textOf(Part part) {
      try {
        Object content = part.getContent();
        if (content instanceof String text) {
          return text;
        }
      } catch (MessagingException | IOException | RuntimeException unreadable) {
        // the bytes as they are
      }
      return new String(bytes(part), StandardCharsets.UTF_8);
    }

    /** The decoded bytes, else the raw bytes of a part whose transfer encoding cannot be decoded. */
    private static byte[] bytes(Part part) {
      try (InputStream in = part.getInputStream()) {
        return in.readAllBytes();
      } catch (MessagingException | IOException | RuntimeException undecodable) {
        try (InputStream raw = raw(part)) {
          return raw.readAllBytes();
        } catch (MessagingException | IOException | RuntimeException unreadable) {
          return new byte[0];
        }
      }
    }

    private static InputStream raw(Part part) throws MessagingException {
      if (part instanceof jakarta.mail.internet.MimeBodyPart body) {
        return body.getRawInputStream();
      }
      return ((MimeMessage) part).getRawInputStream();
    }

    private static String fileName(Part part) {
      try {
        return part.getFileName() == null ? null : MimeUtility.decodeText(part.getFileName());
      } catch (MessagingException | java.io.UnsupportedEncodingException | RuntimeException unreadable) {
        return "attachment.dat";
      }
    }

    private static String disposition(Part part) {
      try {
        return part.getDisposition();
      } catch (MessagingException unreadable) {
        return null;
      }
    }

    String text() {
      if (plain != null) {
        return readable(plain).strip();
      }
      return html == null ? "" : readable(html.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", "")
          .replaceAll("(?i)<br\\s*/?>|</p>", "\n").replaceAll("<[^>]+>", "")).strip();
    }

    private static String baseType(Part part) {
      try {
        return Objects.requireNonNullElse(part.getContentType(), "application/octet-stream").split(";")[0].strip()
            .toLowerCase(Locale.ROOT);
      } catch (MessagingException unreadable) {
        return "application/octet-stream";
      }
    }
  }
}
