package com.produsoft.supportdesk.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Binding of {@code support.office-hours} into the {@code officeHours} bean, without starting the engine. */
class OfficeHoursPropertiesTest {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(OfficeHoursProperties.class)
  @Import(OfficeHours.class)
  static class CalendarOnly {
  }

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withUserConfiguration(CalendarOnly.class);

  @Test
  @DisplayName("C6.1/C6.2: without configuration the charter's hours in Europe/Brussels apply")
  void charterDefaults() {
    context.run(started -> {
      OfficeHoursProperties properties = started.getBean(OfficeHoursProperties.class);

      assertThat(properties.timeZone()).isEqualTo(ZoneId.of("Europe/Brussels"));
      assertThat(properties.weeklyHours().get(DayOfWeek.MONDAY)).hasToString("[08:30-12:30, 13:00-17:00]");
      assertThat(properties.weeklyHours().get(DayOfWeek.FRIDAY)).hasToString("[08:30-12:30, 13:00-16:00]");
      assertThat(properties.weeklyHours().get(DayOfWeek.SATURDAY)).isEmpty();
      assertThat(properties.closingDays()).isEmpty();
      assertThat(started).hasBean("officeHours");
    });
  }

  @Test
  @DisplayName("C6: closing-days configured in properties are honoured by officeHours")
  void closingDaysAreHonoured() {
    context.withPropertyValues("support.office-hours.closing-days=2026-05-15,2026-12-24").run(started -> {
      OfficeHours officeHours = started.getBean("officeHours", OfficeHours.class);

      assertThat(started.getBean(OfficeHoursProperties.class).closingDays())
          .containsExactly(LocalDate.parse("2026-05-15"), LocalDate.parse("2026-12-24"));
      assertThat(officeHours.isWorkingDay(LocalDate.parse("2026-05-15"))).isFalse();
      assertThat(officeHours.isWorkingDay(LocalDate.parse("2026-12-24"))).isFalse();
      assertThat(officeHours.isWorkingDay(LocalDate.parse("2026-12-23"))).isTrue();
    });
  }

  @Test
  @DisplayName("C6.2: a configured weekday replaces only that day's blocks, an empty one closes that day")
  void weeklyHoursOverrideOneDay() {
    context.withPropertyValues(
            "support.office-hours.weekly-hours.friday[0]=08:30-12:30",
            "support.office-hours.weekly-hours.saturday[0]=09:00-12:00",
            "support.office-hours.weekly-hours.wednesday=")
        .run(started -> {
          OfficeHoursProperties properties = started.getBean(OfficeHoursProperties.class);

          assertThat(properties.weeklyHours().get(DayOfWeek.FRIDAY))
              .containsExactly(OpeningBlock.of("08:30-12:30"));
          assertThat(properties.weeklyHours().get(DayOfWeek.SATURDAY))
              .containsExactly(OpeningBlock.of("09:00-12:00"));
          assertThat(properties.weeklyHours().get(DayOfWeek.WEDNESDAY)).isEmpty();
          assertThat(properties.weeklyHours().get(DayOfWeek.THURSDAY)).hasSize(2);
        });
  }

  @Test
  @DisplayName("C6: an invalid opening block fails at start-up")
  void invalidBlockFailsStartUp() {
    context.withPropertyValues("support.office-hours.weekly-hours.monday[0]=17:00-08:30")
        .run(started -> assertThat(started).hasFailed());
  }
}
