package com.produsoft.supportdesk.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * "Now" for the whole support desk, taken from Camunda's clock so that tests which move the engine's time
 * (timers, SLA deadlines, contract periods) move the business code's time with it.
 */
public final class EngineClock {

  public static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

  private EngineClock() {
  }

  public static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  /** Today in Belgium, where contracts and licences are dated. */
  public static LocalDate today() {
    return LocalDate.ofInstant(now(), BRUSSELS);
  }
}
