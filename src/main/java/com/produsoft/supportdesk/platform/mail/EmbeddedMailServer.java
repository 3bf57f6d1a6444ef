package com.produsoft.supportdesk.platform.mail;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.produsoft.supportdesk.catalogue.Catalogue;
import com.produsoft.supportdesk.catalogue.Supplier;

/**
 * The embedded default's mail server: GreenMail in-process, SMTP on {@code spring.mail.port} and IMAP on
 * {@code support.mail.imap.port}, bound to localhost. It holds the product support mailboxes (C5.2),
 * {@code info@produsoft.com}, the demo customer's mailbox, the suppliers' support addresses and the demo staff's
 * addresses (alert mails), all with the demo-only password {@code demo}.
 * Mails live in memory only. A lifecycle bean of the earliest phase: it starts before the mail poller and
 * stops after it.
 */
@Component
@ConditionalOnProperty(name = "support.mail.embedded", havingValue = "true")
public class EmbeddedMailServer implements SmartLifecycle {

  /** Demo only: every embedded mailbox has this password. */
  public static final String DEMO_PASSWORD = "demo";
  public static final String GENERAL_MAILBOX = "info@produsoft.com";
  public static final String DEMO_CUSTOMER_MAILBOX = "jan.vandamme@vandamme.example";

  private final GreenMail greenMail;
  private final Catalogue catalogue;
  private final List<EmbeddedMailboxes> moreMailboxes;

  public EmbeddedMailServer(@Value("${spring.mail.port}") int smtpPort,
      @Value("${support.mail.imap.port}") int imapPort, Catalogue catalogue, List<EmbeddedMailboxes> moreMailboxes) {
    this.catalogue = catalogue;
    this.moreMailboxes = moreMailboxes;
    this.greenMail = new GreenMail(new ServerSetup[] {
        new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
        new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
  }

  /** The mailboxes, created again at every start (GreenMail keeps them in memory). */
  @Override
  public void start() {
    List<String> addresses = new ArrayList<>(catalogue.mailboxes());
    addresses.add(GENERAL_MAILBOX);
    addresses.add(DEMO_CUSTOMER_MAILBOX);
    // The suppliers' (placeholder) support addresses, to read the bug reports they are sent (C7.2).
    catalogue.suppliers().stream().map(Supplier::getSupportEmail).forEach(addresses::add);
    // The demo staff's addresses, where their alert mails arrive (an.maes@produsoft.com ...).
    moreMailboxes.forEach(more -> addresses.addAll(more.addresses()));
    GreenMailConfiguration users = GreenMailConfiguration.aConfig();
    addresses.forEach(address -> users.withUser(address, address, DEMO_PASSWORD));
    greenMail.withConfiguration(users);
    greenMail.start();
  }

  @Override
  public void stop() {
    greenMail.stop();
  }

  @Override
  public boolean isRunning() {
    return greenMail.isRunning();
  }

  @Override
  public int getPhase() {
    return Integer.MIN_VALUE;
  }

  /** The server itself, for tests that read mailboxes or simulate an outage. */
  public GreenMail greenMail() {
    return greenMail;
  }
}
