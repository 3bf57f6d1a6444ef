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
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.produsoft.supportdesk.SupportDeskApplication;
import com.produsoft.supportdesk.benchmark.BenchmarkData.KnownContact;
import com.produsoft.supportdesk.catalogue.Catalogue;
import com.produsoft.supportdesk.catalogue.Product;
import com.produsoft.supportdesk.customer.Language;
import com.produsoft.supportdesk.platform.ApplicationNode;
import com.produsoft.supportdesk.platform.MySqlDatabase;
import com.produsoft.supportdesk.ticket.Channel;
import com.produsoft.supportdesk.ticket.EonNumbers;
import com.produsoft.supportdesk.ticket.JournalEntry;
import com.produsoft.supportdesk.ticket.JournalEntryType;
import com.produsoft.supportdesk.ticket.JournalRepository;
import com.produsoft.supportdesk.ticket.SlaClocks;
import com.produsoft.supportdesk.ticket.Ticket;
import com.produsoft.supportdesk.ticket.TicketCategory;
import com.produsoft.supportdesk.ticket.TicketRepository;
import com.produsoft.supportdesk.ticket.TicketService;

/**
 * B3 (docs/performance.md): 10,000 open tickets whose first-response deadline (C6.4) passes at the same moment T.
 * How long until every timer fired and the breach is recorded and escalated to the support leads, on one node
 * and on two nodes sharing the database (the job executor's own clustering), each timer firing exactly once.
 *
 * <p>The tickets are opened once ({@link #prepare}) in an in-process application whose job executor is off, with
 * every deadline at the end of time, so that only the first-response timers come due, at T. Each scenario gets its own copy of that database and its own nodes (the packaged jar, separate
 * JVMs); T is set once all its nodes are up: now plus {@link #LEAD}, real wall time, in one UPDATE of the timers'
 * due dates (what {@code ManagementService.setJobDuedate} does job by job) and the tickets' deadlines.
 */
class SlaTimerBenchmark {

