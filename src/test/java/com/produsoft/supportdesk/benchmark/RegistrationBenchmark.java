package com.produsoft.supportdesk.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

import com.produsoft.supportdesk.ticket.TicketRepository;

/**
 * B1 (docs/performance.md): {@code POST /api/tickets} (entitlement, DMN, ticket rows, process start, first task
 * with due date) at 1, 8 and 32 concurrent clients, against the bare engine on the same application, database
 * and HTTP stack: a one-user-task process started by key through Camunda's REST API. Each step runs for a fixed
 * time; the registration and the bare start alternate at each concurrency, and every step starts once the job
 * executor has sent the previous step's confirmation mails, so that no step pays for another.
 */
class RegistrationBenchmark {

  private static final String BARE_PROCESS = "BenchmarkBareStart";
  private static final Duration STEP = Duration.ofSeconds(Integer.getInteger("benchmark.b1.seconds", 20));
  private static final Duration WARM_UP = Duration.ofSeconds(15);
  private static final int[] CLIENTS = {1, 8, 32};
  private static final double TARGET_RATIO = 0.5;

  /** Customers under a maintenance contract in the demo register, one per product team. */
  private record Caller(String company, String contact, String email, String product) {
  }

  private static final List<Caller> CALLERS = List.of(
      new Caller("Metaalwerken Vandamme NV", "Jan Vandamme", "jan.vandamme@vandamme.example", "EDGECAM"),
      new Caller("Matrijzenbouw De Smet BV", "Pieter De Smet", "pieter.desmet@desmet-matrijzen.example", "VISI"),
      new Caller("Matrijzenbouw De Smet BV", "Lotte Van Hecke", "lotte.vanhecke@desmet-matrijzen.example", "WORKNC"),
      new Caller("Plaatbewerking Peeters BV", "Wim Peeters", "wim.peeters@peeters-plaat.example", "RADAN"),
      new Caller("Draadvonkerij Claes BV", "Stijn Claes", "stijn.claes@claes-draadvonk.example", "PEPS"),
      new Caller("Ateliers Mécaniques Lambert SA", "Julien Lambert", "julien.lambert@ateliers-lambert.example",
          "SPACECLAIM"));

  @Test
  void registrationAgainstBareEngineStart() throws Exception {
    try (BenchmarkApp app = BenchmarkApp.start("b1_registration")) {
      deployBareProcess(app.bean(RepositoryService.class));
      BenchmarkReport report = app.describe(new BenchmarkReport("b1-registration",
          "B1 registration (POST /api/tickets) against the bare engine start"))
          .setting("step duration", STEP.toSeconds() + " s per concurrency and kind, after " + WARM_UP.toSeconds()
              + " s warm-up of each at 8 clients");

      BenchmarkApp.load(8, WARM_UP, Integer.MAX_VALUE, (client, n) -> register(app, n));
      app.awaitJobsDone(Duration.ofMinutes(2));
      BenchmarkApp.load(8, WARM_UP, Integer.MAX_VALUE, (client, n) -> startBare(app, n));

      long registered = 0;
      for (int clients : CLIENTS) {
        app.awaitJobsDone(Duration.ofMinutes(2));
        Latencies registrations = BenchmarkApp.load(clients, STEP, Integer.MAX_VALUE, (client, n) -> register(app, n));
        registered += registrations.count();
        app.awaitJobsDone(Duration.ofMinutes(2));
        Latencies bare = BenchmarkApp.load(clients, STEP, Integer.MAX_VALUE, (client, n) -> startBare(app, n));
        rows(report, "registration, " + clients + " clients", "tickets/s", registrations);
        rows(report, "bare start, " + clients + " clients", "starts/s", bare);
        double ratio = registrations.perSecond() / bare.perSecond();
        if (clients == 8) {
          report.row("ratio, 8 clients", "registration / bare start (throughput)", ratio, "",
              ">= " + TARGET_RATIO, ratio >= TARGET_RATIO);
        } else {
          report.row("ratio, " + clients + " clients", "registration / bare start (throughput)", ratio, "");
        }
      }

      // Every timed registration really queued its triage task (the warm-up's are counted separately).
      long tickets = app.bean(TicketRepository.class).count();
      long triageTasks = app.bean(TaskService.class).createTaskQuery().taskDefinitionKey("Task_TriageTicket").count();
      assertThat(triageTasks).isEqualTo(tickets).isGreaterThanOrEqualTo(registered);
      report.remark("Registrations: realistic JSON bodies of the demo customers under contract, one per product"
          + " team, each with its own Idempotency-Key; every one answered 201 and queued its triage task ("
          + tickets + " tickets in all, warm-up included).")
          .remark("Bare start: POST /engine-rest/process-definition/key/" + BARE_PROCESS + "/start as `admin`"
              + " (Basic auth), a process of one user task (candidate group, priority, due date) deployed by the"
              + " benchmark through the engine.")
          .remark("Confirmation mails are sent by the job executor after each registration's commit (as in"
              + " production); each step starts once the previous step's jobs are done.")
          .write();
    }
  }

  private static void rows(BenchmarkReport report, String scenario, String unit, Latencies latencies) {
    report.row(scenario, "throughput", latencies.perSecond(), unit)
        .row(scenario, "p50", latencies.percentileMillis(50), "ms")
        .row(scenario, "p95", latencies.percentileMillis(95), "ms")
        .row(scenario, "p99", latencies.percentileMillis(99), "ms");
  }

  private static void register(BenchmarkApp app, long n) {
    Caller caller = CALLERS.get((int) (n % CALLERS.size()));
    String body = """
        {"companyName": "%s", "contactName": "%s", "email": "%s", "phone": "+32 50 12 34 56",
         "product": "%s", "category": "%s", "productionStopped": %s, "language": "nl",
         "description": "Benchmark call %d: postprocessor output stops after tool change %d",
         "reproduction": "Open part %d and generate NC code for the DMG Mori", "operatingSystem": "Windows 11 23H2",
         "thirdPartySoftware": "SolidWorks 2025 SP2", "impact": "One machine waits"}
        """.formatted(caller.company(), caller.contact(), caller.email(), caller.product(),
        n % 5 == 0 ? "BUG" : "SUPPORT", n % 7 == 0, n, n % 40, 4000 + n);
    app.call("POST", "/api/tickets", body, null, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
  }

  private static void startBare(BenchmarkApp app, long n) {
    app.call("POST", "/engine-rest/process-definition/key/" + BARE_PROCESS + "/start",
        "{\"businessKey\": \"BARE-" + n + "-" + UUID.randomUUID() + "\"}", "admin", Map.of());
  }

  /** The baseline: start event, one user task for a team with priority and due date, end. */
  private static void deployBareProcess(RepositoryService repository) {
    BpmnModelInstance model = Bpmn.createExecutableProcess(BARE_PROCESS)
        .camundaHistoryTimeToLive(1)
        .startEvent()
        .userTask("Task_Work").camundaCandidateGroups("support-edgecam").camundaPriority("50")
        .camundaDueDate("${dateTime().plusDays(1).toDate()}")
        .endEvent()
        .done();
    repository.createDeployment().name("benchmark-bare-start").addModelInstance(BARE_PROCESS + ".bpmn", model)
        .deploy();
  }
}
