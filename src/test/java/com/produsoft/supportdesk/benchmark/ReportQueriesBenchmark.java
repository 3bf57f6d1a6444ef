package com.produsoft.supportdesk.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.sql.DataSource;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.produsoft.supportdesk.SupportDeskApplication;
import com.produsoft.supportdesk.calendar.OfficeHours;
import com.produsoft.supportdesk.platform.EngineClock;
import com.produsoft.supportdesk.platform.MySqlDatabase;
import com.produsoft.supportdesk.platform.security.WebClient;

/**
 * Issue 9, acceptance 3: every /api/reports figure answers in under 200 ms with 100,000 tickets in MySQL/MariaDB.
 * The application runs in-process on the {@code mysql} profile against a fresh database (demo users for the login,
 * job executor and mail polling off); the tickets of two years are generated in JDBC batches with a realistic spread
 * (six products, four priorities, three channels and categories, statuses by age, first answers and resolutions with
 * their office seconds, SLA breaches, supplier bugs and escalations; no process instances: the reports do not read
 * them). Each endpoint is called over HTTP as the manager: 5 warm-up calls, then 30 measured. The SQL each endpoint
 * ran is captured ({@link CapturedQueries}) and EXPLAINed: the remarks show the index each query reads.
 * <p>
 * Run: {@code ./mvnw -B -ntp -Pbenchmark verify -Dit.test=ReportQueriesBenchmark}; results in target/benchmark/.
 */
class ReportQueriesBenchmark {

  private static final int TICKETS = 100_000;
  private static final int SUPPLIER_BUGS = 3_000;
  private static final double TARGET_MS = 200;

  private static final String[] PRODUCTS = {"VISI", "WORKNC", "EDGECAM", "RADAN", "PEPS", "SPACECLAIM"};
  private static final int[] PRODUCT_WEIGHTS = {20, 15, 25, 15, 10, 15};
  private static final String[] CHANNELS = {"WEB", "MAIL", "PHONE"};
  private static final int[] CHANNEL_WEIGHTS = {60, 30, 10};
  private static final String[] CATEGORIES = {"SUPPORT", "BUG", "SUGGESTION"};
  private static final int[] CATEGORY_WEIGHTS = {65, 25, 10};
  private static final int[] PRIORITY_WEIGHTS = {10, 30, 40, 20};
  /** Office-time targets per priority 1-4 (as the TicketPriority decision's order of magnitude). */
  private static final Duration[] FIRST_RESPONSE = {Duration.ofHours(1), Duration.ofHours(4), Duration.ofHours(8),
      Duration.ofHours(16)};
  private static final Duration[] RESOLUTION = {Duration.ofHours(8), Duration.ofHours(16), Duration.ofHours(40),
      Duration.ofHours(80)};
  private static final String[] BUG_STATUSES = {"REPORTED", "MORE_INFO_REQUESTED", "FIX_PLANNED", "REJECTED",
      "RELEASED"};
  private static final int[] BUG_STATUS_WEIGHTS = {15, 5, 15, 15, 50};

  private final Random random = new Random(20261127);
  private final BenchmarkReport report = new BenchmarkReport("report-queries",
      "Report queries at 100,000 tickets (issue 9)");

