package com.produsoft.supportdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The appointment's calendar file against RFC 5545: CRLF lines of at most 75 octets, escaped text, Brussels time. */
class AppointmentInvitationTest {

  private static final String DESCRIPTION = "Wij bellen u terug; houd het logbestand klaar, a.u.b. Ça marche? "
      + "Zo niet: antwoord op de mail\\ of bel +32 50 12 34 56.\nTot dan.";

  private final String ics = new String(AppointmentInvitation.of("message-7.EON-2026-00027@support.produsoft.com",
      Instant.parse("2026-10-26T09:00:00Z"), Instant.parse("2026-10-23T08:15:00Z"), "Produsoft Support belt u terug",
      DESCRIPTION), StandardCharsets.UTF_8);

  @Test
  @DisplayName("RFC 5545 3.1: every line ends in CRLF and holds at most 75 octets; a long line continues after CRLF and a space")
  void linesAreFolded() {
    assertThat(ics).endsWith("END:VCALENDAR\r\n").doesNotContain("\n\n");
    assertThat(ics.replace("\r\n", "").contains("\n")).as("no bare line feed").isFalse();
    assertThat(Arrays.stream(ics.split("\r\n"))).allSatisfy(line ->
        assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75));
    assertThat(ics).contains("\r\n ");
  }

  @Test
  @DisplayName("RFC 5545 3.3.11: the description, unfolded, has its backslash, semicolons, commas and line break escaped")
  void textIsEscaped() {
    String unfolded = ics.replace("\r\n ", "");
    assertThat(unfolded).contains("DESCRIPTION:Wij bellen u terug\\; houd het logbestand klaar\\, a.u.b. Ça marche? "
        + "Zo niet: antwoord op de mail\\\\ of bel +32 50 12 34 56.\\nTot dan.\r\n");
  }

  @Test
  @DisplayName("The time is Brussels wall-clock time with the zone's rules: 26 October 2026 is winter time (UTC+1)")
  void brusselsTime() {
    assertThat(ics).contains("DTSTART;TZID=Europe/Brussels:20261026T100000\r\n",
        "DTEND;TZID=Europe/Brussels:20261026T103000\r\n", "DTSTAMP:20261023T081500Z\r\n",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n", "UID:message-7.EON-2026-00027@support.produsoft.com\r\n");
  }
}
