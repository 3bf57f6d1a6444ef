package com.produsoft.supportdesk.calendar;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/**
 * One uninterrupted stretch of opening time on a weekday, such as the C6.1 morning block 08:30–12:30.
 * Written in configuration as {@code "08:30-12:30"}; Spring's binder finds {@link #of(String)} by itself.
 */
public record OpeningBlock(LocalTime opens, LocalTime closes) {

  public OpeningBlock {
    if (opens == null || closes == null || !opens.isBefore(closes)) {
      throw new IllegalArgumentException(
          "An opening block must open before it closes within one day, got " + opens + "-" + closes);
    }
  }

  /** Parses {@code "HH:mm-HH:mm"}, e.g. {@code "13:00-17:00"}. */
  public static OpeningBlock of(String text) {
    String[] times = text == null ? new String[0] : text.trim().split("\\s*-\\s*");
    if (times.length != 2) {
      throw malformed(text, null);
    }
    try {
      return new OpeningBlock(LocalTime.parse(times[0]), LocalTime.parse(times[1]));
    } catch (DateTimeParseException e) {
      throw malformed(text, e);
    }
  }

  private static IllegalArgumentException malformed(String text, Exception cause) {
    return new IllegalArgumentException(
        "An opening block is written HH:mm-HH:mm, e.g. 08:30-12:30, got '" + text + "'", cause);
  }

  boolean overlaps(OpeningBlock other) {
    return opens.isBefore(other.closes) && other.opens.isBefore(closes);
  }

  @Override
  public String toString() {
    return opens + "-" + closes;
  }
}