  @Test
  @DisplayName("each /api/reports endpoint answers in under 200 ms at 100,000 tickets on MySQL/MariaDB")
  void reportQueriesAtOneHundredThousandTickets() throws Exception {
    try (MySqlDatabase database = MySqlDatabase.createFresh("reports");
        ConfigurableApplicationContext app = new SpringApplicationBuilder(SupportDeskApplication.class)
            .profiles("mysql")
            .run(arguments(database))) {
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      try (Connection connection = app.getBean(DataSource.class).getConnection()) {
        report.database(connection);
      }
      long generation = System.nanoTime();
      generate(jdbc, app.getBean(OfficeHours.class));
      jdbc.execute("ANALYZE TABLE ticket, supplier_bug, escalation, sla_breach");
      report.setting("tickets", TICKETS).setting("supplier bugs", SUPPLIER_BUGS)
          .setting("escalations", count(jdbc, "escalation")).setting("SLA breaches", count(jdbc, "sla_breach"))
          .setting("data generated and analysed in", Duration.ofNanos(System.nanoTime() - generation).toMillis() + " ms")
          .setting("calls", EndpointTimings.WARM_UP + " warm-up + " + EndpointTimings.MEASURED + " measured per endpoint, one at a time, HTTP Basic"
              + " as manager")
          .setting("profile", "mysql, job executor off, demo users on");

      WebClient web = new WebClient(((WebServerApplicationContext) app).getWebServer().getPort());
      LocalDate today = EngineClock.today();
      String thisMonth = "from=" + today.withDayOfMonth(1) + "&to=" + today;
      String lastYear = "from=" + today.minusDays(364) + "&to=" + today;
      Map<String, String> endpoints = new LinkedHashMap<>();
      endpoints.put("open tickets per team and priority", "/api/reports/tickets/open");
      endpoints.put("registrations, this month", "/api/reports/tickets/registered?" + thisMonth);
      endpoints.put("registrations, last 365 days", "/api/reports/tickets/registered?" + lastYear);
      endpoints.put("first-response SLA, this month", "/api/reports/sla/first-response?" + thisMonth);
      endpoints.put("first-response SLA, last 365 days", "/api/reports/sla/first-response?" + lastYear);
      endpoints.put("response times, this month", "/api/reports/response-times?" + thisMonth);
      endpoints.put("response times, last 365 days", "/api/reports/response-times?" + lastYear);
      endpoints.put("waiting for customer per team", "/api/reports/tickets/waiting-for-customer");
      endpoints.put("open supplier bugs by age", "/api/reports/supplier-bugs/open");
      endpoints.put("oldest supplier bugs (10)", "/api/reports/supplier-bugs/oldest?limit=10");

      ObjectMapper json = new ObjectMapper();
      assertThat(sum(json.readTree(call(web, endpoints.get("open tickets per team and priority"))), "count"))
          .as("open tickets, by the endpoint and by a plain count")
          .isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM ticket WHERE status IN ('OPEN', 'WAITING_FOR_CUSTOMER')",
              Long.class));
      String loadBefore = loadAverage();
      for (Map.Entry<String, String> endpoint : endpoints.entrySet()) {
        EndpointTimings.measure(report, web, jdbc, endpoint.getKey(), endpoint.getValue(), "manager", TARGET_MS);
      }
      report.setting("load average (1, 5, 15 min) before and after the calls", loadBefore + " / " + loadAverage());
      report.remark("p50/p95/max are wall-clock times of whole HTTP calls (authentication included); \"SQL only\" runs"
          + " the same statements through JDBC. On a 2-core machine shared with other builds (see the load average);"
          + " the target applies to the HTTP call's p95 and maximum.");
      report.remark("Two years of registrations; a year is the longest period the API accepts (366 days).");
      report.write();
    }
  }

  /** Command-line arguments: they outrank the profile's own settings (demo data, polling). */
  static String[] arguments(MySqlDatabase database) {
    List<String> arguments = new ArrayList<>(List.of(database.springArguments()));
    arguments.addAll(List.of("--server.port=0", "--support.demo-data.enabled=true", "--support.mail.polling=false",
        "--camunda.bpm.job-execution.enabled=false",
        "--spring.datasource.hikari.data-source-properties.rewriteBatchedStatements=true",
        "--spring.datasource.hikari.data-source-properties.queryInterceptors=" + CapturedQueries.class.getName()));
    return arguments.toArray(String[]::new);
  }

  /** The machine's load while measuring: other builds share its cores. */
  static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static String call(WebClient web, String path) {
    return EndpointTimings.call(web, path, "manager");
  }

  private static long sum(JsonNode rows, String field) {
    long sum = 0;
    for (JsonNode row : rows) {
      sum += row.get(field).asLong();
    }
    return sum;
  }

  private static long count(JdbcTemplate jdbc, String table) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
  }

  /** Tickets, SLA breaches, supplier bugs and escalations of the last two years, in batches of 2,000. */
  private void generate(JdbcTemplate jdbc, OfficeHours officeHours) {
    Instant now = EngineClock.now();
    List<Object[]> batch = new ArrayList<>();
    for (int i = 1; i <= TICKETS; i++) {
      batch.add(ticket(i, now, officeHours));
      if (batch.size() == 2_000 || i == TICKETS) {
        jdbc.batchUpdate("INSERT INTO ticket (eon_number, product_code, category, channel, language, company_name,"
            + " contact_name, email, phone, description, status, priority, registered_at, clock_started_at,"
            + " first_response_target, resolution_target, first_response_due_at, resolution_due_at,"
            + " first_response_at, first_response_office_seconds, resolved_at, resolution_office_seconds, closed_at,"
            + " paused_office_seconds, status_token, version, production_stopped, critical, under_contract)"
            + " VALUES (?, ?, ?, ?, 'NL', ?, 'Contact', ?, '+32 50 00 00 00', 'Generated for the report benchmark',"
            + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, FALSE, FALSE, TRUE)", batch);
        batch.clear();
      }
    }
    // The breaches the process's SLA timers would have recorded: answered late, or not answered by the deadline.
    jdbc.update("INSERT INTO sla_breach (ticket_id, clock, due_at, recorded_at, product_code, priority)"
        + " SELECT id, 'FIRST_RESPONSE', first_response_due_at, first_response_due_at, product_code, priority"
        + " FROM ticket WHERE first_response_at > first_response_due_at"
        + " OR first_response_at IS NULL AND first_response_due_at < ?", utc(now));
    Map<String, Long> suppliers = new LinkedHashMap<>();
    jdbc.query("SELECT code, supplier_id FROM product", row -> {
      suppliers.put(row.getString("code"), row.getLong("supplier_id"));
    });
    for (int i = 1; i <= SUPPLIER_BUGS; i++) {
      String product = pick(PRODUCTS, PRODUCT_WEIGHTS);
      Instant reported = now.minus(Duration.ofMinutes(random.nextInt(730 * 24 * 60)));
      batch.add(new Object[] {suppliers.get(product), product, "SUP-" + i, "Generated supplier bug " + i,
          pick(BUG_STATUSES, BUG_STATUS_WEIGHTS), utc(reported)});
    }
    jdbc.batchUpdate("INSERT INTO supplier_bug (supplier_id, product_code, supplier_reference, summary, status,"
        + " reported_at, version) VALUES (?, ?, ?, ?, ?, ?, 0)", batch);
    // One bug ticket in four escalated, spread over the bugs of its product.
    jdbc.update("INSERT INTO escalation (ticket_id, supplier_bug_id, status, opened_at)"
        + " SELECT t.id, (SELECT MIN(b.id) FROM supplier_bug b WHERE b.product_code = t.product_code"
        + "   AND b.id >= MOD(t.id * 7, " + SUPPLIER_BUGS + ")), 'WAITING_FOR_SUPPLIER', t.registered_at"
        + " FROM ticket t WHERE t.category = 'BUG' AND MOD(t.id, 4) = 0");
  }

  /** One ticket's row: the older, the likelier closed; answers and resolutions around their targets. */
  private Object[] ticket(int number, Instant now, OfficeHours officeHours) {
    Instant registered = now.minus(Duration.ofMinutes(random.nextInt(730 * 24 * 60)));
    int priority = pickIndex(PRIORITY_WEIGHTS) + 1;
    Duration firstResponseTarget = FIRST_RESPONSE[priority - 1];
    Duration resolutionTarget = RESOLUTION[priority - 1];
    Instant clockStarted = officeHours.nextOpening(registered);
    Instant firstResponseDue = officeHours.addOfficeTime(clockStarted, firstResponseTarget);
    long pausedSeconds = random.nextInt(4) == 0 ? random.nextInt(16 * 3600) : 0;
    Instant resolutionDue = officeHours.addOfficeTime(clockStarted, resolutionTarget.plusSeconds(pausedSeconds));

    boolean old = registered.isBefore(now.minus(Duration.ofDays(30)));
    int draw = random.nextInt(100);
    String status = old ? (draw < 95 ? "CLOSED" : draw < 98 ? "SOLUTION_SENT" : draw < 99 ? "OPEN"
        : "WAITING_FOR_CUSTOMER")
        : (draw < 30 ? "CLOSED" : draw < 45 ? "SOLUTION_SENT" : draw < 85 ? "OPEN" : "WAITING_FOR_CUSTOMER");
    boolean resolved = status.equals("CLOSED") || status.equals("SOLUTION_SENT");

    Duration firstResponseTime = scaled(firstResponseTarget, 0.2, 1.5);
    Instant firstResponse = resolved || random.nextInt(10) < 8
        ? officeHours.addOfficeTime(clockStarted, firstResponseTime) : null;
    if (firstResponse != null && firstResponse.isAfter(now)) {
      firstResponse = null;
    }
    Duration resolutionTime = firstResponse == null ? null
        : max(scaled(resolutionTarget, 0.3, 2.0), firstResponseTime);
    Instant resolvedAt = resolved && resolutionTime != null
        ? officeHours.addOfficeTime(clockStarted, resolutionTime.plusSeconds(pausedSeconds))
        : null;
    if (resolvedAt != null && resolvedAt.isAfter(now)) {
      resolvedAt = null;
      status = "OPEN";
    }
    return new Object[] {"EON-B-%06d".formatted(number), pick(PRODUCTS, PRODUCT_WEIGHTS),
        pick(CATEGORIES, CATEGORY_WEIGHTS), pick(CHANNELS, CHANNEL_WEIGHTS), "Customer " + (number % 2_000),
        "contact" + (number % 5_000) + "@customer.example", status, priority, utc(registered), utc(clockStarted),
        firstResponseTarget.toString(), resolutionTarget.toString(), utc(firstResponseDue), utc(resolutionDue),
        utc(firstResponse), firstResponse == null ? null : firstResponseTime.toSeconds(), utc(resolvedAt),
        resolvedAt == null ? null : resolutionTime.toSeconds(),
        status.equals("CLOSED") ? utc(resolvedAt) : null, pausedSeconds, "benchmark-token-" + number};
  }

  private Duration scaled(Duration target, double least, double most) {
    return Duration.ofSeconds(Math.round(target.toSeconds() * (least + random.nextDouble() * (most - least))));
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private String pick(String[] values, int[] weights) {
    return values[pickIndex(weights)];
  }

  private int pickIndex(int[] weights) {
    int total = 0;
    for (int weight : weights) {
      total += weight;
    }
    int draw = random.nextInt(total);
    for (int i = 0; i < weights.length; i++) {
      draw -= weights[i];
      if (draw < 0) {
        return i;
      }
    }
    throw new IllegalStateException();
  }

  private static LocalDateTime utc(Instant instant) {
    return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
