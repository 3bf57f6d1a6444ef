package com.produsoft.supportdesk.ticket;

/** A ticket was registered (published when it is first saved; listeners that count wait for the commit). */
public record TicketRegistered(Channel channel, String productCode, TicketCategory category) {
}
