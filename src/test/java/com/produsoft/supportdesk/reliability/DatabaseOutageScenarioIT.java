package com.produsoft.supportdesk.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.produsoft.supportdesk.platform.MySqlDatabase;

/**
 * Issue 11, database outage: the node's connections to MariaDB go through a proxy that cuts them and refuses new ones
 * for 30 s while clients register and customers mail. Meanwhile the API answers 503 with a plain problem detail
 * (no stack trace) within seconds; nothing is half-written; afterwards the node serves again without a restart,
 * the mails left unread are read, and the confirmation steps that could not run meanwhile run once.
 */
class DatabaseOutageScenarioIT {

  static final String SCENARIO = "database outage (30 s)";
  private static final Duration OUTAGE = Duration.ofSeconds(30);
  private static final String EXPECTED_DETAIL = "cannot reach its database right now";

  @Test
  @DisplayName("30 s without database: 503 with a clear message, nothing half-written, recovers by itself (C5.1, C5.2)")
  void outageAnswers503AndRecovers() throws Exception {
    try (MySqlDatabase database = MySqlDatabase.createFresh("outage");
        Mailboxes mailboxes = new Mailboxes()) {
      URI server = URI.create(database.jdbcUrl().substring("jdbc:".length()));
      try (DatabaseProxy proxy = new DatabaseProxy(server.getHost(), server.getPort());
          AppNode node = new AppNode("outage", throughProxy(database, server, proxy), mailboxes)) {
        node.start();
        node.awaitUp(Duration.ofMinutes(4));
        Ledger ledger = new Ledger(database);
        RegistrationClients clients = new RegistrationClients("outage", List.of(node.baseUrl()), null);
        MailTraffic mails = new MailTraffic("outage", mailboxes);

        clients.start(4, 0);
        Thread mailer = mails.start(100, Duration.ofMillis(600), clients::acknowledged);
        Thread.sleep(10_000);
        int acknowledgedBefore = clients.acknowledged().size();
        proxy.cut();
        Instant cutAt = Instant.now();
        Thread.sleep(OUTAGE.toMillis() / 2);
        int healthDuring = health(node);
        Thread.sleep(OUTAGE.toMillis() / 2);
        proxy.restore();
        Instant restoredAt = Instant.now();
        int acknowledgedAtRestore = clients.acknowledged().size();
        Duration recovery = awaitFirstAcknowledgementAfter(clients, acknowledgedAtRestore);
        Thread.sleep(10_000);
        clients.stop();
        assertThat(clients.await(Duration.ofMinutes(2))).as("clients done").isTrue();
        mailer.join();
        boolean quiet = ledger.awaitQuiet(mailboxes, Duration.ofMinutes(8));

        List<RegistrationClients.Refusal> during = clients.refusals().stream()
            .filter(refusal -> refusal.at().isAfter(cutAt) && refusal.at().isBefore(restoredAt)).toList();
        long clear503 = during.stream().filter(DatabaseOutageScenarioIT::isClear503).count();
        long slowest = during.stream().mapToLong(RegistrationClients.Refusal::millis).max().orElse(0);

        List<Ledger.Row> rows = ledger.exactlyOnce("outage", clients.acknowledged().values(), mails.sent());
        Results.publish(SCENARIO, rows, List.of(
            "database cut for " + OUTAGE.toSeconds() + " s after " + acknowledgedBefore
                + " acknowledged registrations; " + (acknowledgedAtRestore - acknowledgedBefore)
                + " acknowledged during the outage (committed just before the cut)",
            during.size() + " answers during the outage: " + clear503 + " were 503 with the problem detail and "
                + "no stack trace; slowest " + slowest + " ms; /actuator/health answered " + healthDuring,
            "first registration acknowledged " + recovery.toMillis() + " ms after the database came back, "
                + "without restart",
            ledger.jobFigures(quiet), mailboxes.sentMails()));

        assertThat(during).as("answers during the outage").isNotEmpty();
        assertThat(during).as("every answer during the outage is a clear 503, never a stack trace")
            .allSatisfy(refusal -> assertThat(isClear503(refusal)).as(refusal.body()).isTrue());
        assertThat(slowest).as("no client waits the outage out").isLessThan(15_000);
        assertThat(healthDuring).as("health during the outage").isEqualTo(503);
        assertThat(health(node)).as("health after the outage").isEqualTo(200);
        assertThat(clients.inconsistent()).isEmpty();
        assertThat(quiet).as("all mails read and all due jobs done").isTrue();
        Ledger.assertExactlyOnce(rows);
        assertThat(ledger.incidents()).as("incidents").isZero();
      }
    }
  }

  private static List<String> throughProxy(MySqlDatabase database, URI server, DatabaseProxy proxy) {
    List<String> arguments = new ArrayList<>(List.of(database.springArguments()));
    String direct = server.getHost() + ":" + server.getPort();
    arguments.replaceAll(argument -> argument.replace(direct, "127.0.0.1:" + proxy.port()));
    return arguments;
  }

  private static boolean isClear503(RegistrationClients.Refusal refusal) {
    return refusal.status() == 503 && refusal.body().contains(EXPECTED_DETAIL)
        && !refusal.body().contains("Exception") && !refusal.body().contains("\tat ");
  }

  private static Duration awaitFirstAcknowledgementAfter(RegistrationClients clients, int acknowledged)
      throws InterruptedException {
    Instant since = Instant.now();
    while (clients.acknowledged().size() <= acknowledged && Duration.between(since, Instant.now()).toSeconds() < 60) {
      Thread.sleep(50);
    }
    return Duration.between(since, Instant.now());
  }

  private static int health(AppNode node) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(node.baseUrl() + "/actuator/health"))
        .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
