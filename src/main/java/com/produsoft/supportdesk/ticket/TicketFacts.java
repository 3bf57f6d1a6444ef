package com.produsoft.supportdesk.ticket;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What Tasklist shows of a ticket: the facts every task form reads (a task-local copy, {@code loadTicketFacts}) and
 * what names its tasks ({@code ticketReference}). Reads only; the process carries none of it.
 */
@Service
@Transactional(readOnly = true)
public class TicketFacts {

  private static final Map<Character, String> HTML_ENTITIES =
      Map.of('<', "&lt;", '>', "&gt;", '&', "&amp;", '"', "&quot;");

  private final TicketRepository tickets;
  private final JournalRepository journal;
  private final KnownIssues knownIssues;
  private final Conversation conversation;
  private final ObjectMapper json;

  TicketFacts(TicketRepository tickets, JournalRepository journal, KnownIssues knownIssues,
      Conversation conversation, ObjectMapper json) {
    this.tickets = tickets;
    this.journal = journal;
    this.knownIssues = knownIssues;
    this.conversation = conversation;
    this.json = json;
  }

  /**
   * What an engineer's form shows of a ticket: the C4 items, entitlement, earlier calls and the journal. The forms
   * put these into Markdown text that form-js renders as HTML (and sanitises: a {@code <script>} would vanish), so
   * whatever a customer typed is escaped here to be shown literally, as typed.
   */
  public String asJson(String eonNumber) {
    Ticket ticket = tickets.byEonNumber(eonNumber);
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("eonNumber", ticket.getEonNumber());
    facts.put("companyName", literal(ticket.getCompanyName()));
    facts.put("contactName", literal(ticket.getContactName()));
    facts.put("email", literal(ticket.getEmail()));
    facts.put("phone", literal(ticket.getPhone()));
    facts.put("product", ticket.getProductCode());
    facts.put("category", ticket.getCategory().name());
    facts.put("priority", ticket.getPriority());
    facts.put("channel", ticket.getChannel().name());
    facts.put("description", literal(ticket.getDescription()));
    facts.put("reproduction", literal(ticket.getReproduction()));
    facts.put("thirdPartySoftware", literal(ticket.getThirdPartySoftware()));
    facts.put("operatingSystem", literal(ticket.getOperatingSystem()));
    facts.put("impact", literal(ticket.getImpact()));
    facts.put("productionStopped", ticket.isProductionStopped());
    // EON numbers keep their hyphens: only HTML's specials are escaped (triage's "duplicate of" is typed text).
    facts.put("earlierCallNumbers", ticket.getEarlierCallNumbers().stream().map(TicketFacts::htmlText).toList());
    facts.put("entitlementWarning", ticket.getEntitlementWarning());
    // Issue 18: a sender not in the register is linked to a customer on the page the form links to.
    facts.put("customerKnown", ticket.getCustomer() != null);
    // C7.2, C7.3: what the supplier already knows of this product, to link rather than report again.
    facts.put("knownBugs", knownIssues.openBugs(ticket.getProductCode()));
    facts.put("wishes", knownIssues.openWishes(ticket.getProductCode()));
    facts.put("files", conversation.filesForForms(ticket, TicketFacts::literal));
    facts.put("journal", journal.findByTicketOrderByCreatedAtAscIdAsc(ticket).stream()
        .map(entry -> Map.of(
            "at", JournalEntry.TIME.format(entry.getCreatedAt()),
            "author", entry.getAuthor(),
            "text", literal(entry.getText())))
        .toList());
    try {
      return json.writeValueAsString(facts);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the facts of " + eonNumber, e);
    }
  }

  /**
   * What names the ticket's tasks in Tasklist: its EON number and who it is for, the company, else the contact
   * (a mail from an unknown sender has no company yet).
   */
  public List<String> caseReference(String eonNumber) {
    Ticket ticket = tickets.byEonNumber(eonNumber);
    String customer = Stream.of(ticket.getCompanyName(), ticket.getContactName(), ticket.getEmail())
        .filter(name -> name != null && !name.isBlank()).findFirst().orElse("");
    return List.of(ticket.getEonNumber(), customer);
  }

  /**
   * Text that Markdown and HTML show as typed: HTML's specials become entities, and every other ASCII punctuation
   * character is backslash-escaped, which CommonMark allows for all of them ({@code *}, {@code _}, {@code [}, ...).
   */
  static String literal(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    text.chars().forEach(c -> {
      String entity = HTML_ENTITIES.get((char) c);
      if (entity != null) {
        out.append(entity);
      } else {
        if (c < 128 && !Character.isLetterOrDigit(c) && !Character.isWhitespace(c) && !Character.isISOControl(c)) {
          out.append('\\');
        }
        out.append((char) c);
      }
    });
    return out.toString();
  }

  private static String htmlText(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.chars().forEach(c -> out.append(HTML_ENTITIES.getOrDefault((char) c, String.valueOf((char) c))));
    return out.toString();
  }
}
