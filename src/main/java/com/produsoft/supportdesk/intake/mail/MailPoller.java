package com.produsoft.supportdesk.intake.mail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

import com.produsoft.supportdesk.platform.EngineClock;
import com.produsoft.supportdesk.platform.mail.EmbeddedMailServer;
import com.produsoft.supportdesk.platform.web.DatabaseConnectionLoss;
import com.produsoft.supportdesk.ticket.RegistrationAdmission;

import io.micrometer.core.instrument.MeterRegistry;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;

/**
 * Reads the unread mails of every support mailbox over IMAP (C5.2) and hands each to {@link MailIntake}. A mail
 * is flagged \Seen only after its transaction committed: a crash before the flag leaves it unread, and the next
 * poll finds its dedupe key and only flags it. Nothing is lost, nothing is registered twice.
 * <p>
 * Each mail is a registration like a web form's and waits for its turn in {@link RegistrationAdmission}. When the
 * node is busy (no turn within the wait) or the database is out of reach, the pass stops, the rest stays unread,
 * and the poller slows down instead of failing mail after mail: the next passes are skipped for 30 s, doubling up
 * to 5 minutes, until a pass gets through again (issue 16).
 */
@Component
public class MailPoller {

  private static final Logger log = LoggerFactory.getLogger(MailPoller.class);

  static final Duration FIRST_BACKOFF = Duration.ofSeconds(30);
  static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

  private final MailIntake intake;
  private final MailIntakeProperties properties;
  private final MailRouting routing;
  private final MeterRegistry metrics;
  private final RegistrationAdmission admission;
  private Duration backoff = Duration.ZERO;
  private Instant resumeAt = Instant.MIN;

  /**
   * @param embeddedServer the embedded mail server when there is one: depending on it makes it start before
   *     the poller and stop after it
   */
  public MailPoller(MailIntake intake, MailIntakeProperties properties, MailRouting routing,
      Optional<EmbeddedMailServer> embeddedServer, MeterRegistry metrics, RegistrationAdmission admission) {
    this.intake = intake;
    this.properties = properties;
    this.routing = routing;
    this.metrics = metrics;
    this.admission = admission;
  }

  /** Why a pass stopped early, if it did; shared by the mailboxes read at the same time. */
  private static final class Pass {
    private final AtomicReference<String> stoppedBecause = new AtomicReference<>();

    void stop(String reason) {
      stoppedBecause.compareAndSet(null, reason);
    }

    boolean stopped() {
      return stoppedBecause.get() != null;
    }
  }

  /**
   * One pass over all mailboxes, {@code support.mail.parallel-mailboxes} at a time (each mail is still its own
   * transaction: a Message-ID that reaches two mailboxes read at once collides on the dedupe key, and the loser
   * stays unread until the next pass finds it a duplicate). A mailbox that cannot be read is tried again at the
   * next pass. While the poller slows down (see above) a pass does nothing.
   */
  public synchronized void pollAll() {
    Instant now = EngineClock.now();
    if (now.isBefore(resumeAt)) {
      return;
    }
    Pass pass = new Pass();
    List<MailRouting.Mailbox> mailboxes = routing.polled();
    int threads = Math.min(Math.max(properties.parallelMailboxes(), 1), mailboxes.size());
    if (threads <= 1) {
      mailboxes.forEach(mailbox -> pollLogged(mailbox, pass));
    } else {
      ExecutorService pool = Executors.newFixedThreadPool(threads, new CustomizableThreadFactory("mail-poll-"));
      try {
        pool.invokeAll(mailboxes.stream().<Callable<Void>>map(mailbox -> () -> {
          pollLogged(mailbox, pass);
          return null;
        }).toList());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        pool.shutdownNow();
      }
    }
    slowDownIfStopped(pass, now);
  }

  private void slowDownIfStopped(Pass pass, Instant now) {
    if (!pass.stopped()) {
      backoff = Duration.ZERO;
      resumeAt = Instant.MIN;
      return;
    }
    backoff = backoff.isZero() ? FIRST_BACKOFF : min(backoff.multipliedBy(2), MAX_BACKOFF);
    resumeAt = now.plus(backoff);
    log.warn("Mail polling slows down ({}): the rest stays unread, next pass in {} s", pass.stoppedBecause.get(),
        backoff.toSeconds());
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private void pollLogged(MailRouting.Mailbox mailbox, Pass pass) {
    try {
      poll(mailbox, pass);
    } catch (MessagingException e) {
      log.warn("Cannot read mailbox {}: {}", mailbox.address(), e.getMessage());
    }
  }

  private void poll(MailRouting.Mailbox mailbox, Pass pass) throws MessagingException {
    MailIntakeProperties.Imap imap = properties.imap();
    Properties session = new Properties();
    // Reading a mail must not flag it \Seen: only a committed transaction does.
    session.put("mail." + imap.protocol() + ".peek", "true");
    // Attachments in one piece, not in 16 kB round trips: a 25 MB file otherwise takes minutes.
    session.put("mail." + imap.protocol() + ".partialfetch", "false");
    session.put("mail." + imap.protocol() + ".connectiontimeout", "10000");
    session.put("mail." + imap.protocol() + ".timeout", "60000");
    try (Store store = Session.getInstance(session).getStore(imap.protocol())) {
      store.connect(imap.host(), imap.port(), mailbox.login(),
          mailbox.password() != null ? mailbox.password() : imap.password());
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_WRITE);
      try {
        for (Message message : inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
          if (pass.stopped()) {
            break;
          }
          handle(mailbox, message, pass);
        }
      } finally {
        inbox.close(false);
      }
    }
  }

  /**
   * Reads the whole mail in one fetch and parses it here (not through the server's view of its structure, which a
   * malformed mail can break), then hands it over. A mail that cannot be read or handled stays unread for the next
   * poll and never stops the mails after it, unless the node is busy or the database out of reach: then the pass
   * stops.
   */
  private void handle(MailRouting.Mailbox mailbox, Message message, Pass pass) {
    Optional<RegistrationAdmission.Permit> permit = admission.enter();
    if (permit.isEmpty()) {
      pass.stop("the node is busy with registrations");
      return;
    }
    try (RegistrationAdmission.Permit admitted = permit.get()) {
      MailIntake.Result result = intake.handle(IncomingMail.of(localCopy(message)), mailbox);
      log.info("Mail {} to {}: {}", message.getMessageNumber(), mailbox.address(), result);
      metrics.counter("support.mails.received", "mailbox", mailbox.address(), "product", mailbox.product(),
          "outcome", result.name()).increment();
      message.setFlag(Flags.Flag.SEEN, true);
    } catch (MessagingException | IOException | RuntimeException e) {
      // Left unread: the next poll tries again; a duplicate from a concurrent poller is recognised then.
      log.warn("Mail {} to {} left unread: {}", message.getMessageNumber(), mailbox.address(), e.toString());
      if (DatabaseConnectionLoss.causes(e)) {
        pass.stop("the database is out of reach");
      }
    }
  }

  /** The raw mail as the server stores it (not its envelope or size, which a malformed mail can break). */
  private static MimeMessage localCopy(Message message) throws MessagingException, IOException {
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    message.writeTo(raw);
    return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw.toByteArray()));
  }
}
