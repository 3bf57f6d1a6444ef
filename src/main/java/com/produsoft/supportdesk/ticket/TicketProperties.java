package com.produsoft.supportdesk.ticket;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param reopenOfficeDays a closed ticket reopens on the customer's follow-up within this many office days;
 *     later, the follow-up becomes a new ticket linked to the old EON number
 * @param registrationsPerMinute public registrations accepted per client address and minute (abuse guard)
 * @param maxRequestBytes largest JSON registration body accepted
 * @param publicBaseUrl where customers reach the support pages (links in mails)
 * @param concurrentRegistrations registrations this node works on at once, whatever the channel; 0: half the
 *     connection pool ({@link RegistrationAdmission})
 * @param admissionWait how long a registration beyond those waits for its turn before it is refused (503)
 * @param busyRetryAfter the Retry-After of that refusal
 */
@ConfigurationProperties("support.tickets")
public record TicketProperties(
    @DefaultValue("10") int reopenOfficeDays,
    @DefaultValue("30") int registrationsPerMinute,
    @DefaultValue("65536") int maxRequestBytes,
    @DefaultValue("http://localhost:8080") String publicBaseUrl,
    @DefaultValue("0") int concurrentRegistrations,
    @DefaultValue("PT2S") Duration admissionWait,
    @DefaultValue("PT5S") Duration busyRetryAfter) {

  /** The customer's private status page of a ticket (its token, never its EON number). */
  public String statusPageUrl(Ticket ticket) {
    return publicBaseUrl.replaceAll("/+$", "") + "/support/status/" + ticket.getStatusToken();
  }

  /** The web form, for customers told to register there next time (C5.3). */
  public String webFormUrl() {
    return publicBaseUrl.replaceAll("/+$", "") + "/support";
  }
}
