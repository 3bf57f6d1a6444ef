package com.produsoft.supportdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.produsoft.supportdesk.platform.security.WebClient;

/**
 * Issue 16: a support desk gets bursts (a supplier outage makes every customer write within minutes). Four times
 * the connection pool's size of registrations at once, each sent three times with its Idempotency-Key (a client
 * retrying while the first request still runs), from distinct client addresses (the rate limit per address is not
 * the subject). Every answer is a registration (201) or a quick refusal (429/503 with Retry-After, sooner than the
 * pool's connection time-out: never the "database unreachable" answer while the database is fine). Refused
 * clients retry after Retry-After, as a client should. Then every key is replayed, and a few are sent with a
 * changed body: the replay answers the same EON number, the changed body 422. The database holds exactly one
 * ticket and one process instance per key. Run on H2 ({@code TicketApiTest}) and MariaDB
 * ({@code TicketHappyPathMySqlTest}).
 */
final class RegistrationBurst {

  static final int POOL_SIZE = 5;
  /**
   * The pool's connection time-out in the test: a refusal must come sooner. 10 s rather than the mysql profile's
   * 5 s, so that a shared machine's scheduling on top of the 2 s admission wait is not taken for waiting on the pool.
   */
  static final int CONNECTION_TIMEOUT_MILLIS = 10_000;
  private static final int SENDS_PER_KEY = 3;
  private static final int CHANGED_BODIES = 5;
  private static final int MAX_ROUNDS = 15;
  /** An answer from behind the pool's connection time-out: requests queued for a connection nobody frees. */
  private static final String DATABASE_UNREACHABLE = "cannot reach its database";

  private final WebClient web;
  private final ObjectMapper json;
  private final JdbcTemplate jdbc;
  private final RuntimeService runtimeService;
  private final Duration connectionTimeout;
  private final String runId = Long.toString(System.nanoTime(), 36);
  private final List<Answer> answers = new ArrayList<>();
  private int rounds;

  RegistrationBurst(WebClient web, ObjectMapper json, JdbcTemplate jdbc, RuntimeService runtimeService,
      Duration connectionTimeout) {
    this.web = web;
    this.json = json;
    this.jdbc = jdbc;
    this.runtimeService = runtimeService;
    this.connectionTimeout = connectionTimeout;
  }

  private record Send(String key, int client, boolean changedBody) {
    String body() {
      return TicketApiTest.registration(changedBody ? "BUG" : "SUPPORT", false);
    }
  }

  private record Answer(Send send, int round, int status, String eonNumber, String retryAfter, String body,
      long millis) {
    boolean refused() {
      return status == 429 || status == 503;
    }
  }

  /** The properties a test application needs for the burst: a small pool, client addresses from the proxy. */
  static String[] properties() {
    return new String[] {"spring.datasource.hikari.maximum-pool-size=" + POOL_SIZE,
        "spring.datasource.hikari.connection-timeout=" + CONNECTION_TIMEOUT_MILLIS,
        "server.forward-headers-strategy=native"};
  }

