package com.produsoft.supportdesk.ticket;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import com.produsoft.supportdesk.catalogue.Catalogue;
import com.produsoft.supportdesk.catalogue.Product;
import com.produsoft.supportdesk.platform.security.Roles;

/**
 * Who sees and changes which tickets, whatever the way in (the JSON API, the staff pages): the engineers of the
 * ticket's product team, the leads and the admins; managers read every ticket and change none. Other engineers are
 * refused, as in Tasklist, where each team sees only its own tasks.
 */
@Component
public class TicketAccess {

  private final Catalogue catalogue;
  private final TicketRepository tickets;

  TicketAccess(Catalogue catalogue, TicketRepository tickets) {
    this.catalogue = catalogue;
    this.tickets = tickets;
  }

  /**
   * The products whose tickets the caller reads: empty for all of them (leads, managers, admins), else the products
   * of the caller's teams (none for a user of no team).
   */
  public Optional<Set<String>> readableProducts(Authentication caller) {
    Set<String> groups = groups(caller);
    if (groups.contains(Roles.authority(Roles.SUPPORT_LEADS)) || groups.contains(Roles.authority(Roles.MANAGERS))
        || groups.contains(Roles.authority(Roles.CAMUNDA_ADMIN))) {
      return Optional.empty();
    }
    return Optional.of(catalogue.products().stream()
        .filter(product -> groups.contains(Roles.authority(product.getTeamGroup())))
        .map(Product::getCode)
        .collect(Collectors.toSet()));
  }

  /** Whether the caller reads (write: changes) the tickets of the product. */
  public boolean allows(Authentication caller, String productCode, boolean write) {
    Set<String> groups = groups(caller);
    String team = catalogue.product(productCode).map(Product::getTeamGroup).orElse(null);
    return groups.contains(Roles.authority(Roles.SUPPORT_LEADS))
        || groups.contains(Roles.authority(Roles.CAMUNDA_ADMIN))
        || (team != null && groups.contains(Roles.authority(team)))
        || (!write && groups.contains(Roles.authority(Roles.MANAGERS)));
  }

  /** The ticket, if the caller may see it (write: change it); 403 otherwise. */
  public Ticket check(Ticket ticket, Authentication caller, boolean write) {
    if (!allows(caller, ticket.getProductCode(), write)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN,
          "Ticket " + ticket.getEonNumber() + " belongs to another team");
    }
    return ticket;
  }

  /**
   * A ticket for the staff pages: 403 for users who work with no tickets (administration, training), 404 for an
   * unknown EON number, 403 for another team's ticket (write: a manager's too).
   */
  public Ticket staffTicket(String eonNumber, Authentication caller, boolean write) {
    requireTicketStaff(caller);
    Ticket ticket = tickets.findByEonNumber(eonNumber.strip().toUpperCase(java.util.Locale.ROOT))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No ticket " + eonNumber));
    return check(ticket, caller, write);
  }

  /** 403 for users who work with no tickets (administration, training). */
  public void requireTicketStaff(Authentication caller) {
    if (!isTicketStaff(caller)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Tickets are read by the support teams, leads and"
          + " managers");
    }
  }

  /** Whether the caller works with tickets at all: a product team, the leads, the managers or the admins. */
  public boolean isTicketStaff(Authentication caller) {
    return readableProducts(caller).map(readable -> !readable.isEmpty()).orElse(true);
  }

  private static Set<String> groups(Authentication caller) {
    return caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
  }
}
