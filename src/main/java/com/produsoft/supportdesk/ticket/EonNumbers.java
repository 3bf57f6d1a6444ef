package com.produsoft.supportdesk.ticket;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * Hands out EON call numbers, {@code EON-<year>-<five digits>}, counting per year, in the caller's own transaction
 * (issue 16: a registration that asked for a second pooled connection for its number starved the pool in a burst).
 * <p>
 * A number is the id of a row inserted into {@code eon_number}, an auto-increment column, minus the year's offset
 * in {@code eon_year}. The database hands out each id once and holds no lock on it until the commit (MySQL's and
 * MariaDB's auto-increment lock lasts one statement, H2's identity is a sequence), so concurrent registrations do
 * not queue behind each other's process start as they would behind a counter row updated in their transaction. A
 * registration that rolls back leaves a gap, never a duplicate. Only the year's first number writes the year's row:
 * registrations racing it wait for its commit once a year, then read its offset.
 */
@Component
public class EonNumbers {

  private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
  private static final int MAX_ATTEMPTS = 5;

  private final JdbcTemplate jdbc;

  public EonNumbers(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public String next(Instant at) {
    int year = at.atZone(BRUSSELS).getYear();
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      long id = issue(year);
      long number = id - offset(year, id);
      if (number >= 1) {
        return format(year, number);
      }
      // A racing registration of the year's first moments took a higher id first and made it number 1: this id
      // lies before the year's start, so take the next one.
    }
    throw new IllegalStateException("No EON number for " + year + " after " + MAX_ATTEMPTS + " attempts");
  }

  static String format(int year, long number) {
    return "EON-%d-%05d".formatted(year, number);
  }

  private long issue(int year) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      PreparedStatement insert = connection.prepareStatement("INSERT INTO eon_number (issue_year) VALUES (?)",
          Statement.RETURN_GENERATED_KEYS);
      insert.setInt(1, year);
      return insert;
    }, key);
    return key.getKey().longValue();
  }

  /** The year's offset; the year's first number sets it so that its own id becomes number 1. */
  private long offset(int year, long firstId) {
    List<Long> known = jdbc.queryForList("SELECT id_offset FROM eon_year WHERE issue_year = ?", Long.class, year);
    if (!known.isEmpty()) {
      return known.get(0);
    }
    try {
      jdbc.update("INSERT INTO eon_year (issue_year, id_offset) VALUES (?, ?)", year, firstId - 1);
      return firstId - 1;
    } catch (DuplicateKeyException anotherRegistrationStartedTheYear) {
      // Its insert committed while ours waited for it; only the statement failed, our transaction goes on.
      return jdbc.queryForObject("SELECT id_offset FROM eon_year WHERE issue_year = ?", Long.class, year);
    }
  }
}
