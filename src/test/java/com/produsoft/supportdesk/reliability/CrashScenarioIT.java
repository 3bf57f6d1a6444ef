package com.produsoft.supportdesk.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.produsoft.supportdesk.platform.MySqlDatabase;

/**
 * Issue 11, crash: 1,000 API registrations (8 clients retrying with their Idempotency-Key) and 500 mails in the
 * product mailboxes; the node is killed with SIGKILL in the middle and started again on the same database. Every
 * acknowledged registration then exists exactly once with one process instance, every mail became exactly one
 * ticket or update (C5.1, C5.2), every ticket's confirmation step ran once.
 */
class CrashScenarioIT {

  static final String SCENARIO = "crash (kill -9 and restart)";
  private static final int REGISTRATIONS = 1000;
  private static final int MAILS = 500;

  @Test
  @DisplayName("kill -9 under load: every acknowledged registration and every mail exactly once (C5.1, C5.2)")
  void nothingLostNothingDoubledAfterKill() throws Exception {
    try (MySqlDatabase database = MySqlDatabase.createFresh("crash");
        Mailboxes mailboxes = new Mailboxes();
        AppNode node = new AppNode("crash", List.of(database.springArguments()), mailboxes)) {
      node.start();
      node.awaitUp(Duration.ofMinutes(4));
      Ledger ledger = new Ledger(database);
      RegistrationClients clients = new RegistrationClients("crash", List.of(node.baseUrl()), null);
      MailTraffic mails = new MailTraffic("crash", mailboxes);

      clients.start(8, REGISTRATIONS);
      Thread mailer = mails.start(MAILS, Duration.ofMillis(60), clients::acknowledged);
      while (clients.acknowledged().size() < REGISTRATIONS * 2 / 5) {
        Thread.sleep(100);
      }
      int acknowledgedAtKill = clients.acknowledged().size();
      int mailsAtKill = mails.sent().size();
      node.kill();
      Instant killedAt = Instant.now();
      node.start();
      node.awaitUp(Duration.ofMinutes(4));
      Duration down = Duration.between(killedAt, Instant.now());

      assertThat(clients.await(Duration.ofMinutes(5))).as("clients done").isTrue();
      mailer.join();
      boolean quiet = ledger.awaitQuiet(mailboxes, Duration.ofMinutes(12));

      List<Ledger.Row> rows = ledger.exactlyOnce("crash", clients.acknowledged().values(), mails.sent());
      Results.publish(SCENARIO, rows, List.of(
          "killed (SIGKILL) after " + acknowledgedAtKill + " acknowledged registrations and " + mailsAtKill
              + " delivered mails; down and restarted in " + down.toSeconds() + " s",
          "client attempts " + clients.attempts() + " for " + REGISTRATIONS + " registrations ("
              + clients.refusals().size() + " refused or cut off, retried)",
          ledger.jobFigures(quiet), mailboxes.sentMails()));

      assertThat(clients.inconsistent()).as("keys answered with two EON numbers").isEmpty();
      assertThat(clients.refusals()).as("only connection errors and 5xx while the node was down")
          .allSatisfy(refusal -> assertThat(refusal.status()).isIn(0, 502, 503));
      assertThat(quiet).as("all mails read and all due jobs done").isTrue();
      Ledger.assertExactlyOnce(rows);
      assertThat(rows.get(0).acknowledged()).isEqualTo(REGISTRATIONS);
      assertThat(rows.get(1).acknowledged()).isEqualTo(MAILS);
      assertThat(ledger.incidents()).as("incidents").isZero();
    }
  }
}
