package com.produsoft.supportdesk.intake.mail;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The product support mailboxes read over IMAP (C5.2).
 *
 * @param imap the IMAP server of the mailboxes
 * @param mailboxes each support address and the product it receives mail for
 * @param otherOwnAddresses our addresses besides the mailboxes ({@code info@}): mail from them is never answered
 * @param maxMailsPerSenderPerDay more mails from one sender in a day are taken for a mail loop and ignored
 * @param parallelMailboxes how many mailboxes a poll reads at the same time, each over its own connection
 */
@ConfigurationProperties("support.mail")
public record MailIntakeProperties(
    Imap imap,
    @DefaultValue List<Mailbox> mailboxes,
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

  /** @param username the IMAP login, by default the address; @param password null for the shared one */
  public record Mailbox(String address, String product, String username, String password) {

    public String login() {
      return username == null ? address : username;
    }
  }
}
