package com.produsoft.supportdesk.ticket;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param reopenOfficeDays a closed ticket reopens on the customer's follow-up within this many office days;
 *     later, the follow-up becomes a new ticket linked to the old EON number
 * @param registrationsPerMinute public registrations accepted per client address and minute (abuse guard)
 * @param maxRequestBytes largest JSON registration body accepted
 */
@ConfigurationProperties("support.tickets")
public record TicketProperties(
    @DefaultValue("10") int reopenOfficeDays,
    @DefaultValue("30") int registrationsPerMinute,
    @DefaultValue("65536") int maxRequestBytes) {
}
