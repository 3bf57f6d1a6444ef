package com.produsoft.supportdesk.ticket;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.produsoft.supportdesk.platform.EngineClock;

/**
 * Finds tickets, open and closed, newest first, a page at a time (issue 18): by words of the EON number, company,
 * contact and description (the word index {@code ticket_word}, see {@link TicketWords}), by company, product,
 * state, registration period and customer. Portable SQL, the same on H2, MySQL and MariaDB. The longest word of the
 * query leads (the rarest, most likely): its ticket ids are read from one range of the word index and joined to
 * the tickets; every further word is checked per ticket on the index by ticket. A page is read with one row more
 * than it shows, to know whether another follows, so no query counts all matches.
 */
@Service
public class TicketSearch {

  public static final int DEFAULT_PAGE_SIZE = 25;
  public static final int MAX_PAGE_SIZE = 100;

  private final JdbcTemplate jdbc;

  TicketSearch(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * What to look for; every part is optional, the parts that are given must all hold. {@code from} and {@code to}
   * are days in Brussels, both included.
   */
  public record Criteria(String q, String company, String product, Set<TicketStatus> states, LocalDate from,
      LocalDate to, Long customerId, int page, int size) {

    public Criteria {
      states = states == null ? Set.of() : Set.copyOf(states);
      page = Math.max(page, 0);
      size = size <= 0 ? DEFAULT_PAGE_SIZE : Math.min(size, MAX_PAGE_SIZE);
    }

    public static Criteria ofCustomer(long customerId, int size) {
      return new Criteria(null, null, null, Set.of(), null, null, customerId, 0, size);
    }
  }

  /** One ticket as a result lists it: subject = the first line of the description, at most 120 characters. */
  public record Hit(String eonNumber, String company, Long customerId, String contactName, String email,
      String product, TicketCategory category, Channel channel, TicketStatus status, Integer priority,
      Instant registeredAt, Instant closedAt, String subject) {

    /** When it was registered, on Brussels' clock (C6), as the staff pages show it. */
    public ZonedDateTime registeredInBrussels() {
      return registeredAt.atZone(EngineClock.BRUSSELS);
    }
  }

  public record Page(List<Hit> tickets, int page, int size, boolean hasNext) {
  }

  private record Term(String word, TicketWords.Kind kind) {
  }

  /**
   * The page of tickets that match, among the products the caller reads (empty: all products; an empty set: none).
   */
  @Transactional(readOnly = true)
  public Page search(Criteria criteria, Optional<Set<String>> readableProducts) {
    if (readableProducts.isPresent() && readableProducts.get().isEmpty()) {
      return new Page(List.of(), criteria.page(), criteria.size(), false);
    }
    List<Term> terms = new ArrayList<>();
    TicketWords.words(criteria.q()).forEach(word -> terms.add(new Term(word, null)));
    TicketWords.words(criteria.company()).forEach(word -> terms.add(new Term(word, TicketWords.Kind.COMPANY)));
    terms.sort(Comparator.comparingInt((Term term) -> term.word().length()).reversed());

    StringBuilder sql = new StringBuilder("SELECT t.eon_number, t.company_name, cu.company_name AS customer_name,"
        + " t.customer_id, t.contact_name, t.email, t.product_code, t.category, t.channel, t.status, t.priority,"
        + " t.registered_at, t.closed_at, SUBSTRING(t.description, 1, 200) AS subject FROM ticket t");
    List<Object> arguments = new ArrayList<>();
    if (!terms.isEmpty()) {
      Term lead = terms.get(0);
      sql.append(" JOIN (SELECT DISTINCT w.ticket_id FROM ticket_word w WHERE w.word LIKE ?")
          .append(lead.kind() == null ? "" : " AND w.kind = ?")
          .append(") m ON m.ticket_id = t.id");
      addTerm(arguments, lead);
    }
    sql.append(" LEFT JOIN customer cu ON cu.id = t.customer_id WHERE 1 = 1");
    for (int i = 1; i < terms.size(); i++) {
      sql.append(" AND EXISTS (SELECT 1 FROM ticket_word w").append(i).append(" WHERE w").append(i)
          .append(".ticket_id = t.id AND w").append(i).append(".word LIKE ?")
          .append(terms.get(i).kind() == null ? "" : " AND w" + i + ".kind = ?").append(")");
      addTerm(arguments, terms.get(i));
    }
    readableProducts.ifPresent(products -> in(sql, arguments, "t.product_code", products));
    if (criteria.product() != null && !criteria.product().isBlank()) {
      sql.append(" AND t.product_code = ?");
      arguments.add(criteria.product().strip().toUpperCase(Locale.ROOT));
    }
    if (!criteria.states().isEmpty()) {
      in(sql, arguments, "t.status", criteria.states().stream().map(Enum::name).collect(Collectors.toSet()));
    }
    if (criteria.from() != null) {
      sql.append(" AND t.registered_at >= ?");
      arguments.add(startOf(criteria.from()));
    }
    if (criteria.to() != null) {
      sql.append(" AND t.registered_at < ?");
      arguments.add(startOf(criteria.to().plusDays(1)));
    }
    if (criteria.customerId() != null) {
      sql.append(" AND t.customer_id = ?");
      arguments.add(criteria.customerId());
    }
    // Page and size are numbers the record bounded: written into the statement, as every database takes them.
    sql.append(" ORDER BY t.registered_at DESC, t.id DESC LIMIT ").append(criteria.size() + 1)
        .append(" OFFSET ").append((long) criteria.page() * criteria.size());
    List<Hit> hits = jdbc.query(sql.toString(), (row, i) -> hit(row), arguments.toArray());
    boolean hasNext = hits.size() > criteria.size();
    return new Page(hasNext ? hits.subList(0, criteria.size()) : hits, criteria.page(), criteria.size(), hasNext);
  }

  private static void addTerm(List<Object> arguments, Term term) {
    // Words hold letters, digits and an EON number's hyphens only: nothing LIKE would read as a wildcard.
    arguments.add(term.word() + "%");
    if (term.kind() != null) {
      arguments.add(term.kind().code());
    }
  }

  private static void in(StringBuilder sql, List<Object> arguments, String column, Set<String> values) {
    sql.append(" AND ").append(column).append(" IN (")
        .append(values.stream().map(value -> "?").collect(Collectors.joining(", "))).append(")");
    arguments.addAll(values.stream().sorted().toList());
  }

  private static LocalDateTime startOf(LocalDate day) {
    return LocalDateTime.ofInstant(day.atStartOfDay(EngineClock.BRUSSELS).toInstant(), ZoneOffset.UTC);
  }

  private static Hit hit(ResultSet row) throws SQLException {
    String company = row.getString("customer_name") != null ? row.getString("customer_name")
        : row.getString("company_name");
    long customerId = row.getLong("customer_id");
    return new Hit(row.getString("eon_number"), company, row.wasNull() ? null : customerId,
        row.getString("contact_name"), row.getString("email"), row.getString("product_code"),
        TicketCategory.valueOf(row.getString("category")), Channel.valueOf(row.getString("channel")),
        TicketStatus.valueOf(row.getString("status")), (Integer) row.getObject("priority", Integer.class),
        instant(row.getObject("registered_at", LocalDateTime.class)),
        instant(row.getObject("closed_at", LocalDateTime.class)), subject(row.getString("subject")));
  }

  private static String subject(String description) {
    if (description == null) {
      return "";
    }
    String firstLine = description.strip().lines().findFirst().orElse("");
    return firstLine.length() > 120 ? firstLine.substring(0, 119) + "…" : firstLine;
  }

  private static Instant instant(LocalDateTime utc) {
    return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
  }
}
