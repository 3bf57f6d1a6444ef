package com.produsoft.supportdesk.reliability;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One application node: the packaged jar ({@code java -jar target/support-desk-*.jar}) in a JVM of its own on the
 * {@code mysql} profile, its own port, its output in {@code target/reliability/<name>.log}. It can be killed as
 * hard as a power cut ({@link #kill()}: SIGKILL) and started again on the same port and database.
 */
final class AppNode implements AutoCloseable {

  static final Path RESULTS = Path.of("target", "reliability");

  private final String name;
  private final int port;
  private final List<String> command;
  private final Path log;
  private Process process;

  /**
   * @param datasource the {@code --spring.datasource.*} arguments (MySqlDatabase.springArguments() or a proxy's)
   * @param extra further arguments, e.g. demo data on this node only
   */
  AppNode(String name, List<String> datasource, Mailboxes mail, String... extra) {
    this.name = name;
    this.port = freePort();
    this.log = RESULTS.resolve(name + ".log");
    List<String> arguments = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx640m", "-XX:+UseSerialGC",
        // short-lived JVMs on a busy machine: C1 only starts faster, and the scenarios measure counts, not speed
        "-XX:TieredStopAtLevel=1",
        "-jar", packagedJar().toString(),
        "--spring.profiles.active=mysql",
        "--server.port=" + port,
        // the mail server of the test JVM: SMTP for customer mail, IMAP for the product mailboxes (fast polling)
        "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + mail.smtpPort(),
        "--spring.mail.properties.mail.smtp.auth=false",
        "--spring.mail.properties.mail.smtp.starttls.enable=false",
        "--support.mail.embedded=false", "--support.mail.polling=true", "--support.mail.poll-interval=PT1S",
        "--support.mail.imap.host=127.0.0.1", "--support.mail.imap.port=" + mail.imapPort(),
        "--support.mail.imap.protocol=imap", "--support.mail.imap.password=" + Mailboxes.PASSWORD,
        // the load comes from one address; the abuse guard is not what these scenarios measure
        "--support.tickets.registrations-per-minute=1000000",
        // Camunda's job log records which node ran a job
        "--camunda.bpm.generic-properties.properties.hostname=" + name));
    arguments.addAll(datasource);
    arguments.addAll(Arrays.asList(extra));
    this.command = List.copyOf(arguments);
  }

  /** Starts the JVM (again, after a kill: same port, same database); returns at once. */
  void start() {
    try {
      Files.createDirectories(RESULTS);
      Files.writeString(log, "==== start " + Instant.now() + "\n", StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + name, e);
    }
  }

  /** Waits until the node's health answers UP; fails early when the JVM died. */
  void awaitUp(Duration limit) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant giveUp = Instant.now().plus(limit);
    while (Instant.now().isBefore(giveUp)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " died at start (exit " + process.exitValue() + "), see " + log);
      }
      try {
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException(name + " not up after " + limit + ", see " + log);
  }

  /** kill -9: no shutdown hook, no commit, no flag on a mail; whatever was in flight is cut off. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  String baseUrl() {
    return "http://localhost:" + port;
  }

  int port() {
    return port;
  }

  String name() {
    return name;
  }

  /** A graceful stop (SIGTERM), forced after 30 s. */
  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        kill();
      }
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path packagedJar() {
    File[] jars = new File("target")
        .listFiles((dir, file) -> file.startsWith("support-desk-") && file.endsWith(".jar"));
    if (jars == null || jars.length != 1) {
      throw new IllegalStateException("Expected one target/support-desk-*.jar: run these scenarios after 'package' "
          + "(./mvnw -Preliability verify)");
    }
    return jars[0].toPath();
  }
}
