package com.produsoft.supportdesk.alert;

import java.time.Instant;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.produsoft.supportdesk.customer.Language;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Which alert mails a staff member wants, and in which language; set on {@code /staff/preferences}. A user without
 * a row gets every alert, in Dutch ({@link #defaults}).
 */
@Entity
@Table(name = "staff_alert_preference")
public class AlertPreference {

  /** Camunda's user id. */
  @Id
  private String userId;

  @Column(name = "new_p1")
  private boolean newP1 = true;
  private boolean customerNews = true;
  private boolean slaWarning = true;
  private boolean slaBreach = true;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private Language language = Language.NL;

  private Instant updatedAt;

  protected AlertPreference() {
  }

  private AlertPreference(String userId) {
    this.userId = userId;
  }

  /** Every alert on, in Dutch: what a user gets before choosing. */
  public static AlertPreference defaults(String userId) {
    return new AlertPreference(userId);
  }

  public boolean wants(AlertKind kind) {
    return switch (kind) {
      case NEW_P1 -> newP1;
      case CUSTOMER_NEWS -> customerNews;
      case SLA_WARNING -> slaWarning;
      case SLA_BREACH -> slaBreach;
    };
  }

  void choose(boolean newP1, boolean customerNews, boolean slaWarning, boolean slaBreach, Language language,
      Instant now) {
    this.newP1 = newP1;
    this.customerNews = customerNews;
    this.slaWarning = slaWarning;
    this.slaBreach = slaBreach;
    this.language = language;
    this.updatedAt = now;
  }

  public boolean isNewP1() {
    return newP1;
  }

  public boolean isCustomerNews() {
    return customerNews;
  }

  public boolean isSlaWarning() {
    return slaWarning;
  }

  public boolean isSlaBreach() {
    return slaBreach;
  }

  public Language getLanguage() {
    return language;
  }
}
