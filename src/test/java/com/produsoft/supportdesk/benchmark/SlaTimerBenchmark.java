package com.produsoft.supportdesk.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.produsoft.supportdesk.SupportDeskApplication;
import com.produsoft.supportdesk.benchmark.BenchmarkData.KnownContact;
import com.produsoft.supportdesk.platform.MySqlDatabase;
import com.produsoft.supportdesk.ticket.Channel;
import com.produsoft.supportdesk.ticket.TicketRegistration;
import com.produsoft.supportdesk.ticket.TicketService;

/**
 * B3 (docs/performance.md): 10,000 open tickets whose first-response deadline (C6.4) passes at the same moment T.
 * How long until every timer fired and the breach is recorded and escalated to the support leads, on one node
 * and on two nodes sharing the database (the job executor's own clustering), each timer firing exactly once.
 *
 * <p>The tickets are registered once, through {@link TicketService} as any channel does, in an in-process
 * application whose job executor is off; their confirmation mails are cancelled (sent long ago, as far as the
 * benchmark is concerned) and every other timer is moved to the end of time, so that only the first-response
 * timers come due. Each scenario gets its own copy of that database and its own nodes (the packaged jar, separate
 * JVMs); T is set once all its nodes are up: now plus {@link #LEAD}, real wall time, in one UPDATE of the timers'
 * due dates (what {@code ManagementService.setJobDuedate} does job by job) and the tickets' deadlines.
 */
class SlaTimerBenchmark {

  private static final int TICKETS = Integer.getInteger("benchmark.b3.tickets", 10_000);
  private static final int PREPARING_THREADS = 4;
  /** From "all nodes up" to T: the job executors go idle first, as they do before a real deadline. */
  private static final Duration LEAD = Duration.ofSeconds(20);
  private static final Duration GIVE_UP = Duration.ofMinutes(4);
  private static final String FIRST_RESPONSE_TIMER = "Event_FirstResponseOverdue";
  private static final String FIRST_RESPONSE_TIMERS_LEFT = "SELECT COUNT(*) FROM ACT_RU_JOB WHERE JOB_DEF_ID_ IN"
      + " (SELECT ID_ FROM ACT_RU_JOBDEF WHERE ACT_ID_ = '" + FIRST_RESPONSE_TIMER + "')";
  private static final String[] PRODUCTS = {"VISI", "WORKNC", "EDGECAM", "RADAN", "PEPS", "SPACECLAIM"};

  /** The job executor as Camunda ships it, to compare with the tuned settings of application-mysql.yml. */
  private static final List<String> CAMUNDA_DEFAULTS = List.of(
      "--camunda.bpm.job-execution.max-jobs-per-acquisition=3",
      "--camunda.bpm.job-execution.wait-time-in-millis=5000",
      "--camunda.bpm.job-execution.max-wait=60000",
      "--camunda.bpm.job-execution.core-pool-size=3",
      "--camunda.bpm.job-execution.max-pool-size=10",
      "--camunda.bpm.job-execution.queue-capacity=3",
      "--camunda.bpm.job-execution.backoff-time-in-millis=0",
      "--camunda.bpm.job-execution.max-backoff=0",
      "--spring.datasource.hikari.maximum-pool-size=10");

  /** What one scenario measured; durations from T, null when the run gave up. */
  record Outcome(String scenario, int nodes, int timers, Duration firstFired, Duration allEscalated,
      long breaches, long reviewTasks, long timersLeft, long firedTwice, long breachedTwice, long failedJobs) {

    boolean complete() {
      return allEscalated != null;
    }

    double seconds() {
      return complete() ? allEscalated.toMillis() / 1000.0 : GIVE_UP.toSeconds();
    }
  }

