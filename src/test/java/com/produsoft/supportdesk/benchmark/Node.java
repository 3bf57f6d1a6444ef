package com.produsoft.supportdesk.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One node of the application: the packaged jar ({@code benchmark.jar}) started as a JVM of its own on the
 * {@code mysql} profile, so that several nodes share one database the way production runs them. Its output goes
 * to {@code target/benchmark/<name>.log}.
 */
final class Node implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofMinutes(10);

  private final String name;
  private final Process process;
  private final int port;

  private Node(String name, Process process, int port) {
    this.name = name;
    this.process = process;
    this.port = port;
  }

  /**
   * Starts the jar and waits until its health endpoint answers UP.
   *
   * @param arguments Spring Boot command-line arguments ({@code --name=value}); they outrank the profile's files
   */
  static Node start(String name, String heap, List<String> arguments) throws IOException, InterruptedException {
    String jar = System.getProperty("benchmark.jar");
    if (jar == null || !Files.isRegularFile(Path.of(jar))) {
      throw new IllegalStateException("benchmark.jar names no packaged jar (" + jar + "): run ./mvnw -Pbenchmark verify");
    }
    int port = freePort();
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + heap, "-jar", jar, "--spring.profiles.active=mysql", "--server.port=" + port));
    command.addAll(arguments);
    Path log = BenchmarkReport.outputFolder().resolve(name + ".log");
    Files.createDirectories(log.getParent());
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    Node node = new Node(name, process, port);
    node.awaitHealthy(log);
    return node;
  }

  /** {@link #start} for a {@code CompletableFuture}: several nodes started side by side. */
  static Node startUnchecked(String name, String heap, List<String> arguments) {
    try {
      return start(name, heap, arguments);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while starting " + name, e);
    }
  }

  private void awaitHealthy(Path log) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
        .timeout(Duration.ofSeconds(5)).build();
    Instant giveUp = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(giveUp)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Node " + name + " stopped while starting; see " + log);
      }
      try {
        HttpResponse<String> answer = http.send(health, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 200 && answer.body().contains("UP")) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    close();
    throw new IllegalStateException("Node " + name + " not healthy after " + START_TIMEOUT + "; see " + log);
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String name() {
    return name;
  }

  /** Stops the node the way a service manager does (SIGTERM, Spring's graceful shutdown), killed after 30 s. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
