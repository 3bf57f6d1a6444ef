package com.produsoft.supportdesk.reporting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.produsoft.supportdesk.platform.EngineClock;

/**
 * The managers' figures (issue 9), each one aggregate query that the database answers from an index
 * (db/changelog/changes/080-reporting.xml): GROUP BY in the database, percentiles from counts per office minute,
 * never all tickets in memory. Office times are the seconds stored on the ticket when the first answer and
 * the resolution happened ({@code SlaClocks}), so no office-hours arithmetic runs per row here.
 * <p>
 * Times are stored as UTC DATETIME; parameters are passed as UTC {@link LocalDateTime}s, which every driver writes
 * as they are. A team is the product's group ({@code support-visi}); a ticket without product counts for
 * {@code triage}.
 */
@Service
@Transactional(readOnly = true)
public class SupportReports {

  /** Open = not resolved (solution sent) and not closed. */
  static final String OPEN_STATUSES = "('OPEN', 'WAITING_FOR_CUSTOMER')";
  /** The supplier still works on it: reported, more information asked, fix planned (SupplierBugStatus.isOpen). */
  static final String OPEN_BUG_STATUSES = "('REPORTED', 'MORE_INFO_REQUESTED', 'FIX_PLANNED')";
  static final List<String> AGE_BANDS = List.of("0-7 days", "8-30 days", "31-90 days", "over 90 days");

  private static final String TEAM = "COALESCE(p.team_group, 'triage')";

  private final NamedParameterJdbcTemplate jdbc;