  @Test
  @DisplayName("B3: 10,000 first-response timers due at once fire exactly once and escalate, on one and on two nodes (C6.4)")
  void firstResponseTimers() throws Exception {
    BenchmarkReport report = new BenchmarkReport("b3-sla-timers",
        "B3 SLA timers: " + String.format(Locale.ROOT, "%,d", TICKETS) + " first-response timers due at the same moment");
    List<Outcome> outcomes = new ArrayList<>();
    try (MySqlDatabase template = MySqlDatabase.createFresh("b3_template")) {
      long preparing = System.nanoTime();
      prepare(template);
      report.row("preparation", "tickets registered through TicketService (4 threads)", TICKETS, "tickets");
      report.row("preparation", "time to register them", (System.nanoTime() - preparing) / 1e9, "s");
      try (Connection connection = template.connect()) {
        report.database(connection);
      }
      outcomes.add(run(template, "1 node, Camunda's job executor defaults", 1, CAMUNDA_DEFAULTS));
      outcomes.add(run(template, "1 node, tuned (application-mysql.yml)", 1, List.of()));
      outcomes.add(run(template, "2 nodes, tuned (application-mysql.yml)", 2, List.of()));
    }
    Outcome defaults = outcomes.get(0);
    Outcome oneNode = outcomes.get(1);
    Outcome twoNodes = outcomes.get(2);
    for (Outcome outcome : outcomes) {
      report.row(outcome.scenario(), "first timer fired, after T", outcome.firstFired() == null ? -1
          : outcome.firstFired().toMillis() / 1000.0, "s");
      if (outcome == oneNode) {
        report.row(outcome.scenario(), "all fired and escalated, after T", outcome.seconds(), "s", "< 60 s",
            outcome.complete() && outcome.seconds() < 60);
      } else {
        report.row(outcome.scenario(), "all fired and escalated, after T", outcome.seconds(), "s");
      }
      report.row(outcome.scenario(), "timers fired per second", outcome.timers() / outcome.seconds(), "timers/s");
      report.row(outcome.scenario(), "timers fired twice", outcome.firedTwice(), "timers", "0", outcome.firedTwice() == 0);
      report.row(outcome.scenario(), "jobs failed (incidents or retries)", outcome.failedJobs(), "jobs");
    }
    double speedUp = oneNode.seconds() / twoNodes.seconds();
    report.row("2 nodes against 1 node (tuned)", "speed-up", speedUp, "x", ">= 1.6", speedUp >= 1.6);
    report.row("tuned against defaults (1 node)", "speed-up", defaults.seconds() / oneNode.seconds(), "x");
    report.setting("tickets (first-response timers)", TICKETS)
        .setting("T", "all nodes up + " + LEAD.toSeconds() + " s")
        .setting("nodes", "packaged jar, profile mysql, -Xmx768m each, same database")
        .setting("defaults scenario", String.join(" ", CAMUNDA_DEFAULTS))
        .setting("tuned scenarios", "camunda.bpm.job-execution.* and hikari pool of application-mysql.yml")
        .setting("history level", "full")
        .remark("Per timer: boundary timer fires, Record first response breach (sla_breach + journal row), "
            + "Review overdue ticket task for the support leads with its facts (C6.4).")
        .remark("Fired twice = process instances with more than one " + FIRST_RESPONSE_TIMER
            + " in the history; breaches per ticket and review tasks per instance are checked too.")
        .remark("Nodes, benchmark JVM and MariaDB share " + Runtime.getRuntime().availableProcessors()
            + " cores (and the machine with other builds): two nodes compete for the same CPUs.");
    report.write();
    for (Outcome outcome : outcomes) {
      assertThat(outcome.complete()).as(outcome.scenario() + ": all timers fired within " + GIVE_UP).isTrue();
      assertThat(outcome.breaches()).as(outcome.scenario() + ": breaches").isEqualTo(outcome.timers());
      assertThat(outcome.reviewTasks()).as(outcome.scenario() + ": review tasks").isEqualTo(outcome.timers());
      assertThat(outcome.firedTwice()).as(outcome.scenario() + ": timers fired twice").isZero();
      assertThat(outcome.breachedTwice()).as(outcome.scenario() + ": tickets breached twice").isZero();
    }
  }

