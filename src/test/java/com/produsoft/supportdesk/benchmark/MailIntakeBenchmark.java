package com.produsoft.supportdesk.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UnsupportedEncodingException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.produsoft.supportdesk.SupportDeskApplication;
import com.produsoft.supportdesk.benchmark.BenchmarkData.KnownContact;
import com.produsoft.supportdesk.intake.mail.MailIntake;
import com.produsoft.supportdesk.intake.mail.MailIntakeProperties;
import com.produsoft.supportdesk.intake.mail.MailPoller;
import com.produsoft.supportdesk.intake.mail.MailRouting;
import com.produsoft.supportdesk.platform.ApplicationNode;
import com.produsoft.supportdesk.platform.MySqlDatabase;
import com.produsoft.supportdesk.ticket.RegistrationAdmission;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.activation.DataHandler;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

/**
 * B4 (docs/performance.md): 1,000 customer mails waiting in the product mailboxes of an IMAP server (GreenMail in
 * this JVM) become tickets (C5.2). The application runs in-process on the {@code mysql} profile with its real
 * mail settings pointed at that server; the benchmark drives the poller the way the schedule does, pass after
 * pass without pause, and counts the mail tickets.
 *
 * <p>Two rounds on the same application and database, side by side: the mailboxes read one after the other (the
 * poller before tuning), then {@code support.mail.parallel-mailboxes} at a time (application.yml). The second
 * round starts with the first round's tickets already in the tables, which only makes it harder.
 */
class MailIntakeBenchmark {

  private static final int MAILS = Integer.getInteger("benchmark.b4.mails", 1_000);
  private static final Duration GIVE_UP = Duration.ofMinutes(10);
  private static final String PASSWORD = "demo";
  private static final List<String> MAILBOXES = List.of("visi.support@produsoft.com", "worknc.support@produsoft.com",
      "edgecam.support@produsoft.com", "radan.support@produsoft.com", "peps.support@produsoft.com",
      "spaceclaim.support@produsoft.com");
  /** A small screenshot: PNG signature, then filler (the attachment policy looks at names and magic numbers). */
  private static final byte[] SCREENSHOT = screenshot();

  /** One round: how the mails became tickets. */
  record Round(String scenario, int parallelMailboxes, Duration took, long tickets, long unread) {

    double perSecond() {
      return tickets / (took.toMillis() / 1000.0);
    }
  }

  @Test
  @DisplayName("B4: 1,000 mails waiting in the product mailboxes become 1,000 tickets, each exactly once (C5.2)")
  void mailsBecomeTickets() throws Exception {
    BenchmarkReport report = new BenchmarkReport("b4-mail-intake",
        "B4 mail intake: " + String.format(Locale.ROOT, "%,d", MAILS) + " mails waiting in the product mailboxes");
    int smtpPort = ApplicationNode.freePort();
    int imapPort = ApplicationNode.freePort();
    GreenMail mailServer = new GreenMail(new ServerSetup[] {
        new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
        new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
    mailServer.start();
    MAILBOXES.forEach(mailbox -> mailServer.setUser(mailbox, mailbox, PASSWORD));
    List<Round> rounds = new ArrayList<>();
    try (MySqlDatabase database = MySqlDatabase.createFresh("b4_mail")) {
      String[] arguments = Stream.concat(Stream.of(database.springArguments()), Stream.of("--server.port=0",
          "--support.demo-data.enabled=true", "--support.mail.embedded=false", "--support.mail.polling=false",
          "--support.mail.imap.host=127.0.0.1", "--support.mail.imap.port=" + imapPort,
          "--support.mail.imap.protocol=imap", "--support.mail.imap.password=" + PASSWORD,
          "--support.mail.max-mails-per-sender-per-day=" + 3 * MAILS,
          "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort,
          "--spring.mail.properties.mail.smtp.auth=false", "--spring.mail.properties.mail.smtp.starttls.enable=false"))
          .toArray(String[]::new);
      try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SupportDeskApplication.class)
          .profiles("mysql").run(arguments); Connection connection = database.connect()) {
        report.database(connection);
        List<KnownContact> contacts = BenchmarkData.knownContacts(connection);
        MailIntakeProperties tuned = app.getBean(MailIntakeProperties.class);
        MailIntakeProperties sequential = new MailIntakeProperties(tuned.imap(), tuned.logins(),
            tuned.polledMailboxes(), tuned.otherOwnAddresses(), tuned.maxMailsPerSenderPerDay(), 1);
        MailIntake intake = app.getBean(MailIntake.class);
        // A fifth of the mails first, not counted: the JIT and the pools warm up before either round is timed.
        round(mailServer, connection, contacts, "warm-up", MAILS / 5, 0, app.getBean(MailPoller.class));
        rounds.add(round(mailServer, connection, contacts, "one mailbox at a time (before)", MAILS, 1,
            new MailPoller(intake, sequential, app.getBean(MailRouting.class), Optional.empty(), app.getBean(MeterRegistry.class),
                app.getBean(RegistrationAdmission.class))));
        rounds.add(round(mailServer, connection, contacts,
            tuned.parallelMailboxes() + " mailboxes at a time (application.yml)", MAILS, tuned.parallelMailboxes(),
            app.getBean(MailPoller.class)));
        report.setting("support.mail.parallel-mailboxes", tuned.parallelMailboxes())
            .setting("support.mail.max-mails-per-sender-per-day", 3 * MAILS + " (the demo register has "
                + contacts.size() + " contacts: each sends dozens of the mails)")
            .setting("spring.datasource.hikari.maximum-pool-size",
                app.getEnvironment().getProperty("spring.datasource.hikari.maximum-pool-size"))
            .setting("camunda.bpm.job-execution.core-pool-size",
                app.getEnvironment().getProperty("camunda.bpm.job-execution.core-pool-size"));
      }
    } finally {
      mailServer.stop();
    }
    for (Round round : rounds) {
      report.row(round.scenario(), "all mails tickets after", round.took().toMillis() / 1000.0, "s");
      report.row(round.scenario(), "mails per second", round.perSecond(), "mails/s", ">= 50",
          round.perSecond() >= 50);
    }
    report.row("parallel against one at a time", "speed-up", rounds.get(1).perSecond() / rounds.get(0).perSecond(), "x")
        .setting("mails per round", MAILS + " over " + MAILBOXES.size() + " product mailboxes, 90 % from contacts of "
            + "the register, 10 % from unknown senders, 1 in 8 with a 20 kB screenshot attached")
        .setting("poller", "driven pass after pass without pause (the schedule's fixed delay set to 0)")
        .remark("A mail is a ticket when its transaction committed (ticket, journal, process instance up to the "
            + "triage task, inbound_mail dedupe key); the confirmation mails go out meanwhile on the job executor, "
            + "to the same GreenMail server.")
        .remark("Both rounds in one run, on one application and database; the second starts with the first "
            + "round's tickets in the tables. A warm-up of " + MAILS / 5 + " mails (parallel poller) runs before both.");
    report.write();
    for (Round round : rounds) {
      assertThat(round.tickets()).as(round.scenario() + ": tickets").isEqualTo(MAILS);
      assertThat(round.unread()).as(round.scenario() + ": mails left unread").isZero();
    }
  }