  void run() throws Exception {
    int keys = 4 * POOL_SIZE;
    List<Send> first = new ArrayList<>();
    for (int k = 0; k < keys; k++) {
      for (int s = 0; s < SENDS_PER_KEY; s++) {
        first.add(new Send(runId + "-key-" + k, k, false));
      }
    }
    assertQuickAnswers(send(first));

    Map<String, String> eonByKey = settle(first.stream().map(Send::key).distinct().toList());

    List<Send> last = new ArrayList<>();
    eonByKey.keySet().forEach(key -> last.add(new Send(key, clientOf(key), false)));
    eonByKey.keySet().stream().limit(CHANGED_BODIES).forEach(key -> last.add(new Send(key, clientOf(key), true)));
    List<Answer> finalAnswers = sendUntilAnswered(last);
    for (Answer answer : finalAnswers) {
      if (answer.send().changedBody()) {
        assertThat(answer.status()).as("a changed body with a used key: %s", answer).isEqualTo(422);
      } else {
        assertThat(answer.status()).as("a replay: %s", answer).isEqualTo(201);
        assertThat(answer.eonNumber()).as("a replay answers the first EON number").isEqualTo(
            eonByKey.get(answer.send().key()));
      }
    }

    assertQuickAnswers(answers);
    for (String key : eonByKey.keySet()) {
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ticket WHERE idempotency_key = ?", Integer.class, key))
          .as("tickets of %s", key).isEqualTo(1);
      assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(eonByKey.get(key)).count())
          .as("process instances of %s", eonByKey.get(key)).isEqualTo(1);
    }
    assertThat(eonByKey.values()).as("one EON number per key").doesNotHaveDuplicates().hasSize(keys);
  }

  /** Sends the keys still without a ticket again, after Retry-After, until each has one; answers their numbers. */
  private Map<String, String> settle(List<String> keys) throws Exception {
    Map<String, String> eonByKey = new TreeMap<>();
    for (Answer answer : answers) {
      if (answer.status() == 201) {
        String earlier = eonByKey.putIfAbsent(answer.send().key(), answer.eonNumber());
        assertThat(earlier == null || earlier.equals(answer.eonNumber()))
            .as("all answers for %s carry one EON number", answer.send().key()).isTrue();
      }
    }
    List<Send> missing = keys.stream().filter(key -> !eonByKey.containsKey(key))
        .map(key -> new Send(key, clientOf(key), false)).toList();
    sendUntilAnswered(missing).forEach(answer -> {
      assertThat(answer.status()).as("%s", answer).isEqualTo(201);
      eonByKey.put(answer.send().key(), answer.eonNumber());
    });
    return eonByKey;
  }

  private List<Answer> sendUntilAnswered(List<Send> sends) throws Exception {
    List<Answer> answered = new ArrayList<>();
    List<Send> pending = sends;
    for (int attempt = 1; !pending.isEmpty(); attempt++) {
      assertThat(attempt).as("still refused after %d rounds: %s", MAX_ROUNDS, pending)
          .isLessThanOrEqualTo(MAX_ROUNDS);
      List<Answer> current = send(pending);
      current.stream().filter(answer -> !answer.refused()).forEach(answered::add);
      List<Answer> refused = current.stream().filter(Answer::refused).toList();
      pending = refused.stream().map(Answer::send).toList();
      long wait = refused.stream().mapToLong(answer -> Long.parseLong(answer.retryAfter())).max().orElse(0);
      Thread.sleep(Duration.ofSeconds(wait).toMillis());
    }
    return answered;
  }

  private List<Answer> send(Collection<Send> sends) throws Exception {
    int round = ++rounds;
    ExecutorService clients = Executors.newFixedThreadPool(sends.size());
    try {
      List<Callable<Answer>> calls = sends.stream().<Callable<Answer>>map(send -> () -> post(send, round)).toList();
      List<Answer> current = new ArrayList<>();
      for (Future<Answer> answer : clients.invokeAll(calls)) {
        current.add(answer.get());
      }
      synchronized (answers) {
        answers.addAll(current);
      }
      return current;
    } finally {
      clients.shutdownNow();
    }
  }

  private Answer post(Send send, int round) throws Exception {
    long start = System.nanoTime();
    HttpResponse<String> response = web.post("/api/tickets", "application/json", send.body(), null, null,
        Map.of("Idempotency-Key", send.key(), "X-Forwarded-For", "10.16.0." + (1 + send.client())));
    long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
    String eon = response.statusCode() == 201 ? json.readTree(response.body()).get("eonNumber").asText() : null;
    return new Answer(send, round, response.statusCode(), eon,
        response.headers().firstValue("Retry-After").orElse(null), response.body(), millis);
  }

  private void assertQuickAnswers(List<Answer> checked) {
    System.out.println(summary(checked));
    for (Answer answer : checked) {
      assertThat(answer.status()).as("%s", answer).isIn(201, 422, 429, 503);
      assertThat(answer.body()).as("a false outage: %s", answer).doesNotContain(DATABASE_UNREACHABLE);
      if (answer.refused()) {
        assertThat(answer.retryAfter()).as("Retry-After of %s", answer).isNotBlank();
        assertThat(Duration.ofMillis(answer.millis())).as("a refusal before the pool's time-out: %s", answer)
            .isLessThan(connectionTimeout);
      }
    }
  }

  /** The figures of a burst: answers per round and status, the slowest of each. */
  private static String summary(List<Answer> checked) {
    Map<String, List<Answer>> byRoundAndStatus = checked.stream().collect(Collectors.groupingBy(
        answer -> "round %02d %d".formatted(answer.round(), answer.status()), TreeMap::new, Collectors.toList()));
    Function<List<Answer>, String> figures = group -> group.size() + " answers, slowest "
        + group.stream().mapToLong(Answer::millis).max().orElse(0) + " ms";
    return "Registration burst (pool " + POOL_SIZE + ", " + 4 * POOL_SIZE + " keys x " + SENDS_PER_KEY + "): "
        + byRoundAndStatus.entrySet().stream().map(e -> e.getKey() + ": " + figures.apply(e.getValue()))
            .collect(Collectors.joining("; "));
  }

  private static int clientOf(String key) {
    return Integer.parseInt(key.substring(key.lastIndexOf('-') + 1));
  }
}