  private static final int TICKETS = Integer.getInteger("benchmark.b3.tickets", 10_000);
  private static final int PREPARING_THREADS = 4;
  private static final int CHUNK = 50;
  /** From "all nodes up" to T: the job executors go idle first, as they do before a real deadline. */
  private static final Duration LEAD = Duration.ofSeconds(20);
  private static final Duration GIVE_UP = Duration.ofMinutes(4);
  private static final String FIRST_RESPONSE_TIMER = "Event_FirstResponseOverdue";
  private static final String FIRST_RESPONSE_TIMERS_LEFT = "SELECT COUNT(*) FROM ACT_RU_JOB WHERE JOB_DEF_ID_ IN"
      + " (SELECT ID_ FROM ACT_RU_JOBDEF WHERE ACT_ID_ = '" + FIRST_RESPONSE_TIMER + "')";
  private static final Date END_OF_TIME = Date.from(Instant.parse("9999-12-31T00:00:00Z"));
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
  record Outcome(String scenario, int timers, Duration firstFired, Duration allEscalated,
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
      report.row("preparation", "time to open the tickets and their instances ("
          + PREPARING_THREADS + " threads, " + CHUNK + " per transaction)", (System.nanoTime() - preparing) / 1e9, "s");
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
      assertThat(outcome.timersLeft()).as(outcome.scenario() + ": first-response timers left").isZero();
      assertThat(outcome.firedTwice()).as(outcome.scenario() + ": timers fired twice").isZero();
      assertThat(outcome.breachedTwice()).as(outcome.scenario() + ": tickets breached twice").isZero();
    }
  }

  /**
   * Opens the tickets with the job executor off: in transactions of {@link #CHUNK}, each ticket stored as a
   * registration stores it (EON number, C4 items, SLA clocks from {@link SlaClocks}, journal) and its instance
   * started through the engine at "Work on ticket" with the variables "Start SLA clocks" sets, all deadlines at
   * the end of time. (A full registration costs four times as much on this machine and adds the confirmation
   * mail's job, which is not what B3 measures.) The triage task's facts listener is skipped at that start only.
   */
  private static void prepare(MySqlDatabase database) throws Exception {
    String[] arguments = Stream.concat(Stream.of(database.springArguments()), Stream.of("--server.port=0",
        "--support.demo-data.enabled=true", "--support.mail.polling=false",
        "--camunda.bpm.job-execution.enabled=false", "--spring.datasource.hikari.maximum-pool-size=10"))
        .toArray(String[]::new);
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SupportDeskApplication.class)
        .profiles("mysql").run(arguments); Connection connection = database.connect()) {
      List<KnownContact> contacts = BenchmarkData.knownContacts(connection);
      Map<String, String> teams = app.getBean(Catalogue.class).products().stream()
          .collect(Collectors.toMap(Product::getCode, Product::getTeamGroup));
      TransactionTemplate transaction = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
      ExecutorService threads = Executors.newFixedThreadPool(PREPARING_THREADS);
      try {
        List<Future<?>> chunks = new ArrayList<>();
        for (int from = 0; from < TICKETS; from += CHUNK) {
          int first = from;
          chunks.add(threads.submit(() -> transaction.executeWithoutResult(status -> {
            for (int i = first; i < Math.min(first + CHUNK, TICKETS); i++) {
              openTicket(app, i, contacts.get(i % contacts.size()), teams);
            }
          })));
        }
        for (Future<?> chunk : chunks) {
          chunk.get();
        }
      } finally {
        threads.shutdown();
      }
      try (Statement statement = connection.createStatement()) {
        // Nothing may come due before T: the demo register's contract reminders wait too.
        statement.executeUpdate("UPDATE ACT_RU_JOB SET DUEDATE_ = '9999-12-31 00:00:00'");
      }
      assertThat(count(connection, FIRST_RESPONSE_TIMERS_LEFT)).as("first-response timers").isEqualTo(TICKETS);
    }
  }

  private static void openTicket(ConfigurableApplicationContext app, int i, KnownContact contact,
      Map<String, String> teams) {
    String product = PRODUCTS[i % PRODUCTS.length];
    TicketCategory category = i % 5 == 0 ? TicketCategory.BUG : TicketCategory.SUPPORT;
    Channel channel = i % 3 == 0 ? Channel.MAIL : Channel.WEB;
    Instant now = Instant.now();
    Ticket ticket = new Ticket(app.getBean(EonNumbers.class).next(now), product, category, channel, now);
    ticket.setCompanyName(contact.companyName());
    ticket.setContactName(contact.name());
    ticket.setEmail(contact.email());
    ticket.setPhone(contact.phone());
    ticket.setDescription("Benchmark ticket " + i + ": the postprocessor stops after a tool change on the DMG Mori");
    ticket.setOperatingSystem("Windows 11 23H2");
    ticket.setLanguage(Language.NL);
    ticket.recordEntitlement(true, null);
    SlaClocks clocks = app.getBean(SlaClocks.class);
    clocks.start(ticket, 2, "PT4H", "PT24H");
    app.getBean(TicketRepository.class).save(ticket);
    app.getBean(JournalRepository.class).save(new JournalEntry(ticket, now, JournalEntryType.REGISTERED, "customer",
        true, "Registered by " + channel.name().toLowerCase(Locale.ROOT) + ": " + ticket.getDescription()));
    Map<String, Object> variables = new HashMap<>(clocks.processVariables(ticket, 50));
    variables.replaceAll((name, value) -> value instanceof Date ? END_OF_TIME : value);
    variables.putAll(Map.of("eonNumber", ticket.getEonNumber(), "product", product, "team", teams.get(product),
        "category", category.name(), "channel", channel.name(), "productionStopped", false, "critical", false,
        "underContract", true));
    ProcessInstance instance = app.getBean(RuntimeService.class)
        .createProcessInstanceByKey(TicketService.PROCESS_KEY).businessKey(ticket.getEonNumber())
        .setVariables(variables).startBeforeActivity("SubProcess_WorkOnTicket").execute(true, false);
    ticket.setProcessInstanceId(instance.getId());
  }

  private static Outcome run(MySqlDatabase template, String scenario, int nodeCount, List<String> settings)
      throws Exception {
    try (MySqlDatabase database = MySqlDatabase.createFresh("b3_run")) {
      BenchmarkData.copy(template, database);
      List<String> arguments = new ArrayList<>(List.of(database.springArguments()));
      // No mail goes out in B3: no SMTP server, and its health check would keep the node DOWN.
      arguments.addAll(List.of("--support.mail.polling=false", "--support.demo-data.enabled=false",
          "--management.health.mail.enabled=false"));
      arguments.addAll(settings);
      List<ApplicationNode> nodes = new ArrayList<>();
      try (Connection connection = database.connect()) {
        // Started side by side: the roles and rights they check at start exist already, nothing is written.
        List<CompletableFuture<ApplicationNode>> starting = new ArrayList<>();
        for (int n = 1; n <= nodeCount; n++) {
          String name = "b3-" + nodeCount + "nodes-" + (settings.isEmpty() ? "tuned" : "defaults") + "-node" + n;
          starting.add(CompletableFuture.supplyAsync(() -> startNode(name, arguments)));
        }
        CompletableFuture.allOf(starting.toArray(CompletableFuture[]::new)).exceptionally(failed -> null).join();
        // Every node that did start is stopped below, also when another one failed to.
        starting.stream().filter(node -> !node.isCompletedExceptionally()).map(CompletableFuture::join).forEach(nodes::add);
        starting.forEach(CompletableFuture::join);
        Instant t = Instant.now().plus(LEAD).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        setDeadline(connection, t);
        return measure(connection, scenario, t);
      } finally {
        for (ApplicationNode node : nodes) {
          node.close();
        }
      }
    }
  }

  /** A node of the packaged jar, up and healthy; for several nodes started side by side. */
  private static ApplicationNode startNode(String name, List<String> arguments) {
    ApplicationNode node = new ApplicationNode(name, BenchmarkReport.outputFolder(), List.of("-Xmx768m"), arguments);
    node.start();
    try {
      node.awaitUp(Duration.ofMinutes(10));
      return node;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while starting " + name, e);
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

  private static Outcome measure(Connection connection, String scenario, Instant t) throws Exception {
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
    return new Outcome(scenario, TICKETS, firstFired, allEscalated, breaches, reviewTasks, timersLeft,
        firedTwice, breachedTwice, failedJobs);
  }

  private static long count(Connection connection, String query) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(query)) {
      result.next();
      return result.getLong(1);
    }
  }
}
