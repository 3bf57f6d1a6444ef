package com.produsoft.supportdesk.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.produsoft.supportdesk.intake.mail.InboundMail;
import com.produsoft.supportdesk.intake.mail.InboundMailRepository;
import com.produsoft.supportdesk.intake.mail.MailPoller;
import com.produsoft.supportdesk.demo.DemoUsers;
import com.produsoft.supportdesk.platform.mail.EmbeddedMailServer;
import com.produsoft.supportdesk.ticket.AttachmentRepository;
import com.produsoft.supportdesk.ticket.Channel;
import com.produsoft.supportdesk.ticket.JournalRepository;
import com.produsoft.supportdesk.ticket.Ticket;
import com.produsoft.supportdesk.ticket.TicketRegistration;
import com.produsoft.supportdesk.ticket.TicketRepository;
import com.produsoft.supportdesk.ticket.TicketService;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * Bad input through every way in: the JSON API, the web form (with its CSRF token, fetched like a browser), the
 * status page and the mail intake (raw MIME delivered to the product mailbox, then polled). Each case ends in a
 * clear 4xx naming the field, a form shown again with the field's error, or a clean refusal of the mail (answered
 * when a person wrote it, never when a machine did), and never in a 5xx nor a partial row: tickets, journal,
 * attachments, process instances and inbound mails are counted around each case. Input that is odd but valid
 * (emoji, right-to-left text, markup, an archive bomb, which is stored and never unpacked) is accepted whole.
 *
 * <p>The limits are lowered here (1 MB per file, 2 MB per registration, 3 mails per sender and day) so that the
 * "too large" and "too many" cases stay cheap; the rules are the production ones.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "support.tickets.registrations-per-minute=100000",
    "support.attachments.max-file-bytes=1048576",
    "support.attachments.max-ticket-bytes=2097152",
    "support.attachments.max-files=5",
    "spring.servlet.multipart.max-file-size=3MB",
    "spring.servlet.multipart.max-request-size=4MB",
    "support.mail.max-mails-per-sender-per-day=3",
    // Only the mailbox the cases write to is polled: six mailboxes per case would triple the time.
    "support.mail.polled-mailboxes=edgecam.support@produsoft.com"})
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputCorpusTest {

  private static final String JSON = "application/json";
  private static final String MAILBOX = "edgecam.support@produsoft.com";
  private static final int MB = 1024 * 1024;
  private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  /** A JSON field left out of the body. */
  private static final Object ABSENT = new Object();

  @LocalServerPort
  int port;
  @Autowired
  TicketRepository tickets;
  @Autowired
  JournalRepository journal;
  @Autowired
  AttachmentRepository attachments;
  @Autowired
  InboundMailRepository inboundMails;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  ManagementService managementService;
  @Autowired
  TicketService ticketService;
  @Autowired
  MailPoller poller;
  @Autowired
  EmbeddedMailServer mailServer;
  @Autowired
  ObjectMapper json;

  private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
  private final AtomicInteger senders = new AtomicInteger();
  private Ticket target;

  @BeforeAll
  void target() {
    target = ticketService.register(new TicketRegistration("Metaalwerken Vandamme", "Jan Vandamme",
        "jan.vandamme@vandamme.example", "+32 50 12 34 56", "EDGECAM", "SUPPORT", "Postprocessor stops", null, null,
        "Windows 11", null, null, false, "en"), Channel.WEB, null).ticket();
    awaitJobs();
  }

  @AfterAll
  void report() {
    Map<String, Long> perChannel = cases().collect(Collectors.groupingBy(Case::channel, LinkedHashMap::new,
        Collectors.counting()));
    System.out.println("BadInputCorpusTest: " + cases().count() + " cases " + perChannel);
  }

  // ---------------------------------------------------------------------------------------------- the cases

  /** What a case must end in. */
  enum Kind {
    /** JSON API: the status, as a problem detail naming the field (if any). */
    PROBLEM,
    /** Web pages: the form again (200) with the field's error next to it; nothing stored. */
    FORM_ERROR,
    /** Web pages: a plain refusal status (404, 413, a redirect to the expired form); nothing stored. */
    REFUSED,
    /** Valid after all: stored whole, once (a ticket, or an update of the target ticket). */
    ACCEPTED,
    /** Mail written by a machine or carrying no sender: recorded as ignored, nothing created, nobody answered. */
    MAIL_IGNORED,
    /** Mail refused (attachments): recorded, nothing created, the sender answered. */
    MAIL_REFUSED,
    /** Mail that makes a ticket (odd but readable). */
    MAIL_TICKET
  }

  /** One request of a channel and what it must end in. */
  record Case(String channel, String name, Request request, Kind kind, int status, String field,
      Consumer<Ticket> check) {
    @Override
    public String toString() {
      return channel + ": " + name + " -> " + switch (kind) {
        case PROBLEM -> status + (field == null ? "" : " naming " + field);
        case FORM_ERROR -> "form error at " + field;
        case REFUSED, ACCEPTED -> status == 0 ? "nothing stored" : kind.name().toLowerCase() + " " + status;
        default -> kind.name().toLowerCase().replace('_', ' ');
      };
    }
  }

  @FunctionalInterface
  interface Request {
    Answer send(BadInputCorpusTest test) throws Exception;
  }

  /** A request's answer; for mail, the sender to look for answers to. */
  record Answer(int status, String body, String mailSender) {
  }

  /** All cases, or those whose name contains {@code -Dcorpus.only=...} (e.g. "mail:") while working on one. */
  static Stream<Case> cases() {
    String only = System.getProperty("corpus.only", "");
    return Stream.of(apiRegistrations(), apiUpdates(), staffApi(), webForm(), statusPageCases(), mailCases())
        .flatMap(List::stream)
        .filter(c -> c.toString().contains(only));
  }

  // -------------------------------------------------------------------------------- JSON API: registrations

  private static Map<String, Object> validRegistration() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("companyName", "Metaalwerken Vandamme");
    body.put("contactName", "Jan Vandamme");
    body.put("email", "jan.vandamme@vandamme.example");
    body.put("phone", "+32 50 12 34 56");
    body.put("product", "EDGECAM");
    body.put("category", "BUG");
    body.put("productionStopped", false);
    body.put("language", "en");
    body.put("description", "Postprocessor output stops after tool change");
    body.put("reproduction", "Open part 4711");
    body.put("thirdPartySoftware", "SolidWorks 2025");
    body.put("operatingSystem", "Windows 11 23H2");
    body.put("impact", "One machine waits");
    body.put("earlierCallNumbers", List.of("EON-2026-00001"));
    return body;
  }

  /** The valid registration with some fields replaced ({@link #ABSENT} leaves one out). */
  private static String registration(Object... replaced) {
    Map<String, Object> body = validRegistration();
    for (int i = 0; i < replaced.length; i += 2) {
      if (replaced[i + 1] == ABSENT) {
        body.remove((String) replaced[i]);
      } else {
        body.put((String) replaced[i], replaced[i + 1]);
      }
    }
    try {
      return new ObjectMapper().writeValueAsString(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Case api(String name, String contentType, String body, int status, String field) {
    return new Case("API register", name, t -> t.post("/api/tickets", contentType, body, null, Map.of()),
        Kind.PROBLEM, status, field, null);
  }

  private static Case apiAccepted(String name, String body, Consumer<Ticket> check) {
    return new Case("API register", name, t -> t.post("/api/tickets", JSON, body, null, Map.of()), Kind.ACCEPTED,
        201, null, check);
  }

  private static final Map<String, Integer> LIMITS = limits();

  private static Map<String, Integer> limits() {
    Map<String, Integer> limits = new LinkedHashMap<>();
    limits.put("companyName", 200);
    limits.put("contactName", 200);
    limits.put("description", 20_000);
    limits.put("reproduction", 20_000);
    limits.put("thirdPartySoftware", 500);
    limits.put("operatingSystem", 200);
    limits.put("impact", 2_000);
    return limits;
  }

  private static final List<String> REQUIRED = List.of("companyName", "contactName", "email", "phone", "product",
      "category", "description", "productionStopped");
  private static final List<String> REQUIRED_TEXT = List.of("companyName", "contactName", "email", "phone",
      "product", "category", "description");
  private static final List<String> ONE_LINE_FIELDS = List.of("companyName", "contactName", "thirdPartySoftware",
      "operatingSystem");
  private static final List<String> TEXT_FIELDS = List.of("description", "reproduction", "impact");

  static List<Case> apiRegistrations() {
    List<Case> cases = new ArrayList<>();
    for (String field : REQUIRED) {
      cases.add(api("missing " + field, JSON, registration(field, ABSENT), 400, field));
      cases.add(api("null " + field, JSON, registration(field, null), 400, field));
    }
    for (String field : REQUIRED_TEXT) {
      cases.add(api("blank " + field, JSON, registration(field, " \t "), 400, field));
    }
    LIMITS.forEach((field, max) -> {
      cases.add(api(field + " one over " + max + " characters", JSON, registration(field, "x".repeat(max + 1)), 400,
          field));
    });
    cases.add(api("email of 300 characters", JSON, registration("email", "a".repeat(290) + "@example.be"), 400,
        "email"));
    cases.add(api("phone of 41 digits", JSON, registration("phone", "0".repeat(41)), 400, "phone"));
    for (String product : List.of("AUTOCAD", "edgecam", "EDGECAM ", "", "VISI|WORKNC", "EDGE\u0000CAM")) {
      cases.add(api("product '" + printable(product) + "'", JSON, registration("product", product), 400, "product"));
    }
    for (String category : List.of("FEATURE", "bug", "BUG;DROP TABLE ticket", "SUPPORT\n")) {
      cases.add(api("category '" + printable(category) + "'", JSON, registration("category", category), 400,
          "category"));
    }
    for (String language : List.of("fr", "NL", "nederlands", "")) {
      cases.add(api("language '" + language + "'", JSON, registration("language", language), 400, "language"));
    }
    for (String email : List.of("not-an-address", "jan@", "@vandamme.example", "jan@@vandamme.example",
        "jan vandamme@vandamme.example", "<script>@x.be", "jan@vandamme.example\r\nBcc: all@x.be")) {
      cases.add(api("email '" + printable(email) + "'", JSON, registration("email", email), 400, "email"));
    }
    for (String phone : List.of("call me", "+32 50 12 34 56<script>", "12345", "+32\u000050")) {
      cases.add(api("phone '" + printable(phone) + "'", JSON, registration("phone", phone), 400, "phone"));
    }
    // Wrong types
    cases.add(api("productionStopped as text 'yes'", JSON, registration("productionStopped", "yes"), 400,
        "productionStopped"));
    cases.add(api("productionStopped as object", JSON, registration("productionStopped", Map.of("a", 1)), 400,
        "productionStopped"));
    cases.add(api("companyName as object", JSON, registration("companyName", Map.of("name", "x")), 400,
        "companyName"));
    cases.add(api("companyName as list", JSON, registration("companyName", List.of("a", "b")), 400, "companyName"));
    cases.add(api("description as list", JSON, registration("description", List.of("a")), 400, "description"));
    cases.add(api("earlierCallNumbers as one string", JSON, registration("earlierCallNumbers", "EON-2026-00001"),
        400, "earlierCallNumbers"));
    cases.add(api("earlierCallNumbers with a number", JSON, registration("earlierCallNumbers", List.of(42)), 400,
        "earlierCallNumbers"));
    cases.add(api("earlierCallNumbers with null", JSON, registration("earlierCallNumbers",
        java.util.Arrays.asList("EON-2026-00001", null)), 400, "earlierCallNumbers"));
    cases.add(api("earlierCallNumbers with a script", JSON, registration("earlierCallNumbers",
        List.of("<script>alert(1)</script>")), 400, "earlierCallNumbers"));
    cases.add(api("21 earlierCallNumbers", JSON, registration("earlierCallNumbers",
        IntStream.range(0, 21).mapToObj(i -> "EON-2026-%05d".formatted(i)).toList()), 400, "earlierCallNumbers"));
    cases.add(api("earlierCallNumbers as object", JSON, registration("earlierCallNumbers", Map.of("a", "b")), 400,
        "earlierCallNumbers"));
    // Control characters, null bytes, broken UTF-16
    for (String field : ONE_LINE_FIELDS) {
      cases.add(api("null byte in " + field, JSON, registration(field, "Metaal\u0000werken"), 400, field));
      cases.add(api("line break in " + field, JSON, registration(field, "Metaal\nwerken"), 400, field));
    }
    for (String field : TEXT_FIELDS) {
      cases.add(api("null byte in " + field, JSON, registration(field, "stops\u0000after"), 400, field));
      cases.add(api("escape sequence in " + field, JSON, registration(field, "stops \u001b[31mred"), 400, field));
      // Escaped in the JSON, as a client sends it: the raw character would not survive UTF-8.
      cases.add(api("lone surrogate in " + field, JSON, registration(field, "stops LONE after")
          .replace("LONE", "\\ud800"), 400, field));
    }
    cases.add(api("bell in contactName", JSON, registration("contactName", "Jan\u0007"), 400, "contactName"));
    cases.add(api("DEL in companyName", JSON, registration("companyName", "Metaal\u007f"), 400, "companyName"));
    cases.add(api("C1 control (NEL) in companyName", JSON, registration("companyName", "Metaal\u0085"), 400,
        "companyName"));
    // Broken JSON
    cases.add(api("empty body", JSON, "", 400, null));
    cases.add(api("truncated JSON", JSON, registration().substring(0, 40), 400, null));
    cases.add(api("not JSON at all", JSON, "companyName=Vandamme", 400, null));
    cases.add(api("JSON list instead of object", JSON, "[" + registration() + "]", 400, null));
    cases.add(api("JSON null", JSON, "null", 400, null));
    cases.add(api("JSON string", JSON, "\"ticket\"", 400, null));
    cases.add(api("single quotes", JSON, registration().replace('"', '\''), 400, null));
    cases.add(api("comments in JSON", JSON, "/* x */" + registration(), 400, null));
    cases.add(api("trailing garbage", JSON, registration() + "}}", 400, null));
    cases.add(api("NaN as productionStopped", JSON, registration().replace("\"productionStopped\":false",
        "\"productionStopped\":NaN"), 400, null));
    cases.add(api("5000 nested lists", JSON, "[".repeat(5000) + "]".repeat(5000), 400, null));
    cases.add(new Case("API register", "invalid UTF-8 bytes", t -> t.postBytes("/api/tickets", registration(
        "companyName", "Caf\u00e9").getBytes(StandardCharsets.ISO_8859_1)), Kind.PROBLEM, 400, null, null));
    cases.add(api("unterminated string", JSON, "{\"companyName\": \"Vandamme", 400, null));
    // Wrong content types
    cases.add(api("text/plain", "text/plain", registration(), 415, null));
    cases.add(api("application/xml", "application/xml", "<ticket/>", 415, null));
    cases.add(api("form-urlencoded", "application/x-www-form-urlencoded", "companyName=Vandamme", 415, null));
    cases.add(api("multipart without parts", "multipart/form-data; boundary=x", "--x--", 415, null));
    cases.add(api("no content type", null, registration(), 415, null));
    cases.add(api("content type garbage", "x/y; charset=\u00ff", registration(), 415, null));
    // Too large
    cases.add(api("body over 64 kB", JSON, registration("description", "x".repeat(70_000)), 413, null));
    cases.add(new Case("API register", "body over 64 kB without Content-Length (chunked)",
        t -> t.postChunked("/api/tickets", registration("description", "x".repeat(70_000))), Kind.PROBLEM, 413, null,
        null));
    // Idempotency-Key
    cases.add(new Case("API register", "Idempotency-Key of 3 characters", t -> t.post("/api/tickets", JSON,
        registration(), null, Map.of("Idempotency-Key", "abc")), Kind.PROBLEM, 400, "idempotencyKey", null));
    cases.add(new Case("API register", "Idempotency-Key of 101 characters", t -> t.post("/api/tickets", JSON,
        registration(), null, Map.of("Idempotency-Key", "k".repeat(101))), Kind.PROBLEM, 400, "idempotencyKey", null));
    cases.add(new Case("API register", "Idempotency-Key reused for another registration", t -> {
      String key = UUID.randomUUID().toString();
      t.post("/api/tickets", JSON, registration(), null, Map.of("Idempotency-Key", key));
      t.awaitJobs();
      t.snapshot();
      return t.post("/api/tickets", JSON, registration("description", "Another problem"), null,
          Map.of("Idempotency-Key", key));
    }, Kind.PROBLEM, 422, null, null));
    // Methods the public may not use
    cases.add(new Case("API register", "PUT /api/tickets", t -> t.send("PUT", "/api/tickets", JSON, registration(),
        null, Map.of()), Kind.PROBLEM, 401, null, null));
    cases.add(new Case("API register", "DELETE /api/tickets/{target}", t -> t.send("DELETE", "/api/tickets/"
        + t.target.getEonNumber(), null, null, null, Map.of()), Kind.PROBLEM, 401, null, null));
    // Odd but valid: stored whole
    cases.add(apiAccepted("companyName of exactly 200 characters", registration("companyName", "V".repeat(200)),
        ticket -> assertThat(ticket.getCompanyName()).hasSize(200)));
    cases.add(apiAccepted("emoji and accents", registration("description", "Crash \uD83D\uDCA5 na \u00e9\u00e9n klik \u2014 \uD83D\uDE2D"),
        ticket -> assertThat(ticket.getDescription()).isEqualTo("Crash \uD83D\uDCA5 na \u00e9\u00e9n klik \u2014 \uD83D\uDE2D")));
    cases.add(apiAccepted("right-to-left text", registration("contactName", "\u05d9\u05e2\u05e7\u05d1 \u05db\u05d4\u05df",
        "description", "\u0627\u0644\u0628\u0631\u0646\u0627\u0645\u062c \u064a\u062a\u0648\u0642\u0641"),
        ticket -> assertThat(ticket.getContactName()).isEqualTo("\u05d9\u05e2\u05e7\u05d1 \u05db\u05d4\u05df")));
    cases.add(apiAccepted("right-to-left override in companyName", registration("companyName", "Vandamme \u202egpj.exe"),
        ticket -> assertThat(ticket.getCompanyName()).isEqualTo("Vandamme \u202egpj.exe")));
    cases.add(apiAccepted("script in description (stored as text)", registration("description",
        "<script>alert('x')</script><img src=x onerror=alert(1)>"),
        ticket -> assertThat(ticket.getDescription()).startsWith("<script>")));
    cases.add(apiAccepted("SQL in companyName (stored as text)", registration("companyName",
        "Robert'); DROP TABLE ticket;--"),
        ticket -> assertThat(ticket.getCompanyName()).isEqualTo("Robert'); DROP TABLE ticket;--")));
    cases.add(apiAccepted("tabs and line breaks in description", registration("description", "line 1\r\n\tline 2"),
        ticket -> assertThat(ticket.getDescription()).isEqualTo("line 1\r\n\tline 2")));
    cases.add(apiAccepted("status and priority smuggled in (ignored)", registration("status", "CLOSED",
        "priority", 1, "underContract", true, "statusToken", "mine"), ticket -> {
          assertThat(ticket.getStatus().name()).isNotEqualTo("CLOSED");
          assertThat(ticket.getStatusToken()).isNotEqualTo("mine");
        }));
    return cases;
  }

  // ------------------------------------------------------------------------------------ JSON API: updates

  private static Case update(String name, String contentType, String body, int status, String field) {
    return new Case("API update", name, t -> t.post("/api/tickets/" + t.target.getEonNumber() + "/updates",
        contentType, body, "engineer.edgecam", Map.of()), Kind.PROBLEM, status, field, null);
  }

  static List<Case> apiUpdates() {
    List<Case> cases = new ArrayList<>();
    cases.add(update("missing type", JSON, "{\"message\": \"x\"}", 400, "type"));
    cases.add(update("missing message", JSON, "{\"type\": \"INFO\"}", 400, "message"));
    cases.add(update("type URGENT", JSON, "{\"type\": \"URGENT\", \"message\": \"x\"}", 400, "type"));
    cases.add(update("type in lower case", JSON, "{\"type\": \"info\", \"message\": \"x\"}", 400, "type"));
    cases.add(update("type as number", JSON, "{\"type\": 3, \"message\": \"x\"}", 400, "type"));
    cases.add(update("blank message", JSON, "{\"type\": \"INFO\", \"message\": \"  \"}", 400, "message"));
    cases.add(update("message over 20000 characters", JSON, "{\"type\": \"INFO\", \"message\": \""
        + "x".repeat(20_001) + "\"}", 400, "message"));
    cases.add(update("null byte in message", JSON, "{\"type\": \"INFO\", \"message\": \"a\\u0000b\"}", 400,
        "message"));
    cases.add(update("broken JSON", JSON, "{\"type\": \"INFO\", ", 400, null));
    cases.add(update("text/plain", "text/plain", "{\"type\": \"INFO\", \"message\": \"x\"}", 415, null));
    cases.add(new Case("API update", "unknown EON number", t -> t.post("/api/tickets/EON-1999-00001/updates", JSON,
        "{\"type\": \"INFO\", \"message\": \"x\"}", "engineer.edgecam", Map.of()), Kind.PROBLEM, 404, null, null));
    // Refused by the servlet container before it reaches the API (encoded slashes)
    cases.add(new Case("API update", "EON number with path traversal", t -> t.post(
        "/api/tickets/..%2F..%2Fetc%2Fpasswd/updates", JSON, "{\"type\": \"INFO\", \"message\": \"x\"}",
        "engineer.edgecam", Map.of()), Kind.REFUSED, 400, null, null));
    cases.add(new Case("API update", "EON number of 5000 characters", t -> t.post("/api/tickets/" + "E".repeat(5000)
        + "/updates", JSON, "{\"type\": \"INFO\", \"message\": \"x\"}", "engineer.edgecam", Map.of()),
        Kind.PROBLEM, 404, null, null));
    cases.add(new Case("API update", "emoji and right-to-left text (accepted)", t -> t.post("/api/tickets/"
        + t.target.getEonNumber() + "/updates", JSON, "{\"type\": \"INFO\", \"message\": \"\u05e9\u05dc\u05d5\u05dd \uD83D\uDC4D\"}",
        "engineer.edgecam", Map.of()), Kind.ACCEPTED, 202, null, null));
    return cases;
  }

  // -------------------------------------------------------------------------------------- other staff API

  private static Case staff(String name, String method, String path, String user, String body, int status,
      String field) {
    return new Case("API staff", name, t -> t.send(method, path, body == null ? null : JSON, body, user, Map.of()),
        Kind.PROBLEM, status, field, null);
  }

  static List<Case> staffApi() {
    String sale = "{\"customerVat\": \"BE 0829.440.367\", \"purchaseDate\": \"%s\", \"licences\": %s}";
    String radan = "[{\"product\": \"RADAN\", \"licenceNumber\": \"RD-990001\", \"dongleNumber\": \"DNG-990001\"}]";
    List<Case> cases = new ArrayList<>(List.of(
        staff("licence sale: empty object", "POST", "/api/contracts", "clerk", "{}", 400, "customerId"),
        staff("licence sale: date 2026-13-45", "POST", "/api/contracts", "clerk", sale.formatted("2026-13-45", radan),
            400, "purchaseDate"),
        staff("licence sale: date in the future", "POST", "/api/contracts", "clerk", sale.formatted("2999-01-01",
            radan), 400, "purchaseDate"),
        staff("licence sale: no licences", "POST", "/api/contracts", "clerk", sale.formatted("2026-01-05", "[]"), 400,
            "licences"),
        staff("licence sale: licences as object", "POST", "/api/contracts", "clerk", sale.formatted("2026-01-05",
            "{\"a\": 1}"), 400, "licences"),
        staff("licence sale: unknown product", "POST", "/api/contracts", "clerk", sale.formatted("2026-01-05",
            radan.replace("RADAN", "AUTOCAD")), 400, "licences[0].product"),
        staff("licence sale: broken JSON", "POST", "/api/contracts", "clerk", "{\"customerVat\": ", 400, null),
        staff("cancellation: channel PIGEON", "POST", "/api/contracts/MC-1999-999/cancellation", "clerk",
            "{\"channel\": \"PIGEON\"}", 400, "channel"),
        staff("cancellation: receivedOn 'yesterday'", "POST", "/api/contracts/MC-1999-999/cancellation", "clerk",
            "{\"receivedOn\": \"yesterday\"}", 400, "receivedOn"),
        staff("cancellation: unknown contract", "POST", "/api/contracts/MC-1999-999/cancellation", "clerk",
            "{\"channel\": \"MAIL\"}", 404, null),
        staff("proof of renewal: date 'soon'", "GET", "/api/contracts/MC-1999-999/proofs/soon", "clerk", null, 400,
            null),
        staff("release: empty object", "POST", "/api/releases", "clerk", "{}", 400, "product"),
        staff("release: date 'next week'", "POST", "/api/releases", "clerk",
            "{\"product\": \"EDGECAM\", \"version\": \"2099.1\", \"date\": \"next week\"}", 400, "date"),
        staff("release: unknown product", "POST", "/api/releases", "clerk",
            "{\"product\": \"AUTOCAD\", \"version\": \"2099.1\", \"date\": \"2026-03-10\"}", 400, null),
        staff("release: supplier bug ids as text", "POST", "/api/releases", "clerk",
            "{\"product\": \"EDGECAM\", \"version\": \"2099.2\", \"date\": \"2026-03-10\", \"supplierBugIds\": [\"x\"]}",
            400, "supplierBugIds[0]"),
        staff("release: unknown supplier bug", "POST", "/api/releases", "clerk",
            "{\"product\": \"EDGECAM\", \"version\": \"2099.3\", \"date\": \"2026-03-10\", \"supplierBugIds\": [999999]}",
            400, null),
        staff("release: version of 300 characters", "POST", "/api/releases", "clerk",
            "{\"product\": \"EDGECAM\", \"version\": \"" + "9".repeat(300) + "\", \"date\": \"2026-03-10\"}", 400,
            "version"),
        staff("licence request: empty object", "POST", "/api/licence-requests", "lead", "{}", 400, null),
        staff("licence request: reason BORED", "POST", "/api/licence-requests", "lead",
            "{\"contactEmail\": \"jan.vandamme@vandamme.example\", \"licenceNumbers\": [\"EC-418207\"], \"reason\": \"BORED\"}",
            400, "reason"),
        staff("licence request: unknown licence", "POST", "/api/licence-requests", "lead",
            "{\"contactEmail\": \"jan.vandamme@vandamme.example\", \"licenceNumbers\": [\"XX-1\"], \"reason\": \"DEFECT\", \"oldHardware\": \"a\", \"newHardware\": \"b\"}",
            400, null),
        staff("licence request: id 'abc'", "GET", "/api/licence-requests/abc", "lead", null, 400, null),
        staff("quote answer: accepted 'maybe'", "POST", "/api/licence-requests/1/quote-answer", "lead",
            "{\"accepted\": \"maybe\"}", 400, "accepted"),
        staff("user day: empty object", "POST", "/api/user-days", "coordinator", "{}", 400, "day"),
        staff("user day: in the past", "POST", "/api/user-days", "coordinator",
            "{\"day\": \"2020-01-01\", \"seats\": 10, \"place\": \"Kortrijk\", \"programme\": \"x\", \"feeForOthers\": 0}",
            400, null),
        staff("user day: no seats", "POST", "/api/user-days", "coordinator",
            "{\"day\": \"2099-01-01\", \"seats\": 0, \"place\": \"Kortrijk\", \"programme\": \"x\", \"feeForOthers\": 0}",
            400, "seats"),
        staff("user day: seats 'many'", "POST", "/api/user-days", "coordinator",
            "{\"day\": \"2099-01-01\", \"seats\": \"many\", \"place\": \"Kortrijk\", \"programme\": \"x\", \"feeForOthers\": 0}",
            400, "seats"),
        staff("user day: negative fee", "POST", "/api/user-days", "coordinator",
            "{\"day\": \"2099-01-01\", \"seats\": 5, \"place\": \"Kortrijk\", \"programme\": \"x\", \"feeForOthers\": -1}",
            400, "feeForOthers"),
        staff("user day: place of 201 characters", "POST", "/api/user-days", "coordinator",
            "{\"day\": \"2099-01-01\", \"seats\": 5, \"place\": \"" + "K".repeat(201)
                + "\", \"programme\": \"x\", \"feeForOthers\": 0}", 400, "place"),
        staff("training registration: unknown session", "POST", "/api/trainings/999999/registrations", "coordinator",
            "{\"companyName\": \"A\", \"contactName\": \"B\", \"email\": \"b@a.be\", \"persons\": 1}", 404, null),
        staff("training registration: 0 persons", "POST", "/api/trainings/999999/registrations", "coordinator",
            "{\"companyName\": \"A\", \"contactName\": \"B\", \"email\": \"b@a.be\", \"persons\": 0}", 400, "persons"),
        staff("training: id 'abc'", "GET", "/api/trainings/abc", "coordinator", null, 400, null),
        staff("contract report: from 'x'", "GET", "/api/reports/contracts?from=x&to=2026-12-31", "manager", null, 400,
            "from"),
        staff("contract report: from missing", "GET", "/api/reports/contracts?to=2026-12-31", "manager", null, 400,
            "from"),
        staff("deadlines: days -1", "GET", "/api/reports/contracts/deadlines?days=-1", "manager", null, 400, "days"),
        staff("deadlines: days 100000", "GET", "/api/reports/contracts/deadlines?days=100000", "manager", null, 400,
            "days"),
        staff("deadlines: days 'soon'", "GET", "/api/reports/contracts/deadlines?days=soon", "manager", null, 400,
            "days")));
    return cases;
  }

  // --------------------------------------------------------------------------------------------- web form

  private static Map<String, String> validForm() {
    Map<String, String> form = new LinkedHashMap<>();
    validRegistration().forEach((name, value) -> {
      if (!name.equals("language")) {
        form.put(name, value instanceof List<?> list ? list.get(0).toString() : value.toString());
      }
    });
    return form;
  }

  private static Map<String, String> form(String... replaced) {
    Map<String, String> form = validForm();
    for (int i = 0; i < replaced.length; i += 2) {
      if (replaced[i + 1] == null) {
        form.remove(replaced[i]);
      } else {
        form.put(replaced[i], replaced[i + 1]);
      }
    }
    return form;
  }

  private static Case web(String name, Map<String, String> fields, List<Upload> files, String errorField) {
    return new Case("web form", name, t -> t.postForm("/support", "/support", fields, files), Kind.FORM_ERROR, 200,
        errorField, null);
  }

  private static Case webAccepted(String name, Map<String, String> fields, List<Upload> files,
      Consumer<Ticket> check) {
    return new Case("web form", name, t -> t.postForm("/support", "/support", fields, files), Kind.ACCEPTED, 302,
        null, check);
  }

  /** A file to upload: name, content type, content. */
  record Upload(String name, String contentType, byte[] content) {
    static Upload of(String name, byte[] content) {
      return new Upload(name, "application/octet-stream", content);
    }
  }

  private static final byte[] PE = bytes("MZ\u0090\u0000\u0003 This program cannot be run in DOS mode");
  private static final byte[] ELF = {0x7F, 'E', 'L', 'F', 2, 1, 1, 0};
  private static final byte[] MACH_O = {(byte) 0xCF, (byte) 0xFA, (byte) 0xED, (byte) 0xFE, 7, 0, 0, 1};
  private static final byte[] SCRIPT = bytes("#!/bin/sh\nrm -rf /\n");
  private static final byte[] TEXT = bytes("log line 1\nlog line 2\n");

  static List<Case> webForm() {
    List<Case> cases = new ArrayList<>();
    for (String field : REQUIRED) {
      cases.add(web("missing " + field, form(field, null), List.of(), field));
    }
    for (String field : List.of("companyName", "contactName", "email", "phone", "description")) {
      cases.add(web("blank " + field, form(field, "   "), List.of(), field));
    }
    LIMITS.forEach((field, max) -> cases.add(web(field + " one over " + max + " characters",
        form(field, "x".repeat(max + 1)), List.of(), field)));
    cases.add(web("product AUTOCAD", form("product", "AUTOCAD"), List.of(), "product"));
    cases.add(web("category FEATURE", form("category", "FEATURE"), List.of(), "category"));
    cases.add(web("productionStopped 'maybe'", form("productionStopped", "maybe"), List.of(), "productionStopped"));
    cases.add(web("email 'jan@'", form("email", "jan@"), List.of(), "email"));
    cases.add(web("email with header injection", form("email", "jan@vandamme.example\r\nBcc: x@y.be"), List.of(),
        "email"));
    cases.add(web("phone 'call me'", form("phone", "call me"), List.of(), "phone"));
    cases.add(web("earlier call number '42'", form("earlierCallNumbers", "42"), List.of(), "earlierCallNumbers"));
    cases.add(web("21 earlier call numbers", form("earlierCallNumbers", IntStream.range(0, 21)
        .mapToObj(i -> "EON-2026-%05d".formatted(i)).collect(Collectors.joining(" "))), List.of(),
        "earlierCallNumbers"));
    for (String field : ONE_LINE_FIELDS) {
      cases.add(web("null byte in " + field, form(field, "Metaal\u0000werken"), List.of(), field));
    }
    cases.add(web("escape sequence in description", form("description", "red \u001b[31m"), List.of(), "description"));
    cases.add(web("line break in companyName", form("companyName", "Metaal\r\nwerken"), List.of(), "companyName"));
    // Files (C4.7)
    cases.add(web("program setup.exe", form(), List.of(Upload.of("setup.exe", PE)), "attachments"));
    cases.add(web("program renamed to manual.pdf", form(), List.of(Upload.of("manual.pdf", PE)), "attachments"));
    cases.add(web("ELF binary renamed to data.dat", form(), List.of(Upload.of("data.dat", ELF)), "attachments"));
    cases.add(web("Mach-O binary renamed to part.step", form(), List.of(Upload.of("part.step", MACH_O)),
        "attachments"));
    cases.add(web("shell script renamed to notes.txt", form(), List.of(Upload.of("notes.txt", SCRIPT)),
        "attachments"));
    cases.add(web("right-to-left override hiding .exe", form(), List.of(Upload.of("photo\u202egnp.exe", TEXT)),
        "attachments"));
    cases.add(web("upper-case SETUP.EXE", form(), List.of(Upload.of("SETUP.EXE", TEXT)), "attachments"));
    cases.add(web("script with trailing dot and space 'run.bat. '", form(), List.of(Upload.of("run.bat. ", TEXT)),
        "attachments"));
    cases.add(web("VBScript", form(), List.of(Upload.of("invoice.vbs", TEXT)), "attachments"));
    cases.add(web("PowerShell", form(), List.of(Upload.of("fix.ps1", TEXT)), "attachments"));
    cases.add(web("Java archive", form(), List.of(Upload.of("tool.jar", TEXT)), "attachments"));
    cases.add(web("shortcut .lnk", form(), List.of(Upload.of("readme.lnk", TEXT)), "attachments"));
    cases.add(web("file over 1 MB", form(), List.of(Upload.of("part.step", new byte[MB + 1])), "attachments"));
    cases.add(web("files over 2 MB together", form(), List.of(Upload.of("a.step", new byte[MB - 10]),
        Upload.of("b.step", new byte[MB - 10]), Upload.of("c.step", new byte[MB - 10])), "attachments"));
    cases.add(web("6 files (limit 5)", form(), IntStream.range(0, 6).mapToObj(i -> Upload.of("log" + i + ".txt",
        TEXT)).toList(), "attachments"));
    cases.add(web("file without a name but with content", form(), List.of(Upload.of("", TEXT)), "attachments"));
    cases.add(new Case("web form", "upload over the multipart limit (5 MB)", t -> t.postForm("/support", "/support",
        form(), List.of(Upload.of("huge.step", new byte[5 * MB]))), Kind.REFUSED, 413, null, null));
    cases.add(new Case("web form", "no CSRF token", t -> t.postFormWithToken("/support", form(), null),
        Kind.REFUSED, 302, null, null));
    cases.add(new Case("web form", "JSON instead of the form", t -> t.post("/support", JSON, registration(), null,
        Map.of()), Kind.REFUSED, 302, null, null));
    cases.add(new Case("web form", "multipart with a broken boundary", t -> t.post("/support",
        "multipart/form-data; boundary=abc", "--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n",
        null, Map.of()), Kind.REFUSED, 302, null, null));
    // Odd but valid: stored whole, shown as text
    cases.add(webAccepted("emoji and right-to-left text", form("contactName", "\u05d9\u05e2\u05e7\u05d1 \uD83D\uDE00",
        "description", "Crash \uD83D\uDCA5 \u0627\u0644\u0628\u0631\u0646\u0627\u0645\u062c"), List.of(),
        ticket -> assertThat(ticket.getContactName()).isEqualTo("\u05d9\u05e2\u05e7\u05d1 \uD83D\uDE00")));
    cases.add(webAccepted("script and markup in every text field", form("companyName", "<b>Vandamme</b>",
        "description", "<script>alert(1)</script>", "impact", "<iframe src=//evil>"), List.of(),
        ticket -> assertThat(ticket.getDescription()).isEqualTo("<script>alert(1)</script>")));
    cases.add(webAccepted("archive bomb (stored as it came, never unpacked)", form(),
        List.of(new Upload("logs.zip", "application/zip", zipBomb())),
        ticket -> assertThat(ticket.getEonNumber()).isNotBlank()));
    cases.add(webAccepted("file name with a path and 300 characters", form(), List.of(Upload.of("..\\..\\"
        + "n".repeat(300) + ".log", TEXT)), ticket -> assertThat(ticket.getEonNumber()).isNotBlank()));
    cases.add(webAccepted("content type of 300 characters (stored as octet-stream)", form(), List.of(
        new Upload("trace.log", "text/" + "x".repeat(300), TEXT)), ticket -> assertThat(ticket.getEonNumber()).isNotBlank()));
    // The container refuses a part's headers over 512 bytes before anybody reads them.
    cases.add(new Case("web form", "content type of 600 characters", t -> t.postForm("/support", "/support", form(),
        List.of(new Upload("trace.log", "text/" + "x".repeat(600), TEXT))), Kind.REFUSED, 413, null, null));
    cases.add(webAccepted("idempotency key that is no key (dropped)", form("idempotencyKey", "<script>"), List.of(),
        ticket -> assertThat(ticket.getEonNumber()).isNotBlank()));
    return cases;
  }

  // ------------------------------------------------------------------------------------------ status page

  private static Case status(String name, Map<String, String> fields, List<Upload> files, String errorField) {
    return new Case("status page", name, t -> t.postForm(t.statusPage(), t.statusPage(), fields, files),
        Kind.FORM_ERROR, 200, errorField, null);
  }

  static List<Case> statusPageCases() {
    Map<String, String> info = Map.of("type", "INFO", "message", "More news");
    List<Case> cases = new ArrayList<>(List.of(
        status("missing type", Map.of("message", "x"), List.of(), "type"),
        status("type URGENT", Map.of("type", "URGENT", "message", "x"), List.of(), "type"),
        status("missing message", Map.of("type", "INFO"), List.of(), "message"),
        status("blank message", Map.of("type", "INFO", "message", "   "), List.of(), "message"),
        status("message over 20000 characters", Map.of("type", "INFO", "message", "x".repeat(20_001)), List.of(),
            "message"),
        status("null byte in message", Map.of("type", "INFO", "message", "a\u0000b"), List.of(), "message"),
        status("program renamed to log.txt", info, List.of(Upload.of("log.txt", PE)), "attachments"),
        status("file over 1 MB", info, List.of(Upload.of("part.step", new byte[MB + 1])), "attachments"),
        new Case("status page", "unknown token", t -> t.postForm("/support", "/support/status/no-such-token", info,
            List.of()), Kind.REFUSED, 404, null, null),
        new Case("status page", "token of 2000 characters", t -> t.postForm("/support", "/support/status/"
            + "t".repeat(2000), info, List.of()), Kind.REFUSED, 404, null, null),
        new Case("status page", "EON number instead of the token", t -> t.postForm("/support", "/support/status/"
            + t.target.getEonNumber(), info, List.of()), Kind.REFUSED, 404, null, null),
        new Case("status page", "no CSRF token", t -> t.postFormWithToken(t.statusPage(), info, null), Kind.REFUSED,
            302, null, null),
        new Case("status page", "emoji news (accepted)", t -> t.postForm(t.statusPage(), t.statusPage(),
            Map.of("type", "INFO", "message", "Opgelost? \uD83E\uDD1E \u05db\u05df"), List.of()), Kind.ACCEPTED, 302,
            null, null)));
    return cases;
  }

  // -------------------------------------------------------------------------------------------------- mail

  private static Case mail(String name, Kind kind, String headers, String body) {
    return new Case("mail", name, t -> t.deliver(headers, bytes(body)), kind, 0, null, null);
  }

  private static Case mailBytes(String name, Kind kind, String headers, byte[] body) {
    return new Case("mail", name, t -> t.deliver(headers, body), kind, 0, null, null);
  }

  /** A multipart mail with one attachment, base64. */
  private static String withAttachment(String fileName, String contentType, byte[] content) {
    return "--b1\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nSee the file.\r\n"
        + "--b1\r\nContent-Type: " + contentType + "; name=\"" + fileName + "\"\r\n"
        + "Content-Disposition: attachment; filename=\"" + fileName + "\"\r\n"
        + "Content-Transfer-Encoding: base64\r\n\r\n" + Base64.getMimeEncoder().encodeToString(content) + "\r\n"
        + "--b1--\r\n";
  }

  private static final String MULTIPART = "Content-Type: multipart/mixed; boundary=\"b1\"\r\nMIME-Version: 1.0\r\n";

  static List<Case> mailCases() {
    List<Case> cases = new ArrayList<>();
    String plain = "Content-Type: text/plain; charset=UTF-8\r\n";
    // Mail loops and machines (RFC 3834, 2076, 3464): recorded, never answered
    for (String header : List.of("Auto-Submitted: auto-replied", "Auto-Submitted: auto-generated",
        "Auto-Submitted: auto-notified", "Precedence: bulk", "Precedence: junk", "Precedence: list",
        "Precedence: auto_reply", "X-Loop: edgecam.support@produsoft.com", "X-Autoreply: yes", "X-Autorespond: yes",
        "X-Auto-Response-Suppress: All", "List-Id: <users.lists.example>",
        "List-Unsubscribe: <mailto:leave@lists.example>", "Feedback-ID: 1:campaign:esp", "Return-Path: <>")) {
      cases.add(mail("header " + header, Kind.MAIL_IGNORED, plain + header + "\r\n", "I am out of office."));
    }
    cases.add(mail("delivery report (multipart/report)", Kind.MAIL_IGNORED,
        "Content-Type: multipart/report; report-type=delivery-status; boundary=\"r\"\r\n",
        "--r\r\nContent-Type: text/plain\r\n\r\nDelivery failed.\r\n--r--\r\n"));
    for (String from : List.of("MAILER-DAEMON@mx.vandamme.example", "postmaster@vandamme.example",
        "edgecam.support@produsoft.com", "visi.support@produsoft.com", "info@produsoft.com")) {
      cases.add(new Case("mail", "from " + from, t -> t.deliverFrom(from, plain, bytes("Undeliverable")),
          Kind.MAIL_IGNORED, 0, null, null));
    }
    cases.add(new Case("mail", "no From header", t -> t.deliverRaw(null, plain, bytes("Who am I?")),
        Kind.MAIL_IGNORED, 0, null, null));
    cases.add(new Case("mail", "From without an address", t -> t.deliverRaw("From: <>\r\n", plain, bytes("x")),
        Kind.MAIL_IGNORED, 0, null, null));
    cases.add(new Case("mail", "From that is no address", t -> t.deliverRaw("From: Jan Vandamme\r\n", plain,
        bytes("x")), Kind.MAIL_IGNORED, 0, null, null));
    cases.add(new Case("mail", "From address of 300 characters", t -> t.deliverRaw("From: " + "j".repeat(290)
        + "@vandamme.example\r\n", plain, bytes("x")), Kind.MAIL_IGNORED, 0, null, null));
    cases.add(new Case("mail", "4th mail of a sender today (a loop, limit 3)", t -> {
      String sender = t.newSender();
      for (int i = 0; i < 3; i++) {
        t.deliverFrom(sender, plain, bytes("Mail " + i));
      }
      t.awaitJobs();
      t.greenMail().purgeEmailFromAllMailboxes();
      t.snapshot();
      return t.deliverFrom(sender, plain, bytes("Mail 4"));
    }, Kind.MAIL_IGNORED, 0, null, null));
    cases.add(new Case("mail", "the same Message-ID again (handled once)", t -> {
      String sender = t.newSender();
      String id = "Message-ID: <" + UUID.randomUUID() + "@corpus.example>\r\n";
      t.deliverRaw("From: " + sender + "\r\n", id + plain, bytes("Once"));
      t.awaitJobs();
      t.greenMail().purgeEmailFromAllMailboxes();
      t.snapshot();
      t.deliverRaw("From: " + sender + "\r\n", id + plain, bytes("Twice"));
      return new Answer(0, "", sender);
    }, Kind.REFUSED, 0, null, null));
    // Attachments (C4.7): refused, the sender told
    cases.add(mail("program setup.exe", Kind.MAIL_REFUSED, MULTIPART, withAttachment("setup.exe",
        "application/octet-stream", PE)));
    cases.add(mail("program renamed to drawing.dwg", Kind.MAIL_REFUSED, MULTIPART, withAttachment("drawing.dwg",
        "application/acad", PE)));
    cases.add(mail("ELF binary renamed to part.step", Kind.MAIL_REFUSED, MULTIPART, withAttachment("part.step",
        "application/step", ELF)));
    cases.add(mail("shell script renamed to readme.txt", Kind.MAIL_REFUSED, MULTIPART, withAttachment("readme.txt",
        "text/plain", SCRIPT)));
    cases.add(mail("right-to-left override hiding .scr", Kind.MAIL_REFUSED, MULTIPART, withAttachment(
        "=?UTF-8?B?" + Base64.getEncoder().encodeToString(bytes("invoice\u202efdp.scr")) + "?=",
        "application/octet-stream", TEXT)));
    cases.add(mail("encoded file name hiding .bat", Kind.MAIL_REFUSED, MULTIPART, withAttachment(
        "=?UTF-8?Q?run=2Ebat?=", "application/octet-stream", TEXT)));
    cases.add(mail("attachment over 1 MB", Kind.MAIL_REFUSED, MULTIPART, withAttachment("part.step",
        "application/step", new byte[MB + 1])));
    cases.add(mail("6 attachments (limit 5)", Kind.MAIL_REFUSED, MULTIPART, IntStream.range(0, 6)
        .mapToObj(i -> withAttachment("log" + i + ".txt", "text/plain", TEXT).replace("--b1--\r\n", "")
            .replaceFirst("--b1\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nSee the file.\r\n", ""))
        .collect(Collectors.joining("", "--b1\r\nContent-Type: text/plain\r\n\r\nFiles.\r\n", "--b1--\r\n"))));
    // Malformed MIME, broken charsets, missing headers: a person wrote it, so it is registered as well as it reads
    cases.add(mail("multipart without its boundary parameter", Kind.MAIL_TICKET,
        "Content-Type: multipart/mixed\r\nMIME-Version: 1.0\r\n", "--b1\r\n\r\nBody\r\n--b1--\r\n"));
    cases.add(mail("multipart whose boundary never comes", Kind.MAIL_TICKET, MULTIPART, "Just text, no parts."));
    cases.add(mail("multipart without closing boundary", Kind.MAIL_TICKET, MULTIPART,
        "--b1\r\nContent-Type: text/plain\r\n\r\nCut off"));
    cases.add(mail("unknown charset", Kind.MAIL_TICKET, "Content-Type: text/plain; charset=x-klingon\r\n",
        "Qapla' the post stops"));
    cases.add(mail("broken base64 body", Kind.MAIL_TICKET,
        "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n", "!!!not*base64%%%"));
    cases.add(mail("unknown transfer encoding", Kind.MAIL_TICKET,
        "Content-Type: text/plain\r\nContent-Transfer-Encoding: x-rot13\r\n", "Gur cbfg fgbcf"));
    cases.add(mail("broken quoted-printable", Kind.MAIL_TICKET,
        "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n", "Caf=E9=Z"));
    cases.add(mailBytes("Latin-1 bytes declared as UTF-8", Kind.MAIL_TICKET, plain,
        "Caf\u00e9 na \u00e9\u00e9n klik".getBytes(StandardCharsets.ISO_8859_1)));
    cases.add(mailBytes("8-bit bytes without a charset", Kind.MAIL_TICKET, "Content-Type: text/plain\r\n",
        new byte[] {'P', 'o', 's', 't', ' ', (byte) 0xFF, (byte) 0xFE, (byte) 0x80}));
    cases.add(mail("subject with a broken encoded word", Kind.MAIL_TICKET, plain + "Subject: =?UTF-8?B?***?=\r\n",
        "x"));
    cases.add(mail("subject in an unknown charset", Kind.MAIL_TICKET, plain + "Subject: =?x-klingon?Q?Qapla?=\r\n",
        "x"));
    cases.add(mail("subject of 5000 characters", Kind.MAIL_TICKET, plain + "Subject: " + "s".repeat(5000) + "\r\n",
        "x"));
    cases.add(mail("no Subject header", Kind.MAIL_TICKET, plain.replace("Subject", "X-No"), "No subject here"));
    cases.add(mail("no Message-ID, no Date", Kind.MAIL_TICKET, plain, "Anonymous mail"));
    cases.add(mail("Message-ID of 2000 characters", Kind.MAIL_TICKET, plain + "Message-ID: <" + "m".repeat(2000)
        + "@corpus.example>\r\n", "x"));
    cases.add(new Case("mail", "sender name of 300 characters", t -> t.deliverRaw("From: \"" + "N".repeat(300) + "\" <"
        + t.newSender() + ">\r\n", plain, bytes("x")), Kind.MAIL_TICKET, 0, null, null));
    cases.add(mail("null bytes and escape codes in the text", Kind.MAIL_TICKET, plain,
        "Post\u0000stops \u001b[31m after tool change"));
    cases.add(mail("control characters in the subject", Kind.MAIL_TICKET, plain + "Subject: Post\u0007stops\r\n",
        "x"));
    cases.add(mail("emoji and right-to-left text", Kind.MAIL_TICKET, plain + "Subject: =?UTF-8?B?"
        + Base64.getEncoder().encodeToString(bytes("\u05e9\u05dc\u05d5\u05dd \uD83D\uDCA5")) + "?=\r\n",
        "\u0627\u0644\u0628\u0631\u0646\u0627\u0645\u062c \uD83D\uDE2D"));
    cases.add(mail("HTML only, with script", Kind.MAIL_TICKET, "Content-Type: text/html; charset=UTF-8\r\n",
        "<html><script>alert(1)</script><p>The post stops</p></html>"));
    cases.add(mail("empty body", Kind.MAIL_TICKET, plain, ""));
    cases.add(mail("nested multiparts, 50 deep", Kind.MAIL_TICKET, MULTIPART, nested(50)));
    cases.add(mail("archive bomb attached (stored, never unpacked)", Kind.MAIL_TICKET, MULTIPART,
        withAttachment("logs.zip", "application/zip", zipBomb())));
    cases.add(mail("attachment without a file name", Kind.MAIL_TICKET, MULTIPART,
        "--b1\r\nContent-Type: text/plain\r\n\r\nx\r\n--b1\r\nContent-Type: application/octet-stream\r\n"
            + "Content-Disposition: attachment\r\nContent-Transfer-Encoding: base64\r\n\r\nAAAA\r\n--b1--\r\n"));
    cases.add(mail("attached mail (message/rfc822)", Kind.MAIL_TICKET, MULTIPART,
        "--b1\r\nContent-Type: text/plain\r\n\r\nForwarded\r\n--b1\r\nContent-Type: message/rfc822\r\n\r\n"
            + "From: a@b.be\r\nSubject: inner\r\n\r\ninner body\r\n--b1--\r\n"));
    return cases;
  }

  private static String nested(int depth) {
    StringBuilder mail = new StringBuilder();
    for (int i = 1; i < depth; i++) {
      mail.append("--b").append(i).append("\r\nContent-Type: multipart/mixed; boundary=\"b").append(i + 1)
          .append("\"\r\n\r\n");
    }
    mail.append("--b").append(depth).append("\r\nContent-Type: text/plain\r\n\r\nDeep\r\n--b").append(depth)
        .append("--\r\n");
    for (int i = depth - 1; i >= 1; i--) {
      mail.append("--b").append(i).append("--\r\n");
    }
    return mail.toString();
  }

  // ------------------------------------------------------------------------------------------- the runner

  /** The rows a case could write, counted around it. */
  record Counts(long tickets, long journal, long attachments, long inboundMails, long processes) {
  }

  private Counts before;
  private int delivered;

  /** Counts the rows, and forgets the mails delivered so far. */
  void snapshot() {
    delivered = greenMail().getReceivedMessages().length;
    before = new Counts(tickets.count(), journal.count(), attachments.count(), inboundMails.count(),
        runtimeService.createProcessInstanceQuery().count());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @DisplayName("Bad input corpus: every case ends in a 4xx or a clean refusal, never a 5xx nor a partial row")
  void badInput(Case c) throws Exception {
    awaitJobs();
    greenMail().purgeEmailFromAllMailboxes();
    snapshot();
    Answer answer = c.request().send(this);
    Counts after = new Counts(tickets.count(), journal.count(), attachments.count(), inboundMails.count(),
        runtimeService.createProcessInstanceQuery().count());
    String seen = c + " answered " + answer.status() + ": " + abbreviated(answer.body());
    assertThat(answer.status()).as(seen).isLessThan(500);
    switch (c.kind()) {
      case PROBLEM -> {
        assertThat(answer.status()).as(seen).isEqualTo(c.status());
        if (c.status() != 401) {
          assertThat(answer.body()).as(seen).contains("\"status\":" + c.status());
        }
        if (c.field() != null) {
          // earlierCallNumbers[1]: the field and the element
          assertThat(answer.body()).as(seen).contains("\"field\":\"" + c.field());
        }
        assertThat(after).as(seen + ": nothing stored").isEqualTo(before);
      }
      case FORM_ERROR -> {
        assertThat(answer.status()).as(seen).isEqualTo(200);
        assertThat(answer.body()).as(seen).contains("id=\"" + c.field() + "-error\"");
        assertThat(after).as(seen + ": nothing stored").isEqualTo(before);
      }
      case REFUSED -> {
        assertThat(answer.status()).as(seen).isEqualTo(c.status());
        assertThat(after).as(seen + ": nothing stored").isEqualTo(before);
      }
      case ACCEPTED -> {
        assertThat(answer.status()).as(seen).isEqualTo(c.status());
        if (c.channel().startsWith("API update") || c.channel().equals("status page")) {
          assertThat(after.tickets()).as(seen).isEqualTo(before.tickets());
          assertThat(after.journal()).as(seen).isGreaterThan(before.journal());
        } else {
          assertThat(after.tickets()).as(seen + ": one ticket").isEqualTo(before.tickets() + 1);
          assertThat(after.processes()).as(seen + ": its process").isEqualTo(before.processes() + 1);
          if (c.check() != null) {
            c.check().accept(tickets.findAll().stream().max(java.util.Comparator.comparing(Ticket::getId))
                .orElseThrow());
          }
        }
        awaitJobs();
      }
      case MAIL_IGNORED -> {
        assertThat(after).as(seen + ": only the inbound record").isEqualTo(new Counts(before.tickets(),
            before.journal(), before.attachments(), before.inboundMails() + 1, before.processes()));
        assertThat(lastInbound().getOutcome()).as(seen).isEqualTo(InboundMail.Outcome.IGNORED);
        assertThat(replies()).as(seen + ": never answered").isZero();
      }
      case MAIL_REFUSED -> {
        assertThat(after).as(seen + ": only the inbound record").isEqualTo(new Counts(before.tickets(),
            before.journal(), before.attachments(), before.inboundMails() + 1, before.processes()));
        assertThat(lastInbound().getOutcome()).as(seen).isEqualTo(InboundMail.Outcome.REFUSED);
        assertThat(replies()).as(seen + ": the sender is told").isEqualTo(1);
      }
      case MAIL_TICKET -> {
        assertThat(after.tickets()).as(seen + ": one ticket").isEqualTo(before.tickets() + 1);
        assertThat(after.inboundMails()).as(seen).isEqualTo(before.inboundMails() + 1);
        assertThat(lastInbound().getOutcome()).as(seen).isEqualTo(InboundMail.Outcome.TICKET);
        awaitJobs();
      }
    }
    assertThat(unreadMails()).as(seen + ": every mail handled and flagged read").isZero();
  }

  private InboundMail lastInbound() {
    List<InboundMail> all = inboundMails.findAll(org.springframework.data.domain.Sort.by("id"));
    return all.get(all.size() - 1);
  }

  // --------------------------------------------------------------------------------------- HTTP and mail

  Answer send(String method, String path, String contentType, String body, String user,
      Map<String, String> headers) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    return send(request, contentType, user, headers);
  }

  Answer post(String path, String contentType, String body, String user, Map<String, String> headers)
      throws IOException, InterruptedException {
    return send("POST", path, contentType, body, user, headers);
  }

  private Answer send(HttpRequest.Builder request, String contentType, String user, Map<String, String> headers)
      throws IOException, InterruptedException {
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
          (user + ":" + DemoUsers.PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }
    headers.forEach(request::header);
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), response.body(), null);
  }

  Answer postBytes(String path, byte[] body) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)), JSON, null, Map.of());
  }

  Answer postChunked(String path, String body) throws IOException, InterruptedException {
    byte[] bytes = bytes(body);
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)));
    return send(request, JSON, null, Map.of());
  }

  String statusPage() {
    return "/support/status/" + target.getStatusToken();
  }

  /** Opens the page like a browser (its CSRF cookie and field), then posts the form as multipart. */
  Answer postForm(String page, String action, Map<String, String> fields, List<Upload> files) throws Exception {
    HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + page))
        .build(), HttpResponse.BodyHandlers.ofString());
    Matcher csrf = CSRF_FIELD.matcher(form.body());
    assertThat(csrf.find()).as("CSRF field on " + page).isTrue();
    return postMultipart(action, fields, files, csrf.group(1));
  }

  Answer postFormWithToken(String action, Map<String, String> fields, String token) throws Exception {
    return postMultipart(action, fields, List.of(), token);
  }

  private Answer postMultipart(String action, Map<String, String> fields, List<Upload> files, String token)
      throws IOException, InterruptedException {
    String boundary = "corpus" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    Map<String, String> all = new LinkedHashMap<>(fields);
    if (token != null) {
      all.put("_csrf", token);
    }
    all.forEach((name, value) -> body.writeBytes(bytes("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
        + name + "\"\r\n\r\n" + value + "\r\n")));
    for (Upload file : files) {
      body.writeBytes(bytes("--" + boundary + "\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\""
          + file.name() + "\"\r\nContent-Type: " + file.contentType() + "\r\n\r\n"));
      body.writeBytes(file.content());
      body.writeBytes(bytes("\r\n"));
    }
    body.writeBytes(bytes("--" + boundary + "--\r\n"));
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + action))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    return send(request, "multipart/form-data; boundary=" + boundary, null, Map.of());
  }

  String newSender() {
    return "sender" + senders.incrementAndGet() + "@corpus.example";
  }

  com.icegreen.greenmail.util.GreenMail greenMail() {
    return mailServer.greenMail();
  }

  /** A mail from a new sender with these headers and body, delivered to the Edgecam mailbox, then polled. */
  Answer deliver(String headers, byte[] body) throws Exception {
    return deliverFrom(newSender(), headers, body);
  }

  Answer deliverFrom(String sender, String headers, byte[] body) throws Exception {
    return deliverRaw("From: " + sender + "\r\n", headers, body);
  }

  /** @param from the From header line, or null for none */
  Answer deliverRaw(String from, String headers, byte[] body) throws Exception {
    String head = (from == null ? "" : from) + "To: " + MAILBOX + "\r\n"
        + (headers.contains("Subject:") ? "" : "Subject: Corpus case\r\n") + headers + "\r\n";
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    raw.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    raw.writeBytes(body);
    MimeMessage message = new MimeMessage(Session.getInstance(new java.util.Properties()),
        new ByteArrayInputStream(raw.toByteArray()));
    greenMail().getUserManager().getUserByEmail(MAILBOX).deliver(message);
    delivered++;
    poller.pollAll();
    String sender = from == null ? null : from.replaceAll("(?s).*<([^>]*)>.*", "$1").replace("From: ", "").strip();
    return new Answer(0, "", sender);
  }

  /** The mails the application sent during the case: all mails on the server but those delivered to it. */
  private long replies() {
    return greenMail().getReceivedMessages().length - delivered;
  }

  private long unreadMails() throws Exception {
    return greenMail().getManagers().getImapHostManager()
        .getInbox(greenMail().getUserManager().getUserByEmail(MAILBOX)).getUnseenCount();
  }

  /** The asynchronous steps of accepted cases (confirmation mails) end before the next case counts rows. */
  void awaitJobs() {
    Instant giveUp = Instant.now().plusSeconds(30);
    while (managementService.createJobQuery().executable().count() > 0 && Instant.now().isBefore(giveUp)) {
      java.util.concurrent.locks.LockSupport.parkNanos(50_000_000);
    }
  }

  // -------------------------------------------------------------------------------------------- helpers

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String printable(String text) {
    return text.chars().mapToObj(c -> c < 0x20 || c == 0x7f ? "\\u%04x".formatted(c) : String.valueOf((char) c))
        .collect(Collectors.joining());
  }

  private static String abbreviated(String body) {
    return body == null || body.length() < 400 ? body : body.substring(0, 400) + "...";
  }

  private static byte[] zipBomb;

  /** 200 MB of zeros in a zip of some 200 kB: harmless as long as nobody unpacks it. */
  private static synchronized byte[] zipBomb() {
    if (zipBomb == null) {
      zipBomb = deflatedZeros();
    }
    return zipBomb;
  }

  private static byte[] deflatedZeros() {
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(zip)) {
      out.putNextEntry(new ZipEntry("zeros.bin"));
      byte[] zeros = new byte[MB];
      for (int i = 0; i < 200; i++) {
        out.write(zeros);
      }
      out.closeEntry();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return zip.toByteArray();
  }
}
