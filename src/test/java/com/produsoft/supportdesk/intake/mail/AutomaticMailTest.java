package com.produsoft.supportdesk.intake.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** C5.2: auto-replies, bulk mail, reports and loops are told from mail a person wrote (RFC 3834). */
class AutomaticMailTest {

  private static final Set<String> OWN = Set.of("edgecam.support@produsoft.com", "info@produsoft.com");

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
      "Auto-Submitted|auto-replied",
      "Auto-Submitted|auto-generated",
      "Precedence|bulk",
      "Precedence|junk",
      "Precedence|list",
      "X-Loop|produsoft-support-desk",
      "X-Autoreply|yes",
      "X-Auto-Response-Suppress|All",
      "List-Id|<cad-news.example.com>",
      "List-Unsubscribe|<mailto:leave@example.com>",
      "Content-Type|multipart/report; report-type=delivery-status; boundary=x"})
  @DisplayName("a header marks the mail as automatic")
  void automaticByHeader(String header, String value) throws Exception {
    MimeMessage message = personal("jan.vandamme@vandamme.example");
    message.setHeader(header, value);

    assertThat(AutomaticMail.reason(IncomingMail.of(message), OWN)).isPresent();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"MAILER-DAEMON@mx.vandamme.example", "postmaster@vandamme.example", "Edgecam.Support@produsoft.com",
      "info@produsoft.com"})
  @DisplayName("delivery-status senders and our own addresses are automatic")
  void automaticBySender(String sender) throws Exception {
    assertThat(AutomaticMail.reason(IncomingMail.of(personal(sender)), OWN)).isPresent();
  }

  @Test
  @DisplayName("a person's mail, also with Auto-Submitted: no, is not automatic")
  void personalMail() throws Exception {
    MimeMessage message = personal("jan.vandamme@vandamme.example");
    message.setHeader("Auto-Submitted", "no");

    assertThat(AutomaticMail.reason(IncomingMail.of(message), OWN)).isEmpty();
  }

  @Test
  @DisplayName("the dedupe key is the Message-ID's, so every copy of a mail has the same one")
  void dedupeKeyFollowsTheMessageId() throws Exception {
    MimeMessage first = personal("jan.vandamme@vandamme.example");
    first.setHeader("Message-ID", "<42@vandamme.example>");
    MimeMessage copy = personal("jan.vandamme@vandamme.example");
    copy.setHeader("Message-ID", "<42@vandamme.example>");
    copy.setSubject("Another subject");

    assertThat(IncomingMail.of(first).dedupeKey()).isEqualTo(IncomingMail.of(copy).dedupeKey()).hasSize(64);
  }

  private static MimeMessage personal(String sender) throws Exception {
    MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
    message.setFrom(new InternetAddress(sender));
    message.setSubject("Postprocessor stops");
    message.setText("Since this morning the DMG post stops.");
    return message;
  }
}
