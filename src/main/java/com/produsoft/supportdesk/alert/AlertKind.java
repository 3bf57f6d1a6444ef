package com.produsoft.supportdesk.alert;

import java.util.Locale;

/** What an alert mail to the staff is about, and who gets it. */
public enum AlertKind {

  /** A new ticket of priority 1 (production stands still for a contract customer, C5.3, C6.4). */
  NEW_P1(Audience.ASSIGNEE_OR_TEAM),
  /** The customer added to the ticket: news (C8.1), the reply to a question, a reaction that reopens it. */
  CUSTOMER_NEWS(Audience.ASSIGNEE_OR_TEAM),
  /** 80 % of an SLA target's office time has passed (C6.4). */
  SLA_WARNING(Audience.ASSIGNEE_OR_TEAM),
  /** An SLA deadline passed (C6.4). */
  SLA_BREACH(Audience.LEADS);

  /**
   * Who is mailed: the engineers assigned to the ticket's team tasks, or the whole team while nobody is; or every
   * support lead.
   */
  public enum Audience {
    ASSIGNEE_OR_TEAM, LEADS
  }

  private final Audience audience;

  AlertKind(Audience audience) {
    this.audience = audience;
  }

  public Audience audience() {
    return audience;
  }

  /** The mail template's name in {@code mail/staff/}: {@code new-p1_nl.txt}. */
  String templateName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