  public SupportReports(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public record OpenTickets(String team, Integer priority, long count) {
  }

  /** 1. Open tickets now, per team and priority. */
  public List<OpenTickets> openTickets() {
    return jdbc.query("SELECT " + TEAM + " AS team, c.priority, c.n FROM ("
        + " SELECT product_code, priority, COUNT(*) AS n FROM ticket WHERE status IN " + OPEN_STATUSES
        + " GROUP BY product_code, priority) c"
        + " LEFT JOIN product p ON p.code = c.product_code ORDER BY team, c.priority",
        (row, i) -> new OpenTickets(row.getString("team"), row.getObject("priority", Integer.class),
            row.getLong("n")));
  }

  public record Registrations(String channel, String category, long count) {
  }

  /** 2. Tickets registered in the period, per channel and category. */
  public List<Registrations> registrations(ReportPeriod period) {
    return jdbc.query("SELECT channel, category, COUNT(*) AS n FROM ticket"
        + " WHERE registered_at >= :from AND registered_at < :to GROUP BY channel, category ORDER BY channel, category",
        period(period),
        (row, i) -> new Registrations(row.getString("channel"), row.getString("category"), row.getLong("n")));
  }

  public record FirstResponseSla(String team, long met, long breached) {
  }

  /**
   * 3. Tickets whose first-response deadline (office time, C6) falls in the period: met when answered by the
   * deadline; breached when answered late, or unanswered while the deadline has passed (unless the ticket was
   * resolved, e.g. solved by the customer, before it). Not yet due and unanswered counts as neither.
   */
  public List<FirstResponseSla> firstResponseSla(ReportPeriod period) {
    MapSqlParameterSource parameters = period(period).addValue("now", utc(EngineClock.now()));
    return jdbc.query("SELECT " + TEAM + " AS team, c.met, c.breached FROM ("
        + " SELECT product_code,"
        + "  SUM(CASE WHEN first_response_at <= first_response_due_at THEN 1 ELSE 0 END) AS met,"
        + "  SUM(CASE WHEN first_response_at > first_response_due_at"
        + "   OR first_response_at IS NULL AND first_response_due_at < :now"
        + "    AND (resolved_at IS NULL OR resolved_at > first_response_due_at) THEN 1 ELSE 0 END) AS breached"
        + " FROM ticket WHERE first_response_due_at >= :from AND first_response_due_at < :to"
        + " GROUP BY product_code) c"
        + " LEFT JOIN product p ON p.code = c.product_code WHERE c.met + c.breached > 0 ORDER BY team",
        parameters,
        (row, i) -> new FirstResponseSla(row.getString("team"), row.getLong("met"), row.getLong("breached")));
  }

  /** Office minutes of the tickets of a period: how many, median and 90th percentile (nearest rank). */
  public record OfficeTimes(long tickets, Long medianOfficeMinutes, Long p90OfficeMinutes) {
  }

  public record ResponseTimes(OfficeTimes firstResponse, OfficeTimes resolution) {
  }

  /**
   * 4. Office time (C6) to the first answer, for tickets first answered in the period, and to the resolution, for
   * tickets resolved in the period; time waiting for the customer or the supplier excluded.
   */
  public ResponseTimes responseTimes(ReportPeriod period) {
    return new ResponseTimes(officeTimes("first_response_at", "first_response_office_seconds", period),
        officeTimes("resolved_at", "resolution_office_seconds", period));
  }

  /**
   * One query per figure: the tickets of the period counted per office minute (rounded half up, as the figures are
   * given), from an index range that covers moment and seconds. At most one row per distinct minute comes back,
   * however many tickets; the percentiles are read from the running count. Rounding keeps the order, so the nearest
   * rank of the rounded minutes is the rounded nearest rank of the seconds. {@code moment} and {@code seconds} are
   * column names of this class, never input.
   */
  private OfficeTimes officeTimes(String moment, String seconds, ReportPeriod period) {
    String minute = "FLOOR((" + seconds + " + 30) / 60)";
    List<long[]> histogram = jdbc.query("SELECT " + minute + " AS office_minute, COUNT(*) AS n FROM ticket"
        + " WHERE " + moment + " >= :from AND " + moment + " < :to AND " + seconds + " IS NOT NULL"
        + " GROUP BY " + minute + " ORDER BY office_minute", period(period),
        (row, i) -> new long[] {row.getLong("office_minute"), row.getLong("n")});
    long tickets = histogram.stream().mapToLong(bucket -> bucket[1]).sum();
    if (tickets == 0) {
      return new OfficeTimes(0, null, null);
    }
    return new OfficeTimes(tickets, nearestRank(histogram, 50, tickets), nearestRank(histogram, 90, tickets));
  }

  /** The smallest minute with at least {@code percent} % of the tickets at or below it. */
  private static Long nearestRank(List<long[]> histogram, int percent, long tickets) {
    long rank = Math.max(1, (percent * tickets + 99) / 100);
    long seen = 0;
    for (long[] bucket : histogram) {
      seen += bucket[1];
      if (seen >= rank) {
        return bucket[0];
      }
    }
    throw new IllegalStateException("rank " + rank + " beyond " + tickets + " tickets");
  }

  public record TeamCount(String team, long count) {
  }

  /** 5. Tickets waiting for the customer now (their clocks stand still), per team. */
  public List<TeamCount> waitingForCustomer() {
    return jdbc.query("SELECT " + TEAM + " AS team, c.n FROM ("
        + " SELECT product_code, COUNT(*) AS n FROM ticket WHERE status = 'WAITING_FOR_CUSTOMER'"
        + " GROUP BY product_code) c LEFT JOIN product p ON p.code = c.product_code ORDER BY team",
        (row, i) -> new TeamCount(row.getString("team"), row.getLong("n")));
  }

  public record SupplierBugAge(String supplier, String ageBand, long count) {
  }

  /**
   * 6. Bugs the suppliers still work on (C7.2), per supplier and age band: days since the bug was escalated to the
   * supplier, counted in Belgian calendar days (0-7, 8-30, 31-90, over 90).
   */
  public List<SupplierBugAge> openSupplierBugs() {
    LocalDate today = EngineClock.today();
    MapSqlParameterSource bands = new MapSqlParameterSource()
        .addValue("day7", startOf(today.minusDays(7)))
        .addValue("day30", startOf(today.minusDays(30)))
        .addValue("day90", startOf(today.minusDays(90)));
    // Counted before the join, in one pass over the open bugs (the status index, or a scan when many are open).
    return jdbc.query("SELECT s.name AS supplier, g.band, g.n FROM ("
        + " SELECT supplier_id, band, COUNT(*) AS n FROM ("
        + "  SELECT supplier_id, CASE WHEN reported_at >= :day7 THEN 0 WHEN reported_at >= :day30 THEN 1"
        + "   WHEN reported_at >= :day90 THEN 2 ELSE 3 END AS band"
        + "  FROM supplier_bug WHERE status IN " + OPEN_BUG_STATUSES + ") b"
        + " GROUP BY supplier_id, band) g"
        + " JOIN supplier s ON s.id = g.supplier_id ORDER BY s.name, g.band",
        bands,
        (row, i) -> new SupplierBugAge(row.getString("supplier"), AGE_BANDS.get(row.getInt("band")), row.getLong("n")));
  }

  public record WaitingBug(String supplier, String product, String supplierCase, String title, LocalDate escalatedOn,
      long ageDays) {
  }

  /** 7. The open supplier bugs that have waited longest, oldest first. */
  public List<WaitingBug> oldestSupplierBugs(int limit) {
    LocalDate today = EngineClock.today();
    return jdbc.query("SELECT s.name AS supplier, b.product_code, b.supplier_reference, b.summary, b.reported_at"
        + " FROM supplier_bug b JOIN supplier s ON s.id = b.supplier_id"
        + " WHERE b.status IN " + OPEN_BUG_STATUSES + " ORDER BY b.reported_at, b.id LIMIT :limit",
        Map.of("limit", limit),
        (row, i) -> {
          LocalDate escalatedOn = LocalDate.ofInstant(instant(row, "reported_at"), EngineClock.BRUSSELS);
          return new WaitingBug(row.getString("supplier"), row.getString("product_code"),
              row.getString("supplier_reference"), row.getString("summary"), escalatedOn,
              ChronoUnit.DAYS.between(escalatedOn, today));
        });
  }

  private static MapSqlParameterSource period(ReportPeriod period) {
    return new MapSqlParameterSource().addValue("from", utc(period.start())).addValue("to", utc(period.end()));
  }

  private static LocalDateTime startOf(LocalDate day) {
    return utc(day.atStartOfDay(EngineClock.BRUSSELS).toInstant());
  }

  /** Columns hold UTC wall-clock times (hibernate.jdbc.time_zone: UTC). */
  static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet row, String column) throws SQLException {
    return row.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC);
  }
}
