package com.produsoft.supportdesk.intake.mail;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the product support mailboxes are read over IMAP (C5.2). Which mailbox belongs to which product is not
 * configured here: the catalogue holds each product's mailbox ({@link MailRouting}, issue 19).
 *
 * @param imap the IMAP server of the mailboxes
 * @param logins the IMAP login of a mailbox whose user name or password is not its address and the shared password
 * @param polledMailboxes the mailboxes this node reads; empty for every product's mailbox
 * @param otherOwnAddresses our addresses besides the mailboxes ({@code info@}): mail from them is never answered
 * @param maxMailsPerSenderPerDay more mails from one sender in a day are taken for a mail loop and ignored
 * @param parallelMailboxes how many mailboxes a poll reads at the same time, each over its own connection
 */
@ConfigurationProperties("support.mail")
public record MailIntakeProperties(
    Imap imap,
    @DefaultValue List<Login> logins,
    @DefaultValue List<String> polledMailboxes,
    @DefaultValue List<String> otherOwnAddresses,
    @DefaultValue("20") int maxMailsPerSenderPerDay,
    @DefaultValue("1") int parallelMailboxes) {

  /**
   * @param protocol {@code imap}, or {@code imaps} for TLS
   * @param password the mailboxes' password unless a mailbox has its own
   */
  public record Imap(@DefaultValue("localhost") String host, @DefaultValue("3143") int port,
      @DefaultValue("imap") String protocol, String password) {
  }

  /**
   * @param mailbox a product's support address
   * @param username the IMAP login, by default the address
   * @param password null for the shared one
   */
  public record Login(String mailbox, String username, String password) {
  }
}
