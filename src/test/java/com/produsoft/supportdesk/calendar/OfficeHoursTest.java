package com.produsoft.supportdesk.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Year;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.impl.el.StartProcessVariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;

class OfficeHoursTest {

  private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
  private static final OfficeHours officeHours = new OfficeHours(OfficeHoursProperties.charterDefaults());

  /** Brussels wall-clock time, e.g. {@code brussels("2026-06-02T09:00")} (a Tuesday). */
  private static Instant brussels(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(BRUSSELS).toInstant();
  }

  @AfterEach
  void resetCamundaClock() {
    ClockUtil.reset();
  }

  @Nested
  @DisplayName("C6.1/C6.2 opening blocks")
  class OpeningBlocks {

    @ParameterizedTest(name = "open at {0}")
    @ValueSource(strings = {"2026-06-02T08:30", "2026-06-02T12:29", "2026-06-02T13:00", "2026-06-02T16:59",
        "2026-06-05T15:59"})
    @DisplayName("C6.1/C6.2: open within a block")
    void openWithinBlock(String moment) {
      assertThat(officeHours.isOpen(brussels(moment))).isTrue();
      assertThat(officeHours.nextOpening(brussels(moment))).isEqualTo(brussels(moment));
    }

    @ParameterizedTest(name = "closed at {0}")
    @ValueSource(strings = {"2026-06-02T08:29", "2026-06-02T12:30", "2026-06-02T12:45", "2026-06-02T17:00",
        "2026-06-05T16:00", "2026-06-06T10:00", "2026-06-07T10:00"})
    @DisplayName("C6.1/C6.2: closed before, between and after the blocks, after Friday 16:00 and at the weekend")
    void closedOutsideBlocks(String moment) {
      assertThat(officeHours.isOpen(brussels(moment))).isFalse();
    }

    @Test
    @DisplayName("C6.1: office time within a block")
    void withinBlock() {
      assertThat(officeHours.addOfficeTime(brussels("2026-06-02T09:00"), Duration.ofHours(2)))
          .isEqualTo(brussels("2026-06-02T11:00"));
    }

    @Test
    @DisplayName("C6.1: office time across lunch, 12:00 + 1 h is 13:30")
    void acrossLunch() {
      assertThat(officeHours.addOfficeTime(brussels("2026-06-02T12:00"), Duration.ofHours(1)))
          .isEqualTo(brussels("2026-06-02T13:30"));
    }

    @Test
    @DisplayName("C6.1: office time running out at the end of a block ends there, 12:00 + 30 min is 12:30")
    void endsAtEndOfBlock() {
      assertThat(officeHours.addOfficeTime(brussels("2026-06-02T12:00"), Duration.ofMinutes(30)))
          .isEqualTo(brussels("2026-06-02T12:30"));
    }

    @Test
    @DisplayName("C6.2: Friday 15:30 + 1 h is Monday 09:00")
    void fridayAfternoon() {
      assertThat(officeHours.addOfficeTime(brussels("2026-06-05T15:30"), Duration.ofHours(1)))
          .isEqualTo(brussels("2026-06-08T09:00"));
    }

    @Test
    @DisplayName("C6.2: after Friday 16:00 the next opening is Monday 08:30")
    void afterFridayClosing() {
      assertThat(officeHours.nextOpening(brussels("2026-06-05T16:00"))).isEqualTo(brussels("2026-06-08T08:30"));
      assertThat(officeHours.addOfficeTime(brussels("2026-06-05T16:30"), Duration.ofHours(1)))
          .isEqualTo(brussels("2026-06-08T09:30"));
    }

    @Test
    @DisplayName("C6.1/C6.2: a full week holds 39 h of office time (4 x 8 h + 7 h)")
    void fullWeek() {
      assertThat(officeHours.officeTimeBetween(brussels("2026-06-01T00:00"), brussels("2026-06-08T00:00")))
          .isEqualTo(Duration.ofHours(39));
    }

    @Test
    @DisplayName("C6.1: office time between counts only open time, zero when the end is not after the start")
    void officeTimeBetween() {
      assertThat(officeHours.officeTimeBetween(brussels("2026-06-02T09:00"), brussels("2026-06-02T10:15")))
          .isEqualTo(Duration.ofMinutes(75));
      assertThat(officeHours.officeTimeBetween(brussels("2026-06-02T12:00"), brussels("2026-06-02T13:30")))
          .isEqualTo(Duration.ofHours(1));
      assertThat(officeHours.officeTimeBetween(brussels("2026-06-05T15:30"), brussels("2026-06-08T09:00")))
          .isEqualTo(Duration.ofHours(1));
      assertThat(officeHours.officeTimeBetween(brussels("2026-06-02T10:00"), brussels("2026-06-02T10:00")))
          .isZero();
      assertThat(officeHours.officeTimeBetween(brussels("2026-06-02T11:00"), brussels("2026-06-02T10:00")))
          .isZero();
    }
  }

