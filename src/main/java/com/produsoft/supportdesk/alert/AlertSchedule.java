package com.produsoft.supportdesk.alert;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Mails the pending alerts every {@code support.alerts.send-interval}; off where tests send them themselves. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "support.alerts.sending", havingValue = "true", matchIfMissing = true)
class AlertSchedule {

  private final StaffAlertMailer mailer;

  AlertSchedule(StaffAlertMailer mailer) {
    this.mailer = mailer;
  }

  @Scheduled(initialDelayString = "${support.alerts.send-interval:PT10S}",
      fixedDelayString = "${support.alerts.send-interval:PT10S}")
  void send() {
    mailer.sendDue();
  }
}
