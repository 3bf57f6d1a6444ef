package com.produsoft.supportdesk.ticket;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param reopenOfficeDays a closed ticket reopens on the customer's follow-up within this many office days;
 *     later, the follow-up becomes a new ticket linked to the old EON number
 * @param registrationsPerMinute public registrations accepted per client address and minute (abuse guard)
 * @param maxRequestBytes largest JSON registration body accepted
 * @param publicBaseUrl where customers reach the support pages (links in mails)
 */
@ConfigurationProperties("support.tickets")
public record TicketProperties(
    @DefaultValue("10") int reopenOfficeDays,
    @DefaultValue("30") int registrationsPerMinute,
    @DefaultValue("65536") int maxRequestBytes,
    @DefaultValue("http://localhost:8080") String publicBaseUrl) {

  /** The customer's private status page of a ticket (its token, never its EON number). */
  public String statusPageUrl(Ticket ticket) {
    return publicBaseUrl.replaceAll("/+$", "") + "/support/status/" + ticket.getStatusToken();
  }

  /** The web form, for customers told to register there next time (C5.3). */
  public String webFormUrl() {
    return publicBaseUrl.replaceAll("/+$", "") + "/support";
  }
}