  @Nested
  @DisplayName("C6.3 registrations outside hours")
  class OutsideHours {

    @Test
    @DisplayName("C6.3: a registration at night starts its clock at the next morning's opening")
    void atNight() {
      assertThat(officeHours.nextOpening(brussels("2026-06-02T22:00"))).isEqualTo(brussels("2026-06-03T08:30"));
      assertThat(officeHours.addOfficeTime(brussels("2026-06-02T22:00"), Duration.ofHours(4)))
          .isEqualTo(brussels("2026-06-03T12:30"));
    }

    @Test
    @DisplayName("C6.3: a registration on Saturday starts its clock on Monday 08:30")
    void onSaturday() {
      assertThat(officeHours.nextOpening(brussels("2026-06-06T10:00"))).isEqualTo(brussels("2026-06-08T08:30"));
      assertThat(officeHours.addOfficeTime(brussels("2026-06-06T10:00"), Duration.ofHours(1)))
          .isEqualTo(brussels("2026-06-08T09:30"));
      assertThat(officeHours.addOfficeTime(brussels("2026-06-06T10:00"), Duration.ZERO))
          .isEqualTo(brussels("2026-06-08T08:30"));
    }
  }

  @Nested
  @DisplayName("C6 Belgian public holidays and closing days")
  class Holidays {

    @Test
    @DisplayName("C6: jollyday's Belgian calendar holds exactly the ten legal holidays (plus Easter and Whit Sunday)")
    void jollydayHasTheBelgianLegalHolidays() {
      HolidayManager belgium = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.BELGIUM));

