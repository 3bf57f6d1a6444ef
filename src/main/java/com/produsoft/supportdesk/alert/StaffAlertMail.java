package com.produsoft.supportdesk.alert;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** One staff member was mailed an alert; once only (a retried alert skips them). */
@Entity
public class StaffAlertMail {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "alert_id")
  private StaffAlert alert;

  private String userId;
  private String email;
  private Instant sentAt;

  protected StaffAlertMail() {
  }

  StaffAlertMail(StaffAlert alert, String userId, String email, Instant sentAt) {
    this.alert = alert;
    this.userId = userId;
    this.email = email;
    this.sentAt = sentAt;
  }
}
