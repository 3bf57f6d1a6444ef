package com.produsoft.supportdesk.platform;

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
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One application node for the reliability scenarios and the benchmarks: the packaged jar
 * ({@code target/support-desk-*.jar}, so they run after {@code package}) in a JVM of its own on the {@code mysql}
 * profile, on its own port, its output appended to {@code <logFolder>/<name>.log}. It can be killed as hard as a
 * power cut ({@link #kill()}: SIGKILL) and started again on the same port and database.
 */
public final class ApplicationNode implements AutoCloseable {

  private final String name;
  private final int port;
  private final List<String> command;
  private final Path log;
  private Process process;

  /**
   * @param jvmOptions e.g. {@code -Xmx768m}
   * @param arguments Spring Boot command-line arguments ({@code --name=value}); they outrank the profile's files
   */
  public ApplicationNode(String name, Path logFolder, List<String> jvmOptions, List<String> arguments) {
    this.name = name;
    this.port = freePort();
    this.log = logFolder.resolve(name + ".log");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", packagedJar().toString(), "--spring.profiles.active=mysql", "--server.port=" + port));
    command.addAll(arguments);
    this.command = List.copyOf(command);
  }

  /** Starts the JVM (again, after a kill: same port, same database); returns at once. */
  public void start() {
    try {
      Files.createDirectories(log.getParent());
      Files.writeString(log, "==== start " + Instant.now() + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + name, e);
    }
  }

  /** Waits until the node's health answers UP; fails early when the JVM died. */
  public void awaitUp(Duration limit) throws InterruptedException {
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
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  public String baseUrl() {
    return "http://localhost:" + port;
  }

  public int port() {
    return port;
  }

  public String name() {
    return name;
  }

  /** A graceful stop (SIGTERM, Spring's graceful shutdown), forced after 30 s. */
  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        kill();
      }
    }
  }

  public static int freePort() {
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
      throw new IllegalStateException("Expected one target/support-desk-*.jar: run after 'package' "
          + "(./mvnw -Preliability verify, ./mvnw -Pbenchmark verify)");
    }
    return jars[0].toPath();
  }
}
