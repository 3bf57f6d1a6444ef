package com.produsoft.supportdesk.reliability;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/**
 * Customers writing to the product mailboxes during a scenario (C5.2): mostly new problems from senders the register
 * does not know (each its own address, below the per-sender flood limit), and every fifth a reply to a ticket the API
 * acknowledged, from that ticket's address with its EON number in the subject (C8.1). Every mail carries a marker
 * that the ledger finds again in the ticket or journal entry it became.
 */
final class MailTraffic {

  private final String run;
  private final Mailboxes mailboxes;
  private final Queue<Ledger.SentMail> sent = new ConcurrentLinkedQueue<>();

  MailTraffic(String run, Mailboxes mailboxes) {
    this.run = run;
    this.mailboxes = mailboxes;
  }

  /**
   * Delivers {@code count} mails, one every {@code pause}, in a thread of its own.
   *
   * @param acknowledged the registrations acknowledged so far, to reply to
   */
  Thread start(int count, Duration pause, Supplier<Map<String, RegistrationClients.Ack>> acknowledged) {
    Thread thread = new Thread(() -> {
      for (int i = 0; i < count; i++) {
        List<RegistrationClients.Ack> replyTo = acknowledged.get().values().stream().skip(i).limit(1).toList();
        if (i % 5 == 4 && !replyTo.isEmpty()) {
          reply(i, replyTo.get(0));
        } else {
          newProblem(i);
        }
        try {
          Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }, "mail-traffic-" + run);
    thread.start();
    return thread;
  }

  List<Ledger.SentMail> sent() {
    return List.copyOf(sent);
  }

  private void newProblem(int i) {
    String marker = marker(i);
    String mailbox = Mailboxes.PRODUCT_MAILBOXES.get(i % Mailboxes.PRODUCT_MAILBOXES.size());
    deliver(mailbox, "mailer-" + i + "@" + run + "-mail.example", i, "Problem " + marker,
        "Since this morning the post-processor stops after a tool change. " + marker, null);
  }

  private void reply(int i, RegistrationClients.Ack ack) {
    String marker = marker(i);
    String mailbox = ack.product().toLowerCase(Locale.ROOT) + ".support@produsoft.com";
    deliver(mailbox, ack.email(), i, "Re: [" + ack.eonNumber() + "] more information " + marker,
        "It also happens on the second machine. " + marker, ack.eonNumber());
  }

  private void deliver(String mailbox, String from, int i, String subject, String text, String replyTo) {
    String messageId = "<" + run + "-" + i + "@customers.example>";
    mailboxes.deliver(mailbox, from, messageId, subject, text);
    sent.add(new Ledger.SentMail(messageId, marker(i), replyTo));
  }

  private String marker(int i) {
    return Ledger.MARKER_PREFIX + run + "-" + i;
  }
}
