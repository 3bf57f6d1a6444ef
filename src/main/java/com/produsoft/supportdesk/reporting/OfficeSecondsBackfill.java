package com.produsoft.supportdesk.reporting;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.produsoft.supportdesk.calendar.OfficeHours;

/**
 * Gives tickets answered or resolved before the office seconds were stored (changeset 080) their office times, once,
 * at start-up, in batches: first response = office time from registration to the first answer (clocks are paused
 * only after an answer); resolution = office time to the resolution less the paused time recorded. New tickets get
 * exact values from {@code SlaClocks} when the events happen. Finds nothing, cheaply, once done.
 */
@Component
class OfficeSecondsBackfill implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(OfficeSecondsBackfill.class);
  private static final int BATCH = 500;

  private final JdbcTemplate jdbc;
  private final OfficeHours officeHours;

  OfficeSecondsBackfill(JdbcTemplate jdbc, OfficeHours officeHours) {
    this.jdbc = jdbc;
    this.officeHours = officeHours;
  }

  private record Row(long id, Instant registeredAt, Instant firstResponseAt, Instant resolvedAt, long pausedSeconds) {
  }

  @Override
  public void run(ApplicationArguments args) {
    long after = 0;
    int filled = 0;
    while (true) {
      List<Row> rows = jdbc.query("SELECT id, registered_at, first_response_at, resolved_at, paused_office_seconds"
          + " FROM ticket WHERE id > ? AND (first_response_at IS NOT NULL AND first_response_office_seconds IS NULL"
          + " OR resolved_at IS NOT NULL AND resolution_office_seconds IS NULL) ORDER BY id LIMIT " + BATCH,
          (row, i) -> new Row(row.getLong("id"), instant(row.getObject("registered_at", LocalDateTime.class)),
              instant(row.getObject("first_response_at", LocalDateTime.class)),
              instant(row.getObject("resolved_at", LocalDateTime.class)), row.getLong("paused_office_seconds")),
          after);
      if (rows.isEmpty()) {
        break;
      }
      for (Row row : rows) {
        // COALESCE: a value the ticket code stored meanwhile wins.
        jdbc.update("UPDATE ticket SET first_response_office_seconds = COALESCE(first_response_office_seconds, ?),"
            + " resolution_office_seconds = COALESCE(resolution_office_seconds, ?) WHERE id = ?",
            officeSeconds(row.registeredAt(), row.firstResponseAt(), 0),
            officeSeconds(row.registeredAt(), row.resolvedAt(), row.pausedSeconds()), row.id());
      }
      filled += rows.size();
      after = rows.get(rows.size() - 1).id();
    }
    if (filled > 0) {
      log.info("Office seconds filled in for {} tickets answered or resolved before they were stored", filled);
    }
  }

  private Long officeSeconds(Instant from, Instant to, long pausedSeconds) {
    if (to == null) {
      return null;
    }
    return Math.max(0, officeHours.officeTimeBetween(from, to).minus(Duration.ofSeconds(pausedSeconds)).toSeconds());
  }

  private static Instant instant(LocalDateTime utc) {
    return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
  }
}
