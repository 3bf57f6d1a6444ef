package com.produsoft.supportdesk.intake.mail;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Tells mail written by a machine: auto-replies, bulk and list mail, delivery-status notices, our own mail and
 * mail loops (RFC 3834, RFC 2076, RFC 3464), and mail without an address to answer. Such mail creates no ticket
 * and is never answered, so that two robots cannot answer each other for ever.
 */
final class AutomaticMail {

  private AutomaticMail() {
  }

  /** Why the mail is automatic, or empty for a mail a person wrote. */
  static Optional<String> reason(IncomingMail mail, Set<String> ownAddresses) {
    String autoSubmitted = lower(mail.header("auto-submitted"));
    String precedence = lower(mail.header("precedence"));
    String contentType = lower(mail.header("content-type"));
    String localPart = mail.sender().contains("@") ? mail.sender().substring(0, mail.sender().indexOf('@')) : "";
    if (mail.sender().isEmpty()) {
      return Optional.of("no sender address to answer");
    }
    if (ownAddresses.contains(mail.sender())) {
      return Optional.of("sent from our own address " + mail.sender());
    }
    if (mail.header("x-loop") != null) {
      return Optional.of("X-Loop: " + mail.header("x-loop"));
    }
    if (autoSubmitted != null && !autoSubmitted.startsWith("no")) {
      return Optional.of("Auto-Submitted: " + autoSubmitted);
    }
    if (precedence != null && (precedence.contains("bulk") || precedence.contains("junk")
        || precedence.contains("list") || precedence.contains("auto_reply"))) {
      return Optional.of("Precedence: " + precedence);
    }
    if (contentType != null && contentType.startsWith("multipart/report")) {
      return Optional.of("delivery or read report (" + contentType + ")");
    }
    if (localPart.equals("mailer-daemon") || localPart.equals("postmaster") || "<>".equals(mail.header("return-path"))) {
      return Optional.of("delivery-status notice from " + mail.sender());
    }
    if (mail.header("x-autoreply") != null || mail.header("x-autorespond") != null
        || mail.header("x-auto-response-suppress") != null) {
      return Optional.of("auto-reply header");
    }
    if (mail.header("list-id") != null || mail.header("list-unsubscribe") != null
        || mail.header("feedback-id") != null) {
      return Optional.of("mailing list or newsletter");
    }
    return Optional.empty();
  }

  private static String lower(String value) {
    return value == null ? null : value.strip().toLowerCase(Locale.ROOT);
  }
}
