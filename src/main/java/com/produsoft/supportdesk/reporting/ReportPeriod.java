package com.produsoft.supportdesk.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import com.produsoft.supportdesk.platform.EngineClock;
import com.produsoft.supportdesk.platform.web.InvalidParameterException;

/**
 * The days of a report, {@code from} to {@code to} inclusive, in Europe/Brussels (the office-hours zone): as moments,
 * from the start of the first day (included) to the start of the day after the last (excluded).
 */
public record ReportPeriod(LocalDate from, LocalDate to) {

  /** At most a year (a leap year's days) per request: the figures are for a period, not the whole history. */
  public static final int MAX_DAYS = 366;

  public ReportPeriod {
    if (to.isBefore(from)) {
      throw new InvalidParameterException("to", "must not be before from (" + from + ")");
    }
    if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
      throw new InvalidParameterException("to", "must be at most " + MAX_DAYS + " days after from, both included");
    }
  }

  public Instant start() {
    return from.atStartOfDay(EngineClock.BRUSSELS).toInstant();
  }

  public Instant end() {
    return to.plusDays(1).atStartOfDay(EngineClock.BRUSSELS).toInstant();
  }
}
