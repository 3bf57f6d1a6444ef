package com.produsoft.supportdesk.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Produsoft's opening hours (charter C6), under {@code support.office-hours}. Without any configuration they are
 * exactly the charter's: Europe/Brussels, C6.1 Monday–Thursday 08:30–12:30 and 13:00–17:00, C6.2 Friday
 * 08:30–12:30 and 13:00–16:00, closed at the weekend. Belgian public holidays are always closed (see
 * {@link OfficeHours}); {@code closing-days} adds Produsoft's own (bridge days, company holidays).
 *
 * @param timeZone    zone in which the opening hours are wall-clock times
 * @param weeklyHours opening blocks per weekday; a configured day replaces the charter's blocks for that day
 *                    only, an empty list closes it
 * @param closingDays extra dates on which Produsoft is closed
 */
@ConfigurationProperties("support.office-hours")
public record OfficeHoursProperties(ZoneId timeZone, Map<DayOfWeek, List<OpeningBlock>> weeklyHours,
    List<LocalDate> closingDays) {

  private static final List<OpeningBlock> MONDAY_TO_THURSDAY =
      List.of(OpeningBlock.of("08:30-12:30"), OpeningBlock.of("13:00-17:00"));
  private static final List<OpeningBlock> FRIDAY =
      List.of(OpeningBlock.of("08:30-12:30"), OpeningBlock.of("13:00-16:00"));

  public OfficeHoursProperties {
    timeZone = timeZone == null ? ZoneId.of("Europe/Brussels") : timeZone;
    weeklyHours = charterWeekOverriddenBy(weeklyHours == null ? Map.of() : weeklyHours);
    closingDays = closingDays == null ? List.of() : List.copyOf(new TreeSet<>(closingDays));
  }

  /** The charter's hours with no closing days: what the application uses when nothing is configured. */
  public static OfficeHoursProperties charterDefaults() {
    return new OfficeHoursProperties(null, null, null);
  }

  private static Map<DayOfWeek, List<OpeningBlock>> charterWeekOverriddenBy(
      Map<DayOfWeek, List<OpeningBlock>> configured) {
    Map<DayOfWeek, List<OpeningBlock>> week = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek day : DayOfWeek.values()) {
      week.put(day, switch (day) {
        case MONDAY, TUESDAY, WEDNESDAY, THURSDAY -> MONDAY_TO_THURSDAY;
        case FRIDAY -> FRIDAY;
        case SATURDAY, SUNDAY -> List.of();
      });
    }
    configured.forEach((day, blocks) -> week.put(day, sortedWithoutOverlap(day, blocks)));
    if (week.values().stream().allMatch(List::isEmpty)) {
      throw new IllegalArgumentException("support.office-hours.weekly-hours must open on at least one weekday");
    }
    return Collections.unmodifiableMap(week);
  }

  private static List<OpeningBlock> sortedWithoutOverlap(DayOfWeek day, List<OpeningBlock> blocks) {
    List<OpeningBlock> sorted = blocks == null ? List.of()
        : blocks.stream().sorted(Comparator.comparing(OpeningBlock::opens)).toList();
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i - 1).overlaps(sorted.get(i))) {
        throw new IllegalArgumentException(
            "Opening blocks on " + day + " overlap: " + sorted.get(i - 1) + " and " + sorted.get(i));
      }
    }
    return sorted;
  }
}
