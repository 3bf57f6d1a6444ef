package com.produsoft.supportdesk.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.context.ConfigurableApplicationContext;

import com.produsoft.supportdesk.platform.MySqlDatabase;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The application in the benchmark's JVM on the production profile ({@code mysql}) against a fresh MariaDB/MySQL
 * database, with the demo register and users, customer mail going to the embedded mail server on free ports, and
 * the registration rate guard opened (the load comes from one address). Also the load driver: a fixed number of
 * HTTP clients calling for a fixed time.
 */
final class BenchmarkApp implements AutoCloseable {

  private final MySqlDatabase database;
  private final ConfigurableApplicationContext context;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final String baseUrl;

  private BenchmarkApp(MySqlDatabase database, ConfigurableApplicationContext context) {
    this.database = database;
    this.context = context;
    this.baseUrl = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
  }

  static BenchmarkApp start(String purpose, String... arguments) {
    MySqlDatabase database = MySqlDatabase.createFresh(purpose);
    String[] all = Stream.concat(Stream.of("--support.demo-data.enabled=true",
        "--support.tickets.registrations-per-minute=1000000"), Arrays.stream(arguments)).toArray(String[]::new);
    try {
      return new BenchmarkApp(database, database.startApplication(all));
    } catch (RuntimeException e) {
      closeQuietly(database);
      throw e;
    }
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  Connection connect() throws SQLException {
    return database.connect();
  }

  /** The settings the figures depend on, read from the running application. */
  BenchmarkReport describe(BenchmarkReport report) throws Exception {
    try (Connection connection = connect()) {
      report.database(connection);
    }
    ProcessEngineConfigurationImpl engine = (ProcessEngineConfigurationImpl) bean(ProcessEngine.class)
        .getProcessEngineConfiguration();
    HikariDataSource pool = bean(HikariDataSource.class);
    return report.setting("application", "in the benchmark JVM, profile mysql, fresh database, demo data")
        .setting("history level", engine.getHistoryLevel().getName())
        .setting("authorization", engine.isAuthorizationEnabled())
        .setting("Hikari maximumPoolSize", pool.getMaximumPoolSize())
        .setting("JDBC URL options", pool.getJdbcUrl().replaceAll("^[^?]*", ""))
        .setting("JDBC driver properties", pool.getDataSourceProperties())
        .setting("job executor", engine.getJobExecutor().getClass().getSimpleName()
            + " maxJobsPerAcquisition=" + engine.getJobExecutor().getMaxJobsPerAcquisition()
            + " waitTimeInMillis=" + engine.getJobExecutor().getWaitTimeInMillis())
        .setting("jdbcBatchProcessing", engine.isJdbcBatchProcessing())
        .setting("authorizationCheckRevokes", engine.getAuthorizationCheckRevokes())
        .setting("Tomcat max threads", context.getEnvironment().getProperty("server.tomcat.threads.max", "200"));
  }

  /** Waits (at most {@code limit}) until the job executor has no due job left, so that runs do not overlap. */
  void awaitJobsDone(Duration limit) throws InterruptedException {
    ManagementService management = bean(ManagementService.class);
    Instant giveUp = Instant.now().plus(limit);
    while (management.createJobQuery().executable().count() > 0 && Instant.now().isBefore(giveUp)) {
      Thread.sleep(250);
    }
  }

  /** One HTTP call; anything but 2xx fails the benchmark, so that an error is never timed as a fast answer. */
  String call(String method, String path, String body, String user, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofMinutes(10))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json");
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    }
    headers.forEach(request::header);
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
            + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** What one client does per call; {@code sequence} counts the calls of the whole run (distinct keys). */
  @FunctionalInterface
  interface Call {
    void run(int client, long sequence) throws Exception;
  }

  /**
   * {@code clients} threads call as fast as they get answers for {@code duration}, or until {@code maxCalls}
   * calls were made; every call is timed.
   */
  static Latencies load(int clients, Duration duration, int maxCalls, Call call) throws Exception {
    Latencies latencies = new Latencies();
    AtomicLong sequence = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      long end = System.nanoTime() + duration.toNanos();
      latencies.start();
      List<Future<?>> running = new ArrayList<>();
      for (int client = 0; client < clients; client++) {
        int me = client;
        running.add(pool.submit(() -> {
          long next;
          while (System.nanoTime() < end && (next = sequence.getAndIncrement()) < maxCalls) {
            long number = next;
            latencies.time(() -> {
              call.run(me, number);
              return null;
            });
          }
          return null;
        }));
      }
      for (Future<?> client : running) {
        client.get();
      }
      latencies.stop();
      return latencies;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Drops the database, unless {@code -Dbenchmark.keepDatabase=true} keeps it to be inspected (EXPLAIN). */
  @Override
  public void close() {
    try {
      context.close();
    } finally {
      if (Boolean.getBoolean("benchmark.keepDatabase")) {
        System.out.println("Benchmark database kept: " + database.jdbcUrl());
      } else {
        closeQuietly(database);
      }
    }
  }

  private static void closeQuietly(MySqlDatabase database) {
    try {
      database.close();
    } catch (Exception e) {
      System.err.println("Could not drop the benchmark database: " + e.getMessage());
    }
  }
}
