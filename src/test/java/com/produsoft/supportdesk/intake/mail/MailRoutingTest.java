package com.produsoft.supportdesk.intake.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.produsoft.supportdesk.catalogue.Catalogue;
import com.produsoft.supportdesk.catalogue.Product;

/** C5.2, issue 19: the mailboxes come from the catalogue; configuration only picks some and gives their logins. */
class MailRoutingTest {

  private static final MailIntakeProperties.Imap IMAP = new MailIntakeProperties.Imap("localhost", 3143, "imap", "pw");

  private final Catalogue catalogue = catalogueOf(product("EDGECAM", "edgecam.support@produsoft.com"),
      product("VISI", "visi.support@produsoft.com"));

  @Test
  @DisplayName("C5.2: every product's mailbox is read for its product, with the shared login unless one is configured")
  void everyMailboxOfTheCatalogue() {
    MailRouting routing = new MailRouting(catalogue, properties(List.of(
        new MailIntakeProperties.Login("Edgecam.Support@produsoft.com", "edgecam-imap", "secret")), List.of()));

    assertThat(routing.polled()).containsExactly(
        new MailRouting.Mailbox("edgecam.support@produsoft.com", "EDGECAM", "edgecam-imap", "secret"),
        new MailRouting.Mailbox("visi.support@produsoft.com", "VISI", null, null));
    assertThat(routing.polled().get(1).login()).isEqualTo("visi.support@produsoft.com");
    assertThat(routing.ownAddresses()).containsExactlyInAnyOrder("edgecam.support@produsoft.com",
        "visi.support@produsoft.com", "info@produsoft.com");
  }

  @Test
  @DisplayName("support.mail.polled-mailboxes limits a node to the mailboxes it names")
  void onlyThePolledMailboxes() {
    MailRouting routing = new MailRouting(catalogue, properties(List.of(), List.of("VISI.support@produsoft.com")));

    assertThat(routing.polled()).extracting(MailRouting.Mailbox::product).containsExactly("VISI");
  }

  @Test
  @DisplayName("A polled mailbox or a login that is no product's mailbox stops the start, naming it")
  void unknownMailboxIsRefused() {
    MailRouting polled = new MailRouting(catalogue, properties(List.of(), List.of("radan.support@produsoft.com")));
    MailRouting login = new MailRouting(catalogue, properties(List.of(
        new MailIntakeProperties.Login("info@produsoft.com", "info", null)), List.of()));

    assertThatThrownBy(polled::check).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("support.mail.polled-mailboxes").hasMessageContaining("radan.support@produsoft.com");
    assertThatThrownBy(login::check).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("support.mail.logins").hasMessageContaining("info@produsoft.com");
  }

  private static MailIntakeProperties properties(List<MailIntakeProperties.Login> logins, List<String> polled) {
    return new MailIntakeProperties(IMAP, logins, polled, List.of("info@produsoft.com"), 20, 1);
  }

  private static Catalogue catalogueOf(Product... products) {
    // Read before stubbing: a mock called inside thenReturn(...) leaves the stubbing unfinished.
    List<String> mailboxes = List.of(products).stream().map(Product::getSupportMailbox).toList();
    Catalogue catalogue = mock(Catalogue.class);
    when(catalogue.products()).thenReturn(List.of(products));
    when(catalogue.mailboxes()).thenReturn(mailboxes);
    return catalogue;
  }

  private static Product product(String code, String mailbox) {
    Product product = mock(Product.class);
    when(product.getCode()).thenReturn(code);
    when(product.getSupportMailbox()).thenReturn(mailbox);
    return product;
  }
}
