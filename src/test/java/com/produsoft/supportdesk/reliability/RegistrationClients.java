package com.produsoft.supportdesk.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * API clients as the issue describes them: each registration carries its own Idempotency-Key and is sent again,
 * with the same key, after a connection error or a 5xx, until the application acknowledges it (201, or 200/201 for
 * a replay) with its EON number. Every answer that is not an acknowledgement is kept for the scenario to judge.
 */
final class RegistrationClients {

  private static final List<String> PRODUCTS = List.of("VISI", "WORKNC", "EDGECAM", "RADAN", "PEPS", "SPACECLAIM");
  private static final Duration BACKOFF = Duration.ofMillis(300);

  /** An acknowledged registration: its key, the EON number the client was given, the node that answered. */
  record Ack(String key, String eonNumber, String email, String product, String node) {
  }

  /** An answer that was not an acknowledgement; status 0 for a connection error or time-out. */
  record Refusal(Instant at, int status, long millis, String body) {
  }

  private final String run;
  private final List<String> nodes;
  private final String product;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, Ack> acknowledged = new ConcurrentHashMap<>();
  private final Queue<Refusal> refusals = new ConcurrentLinkedQueue<>();
  private final Queue<String> inconsistent = new ConcurrentLinkedQueue<>();
  private final AtomicInteger next = new AtomicInteger();
  private final AtomicInteger attempts = new AtomicInteger();
  private volatile boolean stopped;
  private ExecutorService clients;

  /**
   * @param run names the keys and e-mail addresses of this scenario
   * @param nodes base URLs; registration i goes to node i first and moves on to the next node on each retry
   * @param product one product for all, or null to take the six in turn
   */
  RegistrationClients(String run, List<String> nodes, String product) {
    this.run = run;
    this.nodes = List.copyOf(nodes);
    this.product = product;
  }

  /** {@code threads} clients register until {@code count} registrations are acknowledged, or {@link #stop()}. */
  void start(int threads, int count) {
    clients = Executors.newFixedThreadPool(threads);
    for (int t = 0; t < threads; t++) {
      clients.execute(() -> {
        for (int i = next.getAndIncrement(); !stopped && (count <= 0 || i < count); i = next.getAndIncrement()) {
          registerUntilAcknowledged(i);
        }
      });
    }
  }

  /** No new registrations; those begun are still retried until acknowledged. */
  void stop() {
    stopped = true;
  }

  /** Waits for the clients to finish; false when they did not within the limit. */
  boolean await(Duration limit) throws InterruptedException {
    clients.shutdown();
    return clients.awaitTermination(limit.toMillis(), TimeUnit.MILLISECONDS);
  }

  Map<String, Ack> acknowledged() {
    return Map.copyOf(acknowledged);
  }

  List<Refusal> refusals() {
    return List.copyOf(refusals);
  }

  /** Keys answered with two different EON numbers: a duplicate the client saw itself. */
  List<String> inconsistent() {
    return List.copyOf(inconsistent);
  }

  int attempts() {
    return attempts.get();
  }

  /** Sends an acknowledged registration again to {@code node}: the answer must be the same ticket. */
  Ack replay(Ack ack, String node) throws IOException, InterruptedException {
    int i = Integer.parseInt(ack.key().substring(ack.key().lastIndexOf('-') + 1));
    HttpResponse<String> answer = send(node, ack.key(), body(i));
    if (answer.statusCode() / 100 != 2) {
      throw new IllegalStateException("Replay of " + ack.key() + " on " + node + ": " + answer.statusCode() + " "
          + answer.body());
    }
    return new Ack(ack.key(), eonNumber(answer), ack.email(), ack.product(), node);
  }

  private void registerUntilAcknowledged(int i) {
    String key = "reliability-" + run + "-" + i;
    String body = body(i);
    for (int attempt = 0; ; attempt++) {
      String node = nodes.get((i + attempt) % nodes.size());
      Instant sent = Instant.now();
      attempts.incrementAndGet();
      try {
        HttpResponse<String> answer = send(node, key, body);
        if (answer.statusCode() == 201 || answer.statusCode() == 200) {
          Ack ack = new Ack(key, eonNumber(answer), email(i), product(i), node);
          Ack earlier = acknowledged.putIfAbsent(key, ack);
          if (earlier != null && !earlier.eonNumber().equals(ack.eonNumber())) {
            inconsistent.add(key + ": " + earlier.eonNumber() + " and " + ack.eonNumber());
          }
          return;
        }
        refusals.add(new Refusal(sent, answer.statusCode(), millisSince(sent), answer.body()));
        if (answer.statusCode() < 500 && answer.statusCode() != 429) {
          return; // a client error is no reason to retry; the scenario reports it
        }
      } catch (IOException connectionError) {
        refusals.add(new Refusal(sent, 0, millisSince(sent), connectionError.toString()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      try {
        Thread.sleep(BACKOFF.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private HttpResponse<String> send(String node, String key, String body) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(node + "/api/tickets"))
        .timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", key)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private String eonNumber(HttpResponse<String> answer) throws IOException {
    return json.readTree(answer.body()).get("eonNumber").asText();
  }

  private String body(int i) {
    return """
        {"companyName": "Reliability Test NV", "contactName": "Client %d", "email": "%s",
         "phone": "+32 50 00 00 00", "product": "%s", "category": "SUPPORT", "productionStopped": false,
         "language": "en", "description": "Registration %s-%d", "operatingSystem": "Windows 11 23H2"}"""
        .formatted(i, email(i), product(i), run, i);
  }

  private String email(int i) {
    return "client-" + i + "@" + run + ".example";
  }

  private String product(int i) {
    return product != null ? product : PRODUCTS.get(i % PRODUCTS.size());
  }

  private static long millisSince(Instant start) {
    return Duration.between(start, Instant.now()).toMillis();
  }
}
