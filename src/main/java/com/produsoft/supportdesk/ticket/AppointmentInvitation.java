package com.produsoft.supportdesk.ticket;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.produsoft.supportdesk.platform.EngineClock;

/**
 * An appointment as an iCalendar file (RFC 5545) that the customer's calendar imports: one VEVENT in Europe/Brussels
 * time, with the zone's own VTIMEZONE (the EU summer-time rule), so that it shows at the same wall-clock time
 * whatever the customer's calendar zone. Lines end in CRLF and are folded at 75 octets; text values are escaped.
 */
final class AppointmentInvitation {

  static final String FILE_NAME_NL = "afspraak.ics";
  static final String FILE_NAME_EN = "appointment.ics";
  static final String CONTENT_TYPE = "text/calendar; charset=UTF-8; method=PUBLISH";
  /** How long a call-back or a remote session is planned for. */
  static final Duration LENGTH = Duration.ofMinutes(30);

  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")
      .withZone(EngineClock.BRUSSELS);
  private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
      .withZone(ZoneOffset.UTC);
  private static final int MAX_OCTETS = 75;

  private AppointmentInvitation() {
  }

  /**
   * The calendar file of an appointment.
   *
   * @param uid unique and stable for this appointment (the message's id and the EON number)
   */
  static byte[] of(String uid, Instant start, Instant stamp, String summary, String description) {
    StringBuilder ics = new StringBuilder();
    line(ics, "BEGIN:VCALENDAR");
    line(ics, "VERSION:2.0");
    line(ics, "PRODID:-//Produsoft//Support Desk//NL");
    line(ics, "CALSCALE:GREGORIAN");
    line(ics, "METHOD:PUBLISH");
    line(ics, "BEGIN:VTIMEZONE");
    line(ics, "TZID:Europe/Brussels");
    line(ics, "BEGIN:DAYLIGHT");
    line(ics, "TZOFFSETFROM:+0100");
    line(ics, "TZOFFSETTO:+0200");
    line(ics, "TZNAME:CEST");
    line(ics, "DTSTART:19700329T020000");
    line(ics, "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU");
    line(ics, "END:DAYLIGHT");
    line(ics, "BEGIN:STANDARD");
    line(ics, "TZOFFSETFROM:+0200");
    line(ics, "TZOFFSETTO:+0100");
    line(ics, "TZNAME:CET");
    line(ics, "DTSTART:19701025T030000");
    line(ics, "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU");
    line(ics, "END:STANDARD");
    line(ics, "END:VTIMEZONE");
    line(ics, "BEGIN:VEVENT");
    line(ics, "UID:" + uid);
    line(ics, "DTSTAMP:" + UTC.format(stamp));
    line(ics, "DTSTART;TZID=Europe/Brussels:" + LOCAL.format(start));
    line(ics, "DTEND;TZID=Europe/Brussels:" + LOCAL.format(start.plus(LENGTH)));
    line(ics, "SUMMARY:" + text(summary));
    line(ics, "DESCRIPTION:" + text(description));
    line(ics, "STATUS:CONFIRMED");
    line(ics, "TRANSP:OPAQUE");
    line(ics, "END:VEVENT");
    line(ics, "END:VCALENDAR");
    return ics.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** RFC 5545 3.3.11: backslash, semicolon and comma escaped, line breaks as \n. */
  static String text(String value) {
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n")
        .replace("\n", "\\n").replace("\r", "\\n");
  }

  /** RFC 5545 3.1: a content line of more than 75 octets continues on lines that start with a space. */
  private static void line(StringBuilder ics, String content) {
    int octets = 0;
    int limit = MAX_OCTETS;
    for (int i = 0; i < content.length(); ) {
      int codePoint = content.codePointAt(i);
      int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
      if (octets + size > limit) {
        ics.append("\r\n ");
        octets = 0;
        limit = MAX_OCTETS - 1;
      }
      ics.appendCodePoint(codePoint);
      octets += size;
      i += Character.charCount(codePoint);
    }
    ics.append("\r\n");
  }
}
