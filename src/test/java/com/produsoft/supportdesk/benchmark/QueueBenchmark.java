package com.produsoft.supportdesk.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.persistence.entity.TaskManager;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * B2 (docs/performance.md): the REST calls Tasklist makes, with 100,000 open tickets spread over the six product
 * teams, as the engineers and leads who make them (authorization on), then the application's heap.
 *
 * <p>The open tickets are generated in bulk: ticket and journal rows by JDBC batch, then one {@code TicketProcess}
 * instance per ticket started in the engine at its triage task
 * ({@code startBeforeActivity("Task_TriageTicket")}) with the variables the registration's service tasks would
 * have set (priority, Tasklist priority, SLA deadlines), in transactions of {@value #CHUNK} instances on
 * {@value #THREADS} threads. So each ticket has what a registered one has: the work subprocess with its four SLA
 * timers, the message subscriptions, the triage task with its candidate group, due date, priority and task-local
 * ticket facts, and the task's authorization. The SLA deadlines lie in the coming weeks, so no timer fires
 * during the run. One ticket in {@value #ASSIGNED_EVERY} is claimed by its team's engineer ("my tasks").
 */
class QueueBenchmark {

  private static final int OPEN_TICKETS = Integer.getInteger("benchmark.b2.openTickets", 100_000);
  private static final int CHUNK = 250;
  private static final int THREADS = 3;
  private static final int ASSIGNED_EVERY = 500;
  private static final int CALLS = 200;
  private static final Duration CALL_TIME_LIMIT = Duration.ofSeconds(60);
  private static final double TARGET_P95_MS = 50;
  private static final long TARGET_HEAP_MB = 1024;
  /** The buffer pool of the "after" rows: the engine's task tables at 100,000 open tickets, with room. */
  private static final int BUFFER_POOL_MB = 4096;

  private static final String[] PRODUCTS = {"VISI", "WORKNC", "EDGECAM", "RADAN", "PEPS", "SPACECLAIM"};
  private static final String ENGINEER = "engineer.edgecam";
  private static final String TEAM = "EDGECAM";
  /** The index of db/changelog/changes/090-queue-indices.xml, dropped and rebuilt for the before/after row. */
  private static final String QUEUE_INDEX = "PSD_IDX_IDENT_LNK_GROUP_TASK";
  private static final String MEMBERSHIP_CHECK = "team membership check";
  private static final String PER_TASK_CHECK = "per-task authorization check";
  /** The index of db/changelog/changes/170-team-queue-order.xml, dropped and rebuilt for the before/after row. */
  private static final String ORDER_INDEX = "PSD_IDX_TASK_PRIORITY_DUE";
  private static final String WITHOUT_DISTINCT = "team queue statement without DISTINCT";
  private static final String WITH_DISTINCT = "Camunda's statement with SELECT DISTINCT";
  private static final String LEADS_SORTING = """
      {"sorting": [{"sortBy": "priority", "sortOrder": "desc"}, {"sortBy": "dueDate", "sortOrder": "asc"}]}""";

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void tasklistQueuesAtOneHundredThousandOpenTickets() throws Exception {
    try (BenchmarkApp app = BenchmarkApp.start("b2_queues")) {
      BenchmarkReport report = app.describe(new BenchmarkReport("b2-queues",
          "B2 Tasklist queues at " + OPEN_TICKETS + " open tickets, and heap"));

      long generationStart = System.nanoTime();
      insertTicketRows(app);
      double rowsSeconds = (System.nanoTime() - generationStart) / 1e9;
      startProcesses(app);
      double generationSeconds = (System.nanoTime() - generationStart) / 1e9;
      report.row("generation", "ticket and journal rows (JDBC batch)", rowsSeconds, "s")
          .row("generation", "total, processes at the triage task included", generationSeconds, "s")
          .row("generation", "open tickets per second", OPEN_TICKETS / generationSeconds, "tickets/s");

      FilterService filters = app.bean(FilterService.class);
      String teamQueue = filters.createFilterQuery().filterName(TEAM + " queue").singleResult().getId();
      String myTasks = filters.createFilterQuery().filterName("My tasks").singleResult().getId();
      long teamTickets = countTeamTickets(app);
      long assigned = app.bean(TaskService.class).createTaskQuery().taskAssignee(ENGINEER).count();

      // What Tasklist asks when an engineer opens the team queue: the page (HAL, with the filter's variables)
      // and the count beside the filter's name; the page must be the team's most urgent tasks.
      JsonNode firstPage = json.readTree(listFilter(app, teamQueue, ENGINEER));
      assertThat(firstPage.path("_embedded").path("task")).hasSize(50);
      assertThat(json.readTree(countFilter(app, teamQueue, ENGINEER)).get("count").asLong()).isEqualTo(teamTickets);
      assertThat(json.readTree(countFilter(app, myTasks, ENGINEER)).get("count").asLong()).isEqualTo(assigned)
          .isPositive();

      measure(report, "team queue page (" + TEAM + ", 50 of " + teamTickets + ") as " + ENGINEER, CALLS,
          () -> listFilter(app, teamQueue, ENGINEER));
      measure(report, "team queue count as " + ENGINEER, CALLS, () -> countFilter(app, teamQueue, ENGINEER));
      measure(report, "my tasks page (" + assigned + " claimed) as " + ENGINEER, CALLS,
          () -> listFilter(app, myTasks, ENGINEER));
      measure(report, "leads: all queues page (50 of " + OPEN_TICKETS + ") as lead", CALLS, () -> app.call("POST",
          "/engine-rest/task?firstResult=0&maxResults=50", LEADS_SORTING, "lead", Map.of()));

      // The tuning's before/after in this run, on the team queue page, each "before" measured right after its
      // "after" so that both meet the same load: without the queue index, then with Camunda's default
      // authorization check ("auto": one join with an OR that MySQL answers by comparing every task with every
      // authorization; slow, hence few calls).
      String page = "team queue page (" + TEAM + ") as " + ENGINEER;
      Latencies.ThrowingSupplier<String> teamPage = () -> listFilter(app, teamQueue, ENGINEER);
      try (Connection connection = app.connect(); Statement statement = connection.createStatement()) {
        measure(report, page + ", after: with " + QUEUE_INDEX, 20, teamPage);
        statement.execute("DROP INDEX " + QUEUE_INDEX + " ON ACT_RU_IDENTITYLINK");
        measure(report, page + ", before: without " + QUEUE_INDEX, 20, teamPage);
        statement.execute("CREATE INDEX " + QUEUE_INDEX + " ON ACT_RU_IDENTITYLINK (GROUP_ID_, TYPE_, TASK_ID_)");
      }
      // Tuning log 13: the team's own queue checked by team membership (platform/security/TeamQueueAuthorization);
      // "before" is Camunda's own authorization manager put back into the running engine: every task checked.
      ProcessEngineConfigurationImpl engine = (ProcessEngineConfigurationImpl) app.bean(ProcessEngine.class)
          .getProcessEngineConfiguration();
      String count = "team queue count as " + ENGINEER;
      Latencies.ThrowingSupplier<String> teamCount = () -> countFilter(app, teamQueue, ENGINEER);
      Map<Class<?>, SessionFactory> sessions = engine.getSessionFactories();
      SessionFactory teamMembership = sessions.get(AuthorizationManager.class);
      measure(report, page + ", after: " + MEMBERSHIP_CHECK, 20, teamPage);
      measure(report, count + ", after: " + MEMBERSHIP_CHECK, 20, teamCount);
      sessions.put(AuthorizationManager.class, new GenericManagerFactory(AuthorizationManager.class));
      try {
        measure(report, page + ", before: " + PER_TASK_CHECK, 20, teamPage);
        measure(report, count + ", before: " + PER_TASK_CHECK, 20, teamCount);
        // Tuning log 1, on the per-task check it tunes.
        String tuned = engine.getAuthorizationCheckRevokes();
        measure(report, page + ", " + PER_TASK_CHECK + ", after: authorizationCheckRevokes=" + tuned, 3, teamPage);
        engine.setAuthorizationCheckRevokes(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_AUTO);
        try {
          measure(report, page + ", " + PER_TASK_CHECK + ", before: authorizationCheckRevokes=auto", 3, teamPage);
        } finally {
          engine.setAuthorizationCheckRevokes(tuned);
        }
      } finally {
        sessions.put(AuthorizationManager.class, teamMembership);
      }

      // Tuning log 14: the team queue's page without DISTINCT (platform/security/TeamQueuePage) walking the index
      // of changeset 160 in the page's order; "before" is Camunda's own task manager put back into the running
      // engine (its SELECT DISTINCT), then the index dropped with the new statement in place. The leads' page keeps
      // Camunda's statement; it is measured with and without the index, which its plan may use as well.
      SessionFactory pageWithoutDistinct = sessions.get(TaskManager.class);
      measure(report, page + ", after: " + WITHOUT_DISTINCT, 20, teamPage);
      sessions.put(TaskManager.class, new GenericManagerFactory(TaskManager.class));
      try {
        measure(report, page + ", before: " + WITH_DISTINCT, 20, teamPage);
      } finally {
        sessions.put(TaskManager.class, pageWithoutDistinct);
      }
      Latencies.ThrowingSupplier<String> leadsPage = () -> app.call("POST",
          "/engine-rest/task?firstResult=0&maxResults=50", LEADS_SORTING, "lead", Map.of());
      try (Connection connection = app.connect(); Statement statement = connection.createStatement()) {
        measure(report, "leads: all queues page as lead, with " + ORDER_INDEX, 20, leadsPage);
        statement.execute("DROP INDEX " + ORDER_INDEX + " ON ACT_RU_TASK");
        try {
          measure(report, page + ", " + WITHOUT_DISTINCT + ", before: without " + ORDER_INDEX, 20, teamPage);
          measure(report, "leads: all queues page as lead, without " + ORDER_INDEX, 20, leadsPage);
        } finally {
          statement.execute("CREATE INDEX " + ORDER_INDEX + " ON ACT_RU_TASK (PRIORITY_ DESC, DUE_DATE_)");
        }
      }

      measureWithLargerBufferPool(app, report, page, teamPage, teamQueue);
      reportDatabaseSize(app, report);

      long heapMb = heapAfterGc();
      report.row("heap after B2", "used heap after System.gc()", heapMb, "MB", "< " + TARGET_HEAP_MB + " MB",
          heapMb < TARGET_HEAP_MB)
          .remark("Generation: " + OPEN_TICKETS + " tickets over the six teams in turn (ticket and journal rows by"
              + " JDBC batch), then TicketProcess instances started at Task_TriageTicket with the registration's"
              + " variables, " + CHUNK + " per transaction on " + THREADS + " threads; 1 in " + ASSIGNED_EVERY
              + " claimed by the team's engineer; SLA deadlines 1 to 30 days ahead, so no timer fires.")
          .remark("Calls: one client at a time, " + CALLS + " calls each (or " + CALL_TIME_LIMIT.toSeconds()
              + " s), after a warm-up call, through the REST API with Basic auth as the named user. Team queue"
              + " and my tasks: POST /engine-rest/filter/{id}/list?firstResult=0&maxResults=50 with Accept"
              + " application/hal+json (as Tasklist asks: the filter's variables embedded) and /count; leads: POST"
              + " /engine-rest/task sorted by priority and due date (the leads may read every task).")
          .remark("Before/after in this run, each pair measured back to back on the team queue page: with and"
              + " without the index " + QUEUE_INDEX + " (dropped, measured, rebuilt); page and count with the "
              + MEMBERSHIP_CHECK + " of platform/security/TeamQueueAuthorization and with Camunda's "
              + PER_TASK_CHECK + " (its own authorization manager put back into the running engine, then"
              + " restored); on the per-task check, the configured authorizationCheckRevokes and auto (Camunda's"
              + " default), switched in the running engine; the team queue page read by the " + WITHOUT_DISTINCT
              + " of platform/security/TeamQueuePage and by " + WITH_DISTINCT + " (Camunda's task manager put back"
              + " into the running engine, then restored), and without the index " + ORDER_INDEX + " (dropped,"
              + " measured with the leads' page, rebuilt).")
          .remark("Buffer pool: the rows above run on the server's own innodb_buffer_pool_size; the \"after\" rows"
              + " give InnoDB " + BUFFER_POOL_MB + " MB for the same calls (SET GLOBAL, warmed up, then set back).")
          .remark("Heap: the application runs in the benchmark's JVM, so the figure is that JVM's used heap after"
              + " System.gc() (the benchmark's own objects are a few MB of it).")
          .write();
    }
  }

  /**
   * The same team queue calls with a buffer pool that holds the queue's tables: at 100,000 open tickets the
   * engine's tables outgrow MariaDB's default of 128 MB, and every page then reads from disk. The server's own
   * size is measured first (the rows above) and set back afterwards; a server already that large is left alone.
   */
  private static void measureWithLargerBufferPool(BenchmarkApp app, BenchmarkReport report, String page,
      Latencies.ThrowingSupplier<String> teamPage, String teamQueue) throws Exception {
    try (Connection connection = app.connect(); Statement statement = connection.createStatement()) {
      long original = bufferPoolBytes(statement);
      report.setting("innodb_buffer_pool_size (server)", original / (1024 * 1024) + " MB");
      long larger = BUFFER_POOL_MB * 1024L * 1024L;
      if (original >= larger) {
        return;
      }
      try {
        statement.execute("SET GLOBAL innodb_buffer_pool_size = " + larger);
      } catch (SQLException notPermitted) {
        report.remark("Buffer pool rows left out: the benchmark user may not SET GLOBAL innodb_buffer_pool_size ("
            + notPermitted.getMessage() + ").");
        return;
      }
      try {
        awaitBufferPool(statement, larger);
        for (int i = 0; i < 5; i++) {
          teamPage.get();
        }
        String after = ", after: innodb_buffer_pool_size " + BUFFER_POOL_MB + " MB";
        measure(report, page + after, 50, teamPage);
        measure(report, "team queue count as " + ENGINEER + after, 50, () -> countFilter(app, teamQueue, ENGINEER));
      } finally {
        statement.execute("SET GLOBAL innodb_buffer_pool_size = " + original);
      }
    }
  }

  private static long bufferPoolBytes(Statement statement) throws Exception {
    try (var rows = statement.executeQuery("SELECT @@innodb_buffer_pool_size")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static void awaitBufferPool(Statement statement, long bytes) throws Exception {
    Instant giveUp = Instant.now().plusSeconds(60);
    while (bufferPoolBytes(statement) != bytes && Instant.now().isBefore(giveUp)) {
      Thread.sleep(200);
    }
  }

  /** What the open tickets occupy in the database, engine history included (docs/operations.md, sizing). */
  private static void reportDatabaseSize(BenchmarkApp app, BenchmarkReport report) {
    JdbcTemplate jdbc = new JdbcTemplate(app.bean(DataSource.class));
    String size = "SELECT COALESCE(SUM(data_length + index_length), 0) / 1048576 FROM information_schema.tables"
        + " WHERE table_schema = DATABASE()";
    double total = jdbc.queryForObject(size, Double.class);
    double history = jdbc.queryForObject(size + " AND table_name LIKE 'ACT\\_HI\\_%'", Double.class);
    double task = jdbc.queryForObject(size + " AND table_name IN ('ACT_RU_TASK', 'ACT_RU_IDENTITYLINK',"
        + " 'ACT_RU_AUTHORIZATION')", Double.class);
    report.row("database size", "all tables (data and indices)", total, "MB")
        .row("database size", "engine history (ACT_HI_*)", history, "MB")
        .row("database size", "what a team queue reads (tasks, identity links, authorizations)", task, "MB");
  }

  /** {@code calls} calls one after the other (at most {@link #CALL_TIME_LIMIT}), after a warm-up call. */
  private static void measure(BenchmarkReport report, String scenario, int calls,
      Latencies.ThrowingSupplier<String> call) throws Exception {
    call.get();
    Latencies latencies = BenchmarkApp.load(1, CALL_TIME_LIMIT, calls, (client, n) -> call.get());
    report.row(scenario, "p50", latencies.percentileMillis(50), "ms")
        .row(scenario, "p95", latencies.percentileMillis(95), "ms", "< " + (int) TARGET_P95_MS + " ms",
            latencies.percentileMillis(95) < TARGET_P95_MS)
        .row(scenario, "p99", latencies.percentileMillis(99), "ms")
        .row(scenario, "calls", latencies.count(), "");
  }

  private static String listFilter(BenchmarkApp app, String filterId, String user) {
    return app.call("POST", "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=50", "{}", user,
        Map.of("Accept", "application/hal+json"));
  }

  private static String countFilter(BenchmarkApp app, String filterId, String user) {
    return app.call("POST", "/engine-rest/filter/" + filterId + "/count", "{}", user, Map.of());
  }

  private static long countTeamTickets(BenchmarkApp app) {
    return new JdbcTemplate(app.bean(DataSource.class)).queryForObject(
        "SELECT COUNT(*) FROM ticket WHERE product_code = ? AND status = 'OPEN'", Long.class, TEAM);
  }

  private static long heapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(500);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
  }

  /** A contact under contract per product (demo register), whose company the generated tickets come from. */
  private record Contact(long customerId, long contactId, String company, String name, String email) {
  }

  private static Map<String, Contact> contacts(JdbcTemplate jdbc) {
    Map<String, String> emails = Map.of("EDGECAM", "jan.vandamme@vandamme.example",
        "VISI", "pieter.desmet@desmet-matrijzen.example", "WORKNC", "lotte.vanhecke@desmet-matrijzen.example",
        "RADAN", "wim.peeters@peeters-plaat.example", "PEPS", "stijn.claes@claes-draadvonk.example",
        "SPACECLAIM", "julien.lambert@ateliers-lambert.example");
    Map<String, Contact> contacts = new HashMap<>();
    emails.forEach((product, email) -> contacts.put(product, jdbc.queryForObject(
        "SELECT c.customer_id, c.id, u.company_name, c.name, c.email FROM contact c"
            + " JOIN customer u ON u.id = c.customer_id WHERE c.email = ?",
        (row, i) -> new Contact(row.getLong(1), row.getLong(2), row.getString(3), row.getString(4), row.getString(5)),
        email)));
    return contacts;
  }

  private static String eon(int i) {
    return "EON-2025-%06d".formatted(i);
  }

  private static String product(int i) {
    return PRODUCTS[i % PRODUCTS.length];
  }

  /** Tasklist priority and SLA targets as in ticket-priority.dmn: most tickets normal, some urgent, some low. */
  private static int priority(int i) {
    int bucket = i % 20;
    return bucket < 2 ? 1 : bucket < 10 ? 2 : bucket < 17 ? 3 : 4;
  }

  private static Instant registeredAt(Instant now, int i) {
    return now.minus(i % (14 * 24 * 60), ChronoUnit.MINUTES);
  }

  private static Instant firstResponseDue(Instant now, int i) {
    return now.plus(1, ChronoUnit.DAYS).plus((i * 7919L) % (29 * 24 * 60), ChronoUnit.MINUTES);
  }

  private static void insertTicketRows(BenchmarkApp app) {
    JdbcTemplate jdbc = new JdbcTemplate(app.bean(DataSource.class));
    Map<String, Contact> contacts = contacts(jdbc);
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Random random = new Random(42);
    List<Object[]> batch = new ArrayList<>();
    for (int i = 1; i <= OPEN_TICKETS; i++) {
      String product = product(i);
      Contact contact = contacts.get(product);
      Instant due = firstResponseDue(now, i);
      batch.add(new Object[] {eon(i), contact.customerId(), contact.contactId(), product,
          i % 5 == 0 ? "BUG" : "SUPPORT", i % 3 == 0 ? "MAIL" : "WEB", contact.company(), contact.name(),
          contact.email(), "+32 50 12 34 56",
          "Generated call " + i + ": " + product + " stops while computing toolpath " + random.nextInt(10_000)
              + " after the update; the operator restarted twice and the log shows a licence check timeout.",
          "Open the attached part and compute operation " + random.nextInt(100), "Windows 11 23H2",
          i % 7 == 0, priority(i), Timestamp.from(registeredAt(now, i)), Timestamp.from(registeredAt(now, i)),
          Timestamp.from(due), Timestamp.from(due.plus(3, ChronoUnit.DAYS)), UUID.randomUUID().toString()});
      if (batch.size() == 1000 || i == OPEN_TICKETS) {
        jdbc.batchUpdate("INSERT INTO ticket (eon_number, customer_id, contact_id, product_code, category, channel,"
            + " language, company_name, contact_name, email, phone, description, reproduction, operating_system,"
            + " production_stopped, critical, under_contract, status, priority, registered_at, clock_started_at,"
            + " first_response_target, resolution_target, first_response_due_at, resolution_due_at,"
            + " paused_office_seconds, status_token, version)"
            + " VALUES (?, ?, ?, ?, ?, ?, 'NL', ?, ?, ?, ?, ?, ?, ?, ?, FALSE, TRUE, 'OPEN', ?, ?, ?, 'PT4H', 'PT24H',"
            + " ?, ?, 0, ?, 0)", batch);
        batch.clear();
      }
    }
    jdbc.update("INSERT INTO journal_entry (ticket_id, created_at, type, author, customer_visible, text)"
        + " SELECT id, registered_at, 'REGISTERED', 'customer', TRUE, description FROM ticket"
        + " WHERE eon_number LIKE 'EON-2025-%'");
  }

  private static void startProcesses(BenchmarkApp app) throws Exception {
    RuntimeService runtime = app.bean(RuntimeService.class);
    TaskService tasks = app.bean(TaskService.class);
    TransactionTemplate transaction = new TransactionTemplate(app.bean(PlatformTransactionManager.class));
    JdbcTemplate jdbc = new JdbcTemplate(app.bean(DataSource.class));
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    AtomicInteger nextChunk = new AtomicInteger();
    AtomicInteger started = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        workers.add(pool.submit(() -> {
          int chunk;
          while ((chunk = nextChunk.getAndIncrement()) * CHUNK < OPEN_TICKETS) {
            int first = chunk * CHUNK + 1;
            int last = Math.min(first + CHUNK - 1, OPEN_TICKETS);
            transaction.executeWithoutResult(status -> {
              List<Object[]> links = new ArrayList<>();
              for (int i = first; i <= last; i++) {
                ProcessInstance instance = runtime.createProcessInstanceByKey("TicketProcess").businessKey(eon(i))
                    .setVariables(variables(now, i)).startBeforeActivity("Task_TriageTicket").execute();
                links.add(new Object[] {instance.getId(), eon(i)});
                if (i % ASSIGNED_EVERY == 0) {
                  String taskId = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
                  tasks.setAssignee(taskId, "engineer." + product(i).toLowerCase());
                }
              }
              jdbc.batchUpdate("UPDATE ticket SET process_instance_id = ? WHERE eon_number = ?", links);
            });
            int done = started.addAndGet(last - first + 1);
            if (done % 10_000 < CHUNK) {
              System.out.println("B2 generation: " + done + " open tickets");
            }
          }
          return null;
        }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** What the registration's start variables and its service tasks (entitlement, DMN, SLA clocks) leave. */
  private static Map<String, Object> variables(Instant now, int i) {
    String product = product(i);
    int priority = priority(i);
    Instant firstResponseDue = firstResponseDue(now, i);
    Map<String, Object> variables = new HashMap<>();
    variables.put("eonNumber", eon(i));
    variables.put("product", product);
    variables.put("team", "support-" + product.toLowerCase());
    variables.put("category", i % 5 == 0 ? "BUG" : "SUPPORT");
    variables.put("channel", i % 3 == 0 ? "MAIL" : "WEB");
    variables.put("productionStopped", i % 7 == 0);
    variables.put("critical", false);
    variables.put("underContract", true);
    variables.put("entitlementWarning", null);
    variables.put("priority", priority);
    variables.put("taskPriority", 125 - 25 * priority);
    variables.put("firstResponseDueAt", Date.from(firstResponseDue));
    variables.put("firstResponseWarningAt", Date.from(firstResponseDue.minus(1, ChronoUnit.HOURS)));
    variables.put("resolutionDueAt", Date.from(firstResponseDue.plus(3, ChronoUnit.DAYS)));
    variables.put("resolutionWarningAt", Date.from(firstResponseDue.plus(2, ChronoUnit.DAYS)));
    variables.put("firstResponseGiven", false);
    return variables;
  }
}
