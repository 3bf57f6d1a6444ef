package com.produsoft.supportdesk.ticket;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

import com.produsoft.supportdesk.catalogue.Catalogue;
import com.produsoft.supportdesk.catalogue.Product;

/**
 * The staff pages of issue 18, linked from every ticket task form in Tasklist and signed in with its session
 * (SecurityConfig's staff chain, CSRF on the form): finding a ticket ({@code /staff/tickets}), a customer's history
 * ({@code /staff/customers/{id}/history}) and linking an unknown sender to a customer
 * ({@code /staff/tickets/{eon}/sender}). Who sees what is {@link TicketAccess}'s, as for {@code /api/tickets}: the
 * administration and the training coordinator get 403.
 */
@Controller
class TicketPagesController {

  static final String SEARCH = "/staff/tickets";
  static final String HISTORY = "/staff/customers/{id}/history";
  private static final int CUSTOMER_CHOICES = 20;

  private final TicketSearch search;
  private final TicketAccess access;
  private final TicketRepository tickets;
  private final CustomerHistory histories;
  private final SenderIdentification senders;
  private final Catalogue catalogue;
  private final JdbcTemplate jdbc;

  TicketPagesController(TicketSearch search, TicketAccess access, TicketRepository tickets, CustomerHistory histories,
      SenderIdentification senders, Catalogue catalogue, JdbcTemplate jdbc) {
    this.search = search;
    this.access = access;
    this.tickets = tickets;
    this.histories = histories;
    this.senders = senders;
    this.catalogue = catalogue;
    this.jdbc = jdbc;
  }

  @GetMapping(SEARCH)
  String search(@RequestParam(required = false) String q, @RequestParam(required = false) String company,
      @RequestParam(required = false) String product, @RequestParam(required = false) TicketStatus state,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(defaultValue = "0") int page, Authentication login, Model model) {
    Optional<Set<String>> readable = readable(login);
    boolean asked = Stream.of(q, company, product).anyMatch(text -> text != null && !text.isBlank())
        || state != null || from != null || to != null;
    boolean periodReversed = from != null && to != null && to.isBefore(from);
    model.addAttribute("products", catalogue.products().stream().map(Product::getCode)
        .filter(code -> readable.map(codes -> codes.contains(code)).orElse(true)).sorted().toList());
    model.addAttribute("states", TicketStatus.values());
    model.addAttribute("periodReversed", periodReversed);
    model.addAttribute("asked", asked);
    if (asked && !periodReversed) {
      TicketSearch.Page found = search.search(new TicketSearch.Criteria(q, company, product,
          state == null ? Set.of() : Set.of(state), from, to, null, Math.max(page, 0), TicketSearch.DEFAULT_PAGE_SIZE),
          readable);
      model.addAttribute("found", found);
      UriComponentsBuilder pageLink = UriComponentsBuilder.fromPath(SEARCH)
          .queryParamIfPresent("q", given(q)).queryParamIfPresent("company", given(company))
          .queryParamIfPresent("product", given(product)).queryParamIfPresent("state", Optional.ofNullable(state))
          .queryParamIfPresent("from", Optional.ofNullable(from)).queryParamIfPresent("to", Optional.ofNullable(to));
      model.addAttribute("previousPage", pageLink.cloneBuilder().queryParam("page", found.page() - 1).build()
          .encode().toUriString());
      model.addAttribute("nextPage", pageLink.cloneBuilder().queryParam("page", found.page() + 1).build()
          .encode().toUriString());
    }
    return "staff/tickets";
  }

  /** The task forms' link: the customer's history, or, for a sender not in the register, the page to link them. */
  @GetMapping(SEARCH + "/{eonNumber}/customer")
  @Transactional(readOnly = true)
  String customerOf(@PathVariable String eonNumber, Authentication login) {
    Ticket ticket = readableTicket(eonNumber, login, false);
    return ticket.getCustomer() == null
        ? "redirect:" + SEARCH + "/" + ticket.getEonNumber() + "/sender"
        : "redirect:/staff/customers/" + ticket.getCustomer().getId() + "/history";
  }

  @GetMapping(HISTORY)
  String history(@PathVariable long id, @RequestParam(required = false) String linked, Authentication login,
      Model model) {
    CustomerHistory.History history = histories.of(id, readable(login))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No customer #" + id));
    model.addAttribute("history", history);
    model.addAttribute("linked", linked);
    return "staff/customer-history";
  }

