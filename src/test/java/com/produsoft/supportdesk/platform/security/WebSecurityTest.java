package com.produsoft.supportdesk.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.produsoft.supportdesk.licencetransfer.LicenceTransferRequestRepository;
import com.produsoft.supportdesk.demo.DemoUsers;
import com.produsoft.supportdesk.ticket.Channel;
import com.produsoft.supportdesk.ticket.JournalRepository;
import com.produsoft.supportdesk.ticket.Ticket;
import com.produsoft.supportdesk.ticket.TicketRegistration;
import com.produsoft.supportdesk.ticket.TicketRepository;
import com.produsoft.supportdesk.ticket.TicketService;

/**
 * The browser-facing defences: CSRF on the customers' forms, security headers on every kind of page, session and
 * CSRF cookies as production sets them (behind TLS: {@code support.security.secure-cookies=true}, as the mysql
 * profile does), and the throttling of failed logins shared by the webapps, /engine-rest and /api.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "support.security.secure-cookies=true")
@ActiveProfiles("test")
class WebSecurityTest {

  private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @LocalServerPort
  int port;
  @Autowired
  TicketRepository tickets;
  @Autowired
  JournalRepository journal;
  @Autowired
  LicenceTransferRequestRepository licenceRequests;
  @Autowired
  TicketService ticketService;
  @Autowired
  IdentityService identityService;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /**
   * A browser: keeps cookies itself, Secure ones too (Java's own cookie handler would not send those over the
   * plain http of the test server, a browser reaching production over https does).
   */
  final class Browser {
    final HttpClient http = HttpClient.newHttpClient();
    final Map<String, String> cookies = new LinkedHashMap<>();

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
      if (!cookies.isEmpty()) {
        request.header("Cookie", String.join("; ", cookies.entrySet().stream()
            .map(cookie -> cookie.getKey() + "=" + cookie.getValue()).toList()));
      }
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      for (String setCookie : response.headers().allValues("Set-Cookie")) {
        String pair = setCookie.split(";")[0];
        cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
      }
      return response;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
      return send(HttpRequest.newBuilder(uri(path)));
    }

    /** The page's form token, as a browser would post it back. */
    String csrfToken(String page) throws IOException, InterruptedException {
      Matcher field = CSRF_FIELD.matcher(get(page).body());
      assertThat(field.find()).as("a CSRF field on " + page).isTrue();
      return field.group(1);
    }

    /** Logs into Tasklist as its page does: the CSRF header from the page, the session cookie. */
    int loginToTasklist(String user, String password) throws IOException, InterruptedException {
      String csrf = get("/camunda/app/tasklist/default/").headers().firstValue("X-XSRF-TOKEN").orElseThrow();
      return send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .header("X-XSRF-TOKEN", csrf)
          .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password)))
          .statusCode();
    }

    HttpResponse<String> postForm(String path, Map<String, String> fields) throws IOException, InterruptedException {
      String boundary = "form" + UUID.randomUUID();
      StringBuilder body = new StringBuilder();
      fields.forEach((name, value) -> body.append("--").append(boundary).append("\r\n")
          .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
          .append(value).append("\r\n"));
      body.append("--").append(boundary).append("--\r\n");
      return send(HttpRequest.newBuilder(uri(path))
          .header("Content-Type", "multipart/form-data; boundary=" + boundary)
          .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)));
    }
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static Map<String, String> with(Map<String, String> fields, String csrf) {
    Map<String, String> all = new LinkedHashMap<>(fields);
    if (csrf != null) {
      all.put("_csrf", csrf);
    }
    return all;
  }

  /** A form of the customers' pages, the rows it would write, and what it posts. */
  private record Form(String page, String action, Map<String, String> fields, LongSupplier rows) {
  }

  private Form form(String which) {
    return switch (which) {
      case "registration" -> new Form("/support", "/support", Map.ofEntries(
          Map.entry("companyName", "Metaalwerken Vandamme"), Map.entry("contactName", "Jan Vandamme"),
          Map.entry("email", "jan.vandamme@vandamme.example"), Map.entry("phone", "+32 50 12 34 56"),
          Map.entry("product", "EDGECAM"), Map.entry("category", "SUPPORT"), Map.entry("productionStopped", "false"),
          Map.entry("description", "CSRF check"), Map.entry("idempotencyKey", UUID.randomUUID().toString())),
          tickets::count);
      case "status update" -> {
        Ticket ticket = registered();
        String page = "/support/status/" + ticket.getStatusToken();
        // The customer's own updates only: the ticket's process journals its first steps meanwhile.
        yield new Form(page, page, Map.of("type", "INFO", "message", "CSRF check"),
            () -> journal.findByTicketOrderByCreatedAtAscIdAsc(ticket).stream()
                .filter(entry -> entry.getText().contains("CSRF check")).count());
      }
      case "licence move" -> new Form("/support/licence-move", "/support/licence-move", Map.of(
          "email", "jan.vandamme@vandamme.example", "licenceNumbers", "EC-418207", "reason", "NEW_COMPUTER",
          "oldHardware", "HOST-7F3A21", "newHardware", "HOST-NEW-1"), licenceRequests::count);
      default -> throw new IllegalArgumentException(which);
    };
  }

  private Ticket registered() {
    return ticketService.register(new TicketRegistration("Metaalwerken Vandamme", "Jan Vandamme",
        "jan.vandamme@vandamme.example", "+32 50 12 34 56", "EDGECAM", "SUPPORT", "Postprocessor stops", null, null,
        "Windows 11", null, null, false, "en"), Channel.WEB, null).ticket();
  }

  @ParameterizedTest(name = "{0}: no token, a wrong token, another visitor's token are refused; its own token passes")
  @ValueSource(strings = {"registration", "status update", "licence move"})
  @DisplayName("CSRF: a customer form's post needs the token of the page it was sent from, else it changes nothing")
  void customerFormsNeedTheirCsrfToken(String which) throws Exception {
    Form form = form(which);
    Browser customer = new Browser();
    String token = customer.csrfToken(form.page());
    String otherVisitorsToken = new Browser().csrfToken(form.page());
    long before = form.rows().getAsLong();

    for (String forged : new String[] {null, "forged-" + token, otherVisitorsToken}) {
      HttpResponse<String> refused = customer.postForm(form.action(), with(form.fields(), forged));
      assertThat(refused.statusCode()).as("post with token " + forged).isEqualTo(302);
      assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("?expired");
      assertThat(form.rows().getAsLong()).as("rows after a forged post").isEqualTo(before);
    }
    // A post from another site carries the cookie (SameSite=Lax lets top-level posts through on some browsers) but
    // cannot read the page's token: the same refusal.
    HttpResponse<String> accepted = customer.postForm(form.action(), with(form.fields(), token));
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(302);
    assertThat(accepted.headers().firstValue("Location").orElseThrow()).doesNotEndWith("?expired");
    assertThat(form.rows().getAsLong()).as("the genuine post writes").isGreaterThan(before);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
      "customer form,          /support",
      "customer 404 page,      /support/status/no-such-token",
      "licence page,           /support/licence-move",
      "API problem,            /api/tickets/EON-1999-00001",
      "API documentation,      /v3/api-docs",
      "Swagger UI,             /swagger-ui/index.html",
      "actuator,               /actuator/health",
      "error page,             /no-such-page",
      "engine REST,            /engine-rest/engine",
      "Tasklist,               /camunda/app/tasklist/default/",
      "Cockpit,                /camunda/app/cockpit/default/",
      "Admin,                  /camunda/app/admin/default/",
  })
  @DisplayName("Security headers on every kind of page: CSP with frame-ancestors 'none', X-Frame-Options, nosniff, Referrer-Policy")
  void securityHeadersEverywhere(String kind, String path) throws Exception {
    HttpResponse<String> page = new Browser().get(path);
    assertThat(page.statusCode()).as(kind).isLessThan(500);
    assertThat(page.headers().allValues("Content-Security-Policy")).as(kind).singleElement()
        .satisfies(csp -> assertThat(csp).contains("frame-ancestors 'none'", "object-src 'none'"));
    assertThat(page.headers().allValues("X-Frame-Options")).as(kind).containsExactly("DENY");
    assertThat(page.headers().allValues("X-Content-Type-Options")).as(kind).containsExactly("nosniff");
    assertThat(page.headers().firstValue("Referrer-Policy")).as(kind).hasValueSatisfying(
        policy -> assertThat(policy).isIn("no-referrer", "same-origin"));
  }

  @Test
  @DisplayName("Cookies behind TLS: the webapps' session and CSRF cookies and the customer pages' cookies are Secure, SameSite and (but the webapps' CSRF token, read by their script) HttpOnly")
  void cookiesAreSecureSameSiteAndHttpOnly() throws Exception {
    Browser staff = new Browser();
    HttpResponse<String> tasklist = staff.get("/camunda/app/tasklist/default/");
    Map<String, String> webapp = setCookies(tasklist);
    assertThat(webapp.get("JSESSIONID")).contains("HttpOnly", "Secure", "SameSite=Lax");
    assertThat(webapp.get("XSRF-TOKEN")).contains("Secure", "SameSite=Lax");

    Map<String, String> support = setCookies(new Browser().get("/support?lang=en"));
    assertThat(support.get("SUPPORT-CSRF")).contains("HttpOnly", "Secure", "SameSite=Lax");
    assertThat(support.get("SUPPORT-LANG")).contains("HttpOnly", "Secure", "SameSite=Lax");

    // The customers' pages make no session at all; the API answers without one.
    assertThat(support).doesNotContainKey("JSESSIONID");
    assertThat(setCookies(new Browser().get("/api/tickets/EON-1999-00001"))).doesNotContainKey("JSESSIONID");
  }

  private static Map<String, String> setCookies(HttpResponse<String> response) {
    Map<String, String> cookies = new LinkedHashMap<>();
    for (String setCookie : response.headers().allValues("Set-Cookie")) {
      cookies.put(setCookie.substring(0, setCookie.indexOf('=')), setCookie);
    }
    return cookies;
  }

  @Test
  @DisplayName("Failed logins: a wrong password delays the next login everywhere (API, engine REST, webapps); the 10th in a row locks the account until an admin unlocks it")
  void failedLoginsAreThrottledThenLocked() throws Exception {
    String user = "engineer.peps";
    WebClient web = new WebClient(port);
    assertThat(web.get("/api/tickets/EON-1999-00001", user, DemoUsers.PASSWORD).statusCode()).isEqualTo(404);

    assertThat(web.get("/api/tickets/EON-1999-00001", user, "wrong").statusCode()).isEqualTo(401);
    // Within the delay even the right password is refused, on every way in.
    assertThat(web.get("/api/tickets/EON-1999-00001", user, DemoUsers.PASSWORD).statusCode()).isEqualTo(401);
    assertThat(web.get("/engine-rest/task", user, DemoUsers.PASSWORD).statusCode()).isEqualTo(401);
    assertThat(new Browser().loginToTasklist(user, DemoUsers.PASSWORD)).isEqualTo(401);
    moveClockSeconds(4);
    assertThat(web.get("/engine-rest/task", user, DemoUsers.PASSWORD).statusCode())
        .as("after the first delay (3 s)").isEqualTo(200);

    // Ten wrong passwords in a row, each after its delay (3, 6, 12, 24, 48, then 60 s): the account locks.
    List<String> ways = List.of("/api/tickets/EON-1999-00001", "/engine-rest/task");
    for (int attempt = 1; attempt <= 10; attempt++) {
      assertThat(web.get(ways.get(attempt % 2), user, "wrong-" + attempt).statusCode()).isEqualTo(401);
      moveClockSeconds(61);
    }
    assertThat(web.get("/engine-rest/task", user, DemoUsers.PASSWORD).statusCode()).as("locked").isEqualTo(401);
    assertThat(new Browser().loginToTasklist(user, DemoUsers.PASSWORD)).isEqualTo(401);
    moveClockSeconds(3600);
    assertThat(web.get("/engine-rest/task", user, DemoUsers.PASSWORD).statusCode()).as("still locked an hour later")
        .isEqualTo(401);

    identityService.unlockUser(user);
    assertThat(web.get("/engine-rest/task", user, DemoUsers.PASSWORD).statusCode()).as("unlocked").isEqualTo(200);
    assertThat(new Browser().loginToTasklist(user, DemoUsers.PASSWORD)).isEqualTo(200);
  }

  /** Moves the engine's clock, which the login delay is measured on, ahead of the wall clock. */
  private static void moveClockSeconds(long seconds) {
    ClockUtil.offset(ClockUtil.getCurrentTime().getTime() - System.currentTimeMillis() + seconds * 1000);
  }
}
