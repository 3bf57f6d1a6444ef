package com.produsoft.supportdesk.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.produsoft.supportdesk.platform.ApplicationNode;
import com.produsoft.supportdesk.platform.MySqlDatabase;
import com.produsoft.supportdesk.demo.DemoUsers;
import com.produsoft.supportdesk.platform.security.WebClient;

/**
 * Issue 11, two nodes: two application JVMs started at the same moment on one empty database (Liquibase's lock,
 * Camunda's deployment lock). Registrations and mails spread over both; every ticket is read, and tasks are worked,
 * through the node that did not register it; SLA timers (C6.4) and asynchronous steps run exactly once although
 * both job executors compete for them.
 *
 * <p>Timers: the first-response timers of a ticket fall due hours ahead in office time. Instead of moving the
 * clock of two JVMs, the scenario moves those timers' due dates to now through Camunda's REST API ({@code PUT
 * /job/{id}/duedate}, what an operator does to run a timer early); then both nodes' job executors find them due.
 */
class TwoNodeScenarioIT {

  static final String SCENARIO = "two nodes, one database";
  private static final int REGISTRATIONS = 200;
  private static final int MAILS = 100;
  private static final int REPLAYED = 20;
  private static final int WORKED = 20;
  private static final int TIMED = 40;
  private static final String ADMIN = "admin";
  private static final String ENGINEER = "engineer.edgecam";
  private static final DateTimeFormatter REST_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
      .withZone(ZoneOffset.UTC);

  private final ObjectMapper json = new ObjectMapper();

