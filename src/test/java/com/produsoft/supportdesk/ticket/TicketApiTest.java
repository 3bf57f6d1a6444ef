package com.produsoft.supportdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.produsoft.supportdesk.calendar.OfficeHours;
import com.produsoft.supportdesk.platform.EngineClock;
import com.produsoft.supportdesk.demo.DemoUsers;
import com.produsoft.supportdesk.platform.ProcessJobs;
import com.produsoft.supportdesk.platform.security.WebClient;
import com.zaxxer.hikari.HikariDataSource;

/** The ticket API end to end on the embedded default: registration, idempotency, validation, C8.1 updates. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.hikari.maximum-pool-size=" + RegistrationBurst.POOL_SIZE,
    "spring.datasource.hikari.connection-timeout=" + RegistrationBurst.CONNECTION_TIMEOUT_MILLIS,
    "server.forward-headers-strategy=native"})
@ActiveProfiles("test")
class TicketApiTest {

  private static final String JSON = "application/json";
  private static final String PASSWORD = DemoUsers.PASSWORD;

  @LocalServerPort
  int port;
  @Autowired
  ObjectMapper json;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  TaskService taskService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  HistoryService historyService;
  @Autowired
  TicketRepository tickets;
  @Autowired
  OfficeHours officeHours;
  @Autowired
  HikariDataSource dataSource;
  @Autowired
  FilterService filterService;
  @Autowired
  ManagementService managementService;
  @Autowired
  TasklistFilters tasklistFilters;

  WebClient web;

  @BeforeEach
  void client() {
    web = new WebClient(port);
  }

  static String registration(String category, boolean productionStopped) {
    return """
        {"companyName": "Metaalwerken Vandamme", "contactName": "Jan Vandamme",
         "email": "jan.vandamme@vandamme.example", "phone": "+32 50 12 34 56",
         "product": "EDGECAM", "category": "%s", "productionStopped": %s, "language": "nl",
         "description": "Postprocessor output stops after tool change",
         "reproduction": "Open part 4711 and generate NC code", "operatingSystem": "Windows 11 23H2",
         "thirdPartySoftware": "SolidWorks 2025 SP2", "impact": "One machine waits",
         "earlierCallNumbers": ["EON-2026-00001"]}
        """.formatted(category, productionStopped);
  }

  private JsonNode register(String body, String idempotencyKey) throws Exception {
    HttpResponse<String> response = web.post("/api/tickets", JSON, body, null, null,
        Map.of("Idempotency-Key", idempotencyKey));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return json.readTree(response.body());
  }

  private Task openTask(String eonNumber) {
    return taskService.createTaskQuery().processInstanceBusinessKey(eonNumber).singleResult();
  }

  @Test
  @DisplayName("C5.1/C6: a web registration answers its EON number and queues 'Triage ticket' for the product team, due in office hours, prioritised by the DMN")
  void registrationQueuesTriageForTheProductTeam() throws Exception {
    JsonNode receipt = register(registration("BUG", true), UUID.randomUUID().toString());
    String eon = receipt.get("eonNumber").asText();
    assertThat(eon).matches(TicketRegistration.EON_NUMBER);

    Task triage = openTask(eon);
    String name = eon + " · Metaalwerken Vandamme · Triage ticket";
    assertThat(triage.getName()).as("named after its ticket, to be told apart in the queue").isEqualTo(name);
    Ticket ticket = tickets.findByEonNumber(eon).orElseThrow();
    assertThat(ticket.isUnderContract()).as("C1.2 Vandamme's contract is active").isTrue();
    assertThat(ticket.getPriority()).as("C5.3 production stands still, under contract").isEqualTo(1);
    assertThat(triage.getPriority()).isEqualTo(100);
    Instant due = triage.getDueDate().toInstant();
    assertThat(due).isEqualTo(ticket.getFirstResponseDueAt());
    assertThat(officeHours.isOpen(due.minusSeconds(1))).as("C6 the deadline falls within office hours").isTrue();
    assertThat(officeHours.officeTimeBetween(ticket.getClockStartedAt(), due))
        .isEqualTo(Duration.parse(ticket.getFirstResponseTarget()));

    assertThat(taskNames("engineer.edgecam", eon)).containsExactly(name);
    assertThat(taskNames("engineer.visi", eon)).as("another team does not see it").isEmpty();
    assertThat(taskNames("lead", eon)).containsExactly(name);
  }

  @Test
  @DisplayName("Idempotency-Key: a retried registration answers the same ticket; the key reused for another request is refused")
  void retriedRegistrationAnswersTheSameTicket() throws Exception {
    String key = UUID.randomUUID().toString();
    String first = register(registration("SUPPORT", false), key).get("eonNumber").asText();
    long ticketsAfterFirst = tickets.count();

    HttpResponse<String> retry = web.post("/api/tickets", JSON, registration("SUPPORT", false), null, null,
        Map.of("Idempotency-Key", key));
    assertThat(retry.statusCode()).isEqualTo(201);
    assertThat(json.readTree(retry.body()).get("eonNumber").asText()).isEqualTo(first);
    assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(tickets.count()).isEqualTo(ticketsAfterFirst);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(first).count()).isEqualTo(1);

    HttpResponse<String> other = web.post("/api/tickets", JSON, registration("BUG", false), null, null,
        Map.of("Idempotency-Key", key));
    assertThat(other.statusCode()).isEqualTo(422);
  }

  @Test
  @DisplayName("Issue 16: a burst of four times the pool's size of registrations with replays is registered or refused"
      + " quickly with Retry-After, never a false outage; one ticket and one process per Idempotency-Key")
  void burstOfRegistrationsWithReplays() throws Exception {
    new RegistrationBurst(web, json, jdbc, runtimeService, Duration.ofMillis(dataSource.getConnectionTimeout())).run();
  }

  @Test
  @DisplayName("An invalid registration answers 400 naming each bad field, and stores no ticket, journal line or process")
  void invalidRegistrationIsRefusedWhole() throws Exception {
    Map<String, Long> before = counts();
    HttpResponse<String> response = web.post("/api/tickets", JSON, """
        {"companyName": "", "contactName": "Jan", "email": "not-an-address", "phone": "+32 50 12 34 56",
         "product": "AUTOCAD", "category": "QUESTION", "description": "",
         "earlierCallNumbers": ["42"]}
        """, null, null);

    assertThat(response.statusCode()).isEqualTo(400);
    List<String> fields = json.readTree(response.body()).get("errors").findValuesAsText("field");
    assertThat(fields).contains("companyName", "email", "product", "category", "description", "productionStopped",
        "earlierCallNumbers[0]");
    assertThat(counts()).isEqualTo(before);

    assertThat(web.post("/api/tickets", JSON, "{\"companyName\": ", null, null).statusCode()).isEqualTo(400);
    assertThat(web.post("/api/tickets", "text/plain", "hello", null, null).statusCode()).isEqualTo(415);
    assertThat(web.post("/api/tickets", JSON, registration("BUG", false).replace("false", "\"maybe\""), null, null)
        .body()).contains("productionStopped");
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  @DisplayName("C8.1 critical: the priority is decided again and the open task moves up; solved by the customer: the ticket closes")
  void customerUpdatesReachTheProcess() throws Exception {
    String eon = register(registration("SUPPORT", false), UUID.randomUUID().toString()).get("eonNumber").asText();
    Task before = openTask(eon);
    assertThat(before.getPriority()).isLessThan(100);

    HttpResponse<String> critical = web.post("/api/tickets/" + eon + "/updates", JSON,
        "{\"type\": \"CRITICAL\", \"message\": \"Both machines stand still now\"}", "engineer.edgecam", PASSWORD);
    assertThat(critical.statusCode()).as(critical.body()).isEqualTo(202);
    Task after = openTask(eon);
    assertThat(after.getPriority()).isEqualTo(100);
    assertThat(after.getDueDate()).isBefore(before.getDueDate());
    assertThat(tickets.findByEonNumber(eon).orElseThrow().getPriority()).isEqualTo(1);

    HttpResponse<String> solved = web.post("/api/tickets/" + eon + "/updates", JSON,
        "{\"type\": \"SOLVED_BY_CUSTOMER\", \"message\": \"A reboot fixed it\"}", "engineer.edgecam", PASSWORD);
    assertThat(solved.statusCode()).isEqualTo(202);
    Ticket closed = awaitStatus(eon, TicketStatus.CLOSED);
    assertThat(closed.getStatus()).isEqualTo(TicketStatus.CLOSED);
    assertThat(closed.getResolution()).isEqualTo(Resolution.SOLVED_BY_CUSTOMER);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(eon).count()).isZero();

    assertThat(web.post("/api/tickets/" + eon + "/updates", JSON, "{\"type\": \"INFO\", \"message\": \"x\"}",
        null, null).statusCode()).as("updates need a login").isEqualTo(401);
    assertThat(web.get("/api/tickets/" + eon, "engineer.edgecam", PASSWORD).body()).contains("A reboot fixed it");
    assertThat(web.get("/api/tickets/" + eon, null, null).statusCode()).isEqualTo(401);
    assertThat(web.get("/api/tickets/EON-1999-00001", "engineer.edgecam", PASSWORD).statusCode()).isEqualTo(404);
  }

  @Test
  @DisplayName("Tasklist's REST calls: the team's engineer claims and completes triage through its form variables; another team's engineer cannot")
  void engineerOfTheTeamWorksTheTask() throws Exception {
    String eon = register(registration("SUPPORT", false), UUID.randomUUID().toString()).get("eonNumber").asText();
    // The engineer works the task once the confirmation mail went out, not while its job ends that path.
    ProcessJobs.settle(managementService, tickets.findByEonNumber(eon).orElseThrow().getProcessInstanceId());
    String taskId = openTask(eon).getId();

    assertThat(web.post("/engine-rest/task/" + taskId + "/claim", JSON, "{\"userId\": \"engineer.visi\"}",
        "engineer.visi", PASSWORD).statusCode()).isIn(403, 404);
    assertThat(web.post("/engine-rest/task/" + taskId + "/claim", JSON, "{\"userId\": \"engineer.edgecam\"}",
        "engineer.edgecam", PASSWORD).statusCode()).isEqualTo(204);
    // As Tasklist asks for a Camunda Form's variables: the ticket's facts arrive as a JSON variable.
    JsonNode formVariables = json.readTree(web.get("/engine-rest/task/" + taskId
        + "/form-variables?deserializeValues=false", "engineer.edgecam", PASSWORD).body());
    assertThat(formVariables.at("/ticket/type").asText()).isEqualTo("Json");
    JsonNode facts = json.readTree(formVariables.at("/ticket/value").asText());
    assertThat(facts.get("description").asText()).isEqualTo("Postprocessor output stops after tool change");
    assertThat(facts.get("earlierCallNumbers").get(0).asText()).isEqualTo("EON-2026-00001");
    assertThat(facts.get("journal").findValuesAsText("text")).isNotEmpty();

    HttpResponse<String> submitted = web.post("/engine-rest/task/" + taskId + "/submit-form", JSON, """
        {"variables": {"triageOutcome": {"value": "HANDLE"}, "category": {"value": "SUPPORT"},
                       "triageNote": {"value": "Known postprocessor setting"}}}
        """, "engineer.edgecam", PASSWORD);
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(204);
    assertThat(openTask(eon).getName()).endsWith(" · Answer support question");
  }

  /** What Tasklist sends when an engineer claims the ticket's open task and submits its form. */
  private HttpResponse<String> submitOpenTask(String eon, String engineer, String variables) throws Exception {
    // The confirmation mail's job runs on the job executor: let it finish before the form moves the same process.
    ProcessJobs.settle(managementService, tickets.findByEonNumber(eon).orElseThrow().getProcessInstanceId());
    String taskId = openTask(eon).getId();
    assertThat(web.post("/engine-rest/task/" + taskId + "/claim", JSON, "{\"userId\": \"" + engineer + "\"}",
        engineer, PASSWORD).statusCode()).isEqualTo(204);
    return web.post("/engine-rest/task/" + taskId + "/submit-form", JSON, "{\"variables\": " + variables + "}",
        engineer, PASSWORD);
  }

  private List<String> journalTexts(String eon) throws Exception {
    HttpResponse<String> view = web.get("/api/tickets/" + eon, "lead", PASSWORD);
    assertThat(view.statusCode()).as(view.body()).isEqualTo(200);
    return json.readTree(view.body()).get("journal").findValuesAsText("text");
  }

  @Test
  @DisplayName("Correction C5.4: an engineer moves a ticket to another product on the triage form: the new team's triage, the old team no longer sees it in Tasklist nor through the ticket API; the journal says who and why")
  void engineerMovesTicketToAnotherTeam() throws Exception {
    String eon = register(registration("SUPPORT", false), UUID.randomUUID().toString()).get("eonNumber").asText();

    HttpResponse<String> noReason = submitOpenTask(eon, "engineer.edgecam", """
        {"triageOutcome": {"value": "MOVE"}, "category": {"value": "SUPPORT"}, "newProduct": {"value": "VISI"}}""");
    assertThat(noReason.statusCode()).as("a move says why").isGreaterThanOrEqualTo(400);
    assertThat(noReason.body()).contains("reason");
    HttpResponse<String> moved = submitOpenTask(eon, "engineer.edgecam", """
        {"triageOutcome": {"value": "MOVE"}, "category": {"value": "SUPPORT"}, "newProduct": {"value": "VISI"},
         "triageNote": {"value": "The part comes from VISI Modelling, not Edgecam"}}""");
    assertThat(moved.statusCode()).as(moved.body()).isEqualTo(204);

    String name = eon + " · Metaalwerken Vandamme · Triage ticket";
    assertThat(taskNames("engineer.edgecam", eon)).as("Camunda's task query as the old team's engineer").isEmpty();
    assertThat(taskNames("engineer.visi", eon)).containsExactly(name);
    assertThat(openTask(eon).getAssignee()).isNull();
    assertThat(web.get("/api/tickets/" + eon, "engineer.edgecam", PASSWORD).statusCode()).isEqualTo(403);
    assertThat(web.post("/api/tickets/" + eon + "/updates", JSON, "{\"type\": \"INFO\", \"message\": \"x\"}",
        "engineer.edgecam", PASSWORD).statusCode()).isEqualTo(403);
    HttpResponse<String> view = web.get("/api/tickets/" + eon, "engineer.visi", PASSWORD);
    assertThat(view.statusCode()).isEqualTo(200);
    assertThat(json.readTree(view.body()).get("product").asText()).isEqualTo("VISI");
    assertThat(journalTexts(eon)).contains("Moved from EDGECAM (support-edgecam) to VISI (support-visi): "
        + "The part comes from VISI Modelling, not Edgecam");
    assertThat(jdbc.queryForObject("SELECT author FROM journal_entry e JOIN ticket t ON t.id = e.ticket_id"
        + " WHERE t.eon_number = ? AND e.text LIKE 'Moved from%'", String.class, eon)).isEqualTo("engineer.edgecam");
  }

  @Test
  @DisplayName("Correction C6.4: an engineer raises a P3 to P1 with a reason: the ticket's deadlines, the task and the SLA timers move to the P1 targets counted from the clock start (hand-computed)")
  void engineerRaisesThePriority() throws Exception {
    // Monday 1 March 2027, 09:00 in Brussels (CET): the office is open, the clocks start at once (C6.1).
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-03-01T08:00:00Z")));
    try {
      String withoutContract = registration("SUPPORT", false).replace("Metaalwerken Vandamme", "Unknown Works")
          .replace("jan.vandamme@vandamme.example", "piet@unknown-works.example");
      String eon = register(withoutContract, UUID.randomUUID().toString()).get("eonNumber").asText();
      assertThat(tickets.findByEonNumber(eon).orElseThrow().getPriority()).as("C3.4 no contract").isEqualTo(4);

      HttpResponse<String> raised = submitOpenTask(eon, "engineer.edgecam", """
          {"triageOutcome": {"value": "HANDLE"}, "category": {"value": "SUPPORT"},
           "correctedPriority": {"value": "1"}, "priorityReason": {"value": "Both lathes stand still, confirmed by phone"}}""");
      assertThat(raised.statusCode()).as(raised.body()).isEqualTo(204);

      // P1: first response within PT1H, resolution within PT8H of office time (TicketPriority, rule Corrected1).
      // First response: Monday 09:00 + 1 h = 10:00 (09:00Z); warning at 80 %: 09:48 (08:48Z).
      // Resolution: Monday 09:00-12:30 and 13:00-17:00 is 7.5 h, the last 0.5 h on Tuesday from 08:30: Tuesday
      // 09:00 (08:00Z); warning at 6.4 h: 3.5 h to 12:30, 2.9 h from 13:00: Monday 15:54 (14:54Z).
      Ticket ticket = tickets.findByEonNumber(eon).orElseThrow();
      assertThat(ticket.getPriority()).isEqualTo(1);
      assertThat(ticket.getFirstResponseDueAt()).isEqualTo(Instant.parse("2027-03-01T09:00:00Z"));
      assertThat(ticket.getResolutionDueAt()).isEqualTo(Instant.parse("2027-03-02T08:00:00Z"));
      Map<String, Instant> timers = new HashMap<>();
      managementService.createJobQuery().processInstanceId(ticket.getProcessInstanceId()).timers().list()
          .forEach(job -> timers.put(managementService.createJobDefinitionQuery()
              .jobDefinitionId(job.getJobDefinitionId()).singleResult().getActivityId(), job.getDuedate().toInstant()));
      assertThat(timers).containsEntry("Event_FirstResponseOverdue", Instant.parse("2027-03-01T09:00:00Z"))
          .containsEntry("Event_FirstResponseDueSoon", Instant.parse("2027-03-01T08:48:00Z"))
          .containsEntry("Event_ResolutionOverdue", Instant.parse("2027-03-02T08:00:00Z"))
          .containsEntry("Event_ResolutionDueSoon", Instant.parse("2027-03-01T14:54:00Z"));
      Task answer = openTask(eon);
      assertThat(answer.getTaskDefinitionKey()).isEqualTo("Task_AnswerQuestion");
      assertThat(answer.getPriority()).isEqualTo(100);
      assertThat(answer.getDueDate().toInstant()).isEqualTo(Instant.parse("2027-03-02T08:00:00Z"));
      assertThat(journalTexts(eon)).contains("Priority changed from 4 to 1: Both lathes stand still, confirmed by phone");
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  @DisplayName("Correction C4.3: a duplicate merged into the earlier call is closed with a reference to it, the customer is told in his language, the earlier ticket's journal records it")
  void engineerMergesADuplicateIntoTheEarlierCall() throws Exception {
    String earlier = register(registration("SUPPORT", false), UUID.randomUUID().toString()).get("eonNumber").asText();
    String duplicate = register(registration("SUPPORT", false).replace("\"nl\"", "\"en\""),
        UUID.randomUUID().toString()).get("eonNumber").asText();

    HttpResponse<String> later = submitOpenTask(duplicate, "engineer.edgecam", """
        {"triageOutcome": {"value": "DUPLICATE"}, "category": {"value": "SUPPORT"},
         "duplicateOf": {"value": "EON-1999-00001"}}""");
    assertThat(later.statusCode()).as("no such call").isGreaterThanOrEqualTo(400);
    HttpResponse<String> merged = submitOpenTask(duplicate, "engineer.edgecam", """
        {"triageOutcome": {"value": "DUPLICATE"}, "category": {"value": "SUPPORT"},
         "duplicateOf": {"value": "%s"}, "triageNote": {"value": "Same postprocessor problem"}}""".formatted(earlier));
    assertThat(merged.statusCode()).as(merged.body()).isEqualTo(204);

    Ticket closed = awaitStatus(duplicate, TicketStatus.CLOSED);
    assertThat(closed.getResolution()).isEqualTo(Resolution.DUPLICATE);
    assertThat(closed.getEarlierCallNumbers()).contains(earlier);
    List<String> journal = journalTexts(duplicate);
    assertThat(journal).contains("Closed: DUPLICATE of " + earlier);
    assertThat(journal).anyMatch(text -> text.startsWith("Mail to jan.vandamme@vandamme.example: [" + duplicate
        + "] Your Edgecam support request is closed") && text.contains("Your question is handled further under call "
        + earlier + ", to which we added your registration."));
    assertThat(journalTexts(earlier)).anyMatch(text -> text.startsWith("Merged duplicate " + duplicate
        + " (Jan Vandamme, registered ") && text.endsWith("Postprocessor output stops after tool change"));
    assertThat(openTask(earlier).getTaskDefinitionKey()).as("the earlier call goes on").isEqualTo("Task_TriageTicket");
  }

  @Test
  @DisplayName("Correction: a ticket that needs no action is closed with the engineer's reason, and the customer is told")
  void engineerClosesATicketThatNeedsNoAction() throws Exception {
    String eon = register(registration("SUPPORT", false), UUID.randomUUID().toString()).get("eonNumber").asText();

    assertThat(submitOpenTask(eon, "engineer.edgecam", """
        {"triageOutcome": {"value": "NO_ACTION"}, "category": {"value": "SUPPORT"}}""").statusCode())
        .as("no action says why").isGreaterThanOrEqualTo(400);
    HttpResponse<String> closing = submitOpenTask(eon, "engineer.edgecam", """
        {"triageOutcome": {"value": "NO_ACTION"}, "category": {"value": "SUPPORT"},
         "triageNote": {"value": "Sent to inform us of their new machine, nothing to do"}}""");
    assertThat(closing.statusCode()).as(closing.body()).isEqualTo(204);

    Ticket closed = awaitStatus(eon, TicketStatus.CLOSED);
    assertThat(closed.getResolution()).isEqualTo(Resolution.NO_ACTION);
    assertThat(journalTexts(eon)).contains("Triage: NO_ACTION — Sent to inform us of their new machine, nothing to do",
        "Closed: NO_ACTION").anyMatch(text -> text.contains("uw bericht vraagt geen actie van de support"));
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(eon).count()).isZero();
  }

  /** Steps behind an asynchronous boundary run in the job executor, a moment later. */
  private Ticket awaitStatus(String eon, TicketStatus status) throws InterruptedException {
    Instant giveUp = Instant.now().plusSeconds(20);
    Ticket ticket = tickets.findByEonNumber(eon).orElseThrow();
    while (ticket.getStatus() != status && Instant.now().isBefore(giveUp)) {
      Thread.sleep(100);
      ticket = tickets.findByEonNumber(eon).orElseThrow();
    }
    return ticket;
  }

  @Test
  @DisplayName("Tasklist: each engineer sees the shared filters of their team, a lead those of all teams")
  void sharedFiltersFollowTheTeams() throws Exception {
    List<String> edgecam = filterNames("engineer.edgecam");
    assertThat(edgecam).contains("EDGECAM queue", "My tasks", "Due today", "SLA breached")
        .doesNotContain("VISI queue", "Overdue tickets (leads)");
    List<String> lead = filterNames("lead");
    assertThat(lead).contains("EDGECAM queue", "VISI queue", "Overdue tickets (leads)");
    assertThat(edgecam).doesNotHaveDuplicates();
  }

  @Test
  @DisplayName("Tasklist opens the readable filter of lowest priority: each team lands on its queue, a lead on all queues, the administration and the coordinator on theirs")
  void eachRoleLandsOnItsQueue() throws Exception {
    assertThat(landingFilter("engineer.edgecam")).isEqualTo("EDGECAM queue");
    assertThat(landingFilter("engineer.visi")).isEqualTo("VISI queue");
    assertThat(landingFilter("lead")).isEqualTo("All queues");
    assertThat(landingFilter("clerk")).isEqualTo("Administration");
    assertThat(landingFilter("coordinator")).isEqualTo("Trainings");
    assertThat(filterNames("clerk")).containsExactlyInAnyOrder("Administration", "My tasks", "Due today",
        "SLA breached");
    assertThat(filterNames("coordinator")).containsExactlyInAnyOrder("Trainings", "My tasks", "Due today",
        "SLA breached");
    assertThat(filterNames("engineer.edgecam")).doesNotContain("All queues", "Administration", "Trainings");
    JsonNode queue = filter("engineer.edgecam", "EDGECAM queue");
    assertThat(queue.at("/properties/variables").findValuesAsText("name")).contains("priority", "product");
  }

  @Test
  @DisplayName("Tasklist: a queue lists P1 first, then by due date, whatever Tasklist's own sorting (newest first) asks")
  void queueListsTheMostUrgentFirst() throws Exception {
    String p1 = register(registration("BUG", true), UUID.randomUUID().toString()).get("eonNumber").asText();
    String later = register(registration("SUPPORT", false), UUID.randomUUID().toString()).get("eonNumber").asText();
    String queue = filter("engineer.edgecam", "EDGECAM queue").get("id").asText();

    // What Tasklist posts when it opens a queue: its default sorting, newest first.
    HttpResponse<String> page = web.post("/engine-rest/filter/" + queue + "/list?firstResult=0&maxResults=1000", JSON,
        "{\"sorting\": [{\"sortBy\": \"created\", \"sortOrder\": \"desc\"}]}", "engineer.edgecam", PASSWORD);
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    List<JsonNode> rows = new ArrayList<>();
    json.readTree(page.body()).forEach(rows::add);
    List<String> names = rows.stream().map(row -> row.get("name").asText()).toList();
    assertThat(names.indexOf(p1 + " · Metaalwerken Vandamme · Triage ticket"))
        .isLessThan(names.indexOf(later + " · Metaalwerken Vandamme · Triage ticket")).isNotNegative();
    for (int i = 1; i < rows.size(); i++) {
      JsonNode before = rows.get(i - 1);
      JsonNode after = rows.get(i);
      assertThat(before.get("priority").asInt()).as(names.toString()).isGreaterThanOrEqualTo(after.get("priority").asInt());
      if (before.get("priority").asInt() == after.get("priority").asInt() && !after.get("due").isNull()) {
        assertThat(before.get("due").asText()).as(names.toString()).isLessThanOrEqualTo(after.get("due").asText());
      }
    }
  }

  @Test
  @DisplayName("Tasklist filters at start-up: a renamed or dropped shared filter is removed, none is doubled, a user's own filter stays")
  void formerSharedFiltersAreRemoved() {
    Filter former = filterService.newTaskFilter("EDGECAM wachtrij");
    former.setProperties(Map.of("priority", 0, TasklistFilters.OWNER_PROPERTY, TasklistFilters.OWNER));
    filterService.saveFilter(former);
    Filter twin = filterService.newTaskFilter("EDGECAM queue");
    twin.setProperties(Map.of(TasklistFilters.OWNER_PROPERTY, TasklistFilters.OWNER));
    filterService.saveFilter(twin);
    Filter own = filterService.newTaskFilter("Due today");
    own.setOwner("engineer.edgecam");
    filterService.saveFilter(own);

    tasklistFilters.run(null);

    assertThat(filterService.createFilterQuery().filterName("EDGECAM wachtrij").count()).isZero();
    assertThat(filterService.createFilterQuery().filterName("EDGECAM queue").count()).isEqualTo(1);
    assertThat(filterService.createFilterQuery().filterName("Due today").filterOwner("engineer.edgecam").count())
        .isEqualTo(1);
    assertThat(filterService.createFilterQuery().count())
        .isEqualTo(tasklistFilters.filters().size() + 1);
    filterService.deleteFilter(own.getId());
  }

  /** The filter Tasklist opens after login: the first of the lowest "priority" property the user may read. */
  private String landingFilter(String user) throws Exception {
    JsonNode landing = null;
    for (JsonNode filter : json.readTree(web.get("/engine-rest/filter?resourceType=Task", user, PASSWORD).body())) {
      if (landing == null || filter.at("/properties/priority").asInt() < landing.at("/properties/priority").asInt()) {
        landing = filter;
      }
    }
    return landing == null ? null : landing.get("name").asText();
  }

  private JsonNode filter(String user, String name) throws Exception {
    for (JsonNode filter : json.readTree(web.get("/engine-rest/filter", user, PASSWORD).body())) {
      if (name.equals(filter.get("name").asText())) {
        return filter;
      }
    }
    throw new AssertionError(user + " reads no filter " + name);
  }

  private List<String> filterNames(String user) throws Exception {
    List<String> names = new ArrayList<>();
    json.readTree(web.get("/engine-rest/filter", user, PASSWORD).body()).forEach(f -> names.add(f.get("name").asText()));
    return names;
  }

  @Test
  @DisplayName("Issue 18: GET /api/tickets finds open and closed tickets by words (prefixes), EON number, company, product, state and period, newest first, a page at a time; engineers find their team's only")
  void ticketsAreFoundByWordsAndFilters() throws Exception {
    String word = "spindelkop" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
    String edgecam = register(registration("SUPPORT", false).replace("Postprocessor output stops after tool change",
        "Spindle " + word + " stalls"), UUID.randomUUID().toString()).get("eonNumber").asText();
    String visi = register(registration("SUPPORT", false).replace("\"EDGECAM\"", "\"VISI\"")
        .replace("Metaalwerken Vandamme", "Gieterij Peeters").replace("jan.vandamme@vandamme", "els@peeters")
        .replace("Postprocessor output stops after tool change", "Mould " + word.toUpperCase() + " crashes"),
        UUID.randomUUID().toString()).get("eonNumber").asText();

    assertThat(found("q=" + word, "lead")).as("newest first, whatever the case").containsExactly(visi, edgecam);
    assertThat(found("q=" + word.substring(0, 12), "manager")).as("a word's start finds it").contains(visi, edgecam);
    assertThat(found("q=" + word, "engineer.edgecam")).as("engineers find their team's tickets").containsExactly(edgecam);
    assertThat(found("q=" + word, "engineer.visi")).containsExactly(visi);
    assertThat(found("q=" + edgecam, "lead")).containsExactly(edgecam);
    assertThat(found("q=" + word + "&company=vandam", "lead")).containsExactly(edgecam);
    assertThat(found("q=" + word + "+stalls+jan", "lead")).as("every word must hold").containsExactly(edgecam);
    assertThat(found("q=" + word + "&product=VISI", "lead")).containsExactly(visi);
    assertThat(found("q=" + word + "&state=OPEN", "lead")).containsExactly(visi, edgecam);
    assertThat(found("q=" + word + "&state=CLOSED&state=SOLUTION_SENT", "lead")).isEmpty();
    String today = EngineClock.today().toString();
    assertThat(found("q=" + word + "&from=" + today + "&to=" + today, "lead")).containsExactly(visi, edgecam);
    assertThat(found("q=" + word + "&to=2020-01-01", "lead")).isEmpty();

    JsonNode first = json.readTree(web.get("/api/tickets?size=1&q=" + word, "lead", PASSWORD).body());
    assertThat(first.get("hasNext").asBoolean()).isTrue();
    assertThat(first.get("tickets").get(0).get("subject").asText()).isEqualTo("Mould " + word.toUpperCase()
        + " crashes");
    assertThat(first.get("tickets").get(0).get("company").asText()).isEqualTo("Gieterij Peeters");
    JsonNode second = json.readTree(web.get("/api/tickets?size=1&page=1&q=" + word, "lead", PASSWORD).body());
    assertThat(second.get("tickets").get(0).get("eonNumber").asText()).isEqualTo(edgecam);
    assertThat(second.get("hasNext").asBoolean()).isFalse();

    assertThat(web.get("/api/tickets?from=2026-02-01&to=2026-01-01", "lead", PASSWORD).statusCode()).isEqualTo(400);
    assertThat(web.get("/api/tickets?state=GONE", "lead", PASSWORD).statusCode()).isEqualTo(400);
    assertThat(web.get("/api/tickets?size=1000", "lead", PASSWORD).statusCode()).isEqualTo(400);
    assertThat(web.get("/api/tickets?q=" + word, "clerk", PASSWORD).statusCode()).isEqualTo(403);
    assertThat(web.get("/api/tickets?q=" + word, null, null).statusCode()).isEqualTo(401);
  }

  private List<String> found(String query, String user) throws Exception {
    HttpResponse<String> response = web.get("/api/tickets?" + query, user, PASSWORD);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body()).get("tickets").findValuesAsText("eonNumber");
  }

  @Test
  @DisplayName("The JSON API is documented with OpenAPI")
  void apiIsDocumented() {
    assertThat(web.get("/v3/api-docs", null, null).body())
        .contains("/api/tickets", "/api/tickets/{number}/updates", "Idempotency-Key", "productionStopped");
  }

  private List<String> taskNames(String user, String eon) throws Exception {
    HttpResponse<String> response = web.get("/engine-rest/task?processInstanceBusinessKey=" + eon, user, PASSWORD);
    assertThat(response.statusCode()).isEqualTo(200);
    return json.readTree(response.body()).findValuesAsText("name");
  }

  private Map<String, Long> counts() {
    return Map.of(
        "tickets", tickets.count(),
        "journal", jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry", Long.class),
        "processes", historyService.createHistoricProcessInstanceQuery().count());
  }
}
