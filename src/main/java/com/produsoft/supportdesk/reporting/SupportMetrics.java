package com.produsoft.supportdesk.reporting;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.ManagementService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.event.TransactionalEventListener;

import com.produsoft.supportdesk.ticket.SlaBreachRecorded;
import com.produsoft.supportdesk.ticket.TicketRegistered;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

/**
 * The support figures for Prometheus ({@code /actuator/prometheus}, names prefixed {@code support_}), the same as
 * the reports' (issue 9). Counters count events of this process after their transaction committed: like every
 * Prometheus counter they start at zero when the application starts, and {@code increase()}/{@code rate()} read them
 * across restarts. Gauges of the database (open and waiting tickets, job backlog) are read by one query each every
 * {@code support.metrics.refresh} (30 s), never per scrape. Mails in and out are counted by {@code MailPoller} and
 * {@link MailCounting}.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class SupportMetrics {

  private static final Logger log = LoggerFactory.getLogger(SupportMetrics.class);

  private final MeterRegistry registry;
  private final SupportReports reports;
  private final ManagementService managementService;
  private final MultiGauge openTickets;
  private final MultiGauge waitingForCustomer;
  private final AtomicLong dueJobs = new AtomicLong();
  private final AtomicLong failedJobs = new AtomicLong();

  public SupportMetrics(MeterRegistry registry, SupportReports reports, ManagementService managementService) {
    this.registry = registry;
    this.reports = reports;
    this.managementService = managementService;
    openTickets = MultiGauge.builder("support.tickets.open")
        .description("Tickets neither resolved nor closed, per team and priority").register(registry);
    waitingForCustomer = MultiGauge.builder("support.tickets.waiting_for_customer")
        .description("Tickets waiting for the customer (clocks stopped), per team").register(registry);
    Gauge.builder("support.jobs.due", dueJobs, AtomicLong::get)
        .description("Camunda jobs due now with retries left: the job executor's backlog").register(registry);
    Gauge.builder("support.jobs.failed", failedJobs, AtomicLong::get)
        .description("Camunda jobs without retries left: incidents in Cockpit").register(registry);
    // Listed from the start, at zero: "no mail failed" is a figure too.
    registry.counter(MailCounting.SENT);
    registry.counter(MailCounting.FAILED);
  }

  /** Static: the post-processor must exist before the mail sender it wraps. */
  @Bean
  static MailCounting mailCounting(ObjectProvider<MeterRegistry> registry) {
    return new MailCounting(registry);
  }

  @TransactionalEventListener(fallbackExecution = true)
  void ticketRegistered(TicketRegistered registered) {
    Counter.builder("support.tickets.registered").description("Tickets registered, by channel, product and category")
        .tags("channel", registered.channel().name(), "product", registered.productCode(),
            "category", registered.category().name())
        .register(registry).increment();
  }

  @TransactionalEventListener(fallbackExecution = true)
  void slaBreachRecorded(SlaBreachRecorded breach) {
    Counter.builder("support.sla.breaches").description("SLA deadlines missed (office hours, C6)")
        .tags("clock", breach.clock().name(), "product", breach.productCode(),
            "priority", Objects.toString(breach.priority(), "none"))
        .register(registry).increment();
  }

  /** Reads the database gauges again; a failure keeps the last values (the next refresh tries again). */
  @Scheduled(initialDelay = 0, fixedDelayString = "${support.metrics.refresh:PT30S}")
  public void refresh() {
    try {
      openTickets.register(reports.openTickets().stream()
          .map(row -> MultiGauge.Row.of(Tags.of("team", row.team(), "priority", Objects.toString(row.priority(),
              "none")), row.count()))
          .toList(), true);
      waitingForCustomer.register(reports.waitingForCustomer().stream()
          .map(row -> MultiGauge.Row.of(Tags.of("team", row.team()), row.count()))
          .toList(), true);
      dueJobs.set(managementService.createJobQuery().executable().count());
      failedJobs.set(managementService.createJobQuery().noRetriesLeft().count());
    } catch (RuntimeException e) {
      log.warn("Support gauges not refreshed: {}", e.toString());
    }
  }
}
