package com.produsoft.supportdesk.ticket;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.produsoft.supportdesk.catalogue.Catalogue;
import com.produsoft.supportdesk.catalogue.Product;
import com.produsoft.supportdesk.contract.Entitlement;
import com.produsoft.supportdesk.contract.EntitlementService;
import com.produsoft.supportdesk.platform.EngineClock;

/**
 * What decides who works on a ticket and how: the entitlement (C1–C3), the engineer's triage (category, duplicate,
 * correction) and a move to another product's team (C5.4).
 */
@Service
@Transactional
public class TicketTriage {

  /** Triage outcomes that are corrections: the journal must say why. */
  private static final Set<String> OUTCOMES_WITH_REASON = Set.of("MOVE", Resolution.NO_ACTION.name());

  private final TicketRepository tickets;
  private final JournalRepository journal;
  private final EntitlementService entitlements;
  private final Catalogue catalogue;

  TicketTriage(TicketRepository tickets, JournalRepository journal, EntitlementService entitlements,
      Catalogue catalogue) {
    this.tickets = tickets;
    this.journal = journal;
    this.entitlements = entitlements;
    this.catalogue = catalogue;
  }

  /** C1–C3, C2.2: the ticket is registered whatever the answer; the engineer sees the gaps. */
  public Entitlement checkEntitlement(String eonNumber) {
    Ticket ticket = tickets.byEonNumber(eonNumber);
    Long customerId = ticket.getCustomer() == null ? null : ticket.getCustomer().getId();
    Entitlement entitlement = entitlements.check(customerId, ticket.getEmail(), ticket.getProductCode(),
        EngineClock.today());
    ticket.recordEntitlement(entitlement.underContract(), entitlement.warning());
    return entitlement;
  }

  /**
   * The engineer's triage, with their name in the journal. A duplicate (C4.3) names an earlier call that exists,
   * a move or a close without action says why: anything else is refused, and Tasklist shows why while the task
   * stays open.
   */
  public void recordTriage(String eonNumber, String outcome, TicketCategory category, String duplicateOf,
      String note, String engineer) {
    Ticket ticket = tickets.byEonNumber(eonNumber);
    if (OUTCOMES_WITH_REASON.contains(outcome)) {
      requireReason(note, outcome);
    }
    if (category != null && category != ticket.getCategory()) {
      journal.note(ticket, engineer, "Category changed from " + ticket.getCategory() + " to " + category);
      ticket.recategorise(category);
    }
    if (Resolution.DUPLICATE.name().equals(outcome)) {
      String earlier = tickets.earlierCall(ticket, duplicateOf).getEonNumber();
      if (!ticket.getEarlierCallNumbers().contains(earlier)) {
        ticket.getEarlierCallNumbers().add(earlier);
      }
    }
    journal.note(ticket, engineer, "Triage: " + outcome + (note == null || note.isBlank() ? "" : " — " + note));
  }

  /**
   * C5.4: the ticket belongs to another product's team. Answers the process variables of the new team; the journal
   * says who moved it, from where to where, and why. A product of the same team is refused (nothing would move).
   */
  public Map<String, Object> moveToTeam(String eonNumber, String productCode, String reason, String engineer) {
    Ticket ticket = tickets.byEonNumber(eonNumber);
    Product from = catalogue.product(ticket.getProductCode()).orElseThrow();
    Product to = catalogue.product(productCode)
        .orElseThrow(() -> new IllegalArgumentException("Move to " + productCode + ": no such product"));
    if (to.getTeamGroup().equals(from.getTeamGroup())) {
      throw new IllegalArgumentException("Move to " + to.getCode() + ": the ticket is already with that team");
    }
    ticket.moveTo(to.getCode());
    journal.note(ticket, engineer, "Moved from " + from.getCode() + " (" + from.getTeamGroup() + ") to "
        + to.getCode() + " (" + to.getTeamGroup() + "): " + Objects.requireNonNullElse(reason, ""));
    return Map.of("product", to.getCode(), "team", to.getTeamGroup());
  }

  /** A correction by hand (a move, a close without action, a priority) says why, for the journal. */
  static void requireReason(String reason, String what) {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("Give the reason for " + what + " (journal)");
    }
  }
}
