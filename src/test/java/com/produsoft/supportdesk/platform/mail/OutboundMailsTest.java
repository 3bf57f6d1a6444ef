package com.produsoft.supportdesk.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

/** Issue 19: every mail is written one way, in one layout, with its subject, thread and marks. */
class OutboundMailsTest {

  private static final Path TEMPLATES = Path.of("src/main/resources/mail");

  private final List<MimeMessage> sent = new ArrayList<>();
  private final OutboundMails mails = new OutboundMails(new JavaMailSenderImpl() {
    @Override
    public void send(MimeMessage message) {
      sent.add(message);
    }
  });

  @Test
  @DisplayName("a letter: the template's subject after the case, its text closed by the layout's greetings and sender")
  void letterInTheLayout() throws Exception {
    OutboundMails.Sent mail = mails.send(Mail.from("edgecam.support@produsoft.com", "Produsoft Support Edgecam",
        "supplier/bug-report", Locale.ENGLISH).to("support@hexagon.example")
        .with(Map.of("product", "Edgecam", "summary", "Simulation hangs", "report", "1. Open part.ppf"))
        .about("ESC-2026-7").inThread(List.of("<first@produsoft.com>", "<second@produsoft.com>"))
        .attach(List.of(new Mail.File("part.ppf", null, new byte[] {1, 2, 3}))));

    MimeMessage message = sent.get(0);
    assertThat(message.getSubject()).isEqualTo("[ESC-2026-7] Edgecam bug: Simulation hangs").isEqualTo(mail.subject());
    assertThat(mail.templateSubject()).isEqualTo("Edgecam bug: Simulation hangs");
    assertThat(mail.body()).isEqualTo("1. Open part.ppf\n\nKind regards,\nProdusoft Support Edgecam");
    assertThat(message.getHeader("Message-ID", null)).isEqualTo(mail.messageId())
        .matches("<[0-9a-f-]{36}\\.ESC-2026-7@produsoft\\.com>");
    assertThat(message.getHeader("In-Reply-To", null)).isEqualTo("<second@produsoft.com>");
    assertThat(message.getHeader("References", null)).isEqualTo("<first@produsoft.com> <second@produsoft.com>");
    assertThat(message.getHeader("Auto-Submitted")).as("a report is written by a person").isNull();
    assertThat(((Multipart) message.getContent()).getBodyPart(1).getFileName()).isEqualTo("part.ppf");
  }

  @Test
  @DisplayName("a staff notice in Dutch: the notice's footer, marked automatic so no robot answers it")
  void staffNoticeInDutch() throws Exception {
    Map<String, Object> facts = new HashMap<>(Map.of("firstName", "An", "eonNumber", "EON-2026-00042",
        "companyName", "Vandamme", "contactName", "Jan Vandamme", "phone", "+32 50 12 34 56", "email",
        "jan@vandamme.example", "product", "Edgecam", "firstResponseDue", "07/04/2026 10:30", "description",
        "Postprocessor stopt", "taskUrl", "http://localhost/task"));
    facts.put("preferencesUrl", "http://localhost/staff/preferences");
    OutboundMails.Sent mail = mails.send(Mail.from("edgecam.support@produsoft.com", "Produsoft Support Desk",
        "staff/new-p1", Locale.forLanguageTag("nl")).to("an.maes@produsoft.com").with(facts)
        .about("EON-2026-00042").automatic("auto-generated").closing(Mail.Closing.NOTICE));

    assertThat(mail.subject()).isEqualTo("[EON-2026-00042] Nieuw P1-ticket: Vandamme (Edgecam)");
    assertThat(mail.body()).startsWith("Dag An,").endsWith("Meldingen aan- of uitzetten: "
        + "http://localhost/staff/preferences\n\nProdusoft Support Desk (automatisch bericht: antwoorden op deze mail "
        + "komen nergens aan, werk in Tasklist)");
    assertThat(sent.get(0).getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
    assertThat(sent.get(0).getHeader("X-Loop", null)).isEqualTo(OutboundMails.LOOP_MARKER);
  }

  @Test
  @DisplayName("every template starts with its subject, leaves the closing to the layout, exists in Dutch and English")
  void templatesFollowTheLayout() throws IOException {
    List<Path> templates;
    try (Stream<Path> files = Files.walk(TEMPLATES)) {
      templates = files.filter(file -> file.toString().endsWith(".txt"))
          .filter(file -> !file.getFileName().toString().startsWith("layout_")).toList();
    }
    assertThat(templates).hasSizeGreaterThan(50);
    for (Path template : templates) {
      String text = Files.readString(template, StandardCharsets.UTF_8).strip();
      assertThat(text).as(template.toString()).startsWith("Subject: ");
      assertThat(text).as(template + ": closed by the layout").doesNotContain("Met vriendelijke groeten",
          "Kind regards", "Produsoft Support Desk (");
      String name = template.getFileName().toString();
      if (!template.getParent().endsWith("supplier")) {
        String other = name.endsWith("_nl.txt") ? name.replace("_nl.txt", "_en.txt")
            : name.replace("_en.txt", "_nl.txt");
        assertThat(template.resolveSibling(other)).as(template + " in the other language").exists();
      }
    }
  }
}