  /** A customer the sender may belong to. */
  record CustomerChoice(long id, String companyName, String vatNumber) {
  }

  @GetMapping(SEARCH + "/{eonNumber}/sender")
  @Transactional(readOnly = true)
  String sender(@PathVariable String eonNumber, @RequestParam(required = false) String name, Authentication login,
      Model model) {
    Ticket ticket = readableTicket(eonNumber, login, false);
    return senderPage(ticket, name, null, model);
  }

  @PostMapping(SEARCH + "/{eonNumber}/sender")
  String linkSender(@PathVariable String eonNumber, @RequestParam(required = false) Long customerId,
      @RequestParam(defaultValue = "false") boolean addContact, @RequestParam(required = false) String contactName,
      Authentication login, Model model) {
    Ticket ticket = readableTicket(eonNumber, login, true);
    String error = customerId == null ? "staff.sender.error.customer"
        : addContact && (contactName == null || contactName.isBlank()) ? "staff.sender.error.contactName"
        : contactName != null && contactName.length() > 200 ? "staff.sender.error.contactName"
        : null;
    if (error == null) {
      try {
        senders.link(ticket.getEonNumber(), customerId, addContact ? contactName : null, login.getName());
        return "redirect:/staff/customers/" + customerId + "/history?linked=" + ticket.getEonNumber();
      } catch (SenderIdentification.UnknownCustomerException unknown) {
        error = "staff.sender.error.customer";
      } catch (OptimisticLockingException busy) {
        // A process step of the same ticket (its confirmation mail, a timer) committed meanwhile: nothing was linked.
        error = "staff.sender.error.busy";
      }
    }
    return senderPage(ticket, null, error, model);
  }

  private String senderPage(Ticket ticket, String name, String error, Model model) {
    model.addAttribute("ticket", ticket);
    // Read afresh (no open session after a refused link): the customer's name, if the ticket has one.
    model.addAttribute("currentCustomer", jdbc.queryForList("SELECT cu.company_name FROM ticket t"
        + " JOIN customer cu ON cu.id = t.customer_id WHERE t.eon_number = ?", String.class, ticket.getEonNumber())
        .stream().findFirst().orElse(null));
    model.addAttribute("name", name);
    model.addAttribute("error", error);
    model.addAttribute("sameDomain", sameDomain(ticket.getEmail()));
    model.addAttribute("byName", byName(name));
    return "staff/sender";
  }

  /** The customers one of whose contacts writes from the sender's mail domain: most likely the sender's company. */
  private List<CustomerChoice> sameDomain(String email) {
    int at = email == null ? -1 : email.lastIndexOf('@');
    if (at < 0 || at == email.length() - 1) {
      return List.of();
    }
    return jdbc.query("SELECT DISTINCT cu.id, cu.company_name, cu.vat_number FROM customer cu"
        + " JOIN contact co ON co.customer_id = cu.id WHERE co.email LIKE ? ESCAPE '!' ORDER BY cu.company_name",
        (row, i) -> new CustomerChoice(row.getLong("id"), row.getString("company_name"), row.getString("vat_number")),
        "%@" + likeLiteral(email.substring(at + 1).toLowerCase(Locale.ROOT)));
  }

  private List<CustomerChoice> byName(String name) {
    if (name == null || name.isBlank()) {
      return List.of();
    }
    return jdbc.query("SELECT id, company_name, vat_number FROM customer WHERE LOWER(company_name) LIKE ? ESCAPE '!'"
        + " ORDER BY company_name LIMIT " + CUSTOMER_CHOICES,
        (row, i) -> new CustomerChoice(row.getLong("id"), row.getString("company_name"), row.getString("vat_number")),
        "%" + likeLiteral(name.strip().toLowerCase(Locale.ROOT)) + "%");
  }

  private static String likeLiteral(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  private static Optional<String> given(String text) {
    return text == null || text.isBlank() ? Optional.empty() : Optional.of(text);
  }

  private Ticket readableTicket(String eonNumber, Authentication login, boolean write) {
    return access.staffTicket(eonNumber, login, write);
  }

  /** The products the user reads; 403 for users who work with no tickets (administration, training). */
  private Optional<Set<String>> readable(Authentication login) {
    access.requireTicketStaff(login);
    return access.readableProducts(login);
  }
}
