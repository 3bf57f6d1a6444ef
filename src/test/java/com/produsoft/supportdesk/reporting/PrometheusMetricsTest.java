package com.produsoft.supportdesk.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.produsoft.supportdesk.intake.mail.MailPoller;
import com.produsoft.supportdesk.demo.DemoUsers;
import com.produsoft.supportdesk.platform.mail.EmbeddedMailServer;
import com.produsoft.supportdesk.platform.security.WebClient;
import com.produsoft.supportdesk.ticket.SlaClock;
import com.produsoft.supportdesk.ticket.TicketRepository;
import com.produsoft.supportdesk.ticket.SlaWatch;

/**
 * Issue 9, acceptance 4: {@code /actuator/prometheus} lists the support figures with their labels and values, for
 * managers only (anonymous 401). A ticket registered through the API, an SLA breach recorded by the process step's
 * code, a mail read from a product mailbox and the confirmation mail sent by the job executor each show.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
// Spring Boot tests turn metrics export off unless asked: the Prometheus endpoint is what this test is about.
@AutoConfigureObservability(tracing = false)
class PrometheusMetricsTest {

  private static final String PASSWORD = DemoUsers.PASSWORD;

  @LocalServerPort
  int port;
  @Autowired
  ObjectMapper json;
  @Autowired
  SupportMetrics metrics;
  @Autowired
  SlaWatch slaWatch;
  @Autowired
  TicketRepository tickets;
  @Autowired
  MailPoller poller;
  @Autowired
  EmbeddedMailServer mailServer;

  @Test
  @DisplayName("a registered ticket, its SLA breach, a mail in and the confirmation out show on /actuator/prometheus "
      + "with their labels; the open-ticket gauges after a refresh; anonymous 401, engineer 403")
  void supportMetricsAreScraped() throws Exception {
    WebClient web = new WebClient(port);
    HttpResponse<String> registered = web.post("/api/tickets", "application/json", """
        {"companyName": "Metaalwerken Vandamme", "contactName": "Jan Vandamme",
         "email": "jan.vandamme@vandamme.example", "phone": "+32 50 12 34 56", "product": "EDGECAM",
         "category": "BUG", "productionStopped": true, "language": "nl",
         "description": "Postprocessor output stops after tool change",
         "reproduction": "Open part 4711, generate NC code", "operatingSystem": "Windows 11 23H2"}""",
        null, null, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    String eonNumber = json.readTree(registered.body()).get("eonNumber").asText();
    int priority = tickets.findByEonNumber(eonNumber).orElseThrow().getPriority();
    assertThat(slaWatch.recordBreach(eonNumber, SlaClock.FIRST_RESPONSE, null, null)).isTrue();
    GreenMailUtil.sendTextEmail("visi.support@produsoft.com", "jan.vandamme@vandamme.example",
        "VISI crashes on open", "Since the update VISI crashes when opening a part.",
        mailServer.greenMail().getSmtp().getServerSetup());
    poller.pollAll();
    metrics.refresh();

    String scrape = awaitScrape(web, "support_mails_sent_total ");
    assertThat(scrape)
        .contains("support_tickets_registered_total{category=\"BUG\",channel=\"WEB\",product=\"EDGECAM\"} 1.0")
        .contains("support_tickets_registered_total{category=\"SUPPORT\",channel=\"MAIL\",product=\"VISI\"} 1.0")
        .contains("support_sla_breaches_total{clock=\"FIRST_RESPONSE\",priority=\"" + priority
            + "\",product=\"EDGECAM\"} 1.0")
        .contains("support_mails_received_total{mailbox=\"visi.support@produsoft.com\",outcome=\"TICKET\","
            + "product=\"VISI\"} 1.0")
        .contains("support_tickets_open{priority=\"" + priority + "\",team=\"support-edgecam\"} 1.0")
        .contains("support_mails_failed_total 0.0")
        .containsPattern("support_jobs_due \\d+\\.0")
        .contains("support_jobs_failed 0.0");
    assertThat(value(scrape, "support_mails_sent_total")).as("the confirmation mails").isGreaterThanOrEqualTo(1);

    assertThat(web.get("/actuator/prometheus", null, null).statusCode()).isEqualTo(401);
    assertThat(web.get("/actuator/prometheus", "engineer.edgecam", PASSWORD).statusCode()).isEqualTo(403);
  }

  /** Scrapes until the figure shows a mail sent by the job executor (asynchronous confirmation step). */
  private String awaitScrape(WebClient web, String figure) throws InterruptedException {
    Instant until = Instant.now().plus(Duration.ofSeconds(30));
    while (true) {
      HttpResponse<String> scrape = web.get("/actuator/prometheus", "manager", PASSWORD);
      assertThat(scrape.statusCode()).isEqualTo(200);
      if (value(scrape.body(), figure.strip()) >= 1 || Instant.now().isAfter(until)) {
        return scrape.body();
      }
      Thread.sleep(500);
    }
  }

  private static double value(String scrape, String name) {
    Matcher line = Pattern.compile("(?m)^" + Pattern.quote(name) + " (\\S+)$").matcher(scrape);
    return line.find() ? Double.parseDouble(line.group(1)) : -1;
  }
}
