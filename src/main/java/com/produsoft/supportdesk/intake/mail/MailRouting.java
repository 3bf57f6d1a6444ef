package com.produsoft.supportdesk.intake.mail;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import com.produsoft.supportdesk.catalogue.Catalogue;
import com.produsoft.supportdesk.catalogue.Product;
import com.produsoft.supportdesk.customer.Contact;

import jakarta.annotation.PostConstruct;

/**
 * Which mailbox receives mail for which product (C5.2): the catalogue's, each product's support mailbox (issue 19).
 * Configuration adds only what is not the catalogue's: the logins ({@code support.mail.logins}) and which mailboxes
 * this node reads ({@code support.mail.polled-mailboxes}, all by default). A login or polled mailbox that is no
 * product's mailbox is a configuration error, refused at start-up.
 */
@Component
public class MailRouting {

  private final Catalogue catalogue;
  private final MailIntakeProperties properties;

  MailRouting(Catalogue catalogue, MailIntakeProperties properties) {
    this.catalogue = catalogue;
    this.properties = properties;
  }

  /** Refuses to start on a login or polled mailbox that is no product's mailbox, rather than ignore it unread. */
  @PostConstruct
  void check() {
    polled();
  }

  /** A product's support mailbox as the poller reads it: its address, the product, and the IMAP login. */
  public record Mailbox(String address, String product, String username, String password) {

    public String login() {
      return username == null ? address : username;
    }
  }

  /** The mailboxes this node reads, each with its product and login. */
  public List<Mailbox> polled() {
    List<Product> products = catalogue.products();
    Set<String> known = products.stream().map(product -> key(product.getSupportMailbox())).collect(Collectors.toSet());
    unknown(properties.polledMailboxes().stream(), known, "support.mail.polled-mailboxes");
    unknown(properties.logins().stream().map(MailIntakeProperties.Login::mailbox), known, "support.mail.logins");
    Set<String> polled = properties.polledMailboxes().stream().map(MailRouting::key).collect(Collectors.toSet());
    Map<String, MailIntakeProperties.Login> logins = properties.logins().stream()
        .collect(Collectors.toMap(login -> key(login.mailbox()), Function.identity(), (first, second) -> first));
    return products.stream()
        .filter(product -> polled.isEmpty() || polled.contains(key(product.getSupportMailbox())))
        .map(product -> {
          Optional<MailIntakeProperties.Login> login = Optional.ofNullable(logins.get(key(product.getSupportMailbox())));
          return new Mailbox(product.getSupportMailbox(), product.getCode(),
              login.map(MailIntakeProperties.Login::username).orElse(null),
              login.map(MailIntakeProperties.Login::password).orElse(null));
        })
        .toList();
  }

  /** Our own addresses, normalised: every product's mailbox and the other own addresses; mail from them is ignored. */
  public Set<String> ownAddresses() {
    Set<String> own = new HashSet<>();
    catalogue.mailboxes().forEach(address -> own.add(Contact.normalizeEmail(address)));
    properties.otherOwnAddresses().forEach(address -> own.add(Contact.normalizeEmail(address)));
    return own;
  }

  private static void unknown(Stream<String> addresses, Set<String> known, String property) {
    List<String> unknown = addresses.filter(address -> !known.contains(key(address))).toList();
    if (!unknown.isEmpty()) {
      throw new IllegalStateException(property + " names " + unknown + ", which is no product's support mailbox in "
          + "the catalogue (table product, column support_mailbox)");
    }
  }

  private static String key(String address) {
    return address == null ? "" : Contact.normalizeEmail(address);
  }
}
