package com.produsoft.supportdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.produsoft.supportdesk.platform.MySqlDatabase;
import com.produsoft.supportdesk.demo.DemoUsers;
import com.produsoft.supportdesk.platform.ProcessJobs;
import com.produsoft.supportdesk.platform.security.WebClient;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The happy path of a ticket on the production profile against MySQL/MariaDB: registered through the API,
 * triaged and answered by the team's engineer through the REST calls Tasklist makes, solution sent, closed when
 * the reopen period is over.
 */
class TicketHappyPathMySqlTest {

  private static MySqlDatabase database;
  private static ConfigurableApplicationContext app;

  @BeforeAll
  static void start() {
    database = MySqlDatabase.createFresh("happy_path");
    app = database.startApplication(Stream.concat(Stream.of("--support.demo-data.enabled=true"),
        Arrays.stream(RegistrationBurst.properties()).map(property -> "--" + property)).toArray(String[]::new));
  }

  @AfterAll
  static void stop() throws Exception {
    if (app != null) {
      app.close();
    }
    if (database != null) {
      database.close();
    }
  }

  @Test
  @DisplayName("MySQL: register (C5.1), triage (C5.4), answer by phone (C6.4), solution sent, closed after the reopen period")
  void ticketRunsItsHappyPathOnMySql() throws Exception {
    WebClient web = new WebClient(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
    ObjectMapper json = app.getBean(ObjectMapper.class);
    TaskService taskService = app.getBean(TaskService.class);
    TicketRepository tickets = app.getBean(TicketRepository.class);
    ManagementService management = app.getBean(ManagementService.class);

    HttpResponse<String> registered = web.post("/api/tickets", "application/json", TicketApiTest.registration("SUPPORT", false),
        null, null, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    String eon = json.readTree(registered.body()).get("eonNumber").asText();

    Task triage = taskService.createTaskQuery().processInstanceBusinessKey(eon).singleResult();
    assertThat(triage.getTaskDefinitionKey()).isEqualTo("Task_TriageTicket");
    assertThat(taskService.getIdentityLinksForTask(triage.getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("support-edgecam"));
    // The engineer triages once the confirmation mail went out, not while its job ends that path of the process.
    ProcessJobs.settle(management, triage.getProcessInstanceId());
    work(web, triage.getId(), """
        {"triageOutcome": {"value": "HANDLE"}, "category": {"value": "SUPPORT"}}""");

    Task answer = taskService.createTaskQuery().processInstanceBusinessKey(eon).singleResult();
    assertThat(answer.getTaskDefinitionKey()).isEqualTo("Task_AnswerQuestion");
    work(web, answer.getId(), """
        {"answer": {"value": "Set the tool change macro to M6 T%T"}, "answerChannel": {"value": "PHONE"}}""");

    Ticket sent = await(() -> tickets.findByEonNumber(eon).orElseThrow(), TicketStatus.SOLUTION_SENT);
    assertThat(sent.getFirstResponseAt()).isNotNull();
    assertThat(sent.getResolvedAt()).isNotNull();

    Job reopenPeriod = management.createJobQuery().processInstanceId(sent.getProcessInstanceId()).timers()
        .singleResult();
    management.executeJob(reopenPeriod.getId());

    Ticket closed = await(() -> tickets.findByEonNumber(eon).orElseThrow(), TicketStatus.CLOSED);
    assertThat(closed.getResolution()).isEqualTo(Resolution.SOLVED);
    assertThat(app.getBean(RuntimeService.class).createProcessInstanceQuery().processInstanceBusinessKey(eon).count())
        .isZero();
    assertThat(web.get("/api/tickets/" + eon, "engineer.edgecam", DemoUsers.PASSWORD).body())
        .contains("Set the tool change macro", "Closed: SOLVED");
  }

  @Test
  @DisplayName("MySQL, issue 16: a burst of four times the pool's size of registrations with replays is registered or"
      + " refused quickly with Retry-After, never a false outage; one ticket and one process per Idempotency-Key")
  void burstOfRegistrationsWithReplays() throws Exception {
    new RegistrationBurst(new WebClient(Integer.parseInt(app.getEnvironment().getProperty("local.server.port"))),
        app.getBean(ObjectMapper.class), app.getBean(JdbcTemplate.class), app.getBean(RuntimeService.class),
        Duration.ofMillis(app.getBean(HikariDataSource.class).getConnectionTimeout())).run();
  }

  private static void work(WebClient web, String taskId, String variables) {
    assertThat(web.post("/engine-rest/task/" + taskId + "/claim", "application/json",
        "{\"userId\": \"engineer.edgecam\"}", "engineer.edgecam", DemoUsers.PASSWORD).statusCode()).isEqualTo(204);
    HttpResponse<String> submitted = web.post("/engine-rest/task/" + taskId + "/submit-form", "application/json",
        "{\"variables\": " + variables + "}", "engineer.edgecam", DemoUsers.PASSWORD);
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(204);
  }

  private static Ticket await(Supplier<Ticket> ticket, TicketStatus status) throws InterruptedException {
    Instant giveUp = Instant.now().plusSeconds(30);
    Ticket current = ticket.get();
    while (current.getStatus() != status && Instant.now().isBefore(giveUp)) {
      Thread.sleep(200);
      current = ticket.get();
    }
    assertThat(current.getStatus()).isEqualTo(status);
    return current;
  }
}
