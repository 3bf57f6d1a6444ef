package com.produsoft.supportdesk.alert;

import java.time.Instant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.produsoft.supportdesk.platform.EngineClock;

/**
 * Raises the staff's alerts: each call writes one row into the outbox {@code staff_alert}, in the caller's
 * transaction, so that the alert exists exactly when its event was committed; {@link StaffAlertMailer} mails it
 * afterwards. An event already raised (same key: a retried job, a second call) raises nothing.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class StaffAlerts {

  private final StaffAlertRepository alerts;

  public StaffAlerts(StaffAlertRepository alerts) {
    this.alerts = alerts;
  }

  /** A new ticket of priority 1; once per ticket. */
  public void newP1(String eonNumber) {
    raise(AlertKind.NEW_P1, eonNumber, "", null);
  }

  /** The customer's news, identified by its journal entry, with its text. */
  public void customerNews(String eonNumber, long journalEntryId, String text) {
    raise(AlertKind.CUSTOMER_NEWS, eonNumber, String.valueOf(journalEntryId), text);
  }

  /** 80 % of an SLA clock's target: once per clock and deadline (a moved deadline warns again). */
  public void slaWarning(String eonNumber, String clock, Instant dueAt) {
    raise(AlertKind.SLA_WARNING, eonNumber, clock + ":" + dueAt, clock);
  }

  /** A missed SLA deadline, for the leads: once per clock and deadline. */
  public void slaBreach(String eonNumber, String clock, Instant dueAt) {
    raise(AlertKind.SLA_BREACH, eonNumber, clock + ":" + dueAt, clock);
  }

  private void raise(AlertKind kind, String eonNumber, String event, String detail) {
    String key = kind + ":" + eonNumber + (event.isEmpty() ? "" : ":" + event);
    if (!alerts.existsByEventKey(key)) {
      alerts.save(new StaffAlert(kind, eonNumber, key, detail, EngineClock.now()));
    }
  }
}