  @Test
  @DisplayName("two nodes: one deployment, either node serves any ticket, timers and async steps run once (C6.4)")
  void twoNodesShareOneDatabase() throws Exception {
    try (MySqlDatabase database = MySqlDatabase.createFresh("two_nodes");
        Mailboxes mailboxes = new Mailboxes();
        // demo users (admin, lead, engineers) for the REST calls, created by one node only
        ApplicationNode a = AppNode.of("node-a", List.of(database.springArguments()), mailboxes,
            "--support.demo-data.enabled=true");
        ApplicationNode b = AppNode.of("node-b", List.of(database.springArguments()), mailboxes)) {
      a.start();
      b.start();
      a.awaitUp(Duration.ofMinutes(5));
      b.awaitUp(Duration.ofMinutes(5));
      Map<String, WebClient> web = Map.of(a.baseUrl(), new WebClient(a.port()), b.baseUrl(), new WebClient(b.port()));
      Ledger ledger = new Ledger(database);
      List<Ledger.Row> rows = new ArrayList<>();
      rows.add(deployment(ledger.definitionVersions()));

      RegistrationClients clients = new RegistrationClients("twonode", List.of(a.baseUrl(), b.baseUrl()), "EDGECAM");
      MailTraffic mails = new MailTraffic("twonode", mailboxes);
      clients.start(6, REGISTRATIONS);
      Thread mailer = mails.start(MAILS, Duration.ofMillis(100), clients::acknowledged);
      assertThat(clients.await(Duration.ofMinutes(5))).as("clients done").isTrue();
      mailer.join();
      List<RegistrationClients.Ack> acks = clients.acknowledged().values().stream()
          .sorted(Comparator.comparing(RegistrationClients.Ack::key)).toList();
      Map<String, String> otherNode = Map.of(a.baseUrl(), b.baseUrl(), b.baseUrl(), a.baseUrl());

      int sameTicket = 0;
      for (RegistrationClients.Ack ack : acks.subList(0, REPLAYED)) {
        sameTicket += clients.replay(ack, otherNode.get(ack.node())).eonNumber().equals(ack.eonNumber()) ? 1 : 0;
      }
      rows.add(new Ledger.Row("two nodes", "Idempotency-Key replayed on the other node", REPLAYED, sameTicket,
          REPLAYED - sameTicket, 0));

      int served = 0;
      for (RegistrationClients.Ack ack : acks) {
        HttpResponse<String> ticket = web.get(otherNode.get(ack.node()))
            .get("/api/tickets/" + ack.eonNumber(), "lead", DemoUsers.PASSWORD);
        served += ticket.statusCode() == 200 && ticket.body().contains(ack.eonNumber()) ? 1 : 0;
      }
      rows.add(new Ledger.Row("two nodes", "tickets read on the other node", acks.size(), served, 0,
          acks.size() - served));

      List<String> worked = new ArrayList<>();
      for (RegistrationClients.Ack ack : acks.subList(REPLAYED, REPLAYED + WORKED)) {
        work(web.get(otherNode.get(ack.node())), ack.eonNumber(), "Task_TriageTicket",
            "{\"triageOutcome\": {\"value\": \"HANDLE\"}, \"category\": {\"value\": \"SUPPORT\"}}");
        work(web.get(ack.node()), ack.eonNumber(), "Task_AnswerQuestion",
            """
            {"answer": {"value": "Set the tool change macro to M6 T%T"}, "answerChannel": {"value": "PHONE"}}""");
        worked.add(ack.eonNumber());
      }

      List<String> timed = new ArrayList<>();
      List<String> timerJobs = new ArrayList<>();
      for (RegistrationClients.Ack ack : acks.subList(REPLAYED + WORKED, REPLAYED + WORKED + TIMED)) {
        String instance = processInstanceId(web.get(ack.node()), ack.eonNumber());
        timerJobs.add(timerJob(web.get(ack.node()), instance, "Event_FirstResponseDueSoon"));
        timerJobs.add(timerJob(web.get(ack.node()), instance, "Event_FirstResponseOverdue"));
        timed.add(ack.eonNumber());
      }
      Instant now = Instant.now();
      int retried = 0;
      for (int i = 0; i < timerJobs.size(); i++) {
        retried += dueNow(web.get(i % 2 == 0 ? a.baseUrl() : b.baseUrl()), timerJobs.get(i), now);
      }

      boolean quiet = ledger.awaitQuiet(mailboxes, Duration.ofMinutes(8));
      rows.addAll(ledger.exactlyOnce("two nodes", acks, mails.sent()));
      rows.add(ledger.stepPerTicket("two nodes", "async: solution step + mail (worked on both nodes)",
          "Task_SendSolution", "SOLUTION", worked));
      rows.add(ledger.stepPerTicket("two nodes", "timer: first response due soon fired", "Event_FirstResponseDueSoon",
          null, timed));
      rows.add(ledger.journalPerTicket("two nodes", "async after timer: assignee warned (journal)", "SLA_WARNING",
          timed));
      rows.add(ledger.stepPerTicket("two nodes", "timer: first response overdue fired", "Event_FirstResponseOverdue",
          null, timed));
      rows.add(ledger.journalPerTicket("two nodes", "breach recorded (journal)", "SLA_BREACH", timed));
      Map<String, Integer> jobsPerNode = ledger.jobsPerNode();
      Results.publish(SCENARIO, rows, List.of(
          "both nodes started at the same moment on an empty database; definitions " + ledger.definitionVersions(),
          "jobs executed per node (Camunda job log): " + jobsPerNode + "; " + retried
              + " due-date changes repeated after a concurrent change",
          ledger.jobFigures(quiet), mailboxes.sentMails()));

      assertThat(clients.inconsistent()).isEmpty();
      assertThat(quiet).as("all mails read and all due jobs done").isTrue();
      Ledger.assertExactlyOnce(rows);
      assertThat(rows).allSatisfy(row -> assertThat(row.found()).as(row.what()).isEqualTo(row.acknowledged()));
      assertThat(jobsPerNode).as("both job executors worked").containsKeys(a.name(), b.name());
      assertThat(ledger.incidents()).as("incidents").isZero();
    }
  }

