package com.produsoft.supportdesk.alert;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.produsoft.supportdesk.ticket.StaffAttention;

/** The ticket moments that alert the staff, raised in the ticket's transaction (see {@link StaffAlerts}). */
@Component
class TicketAlerts {

  private final StaffAlerts alerts;

  TicketAlerts(StaffAlerts alerts) {
    this.alerts = alerts;
  }

  @EventListener
  void priorityOne(StaffAttention.PriorityOneTicket ticket) {
    alerts.newP1(ticket.eonNumber());
  }

  @EventListener
  void customerNews(StaffAttention.CustomerNews news) {
    alerts.customerNews(news.eonNumber(), news.journalEntryId(), news.text());
  }

  @EventListener
  void slaWarning(StaffAttention.SlaDeadlineApproaching warning) {
    alerts.slaWarning(warning.eonNumber(), warning.clock().name(), warning.dueAt());
  }

  @EventListener
  void slaBreach(StaffAttention.SlaDeadlineMissed breach) {
    alerts.slaBreach(breach.eonNumber(), breach.clock().name(), breach.dueAt());
  }
}