  /** Registers the tickets with the job executor off, then leaves only their first-response timers to come due. */
  private static void prepare(MySqlDatabase database) throws Exception {
    String[] arguments = Stream.concat(Stream.of(database.springArguments()), Stream.of("--server.port=0",
        "--support.demo-data.enabled=true", "--support.mail.polling=false",
        "--camunda.bpm.job-execution.enabled=false", "--spring.datasource.hikari.maximum-pool-size=8"))
        .toArray(String[]::new);
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SupportDeskApplication.class)
        .profiles("mysql").run(arguments); Connection connection = database.connect()) {
      List<KnownContact> contacts = BenchmarkData.knownContacts(connection);
      TicketService tickets = app.getBean(TicketService.class);
      ExecutorService threads = Executors.newFixedThreadPool(PREPARING_THREADS);
      try {
        List<Future<?>> registered = new ArrayList<>();
        for (int i = 0; i < TICKETS; i++) {
          TicketRegistration registration = registration(i, contacts.get(i % contacts.size()));
          Channel channel = i % 3 == 0 ? Channel.MAIL : Channel.WEB;
          registered.add(threads.submit(() -> tickets.register(registration, channel, null)));
        }
        for (Future<?> each : registered) {
          each.get();
        }
      } finally {
        threads.shutdown();
      }
      cancelConfirmations(app);
      try (Statement statement = connection.createStatement()) {
        // Nothing but the first-response timers may come due during a scenario (contract reminders of the demo
        // register, warnings at 80 %, resolution deadlines): all jobs wait until T is set.
        statement.executeUpdate("UPDATE ACT_RU_JOB SET DUEDATE_ = '9999-12-31 00:00:00'");
      }
      assertThat(count(connection, FIRST_RESPONSE_TIMERS_LEFT)).as("first-response timers").isEqualTo(TICKETS);
    }
  }

  private static TicketRegistration registration(int i, KnownContact contact) {
    return new TicketRegistration(contact.companyName(), contact.name(), contact.email(), contact.phone(),
        PRODUCTS[i % PRODUCTS.length], i % 5 == 0 ? "BUG" : "SUPPORT",
        "Benchmark ticket " + i + ": the postprocessor stops after a tool change on the DMG Mori",
        "Open part " + (4700 + i % 100) + ", generate the NC code", null, "Windows 11 23H2", List.of(),
        "Production planning is delayed", i % 7 == 0, "nl");
  }

  /** The confirmation mails' asynchronous steps, cancelled through the engine in chunks of one transaction each. */
  private static void cancelConfirmations(ConfigurableApplicationContext app) {
    RuntimeService runtime = app.getBean(RuntimeService.class);
    String definition = app.getBean(RepositoryService.class).createProcessDefinitionQuery()
        .processDefinitionKey(TicketService.PROCESS_KEY).latestVersion().singleResult().getId();
    List<String> waiting = runtime.createProcessInstanceQuery().processDefinitionId(definition)
        .activityIdIn("Task_SendConfirmation").list().stream().map(ProcessInstance::getId).toList();
    for (int from = 0; from < waiting.size(); from += 500) {
      runtime.createModification(definition).cancelAllForActivity("Task_SendConfirmation")
          .processInstanceIds(waiting.subList(from, Math.min(from + 500, waiting.size())))
          .skipCustomListeners().skipIoMappings().execute();
    }
  }

  private static Outcome run(MySqlDatabase template, String scenario, int nodeCount, List<String> settings)
      throws Exception {
    try (MySqlDatabase database = MySqlDatabase.createFresh("b3_run")) {
      BenchmarkData.copy(template, database);
      List<String> arguments = new ArrayList<>(List.of(database.springArguments()));
      arguments.addAll(List.of("--support.mail.polling=false", "--support.demo-data.enabled=false"));
      arguments.addAll(settings);
      List<Node> nodes = new ArrayList<>();
      try (Connection connection = database.connect()) {
        for (int n = 1; n <= nodeCount; n++) {
          nodes.add(Node.start("b3-" + nodeCount + "nodes-" + (settings.isEmpty() ? "tuned" : "defaults") + "-node" + n,
              "768m", arguments));
        }
        Instant t = Instant.now().plus(LEAD).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        setDeadline(connection, t);
        return measure(connection, scenario, nodeCount, t);
      } finally {
        for (Node node : nodes) {
          node.close();
        }
      }
    }
  }

  private static void setDeadline(Connection connection, Instant t) throws SQLException {
    connection.setAutoCommit(false);
    try (PreparedStatement timers = connection.prepareStatement("UPDATE ACT_RU_JOB SET DUEDATE_ = ? WHERE JOB_DEF_ID_ IN"
        + " (SELECT ID_ FROM ACT_RU_JOBDEF WHERE ACT_ID_ = '" + FIRST_RESPONSE_TIMER + "')");
        PreparedStatement tickets = connection.prepareStatement("UPDATE ticket SET first_response_due_at = ?")) {
      // The engine writes due dates in the JVM's zone, our tables in UTC (spring.jpa hibernate.jdbc.time_zone).
      timers.setTimestamp(1, Timestamp.from(t));
      tickets.setObject(1, LocalDateTime.ofInstant(t, ZoneOffset.UTC));
      assertThat(timers.executeUpdate()).isEqualTo(TICKETS);
      tickets.executeUpdate();
      connection.commit();
    } finally {
      connection.setAutoCommit(true);
    }
  }

  private static Outcome measure(Connection connection, String scenario, int nodes, Instant t) throws Exception {
    Duration firstFired = null;
    Duration allEscalated = null;
    Instant giveUp = t.plus(GIVE_UP);
    long breaches = 0;
    long reviewTasks = 0;
    long timersLeft = TICKETS;
    while (Instant.now().isBefore(giveUp)) {
      Instant polled = Instant.now();
      breaches = count(connection, "SELECT COUNT(*) FROM sla_breach WHERE clock = 'FIRST_RESPONSE'");
      reviewTasks = count(connection, "SELECT COUNT(*) FROM ACT_RU_TASK WHERE TASK_DEF_KEY_ = 'Task_ReviewOverdueTicket'");
      timersLeft = count(connection, FIRST_RESPONSE_TIMERS_LEFT);
      if (firstFired == null && breaches > 0) {
        firstFired = Duration.between(t, polled);
      }
      if (breaches >= TICKETS && reviewTasks >= TICKETS && timersLeft == 0) {
        allEscalated = Duration.between(t, polled);
        break;
      }
      Thread.sleep(250);
    }
    long firedTwice = count(connection, "SELECT COUNT(*) FROM (SELECT PROC_INST_ID_ FROM ACT_HI_ACTINST WHERE ACT_ID_ = '"
        + FIRST_RESPONSE_TIMER + "' GROUP BY PROC_INST_ID_ HAVING COUNT(*) > 1) twice");
    long breachedTwice = count(connection, "SELECT COUNT(*) FROM (SELECT ticket_id FROM sla_breach"
        + " WHERE clock = 'FIRST_RESPONSE' GROUP BY ticket_id HAVING COUNT(*) > 1) twice")
        + count(connection, "SELECT COUNT(*) FROM (SELECT PROC_INST_ID_ FROM ACT_RU_TASK WHERE TASK_DEF_KEY_ ="
        + " 'Task_ReviewOverdueTicket' GROUP BY PROC_INST_ID_ HAVING COUNT(*) > 1) twice");
    long failedJobs = count(connection, "SELECT COUNT(*) FROM ACT_RU_JOB WHERE EXCEPTION_MSG_ IS NOT NULL")
        + count(connection, "SELECT COUNT(*) FROM ACT_RU_INCIDENT");
    return new Outcome(scenario, nodes, TICKETS, firstFired, allEscalated, breaches, reviewTasks, timersLeft,
        firedTwice, breachedTwice, failedJobs);
  }

  private static long count(Connection connection, String query) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(query)) {
      result.next();
      return result.getLong(1);
    }
  }
}
