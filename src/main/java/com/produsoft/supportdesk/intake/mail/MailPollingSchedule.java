package com.produsoft.supportdesk.intake.mail;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Polls the support mailboxes every {@code support.mail.poll-interval}; off where tests drive the poller. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "support.mail.polling", havingValue = "true")
class MailPollingSchedule {

  private final MailPoller poller;

  MailPollingSchedule(MailPoller poller) {
    this.poller = poller;
  }

  @Scheduled(initialDelayString = "${support.mail.poll-interval}", fixedDelayString = "${support.mail.poll-interval}")
  void poll() {
    poller.pollAll();
  }
}