      assertThat(publicHolidays(belgium, 2026)).containsExactlyInAnyOrder(
          "2026-01-01", "2026-04-05", "2026-04-06", "2026-05-01", "2026-05-14", "2026-05-24", "2026-05-25",
          "2026-07-21", "2026-08-15", "2026-11-01", "2026-11-11", "2026-12-25");
      assertThat(publicHolidays(belgium, 2027)).containsExactlyInAnyOrder(
          "2027-01-01", "2027-03-28", "2027-03-29", "2027-05-01", "2027-05-06", "2027-05-16", "2027-05-17",
          "2027-07-21", "2027-08-15", "2027-11-01", "2027-11-11", "2027-12-25");
    }

    private List<String> publicHolidays(HolidayManager manager, int year) {
      return manager.getHolidays(Year.of(year), HolidayType.PUBLIC_HOLIDAY).stream()
          .map(Holiday::getDate).map(LocalDate::toString).toList();
    }

    @ParameterizedTest(name = "closed on {0}")
    @ValueSource(strings = {"2026-01-01", "2026-04-06", "2026-05-01", "2026-05-14", "2026-05-25", "2026-07-21",
        "2026-08-15", "2026-11-01", "2026-11-11", "2026-12-25", "2027-01-01", "2027-03-29", "2027-05-06",
        "2027-05-17", "2027-07-21", "2027-11-01", "2027-11-11"})
    @DisplayName("C6: closed on Belgian public holidays in 2026 and 2027 (15 Aug 2026 is a Saturday, 1 Nov 2026 a Sunday)")
    void closedOnPublicHolidays(String date) {
      assertThat(officeHours.isWorkingDay(LocalDate.parse(date))).isFalse();
      assertThat(officeHours.isOpen(brussels(date + "T10:00"))).isFalse();
    }

    @ParameterizedTest(name = "open on {0}")
    @ValueSource(strings = {"2026-11-02", "2026-12-31", "2026-05-15"})
    @DisplayName("C6: open on observances that are no legal holiday (All Souls, New Year's Eve) and on unconfigured bridge days")
    void openOnObservances(String date) {
      assertThat(officeHours.isWorkingDay(LocalDate.parse(date))).isTrue();
    }

    @Test
    @DisplayName("C6: Easter Monday 2026 is skipped, Tuesday after Easter opens at 08:30")
    void easterMonday() {
      assertThat(officeHours.nextOpening(brussels("2026-04-03T16:00"))).isEqualTo(brussels("2026-04-07T08:30"));
    }

    @Test
    @DisplayName("C6: Christmas 2026 (Friday) is skipped, Thursday 24 Dec 16:00 + 2 h is Monday 28 Dec 09:30")
    void christmas() {
      assertThat(officeHours.addOfficeTime(brussels("2026-12-24T16:00"), Duration.ofHours(2)))
          .isEqualTo(brussels("2026-12-28T09:30"));
    }

    @Test
    @DisplayName("C6: a configured closing day (bridge day after Ascension 2026) is skipped like a holiday")
    void configuredClosingDay() {
      OfficeHours withBridgeDay = new OfficeHours(
          new OfficeHoursProperties(null, null, List.of(LocalDate.parse("2026-05-15"))));

      assertThat(withBridgeDay.isWorkingDay(LocalDate.parse("2026-05-15"))).isFalse();
      assertThat(withBridgeDay.addOfficeTime(brussels("2026-05-13T16:00"), Duration.ofHours(2)))
          .isEqualTo(brussels("2026-05-18T09:30"));
      assertThat(officeHours.addOfficeTime(brussels("2026-05-13T16:00"), Duration.ofHours(2)))
          .as("without the closing day, Friday after Ascension is open")
          .isEqualTo(brussels("2026-05-15T09:30"));
    }
  }

  @Nested
  @DisplayName("C6 daylight saving time keeps wall-clock opening hours")
  class DaylightSavingTime {

    @Test
    @DisplayName("C6.2: Friday 15:00 + 2 h across the spring change (29 Mar 2026) is Monday 09:30 local time")
    void springForward() {
      Instant monday = officeHours.addOfficeTime(brussels("2026-03-27T15:00"), Duration.ofHours(2));

      assertThat(monday.atZone(BRUSSELS).toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-03-30T09:30"));
      assertThat(officeHours.officeTimeBetween(brussels("2026-03-27T12:00"), brussels("2026-03-30T12:00")))
          .as("3.5 h on Friday + 3.5 h on Monday, although the calendar span is only 71 h")
          .isEqualTo(Duration.ofHours(7));
    }

    @Test
    @DisplayName("C6.2: Friday 15:00 + 2 h across the autumn change (25 Oct 2026) is Monday 09:30 local time")
    void fallBack() {
      Instant monday = officeHours.addOfficeTime(brussels("2026-10-23T15:00"), Duration.ofHours(2));

      assertThat(monday.atZone(BRUSSELS).toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-10-26T09:30"));
      assertThat(officeHours.officeTimeBetween(brussels("2026-10-23T12:00"), brussels("2026-10-26T12:00")))
          .as("3.5 h on Friday + 3.5 h on Monday, although the calendar span is 73 h")
          .isEqualTo(Duration.ofHours(7));
    }
  }

  @Nested
  @DisplayName("C6 working days")
  class OfficeDays {

    @Test
    @DisplayName("C6.1: two working days later keeps the time of day")
    void sameTimeOfDay() {
      assertThat(officeHours.addOfficeDays(brussels("2026-06-02T10:00"), 2)).isEqualTo(brussels("2026-06-04T10:00"));
      assertThat(officeHours.addOfficeDays(brussels("2026-06-05T10:00"), 1)).isEqualTo(brussels("2026-06-08T10:00"));
    }

    @Test
    @DisplayName("C6.2: a closed moment on the target day moves to the next opening (Thursday 16:30 + 1 is Monday 08:30)")
    void closedTargetMovesToNextOpening() {
      assertThat(officeHours.addOfficeDays(brussels("2026-06-04T16:30"), 1)).isEqualTo(brussels("2026-06-08T08:30"));
    }

    @Test
    @DisplayName("C6: holidays are no working days (Wednesday before Ascension + 1 is Friday)")
    void skipsHolidays() {
      assertThat(officeHours.addOfficeDays(brussels("2026-05-13T10:00"), 1)).isEqualTo(brussels("2026-05-15T10:00"));
    }

    @Test
    @DisplayName("C6.3: a start outside hours counts from the next opening (Saturday + 1 is Tuesday 08:30)")
    void startOutsideHours() {
      assertThat(officeHours.addOfficeDays(brussels("2026-06-06T10:00"), 1)).isEqualTo(brussels("2026-06-09T08:30"));
      assertThat(officeHours.addOfficeDays(brussels("2026-06-06T10:00"), 0)).isEqualTo(brussels("2026-06-08T08:30"));
    }
  }

  @Nested
  @DisplayName("C6 helpers for BPMN expressions")
  class BpmnHelpers {

    @Test
    @DisplayName("C6.2: afterOfficeTime(\"PT1H\") from a moved Camunda clock on Friday 15:30 is Monday 09:00")
    void afterOfficeTimeFromNow() {
      ClockUtil.setCurrentTime(Date.from(brussels("2026-06-05T15:30")));

      assertThat(officeHours.afterOfficeTime("PT1H")).isEqualTo(Date.from(brussels("2026-06-08T09:00")));
      assertThat(officeHours.afterOfficeDays(1)).isEqualTo(Date.from(brussels("2026-06-08T15:30")));
    }

    @Test
    @DisplayName("C6.1/C6.3: the Date helpers with an explicit start")
    void withExplicitStart() {
      Date tuesdayMorning = Date.from(brussels("2026-06-02T10:00"));

      assertThat(officeHours.afterOfficeTime(tuesdayMorning, "PT4H")).isEqualTo(Date.from(brussels("2026-06-02T14:30")));
      assertThat(officeHours.afterOfficeDays(tuesdayMorning, 3)).isEqualTo(Date.from(brussels("2026-06-05T10:00")));
      assertThat(officeHours.nextOpening(Date.from(brussels("2026-06-02T12:45"))))
          .isEqualTo(Date.from(brussels("2026-06-02T13:00")));
    }

    @Test
    @DisplayName("C6.3: Camunda's expression language picks the Date helpers of the officeHours bean")
    void fromJuelExpressions() {
      ClockUtil.setCurrentTime(Date.from(brussels("2026-06-06T10:00")));
      JuelExpressionManager expressions = new JuelExpressionManager(
          Map.of("officeHours", officeHours, "registered", Date.from(brussels("2026-06-02T22:00"))));

      assertThat(evaluate(expressions, "${officeHours.nextOpening(registered)}"))
          .isEqualTo(Date.from(brussels("2026-06-03T08:30")));
      assertThat(evaluate(expressions, "${officeHours.afterOfficeTime('PT4H')}"))
          .isEqualTo(Date.from(brussels("2026-06-08T12:30")));
      assertThat(evaluate(expressions, "${officeHours.afterOfficeDays(registered, 2)}"))
          .isEqualTo(Date.from(brussels("2026-06-05T08:30")));
    }

    private Object evaluate(JuelExpressionManager expressions, String expression) {
      return expressions.createValueExpression(expression)
          .getValue(expressions.getElContext(StartProcessVariableScope.getSharedInstance()));
    }
  }

  @Nested
  @DisplayName("invalid input")
  class InvalidInput {

    @Test
    @DisplayName("null moments are rejected with the argument's name")
    void nulls() {
      assertThatIllegalArgumentException().isThrownBy(() -> officeHours.isOpen(null)).withMessageContaining("moment");
      assertThatIllegalArgumentException().isThrownBy(() -> officeHours.addOfficeTime(null, Duration.ZERO))
          .withMessageContaining("start");
      assertThatIllegalArgumentException().isThrownBy(() -> officeHours.addOfficeTime(Instant.EPOCH, null))
          .withMessageContaining("officeTime");
      assertThatIllegalArgumentException().isThrownBy(() -> officeHours.officeTimeBetween(Instant.EPOCH, null))
          .withMessageContaining("to");
      assertThatIllegalArgumentException().isThrownBy(() -> officeHours.nextOpening((Date) null))
          .withMessageContaining("moment");
      assertThatIllegalArgumentException().isThrownBy(() -> officeHours.afterOfficeDays(null, 1))
          .withMessageContaining("start");
      assertThatIllegalArgumentException().isThrownBy(() -> officeHours.afterOfficeTime((String) null))
          .withMessageContaining("PT4H");
    }

    @Test
    @DisplayName("negative office time and negative days are rejected")
    void negatives() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> officeHours.addOfficeTime(Instant.EPOCH, Duration.ofHours(-1)))
          .withMessageContaining("negative");
      assertThatIllegalArgumentException().isThrownBy(() -> officeHours.afterOfficeTime("PT-1H"))
          .withMessageContaining("negative");
      assertThatIllegalArgumentException().isThrownBy(() -> officeHours.afterOfficeDays(-1))
          .withMessageContaining("negative");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", " ", "4 hours", "PT4", "4H"})
    @DisplayName("durations that are not ISO-8601 are rejected with an example")
    void unparsableDurations(String isoDuration) {
      assertThatIllegalArgumentException().isThrownBy(() -> officeHours.afterOfficeTime(isoDuration))
          .withMessageContaining("PT4H");
    }

    @Test
    @DisplayName("a duration in days is rejected: P1D would be 24 h, three days of office time")
    void daysAsDuration() {
      assertThatIllegalArgumentException().isThrownBy(() -> officeHours.afterOfficeTime("P1D"))
          .withMessageContaining("afterOfficeDays");
    }

    @Test
    @DisplayName("overlapping or inverted opening blocks are rejected")
    void badBlocks() {
      assertThatIllegalArgumentException().isThrownBy(() -> OpeningBlock.of("12:30-08:30"));
      assertThatIllegalArgumentException().isThrownBy(() -> OpeningBlock.of("8.30 to 12.30"))
          .withMessageContaining("HH:mm-HH:mm");
      assertThatIllegalArgumentException().isThrownBy(() -> new OfficeHoursProperties(null,
          Map.of(DayOfWeek.MONDAY, List.of(OpeningBlock.of("08:30-12:30"), OpeningBlock.of("12:00-17:00"))),
          null)).withMessageContaining("overlap");
    }
  }
}
