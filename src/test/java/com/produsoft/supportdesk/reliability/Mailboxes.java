package com.produsoft.supportdesk.reliability;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * The company's mail server as the application nodes see it: GreenMail in the test JVM, SMTP and IMAP on free
 * ports, the six product mailboxes of the catalogue (table product). Mails are put straight into a mailbox, as if they had
 * arrived from outside; the customers' mailboxes are created when the application first mails them.
 */
final class Mailboxes implements AutoCloseable {

  static final String PASSWORD = "reliability";
  private static final Pattern EON_NUMBER = Pattern.compile("EON-\\d{4}-\\d{5,}");
  /** The product mailboxes of the catalogue (Liquibase 010, column product.support_mailbox). */
  static final List<String> PRODUCT_MAILBOXES = List.of("visi.support@produsoft.com", "worknc.support@produsoft.com",
      "edgecam.support@produsoft.com", "radan.support@produsoft.com", "peps.support@produsoft.com",
      "spaceclaim.support@produsoft.com");

  private final GreenMail greenMail;
  private final Session session = Session.getInstance(new Properties());

  Mailboxes() {
    // GreenMail logs every mailbox it creates at INFO: one line per customer mailed
    ((Logger) LoggerFactory.getLogger("com.icegreen.greenmail")).setLevel(Level.WARN);
    greenMail = new GreenMail(new ServerSetup[] {
        new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
        new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort()});
    GreenMailConfiguration users = GreenMailConfiguration.aConfig();
    PRODUCT_MAILBOXES.forEach(address -> users.withUser(address, address, PASSWORD));
    greenMail.withConfiguration(users);
    greenMail.start();
  }

  int smtpPort() {
    return greenMail.getSmtp().getPort();
  }

  int imapPort() {
    return greenMail.getImap().getPort();
  }

  /** A customer's mail, arrived in a product mailbox, with its own Message-ID (the application's dedupe key). */
  void deliver(String mailbox, String from, String messageId, String subject, String text) {
    try {
      MimeMessage mail = new MimeMessage(session) {
        @Override
        protected void updateMessageID() throws MessagingException {
          setHeader("Message-ID", messageId);
        }
      };
      mail.setFrom(new InternetAddress(from));
      mail.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(mailbox));
      mail.setSubject(subject, "UTF-8");
      mail.setText(text, "UTF-8");
      mail.setSentDate(new Date());
      mail.saveChanges();
      greenMail.getUserManager().getUserByEmail(mailbox).deliver(mail);
    } catch (MessagingException e) {
      throw new IllegalStateException("Cannot deliver " + messageId, e);
    }
  }

  /** Mails in the product mailboxes that the application has not flagged \Seen (i.e. not committed) yet. */
  int unread() {
    int unread = 0;
    for (String address : PRODUCT_MAILBOXES) {
      try {
        unread += greenMail.getManagers().getImapHostManager()
            .getInbox(greenMail.getUserManager().getUserByEmail(address)).getUnseenCount();
      } catch (FolderException e) {
        throw new IllegalStateException(e);
      }
    }
    return unread;
  }

  /**
   * What the application sent by SMTP: a figure in words. A mail step is at least once: a node that dies after
   * the SMTP server took the mail and before the job's commit sends it again when the job is retried.
   */
  String sentMails() {
    Map<String, Integer> perSubject = new HashMap<>();
    for (MimeMessage message : greenMail.getReceivedMessages()) {
      try {
        String recipient = ((InternetAddress) message.getAllRecipients()[0]).getAddress();
        if (!PRODUCT_MAILBOXES.contains(recipient) && EON_NUMBER.matcher(message.getSubject()).find()) {
          perSubject.merge(recipient + " " + message.getSubject(), 1, Integer::sum);
        }
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
    long twice = perSubject.values().stream().filter(count -> count > 1).count();
    return "SMTP: " + perSubject.values().stream().mapToInt(Integer::intValue).sum() + " customer mails, "
        + twice + " of them received more than once";
  }

  @Override
  public void close() {
    greenMail.stop();
  }
}
