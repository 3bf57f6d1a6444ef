package com.produsoft.supportdesk.ticket;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The word index of the tickets (table {@code ticket_word}, issue 18): what the search finds a ticket by. Written in
 * the ticket's own transaction, at its registration and whenever its company or contact changes; tickets registered
 * before the index existed are indexed at start-up, in batches. Words are lower case without accents, 2 to 40
 * characters; an EON number stays one word ({@code eon-2026-00042}).
 */
@Component
public class TicketWords implements ApplicationRunner {

  /** What a word names: C company, N contact (name, address), T the description's text, E the EON number. */
  enum Kind {
    COMPANY('C'), CONTACT('N'), TEXT('T'), EON('E');

    private final char code;

    Kind(char code) {
      this.code = code;
    }

    String code() {
      return String.valueOf(code);
    }
  }

  static final int MIN_LENGTH = 2;
  static final int MAX_LENGTH = 40;
  /** A description holds few distinct words that matter; a pasted log file holds thousands. */
  static final int MAX_TEXT_WORDS = 300;

  private static final Logger log = LoggerFactory.getLogger(TicketWords.class);
  private static final Pattern EON = Pattern.compile("(?i)\\bEON-\\d{4}-\\d+\\b");
  private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{Nd}]+");
  private static final Pattern ACCENTS = Pattern.compile("\\p{M}+");
  private static final int BATCH = 500;

  private final JdbcTemplate jdbc;

  TicketWords(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The words of a text as the index holds them and a query looks for them: EON numbers whole, everything else
   * split at what is neither letter nor digit; too short ones dropped, too long ones cut.
   */
  static List<String> words(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    Set<String> words = new LinkedHashSet<>();
    Matcher eon = EON.matcher(text);
    while (eon.find()) {
      words.add(eon.group().toLowerCase(Locale.ROOT));
    }
    String rest = ACCENTS.matcher(Normalizer.normalize(EON.matcher(text).replaceAll(" "), Normalizer.Form.NFD))
        .replaceAll("").toLowerCase(Locale.ROOT);
    for (String word : NOT_A_WORD.split(rest)) {
      if (word.length() >= MIN_LENGTH) {
        words.add(word.length() > MAX_LENGTH ? word.substring(0, MAX_LENGTH) : word);
      }
    }
    return List.copyOf(words);
  }

  /** Indexes a ticket anew, in the caller's transaction: its words replace those it had. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void index(Ticket ticket) {
    String customerName = ticket.getCustomer() == null ? null : ticket.getCustomer().getCompanyName();
    String contactName = ticket.getContact() == null ? null : ticket.getContact().getName();
    write(ticket.getId(), ticket.getEonNumber(), ticket.getCompanyName(), customerName, ticket.getContactName(),
        contactName, ticket.getEmail(), ticket.getDescription(), true);
  }

  private record Row(String word, Kind kind) {
  }

  private void write(long ticketId, String eonNumber, String companyName, String customerName, String contactName,
      String contactRegisterName, String email, String description, boolean replace) {
    Set<Row> rows = new LinkedHashSet<>();
    rows.add(new Row(eonNumber.toLowerCase(Locale.ROOT), Kind.EON));
    Stream.of(companyName, customerName).flatMap(text -> words(text).stream())
        .forEach(word -> rows.add(new Row(word, Kind.COMPANY)));
    Stream.of(contactName, contactRegisterName, email).flatMap(text -> words(text).stream())
        .forEach(word -> rows.add(new Row(word, Kind.CONTACT)));
    words(description).stream().limit(MAX_TEXT_WORDS).forEach(word -> rows.add(new Row(word, Kind.TEXT)));
    if (replace) {
      jdbc.update("DELETE FROM ticket_word WHERE ticket_id = ?", ticketId);
    }
    jdbc.batchUpdate("INSERT INTO ticket_word (word, kind, ticket_id) VALUES (?, ?, ?)", rows.stream()
        .map(row -> new Object[] {row.word(), row.kind().code(), ticketId}).toList());
  }

  private record Unindexed(long id, String eonNumber, String companyName, String customerName, String contactName,
      String contactRegisterName, String email, String description) {
  }

  /** Start-up: the tickets without words yet (registered before the index existed) get theirs, 500 at a time. */
  @Override
  public void run(ApplicationArguments args) {
    int indexed = backfill();
    if (indexed > 0) {
      log.info("Indexed the words of {} tickets registered before the word index", indexed);
    }
  }

  /** Indexes every ticket that has no words yet; the number indexed. Finds nothing, cheaply, once done. */
  public int backfill() {
    long after = 0;
    int indexed = 0;
    while (true) {
      List<Unindexed> batch = jdbc.query("SELECT t.id, t.eon_number, t.company_name, cu.company_name AS customer_name,"
          + " t.contact_name, co.name AS contact_register_name, t.email, t.description FROM ticket t"
          + " LEFT JOIN customer cu ON cu.id = t.customer_id LEFT JOIN contact co ON co.id = t.contact_id"
          + " WHERE t.id > ? AND NOT EXISTS (SELECT 1 FROM ticket_word w WHERE w.ticket_id = t.id)"
          + " ORDER BY t.id LIMIT " + BATCH,
          (row, i) -> new Unindexed(row.getLong("id"), row.getString("eon_number"), row.getString("company_name"),
              row.getString("customer_name"), row.getString("contact_name"), row.getString("contact_register_name"),
              row.getString("email"), row.getString("description")),
          after);
      if (batch.isEmpty()) {
        return indexed;
      }
      for (Unindexed ticket : batch) {
        try {
          write(ticket.id(), ticket.eonNumber(), ticket.companyName(), ticket.customerName(), ticket.contactName(),
              ticket.contactRegisterName(), ticket.email(), ticket.description(), false);
        } catch (DuplicateKeyException indexedByAnotherNode) {
          log.debug("Ticket {} was indexed meanwhile by another node", ticket.eonNumber());
        }
      }
      indexed += batch.size();
      after = batch.get(batch.size() - 1).id();
    }
  }
}