  private static Round round(GreenMail mailServer, Connection connection, List<KnownContact> contacts,
      String scenario, int mails, int parallelMailboxes, MailPoller poller) throws Exception {
    long ticketsBefore = mailTickets(connection);
    String round = "r" + parallelMailboxes + "-" + ticketsBefore;
    for (int i = 0; i < mails; i++) {
      String mailbox = MAILBOXES.get(i % MAILBOXES.size());
      mailServer.getUserManager().getUser(mailbox).deliver(mail(round, i, mailbox, contacts));
    }
    AtomicBoolean done = new AtomicBoolean();
    ExecutorService schedule = Executors.newSingleThreadExecutor();
    Instant start = Instant.now();
    Future<?> polling = schedule.submit(() -> {
      while (!done.get()) {
        poller.pollAll();
      }
    });
    Duration took = null;
    long tickets = 0;
    try {
      while (Duration.between(start, Instant.now()).compareTo(GIVE_UP) < 0) {
        tickets = mailTickets(connection) - ticketsBefore;
        if (tickets >= mails) {
          took = Duration.between(start, Instant.now());
          break;
        }
        Thread.sleep(100);
      }
    } finally {
      done.set(true);
      polling.get();
      schedule.shutdown();
    }
    assertThat(took).as(scenario + ": all mails tickets within " + GIVE_UP + " (" + tickets + " so far)").isNotNull();
    // The pass that made the last ticket has flagged its mail by now: nothing may stay unread.
    return new Round(scenario, parallelMailboxes, took, tickets, unread(mailServer));
  }

  private static MimeMessage mail(String round, int i, String mailbox, List<KnownContact> contacts)
      throws MessagingException, UnsupportedEncodingException {
    MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()));
    boolean known = i % 10 != 9;
    KnownContact contact = contacts.get(i % contacts.size());
    mail.setFrom(known ? new InternetAddress(contact.email(), contact.name(), "UTF-8")
        : new InternetAddress("prospect" + i + "@" + round + ".example"));
    mail.setRecipient(Message.RecipientType.TO, new InternetAddress(mailbox));
    mail.setSubject("Postprocessor stopt na gereedschapswissel (" + round + " mail " + i + ")", "UTF-8");
    mail.setSentDate(new java.util.Date());
    String text = "Goedendag,\n\nSinds de update stopt de postprocessor voor de DMG Mori na elke gereedschapswissel.\n"
        + "Onderdeel " + (4700 + i % 100) + ", Windows 11 23H2. De productie van vandaag loopt vertraging op.\n\n"
        + "Met vriendelijke groeten,\n" + (known ? contact.name() + "\n" + contact.companyName() : "");
    if (i % 8 == 0) {
      MimeBodyPart body = new MimeBodyPart();
      body.setText(text, "UTF-8");
      MimeBodyPart screenshot = new MimeBodyPart();
      screenshot.setDataHandler(new DataHandler(new ByteArrayDataSource(SCREENSHOT, "image/png")));
      screenshot.setFileName("screenshot-" + i + ".png");
      mail.setContent(new MimeMultipart(body, screenshot));
    } else {
      mail.setText(text, "UTF-8");
    }
    mail.saveChanges();
    mail.setHeader("Message-ID", "<" + round + "." + i + "@mail.benchmark.example>");
    return mail;
  }

  private static long mailTickets(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM ticket WHERE channel = 'MAIL'")) {
      count.next();
      return count.getLong(1);
    }
  }

  private static long unread(GreenMail mailServer) throws MessagingException {
    long unread = 0;
    Session session = Session.getInstance(new Properties());
    for (String mailbox : MAILBOXES) {
      try (Store store = session.getStore("imap")) {
        store.connect("127.0.0.1", mailServer.getImap().getPort(), mailbox, PASSWORD);
        Folder inbox = store.getFolder("INBOX");
        inbox.open(Folder.READ_ONLY);
        unread += inbox.getUnreadMessageCount();
        inbox.close(false);
      }
    }
    return unread;
  }

  private static byte[] screenshot() {
    byte[] png = new byte[20 * 1024];
    byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    Arrays.fill(png, (byte) 'x');
    System.arraycopy(signature, 0, png, 0, signature.length);
    return png;
  }
}