  /** One version of every process and decision in processes/, however many nodes deployed at once. */
  private static Ledger.Row deployment(Map<String, Integer> versions) throws IOException {
    Set<String> expected = new TreeSet<>();
    Pattern process = Pattern.compile("<bpmn:process id=\"([^\"]+)\"[^>]*isExecutable=\"true\"");
    Pattern decision = Pattern.compile("<decision id=\"([^\"]+)\"");
    try (Stream<Path> models = Files.list(Path.of("processes"))) {
      for (Path model : models.filter(file -> file.toString().endsWith(".bpmn") || file.toString().endsWith(".dmn"))
          .toList()) {
        String text = Files.readString(model);
        Matcher matcher = (model.toString().endsWith(".dmn") ? decision : process).matcher(text);
        while (matcher.find()) {
          expected.add(matcher.group(1));
        }
      }
    }
    int once = (int) expected.stream().filter(key -> versions.getOrDefault(key, 0) == 1).count();
    int twice = (int) expected.stream().filter(key -> versions.getOrDefault(key, 0) > 1).count();
    int missing = (int) expected.stream().filter(key -> !versions.containsKey(key)).count();
    return new Ledger.Row("two nodes", "definitions deployed by both nodes (versions)", expected.size(), once, twice,
        missing);
  }

  /** What Tasklist does: the engineer claims the ticket's task and submits its form. */
  private void work(WebClient node, String eon, String taskKey, String variables) throws IOException {
    JsonNode tasks = json.readTree(node.get("/engine-rest/task?processInstanceBusinessKey=" + eon
        + "&taskDefinitionKey=" + taskKey, ADMIN, DemoUsers.PASSWORD).body());
    assertThat(tasks).as(taskKey + " of " + eon).hasSize(1);
    String task = tasks.get(0).get("id").asText();
    assertThat(node.post("/engine-rest/task/" + task + "/claim", "application/json",
        "{\"userId\": \"" + ENGINEER + "\"}", ENGINEER, DemoUsers.PASSWORD).statusCode()).isEqualTo(204);
    HttpResponse<String> submitted = node.post("/engine-rest/task/" + task + "/submit-form", "application/json",
        "{\"variables\": " + variables + "}", ENGINEER, DemoUsers.PASSWORD);
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(204);
  }

  private String processInstanceId(WebClient node, String eon) throws IOException {
    JsonNode instances = json.readTree(node.get("/engine-rest/process-instance?processDefinitionKey=TicketProcess"
        + "&businessKey=" + eon, ADMIN, DemoUsers.PASSWORD).body());
    assertThat(instances).as("process of " + eon).hasSize(1);
    return instances.get(0).get("id").asText();
  }

  private String timerJob(WebClient node, String processInstanceId, String timer) throws IOException {
    JsonNode jobs = json.readTree(node.get("/engine-rest/job?processInstanceId=" + processInstanceId
        + "&activityId=" + timer, ADMIN, DemoUsers.PASSWORD).body());
    assertThat(jobs).as(timer + " of " + processInstanceId).hasSize(1);
    return jobs.get(0).get("id").asText();
  }

  /**
   * Moves a timer's due date to now; answers how often the call had to be repeated. The other timer of the same
   * instance may fire meanwhile on either node, and the engine then refuses the call as a concurrent change (500,
   * nothing changed), as it would refuse Cockpit: the operator, like this client, tries again.
   */
  private int dueNow(WebClient node, String job, Instant now) throws InterruptedException {
    String body = "{\"duedate\": \"" + REST_DATE.format(now) + "\"}";
    for (int repeated = 0; ; repeated++) {
      HttpResponse<String> moved = node.put("/engine-rest/job/" + job + "/duedate", "application/json", body, ADMIN,
          DemoUsers.PASSWORD);
      if (moved.statusCode() == 204) {
        return repeated;
      }
      assertThat(repeated).as(moved.body()).isLessThan(5);
      Thread.sleep(300);
    }
  }

}
