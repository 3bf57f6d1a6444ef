package com.produsoft.supportdesk.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.produsoft.supportdesk.catalogue.Catalogue;
import com.produsoft.supportdesk.customer.Language;
import com.produsoft.supportdesk.platform.EngineClock;
import com.produsoft.supportdesk.demo.DemoUsers;
import com.produsoft.supportdesk.platform.security.WebClient;
import com.produsoft.supportdesk.supplier.SupplierBug;
import com.produsoft.supportdesk.supplier.SupplierBugRepository;
import com.produsoft.supportdesk.supplier.SupplierBugStatus;
import com.produsoft.supportdesk.ticket.Channel;
import com.produsoft.supportdesk.ticket.Resolution;
import com.produsoft.supportdesk.ticket.SlaClocks;
import com.produsoft.supportdesk.ticket.Ticket;
import com.produsoft.supportdesk.ticket.TicketCategory;
import com.produsoft.supportdesk.ticket.TicketRepository;

/**
 * Issue 9, acceptance 2: every figure of /api/reports on a known data set, against values computed by hand from the
 * charter's office hours (C6: Mon-Thu 08:30-12:30, 13:00-17:00; Fri until 16:00; Europe/Brussels). Tickets are
 * stored through the repositories with their deadlines and office times from the real {@link SlaClocks}; no demo
 * ticket exists, and the dates lie in 2030 (no Belgian holiday between 25 February and 2 April 2030). "Now" is
 * Tuesday 2 April 2030 10:00 (CEST) on the engine's clock; the job executor is off so that no demo timer fires.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsTest {

  private static final String PASSWORD = DemoUsers.PASSWORD;
  private static final Instant NOW = brussels("2030-04-02T10:00");
  private static final String MARCH = "from=2030-03-01&to=2030-03-31";
  private static final String APRIL = "from=2030-04-01&to=2030-04-30";

  @LocalServerPort
  int port;
  @Autowired
  TicketRepository tickets;
  @Autowired
  SupplierBugRepository bugs;
  @Autowired
  Catalogue catalogue;
  @Autowired
  SlaClocks clocks;
  @Autowired
  ObjectMapper json;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  OfficeSecondsBackfill backfill;

  WebClient web;
  private boolean stored;

  @BeforeEach
  void dataSet() {
    ClockUtil.setCurrentTime(Date.from(NOW));
    web = new WebClient(port);
    if (stored) {
      return;
    }
    stored = true;
    // T1: registered Friday 15:30, P2 first answer within 4 office hours: Fri 15:30-16:00 is 30 min, Monday from
    // 08:30 adds 3 h 30 -> due Monday 4 March 12:00 (wall clock would say Friday 19:30). Answered Monday 11:00: met,
    // 30 min + 2 h 30 = 180 office minutes. Solution Tuesday 10:30: 30 min + Monday 8 h + 2 h = 630 minutes.
    Ticket t1 = ticket("VISI", Channel.WEB, TicketCategory.BUG, "2030-03-01T15:30", 2, "PT4H");
    clocks.recordCustomerVisibleAnswer(t1, brussels("2030-03-04T11:00"));
    clocks.recordResolution(t1, brussels("2030-03-05T10:30"));
    t1.solutionSent();
    tickets.save(t1);
    // T2: the same Friday, due Monday 12:00, answered Monday 13:30: breached; 30 min + 4 h + 30 min = 300 minutes.
    Ticket t2 = ticket("VISI", Channel.MAIL, TicketCategory.BUG, "2030-03-01T15:30", 2, "PT4H");
    clocks.recordCustomerVisibleAnswer(t2, brussels("2030-03-04T13:30"));
    tickets.save(t2);
    // T3: the same Friday, never answered, due Monday 12:00 long past: breached.
    tickets.save(ticket("VISI", Channel.WEB, TicketCategory.SUPPORT, "2030-03-01T15:30", 2, "PT4H"));
    // T4: Monday 18 March 09:00, P1 within 1 office hour (due 10:00), answered 09:20 with a question: met, 20 min;
    // waiting for the customer since.
    Ticket t4 = ticket("EDGECAM", Channel.PHONE, TicketCategory.SUPPORT, "2030-03-18T09:00", 1, "PT1H");
    clocks.recordCustomerVisibleAnswer(t4, brussels("2030-03-18T09:20"));
    clocks.pause(t4, brussels("2030-03-18T09:20"));
    t4.waitForCustomer();
    tickets.save(t4);
    // T5: Monday 1 April 16:00, P3 within 8 office hours: 1 h Monday, Tuesday 08:30-12:30 and 13:00-16:00 -> due
    // Tuesday 2 April 16:00, after now: neither met nor breached yet.
    tickets.save(ticket("EDGECAM", Channel.WEB, TicketCategory.SUGGESTION, "2030-04-01T16:00", 3, "PT8H"));
    // T6: February, answered in February (out of March's first responses), resolved in March after waiting for the
    // customer from Tuesday 26 February 09:00 to Monday 4 March 09:00. Running: Mon 25 Feb 10:00-17:00 6 h 30,
    // Tue 08:30-09:00 30 min, Mon 4 March 09:00-17:00 7 h 30, Tue 5 March 08:30-12:00 3 h 30 = 18 h = 1080 min.
    // The wait (Tue 7 h 30, Wed 8 h, Thu 8 h, Fri 1 March 7 h, Mon 30 min = 31 h) moves every deadline: the first
    // answer was due 4 h + 31 h after Monday 10:00 = Friday 1 March 13:30, in March, and was met (11:00 on 25 Feb).
    Ticket t6 = ticket("EDGECAM", Channel.WEB, TicketCategory.BUG, "2030-02-25T10:00", 2, "PT4H");
    clocks.recordCustomerVisibleAnswer(t6, brussels("2030-02-25T11:00"));
    clocks.pause(t6, brussels("2030-02-26T09:00"));
    clocks.resume(t6, brussels("2030-03-04T09:00"));
    clocks.recordResolution(t6, brussels("2030-03-05T12:00"));
    t6.close(Resolution.SOLVED, brussels("2030-03-05T12:00"));
    tickets.save(t6);
    // T7: Thursday 7 March 10:00, P4 within 16 office hours: Thu 6 h 30, Fri 7 h, Monday 11 March 2 h 30 -> due
    // Monday 11:00; never answered: breached.
    tickets.save(ticket("VISI", Channel.WEB, TicketCategory.BUG, "2030-03-07T10:00", 4, "PT16H"));
    // T8, T9: Sunday 31 March 23:30 and Monday 1 April 00:30 Brussels time (CEST since that night), 21:30 and
    // 22:30 UTC on 31 March: only T8 is a March registration. Both due Monday 1 April 12:30, unanswered: breached.
    tickets.save(ticket("RADAN", Channel.MAIL, TicketCategory.SUPPORT, "2030-03-31T23:30", 2, "PT4H"));
    tickets.save(ticket("RADAN", Channel.MAIL, TicketCategory.SUPPORT, "2030-04-01T00:30", 2, "PT4H"));
    // T10: Monday 25 March 09:00, P2 due 13:30, solved by the customer at 10:00 without an answer: no SLA figure;
    // resolved after 60 office minutes.
    Ticket t10 = ticket("WORKNC", Channel.WEB, TicketCategory.SUPPORT, "2030-03-25T09:00", 2, "PT4H");
    clocks.recordResolution(t10, brussels("2030-03-25T10:00"));
    t10.close(Resolution.SOLVED_BY_CUSTOMER, brussels("2030-03-25T10:00"));
    tickets.save(t10);

    // Supplier bugs on Tuesday 2 April 2030, ages in Belgian calendar days.
    bug("VISI", "2030-03-28T00:30", SupplierBugStatus.REPORTED, "HXGN-1001");   // 5 days (27 March in UTC)
    bug("EDGECAM", "2030-03-26T09:00", SupplierBugStatus.FIX_PLANNED, null);    // 7 days: still 0-7
    bug("PEPS", "2030-03-25T09:00", SupplierBugStatus.MORE_INFO_REQUESTED, "CTK-2001"); // 8 days
    bug("SPACECLAIM", "2030-01-02T09:00", SupplierBugStatus.REPORTED, "ANS-3001"); // 90 days: still 31-90
    bug("RADAN", "2029-11-15T09:00", SupplierBugStatus.REPORTED, "HXGN-0950");   // 138 days
    bug("VISI", "2029-10-01T09:00", SupplierBugStatus.RELEASED, "HXGN-0900");    // fixed: not open
    bug("WORKNC", "2029-09-01T09:00", SupplierBugStatus.REJECTED, "HXGN-0800");  // rejected: not open
  }

  @AfterAll
  void clock() {
    ClockUtil.reset();
  }

  private static Instant brussels(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(EngineClock.BRUSSELS).toInstant();
  }

  private Ticket ticket(String product, Channel channel, TicketCategory category, String registered, int priority,
      String firstResponseTarget) {
    Ticket ticket = new Ticket("EON-T-" + tickets.count(), product, category, channel, brussels(registered));
    ticket.setLanguage(Language.EN);
    ticket.setCompanyName("Report Test NV");
    ticket.setContactName("Rita Report");
    ticket.setEmail("rita@report.example");
    ticket.setPhone("+32 50 00 00 00");
    ticket.setDescription("A known ticket for the figures");
    clocks.start(ticket, priority, firstResponseTarget, "PT40H");
    return tickets.save(ticket);
  }

  private void bug(String product, String reported, SupplierBugStatus status, String supplierCase) {
    SupplierBug bug = new SupplierBug(catalogue.product(product).orElseThrow(), product + " bug of " + reported,
        brussels(reported));
    bug.setStatus(status);
    bug.setSupplierReference(supplierCase);
    bugs.save(bug);
  }

  private JsonNode get(String path) throws Exception {
    HttpResponse<String> response = web.get(path, "manager", PASSWORD);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  private JsonNode json(String text) throws Exception {
    return json.readTree(text);
  }

  @Test
  @DisplayName("1. open tickets now per team and priority: resolved (solution sent) and closed ones left out")
  void openTickets() throws Exception {
    assertThat(get("/api/reports/tickets/open")).isEqualTo(json("""
        [{"team":"support-edgecam","priority":1,"count":1}, {"team":"support-edgecam","priority":3,"count":1},
         {"team":"support-radan","priority":2,"count":2},
         {"team":"support-visi","priority":2,"count":2}, {"team":"support-visi","priority":4,"count":1}]"""));
  }

  @Test
  @DisplayName("2. registrations per channel and category by Brussels day: 23:30 on 31 March counts, 00:30 on 1 April not")
  void registrations() throws Exception {
    assertThat(get("/api/reports/tickets/registered?" + MARCH)).isEqualTo(json("""
        [{"channel":"MAIL","category":"BUG","count":1}, {"channel":"MAIL","category":"SUPPORT","count":1},
         {"channel":"PHONE","category":"SUPPORT","count":1},
         {"channel":"WEB","category":"BUG","count":2}, {"channel":"WEB","category":"SUPPORT","count":2}]"""));
    assertThat(get("/api/reports/tickets/registered?from=2030-04-01&to=2030-04-01")).isEqualTo(json("""
        [{"channel":"MAIL","category":"SUPPORT","count":1}, {"channel":"WEB","category":"SUGGESTION","count":1}]"""));
    assertThat(get("/api/reports/tickets/registered?from=2031-01-01&to=2031-01-31")).isEmpty();
  }

  @Test
  @DisplayName("3. C6: first-response SLA in office hours across a weekend (Friday 15:30 + 4 h = Monday 12:00); "
      + "unanswered and not yet due is neither; solved by the customer before the deadline is neither")
  void firstResponseSla() throws Exception {
    assertThat(get("/api/reports/sla/first-response?" + MARCH)).isEqualTo(json("""
        [{"team":"support-edgecam","met":2,"breached":0}, {"team":"support-visi","met":1,"breached":3}]"""));
    assertThat(get("/api/reports/sla/first-response?" + APRIL)).isEqualTo(json("""
        [{"team":"support-radan","met":0,"breached":2}]"""));
  }

  @Test
  @DisplayName("4. C6: office minutes to first response and resolution, waiting for the customer excluded; "
      + "median and 90th percentile by nearest rank; nulls without tickets")
  void responseTimes() throws Exception {
    assertThat(get("/api/reports/response-times?" + MARCH)).isEqualTo(json("""
        {"firstResponse":{"tickets":3,"medianOfficeMinutes":180,"p90OfficeMinutes":300},
         "resolution":{"tickets":3,"medianOfficeMinutes":630,"p90OfficeMinutes":1080}}"""));
    assertThat(get("/api/reports/response-times?" + APRIL)).isEqualTo(json("""
        {"firstResponse":{"tickets":0,"medianOfficeMinutes":null,"p90OfficeMinutes":null},
         "resolution":{"tickets":0,"medianOfficeMinutes":null,"p90OfficeMinutes":null}}"""));
  }

  @Test
  @DisplayName("5. tickets waiting for the customer now, per team")
  void waitingForCustomer() throws Exception {
    assertThat(get("/api/reports/tickets/waiting-for-customer")).isEqualTo(json("""
        [{"team":"support-edgecam","count":1}]"""));
  }

  @Test
  @DisplayName("6. C7.2: open supplier bugs per supplier and age band in Brussels days (7 and 90 days at the upper "
      + "edge of their band); released and rejected bugs left out")
  void openSupplierBugs() throws Exception {
    assertThat(get("/api/reports/supplier-bugs/open")).isEqualTo(json("""
        [{"supplier":"Ansys","ageBand":"31-90 days","count":1}, {"supplier":"Camtek","ageBand":"8-30 days","count":1},
         {"supplier":"Hexagon","ageBand":"0-7 days","count":2}, {"supplier":"Hexagon","ageBand":"over 90 days","count":1}]
        """));
  }

  @Test
  @DisplayName("7. C7.2: the open supplier bugs that waited longest, oldest first")
  void oldestSupplierBugs() throws Exception {
    assertThat(get("/api/reports/supplier-bugs/oldest?limit=3")).isEqualTo(json("""
        [{"supplier":"Hexagon","product":"RADAN","supplierCase":"HXGN-0950","title":"RADAN bug of 2029-11-15T09:00",
          "escalatedOn":"2029-11-15","ageDays":138},
         {"supplier":"Ansys","product":"SPACECLAIM","supplierCase":"ANS-3001",
          "title":"SPACECLAIM bug of 2030-01-02T09:00","escalatedOn":"2030-01-02","ageDays":90},
         {"supplier":"Camtek","product":"PEPS","supplierCase":"CTK-2001","title":"PEPS bug of 2030-03-25T09:00",
          "escalatedOn":"2030-03-25","ageDays":8}]"""));
    assertThat(get("/api/reports/supplier-bugs/oldest")).hasSize(5);
  }

  @Test
  @DisplayName("a ticket answered and resolved before the office seconds were stored gets them at start-up: "
      + "Friday 15:30 to Monday 11:00 is 180 office minutes; to Tuesday 10:30 630, less 30 paused = 600")
  void backfillOfOlderTickets() {
    long id = ticket("PEPS", Channel.WEB, TicketCategory.SUPPORT, "2032-03-05T15:30", 2, "PT4H").getId();
    // As an upgraded database holds it: answered and resolved, without office seconds (closed: no open figure moves).
    jdbc.update("UPDATE ticket SET status = 'CLOSED', first_response_at = ?, resolved_at = ?, closed_at = ?,"
        + " paused_office_seconds = 1800 WHERE id = ?", SupportReports.utc(brussels("2032-03-08T11:00")),
        SupportReports.utc(brussels("2032-03-09T10:30")), SupportReports.utc(brussels("2032-03-09T10:30")), id);

    backfill.run(null);

    assertThat(jdbc.queryForList("SELECT first_response_office_seconds, resolution_office_seconds FROM ticket"
        + " WHERE id = ?", id).get(0)).containsValues(180L * 60, 600L * 60);
  }

  @Test
  @DisplayName("bad parameters answer 400 problem details naming the parameter")
  void badParameters() throws Exception {
    assertBadParameter("/api/reports/tickets/registered?to=2030-03-31", "from");
    assertBadParameter("/api/reports/sla/first-response?from=1-3-2030&to=2030-03-31", "from");
    assertBadParameter("/api/reports/response-times?from=2030-03-31&to=2030-03-01", "to");
    assertBadParameter("/api/reports/tickets/registered?from=2029-01-01&to=2030-01-02", "to"); // 367 days
    assertBadParameter("/api/reports/supplier-bugs/oldest?limit=0", "limit");
    assertBadParameter("/api/reports/supplier-bugs/oldest?limit=many", "limit");
    assertThat(web.get("/api/reports/tickets/registered?from=2029-01-01&to=2029-12-31", "manager", PASSWORD)
        .statusCode()).as("365 days").isEqualTo(200);
    assertThat(web.get("/api/reports/tickets/registered?from=2028-01-01&to=2028-12-31", "manager", PASSWORD)
        .statusCode()).as("a leap year, 366 days").isEqualTo(200);
  }

  private void assertBadParameter(String path, String parameter) throws Exception {
    HttpResponse<String> response = web.get(path, "manager", PASSWORD);
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = json.readTree(response.body());
    assertThat(problem.get("errors").get(0).get("field").asText()).as(response.body()).isEqualTo(parameter);
    assertThat(response.body()).doesNotContain("Exception");
  }

  @Test
  @DisplayName("managers, support leads and admins read the reports (leads the contract reports too); engineers "
      + "403, anonymous 401")
  void access() {
    for (String path : new String[] {"/api/reports/tickets/open", "/api/reports/tickets/registered?" + MARCH,
        "/api/reports/sla/first-response?" + MARCH, "/api/reports/response-times?" + MARCH,
        "/api/reports/tickets/waiting-for-customer", "/api/reports/supplier-bugs/open",
        "/api/reports/supplier-bugs/oldest", "/api/reports/contracts/deadlines"}) {
      assertThat(web.get(path, null, null).statusCode()).as("anonymous " + path).isEqualTo(401);
      assertThat(web.get(path, "engineer.visi", PASSWORD).statusCode()).as("engineer " + path).isEqualTo(403);
      assertThat(web.get(path, "lead", PASSWORD).statusCode()).as("lead " + path).isEqualTo(200);
      assertThat(web.get(path, "admin", PASSWORD).statusCode()).as("admin " + path).isEqualTo(200);
    }
    assertThat(web.get("/api/reports/tickets/open", "clerk", PASSWORD).statusCode()).isEqualTo(403);
    assertThat(web.get("/api/reports/contracts/deadlines", "clerk", PASSWORD).statusCode()).isEqualTo(200);
  }
}
