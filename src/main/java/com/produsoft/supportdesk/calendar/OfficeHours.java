package com.produsoft.supportdesk.calendar;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;

/**
 * Produsoft's office hours (charter C6): when support is open and how much open time lies between two moments.
 * Closed are the weekend, Belgian public holidays (jollyday's Belgian calendar) and the configured closing days.
 * <p>
 * Registered as bean {@code officeHours} so that BPMN expressions can plan with it, for example a timer
 * {@code ${officeHours.afterOfficeTime("PT4H")}} or a due date {@code ${officeHours.afterOfficeDays(2)}}.
 * Those {@link Date} helpers read "now" from Camunda's clock, which process tests can move.
 * <p>
 * Opening blocks are wall-clock times in the configured zone, so they stay 08:30–12:30 across DST changes.
 * Blocks are half-open: at 12:30 support is closed, but office time that runs out exactly at 12:30 ends at 12:30.
 * Immutable and thread-safe; the only state is a per-year cache of holiday dates.
 */
@Component("officeHours")
public class OfficeHours {

  private final ZoneId zone;
  private final OfficeHoursProperties properties;
  private final Set<LocalDate> closingDays;
  private final HolidayManager belgianHolidays =
      HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.BELGIUM));
  private final Map<Integer, Set<LocalDate>> publicHolidaysByYear = new ConcurrentHashMap<>();

  public OfficeHours(OfficeHoursProperties properties) {
    this.properties = properties;
    this.zone = properties.timeZone();
    this.closingDays = Set.copyOf(properties.closingDays());
  }

  /** C6.1/C6.2: whether support is open at this moment. */
  public boolean isOpen(Instant moment) {
    return nextOpening(moment).equals(moment);
  }

  /** C6.3: the moment a registration made at {@code moment} starts to be handled; {@code moment} itself when open. */
  public Instant nextOpening(Instant moment) {
    return openPeriodsFrom(required(moment, "moment")).findFirst().orElseThrow().start();
  }

  /**
   * The moment at which {@code officeTime} of open time has passed since {@code start}. A start outside hours
   * begins at the next opening (C6.3). The result lies within office hours, including the closing moment of a
   * block: 12:00 plus 30 minutes is 12:30, not 13:00.
   */
  public Instant addOfficeTime(Instant start, Duration officeTime) {
    Duration remaining = requiredNonNegative(officeTime);
    Iterator<OpenPeriod> periods = openPeriodsFrom(required(start, "start")).iterator();
    while (true) {
      OpenPeriod period = periods.next();
      if (remaining.compareTo(period.length()) <= 0) {
        return period.start().plus(remaining);
      }
      remaining = remaining.minus(period.length());
    }
  }

  /** The open time (C6.1/C6.2) between two moments; zero when {@code to} is not after {@code from}. */
  public Duration officeTimeBetween(Instant from, Instant to) {
    required(from, "from");
    required(to, "to");
    if (!to.isAfter(from)) {
      return Duration.ZERO;
    }
    return openPeriodsFrom(from)
        .takeWhile(period -> period.start().isBefore(to))
        .map(period -> Duration.between(period.start(), to.isBefore(period.end()) ? to : period.end()))
        .reduce(Duration.ZERO, Duration::plus);
  }

  /**
   * The same local time of day {@code days} working days later, skipping weekends, holidays and closing days, and
   * moved to the next opening if that moment is closed. A start outside hours first moves to the next opening
   * (C6.3): a registration on Saturday plus one working day is Tuesday 08:30.
   */
  public Instant addOfficeDays(Instant start, int days) {
    if (days < 0) {
      throw new IllegalArgumentException("days must not be negative, got " + days);
    }
    ZonedDateTime opening = nextOpening(required(start, "start")).atZone(zone);
    LocalDate day = opening.toLocalDate();
    for (int i = 0; i < days; i++) {
      day = nextWorkingDayAfter(day);
    }
    return nextOpening(ZonedDateTime.of(day, opening.toLocalTime(), zone).toInstant());
  }

  /** Whether support opens at all on this date: a weekday with opening blocks, no holiday, no closing day. */
  public boolean isWorkingDay(LocalDate date) {
    return !openPeriodsOn(required(date, "date")).isEmpty();
  }

  /** For BPMN: {@code start} plus office time given as ISO-8601 duration, e.g. {@code "PT4H"} or {@code "PT30M"}. */
  public Date afterOfficeTime(Date start, String isoDuration) {
    return Date.from(addOfficeTime(required(start, "start").toInstant(), parseDuration(isoDuration)));
  }

  /** For BPMN: now (Camunda's clock) plus office time given as ISO-8601 duration, e.g. {@code "PT4H"}. */
  public Date afterOfficeTime(String isoDuration) {
    return afterOfficeTime(ClockUtil.getCurrentTime(), isoDuration);
  }

  /** For BPMN: now (Camunda's clock) plus {@code days} working days, see {@link #addOfficeDays(Instant, int)}. */
  public Date afterOfficeDays(int days) {
    return afterOfficeDays(ClockUtil.getCurrentTime(), days);
  }

  /** For BPMN: {@code start} plus {@code days} working days, see {@link #addOfficeDays(Instant, int)}. */
  public Date afterOfficeDays(Date start, int days) {
    return Date.from(addOfficeDays(required(start, "start").toInstant(), days));
  }

  /** For BPMN: C6.3, the next opening at or after {@code moment}. */
  public Date nextOpening(Date moment) {
    return Date.from(nextOpening(required(moment, "moment").toInstant()));
  }

  /** The open periods that end after {@code moment}, in order, the first one clipped to start at {@code moment}. */
  private Stream<OpenPeriod> openPeriodsFrom(Instant moment) {
    return Stream.iterate(moment.atZone(zone).toLocalDate(), day -> day.plusDays(1))
        .flatMap(day -> openPeriodsOn(day).stream())
        .filter(period -> period.end().isAfter(moment))
        .map(period -> period.start().isBefore(moment) ? new OpenPeriod(moment, period.end()) : period);
  }

  private List<OpenPeriod> openPeriodsOn(LocalDate day) {
    if (closingDays.contains(day) || publicHolidays(day.getYear()).contains(day)) {
      return List.of();
    }
    return properties.weeklyHours().get(day.getDayOfWeek()).stream()
        .map(block -> new OpenPeriod(ZonedDateTime.of(day, block.opens(), zone).toInstant(),
            ZonedDateTime.of(day, block.closes(), zone).toInstant()))
        .toList();
  }

  private LocalDate nextWorkingDayAfter(LocalDate day) {
    LocalDate next = day.plusDays(1);
    while (!isWorkingDay(next)) {
      next = next.plusDays(1);
    }
    return next;
  }

  /**
   * Legal holidays only: jollyday's Belgian calendar also lists observances (All Souls, King's Feast, New Year's
   * Eve) on which Produsoft works.
   */
  private Set<LocalDate> publicHolidays(int year) {
    return publicHolidaysByYear.computeIfAbsent(year, y -> belgianHolidays
        .getHolidays(Year.of(y), HolidayType.PUBLIC_HOLIDAY).stream()
        .map(Holiday::getDate)
        .collect(Collectors.toUnmodifiableSet()));
  }

  private static Duration parseDuration(String isoDuration) {
    if (isoDuration == null || isoDuration.isBlank()) {
      throw new IllegalArgumentException("An office time duration is required, e.g. \"PT4H\"");
    }
    // Duration.parse reads "P1D" as 24 hours, three office days' worth: almost certainly not what was meant.
    if (isoDuration.toUpperCase(Locale.ROOT).contains("D")) {
      throw new IllegalArgumentException("Office time is given in hours and minutes (\"PT4H\"), got '" + isoDuration
          + "'; for working days use afterOfficeDays");
    }
    try {
      return requiredNonNegative(Duration.parse(isoDuration.trim()));
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "'" + isoDuration + "' is not an ISO-8601 duration of office time such as \"PT4H\" or \"PT30M\"", e);
    }
  }

  private static Duration requiredNonNegative(Duration officeTime) {
    if (required(officeTime, "officeTime").isNegative()) {
      throw new IllegalArgumentException("officeTime must not be negative, got " + officeTime);
    }
    return officeTime;
  }

  private static <T> T required(T value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    return value;
  }

  private record OpenPeriod(Instant start, Instant end) {

    Duration length() {
      return Duration.between(start, end);
    }
  }
}
