package com.produsoft.supportdesk.intake.mail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

import com.produsoft.supportdesk.platform.mail.EmbeddedMailServer;

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
 */
@Component
public class MailPoller {

  private static final Logger log = LoggerFactory.getLogger(MailPoller.class);

  private final MailIntake intake;
  private final MailIntakeProperties properties;
  private final MeterRegistry metrics;

  /**
   * @param embeddedServer the embedded mail server when there is one: depending on it makes it start before
   *     the poller and stop after it
   */
  public MailPoller(MailIntake intake, MailIntakeProperties properties,
      Optional<EmbeddedMailServer> embeddedServer, MeterRegistry metrics) {
    this.intake = intake;
    this.properties = properties;
    this.metrics = metrics;
  }

  /**
   * One pass over all mailboxes, {@code support.mail.parallel-mailboxes} at a time (each mail is still its own
   * transaction: a Message-ID that reaches two mailboxes read at once collides on the dedupe key, and the loser
   * stays unread until the next pass finds it a duplicate). A mailbox that cannot be read is tried again at the
   * next pass.
   */
  public void pollAll() {
    List<MailIntakeProperties.Mailbox> mailboxes = properties.mailboxes();
    int threads = Math.min(Math.max(properties.parallelMailboxes(), 1), mailboxes.size());
    if (threads <= 1) {
      mailboxes.forEach(this::pollLogged);
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, new CustomizableThreadFactory("mail-poll-"));
    try {
      pool.invokeAll(mailboxes.stream().<Callable<Void>>map(mailbox -> () -> {
        pollLogged(mailbox);
        return null;
      }).toList());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      pool.shutdownNow();
    }
  }

  private void pollLogged(MailIntakeProperties.Mailbox mailbox) {
    try {
      poll(mailbox);
    } catch (MessagingException e) {
      log.warn("Cannot read mailbox {}: {}", mailbox.address(), e.getMessage());
    }
  }

  private void poll(MailIntakeProperties.Mailbox mailbox) throws MessagingException {
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
          handle(mailbox, message);
        }
      } finally {
        inbox.close(false);
      }
    }
  }

  /**
   * Reads the whole mail in one fetch and parses it here (not through the server's view of its structure, which a
   * malformed mail can break), then hands it over. A mail that cannot be read or handled stays unread for the next
   * poll and never stops the mails after it.
   */
  private void handle(MailIntakeProperties.Mailbox mailbox, Message message) {
    try {
      MailIntake.Result result = intake.handle(IncomingMail.of(localCopy(message)), mailbox);
      log.info("Mail {} to {}: {}", message.getMessageNumber(), mailbox.address(), result);
      metrics.counter("support.mails.received", "mailbox", mailbox.address(), "product", mailbox.product(),
          "outcome", result.name()).increment();
      message.setFlag(Flags.Flag.SEEN, true);
    } catch (MessagingException | IOException | RuntimeException e) {
      // Left unread: the next poll tries again; a duplicate from a concurrent poller is recognised then.
      log.warn("Mail {} to {} left unread: {}", message.getMessageNumber(), mailbox.address(), e.toString());
    }
  }

  /** The raw mail as the server stores it (not its envelope or size, which a malformed mail can break). */
  private static MimeMessage localCopy(Message message) throws MessagingException, IOException {
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    message.writeTo(raw);
    return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw.toByteArray()));
  }
}
