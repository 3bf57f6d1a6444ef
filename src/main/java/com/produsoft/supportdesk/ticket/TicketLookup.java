package com.produsoft.supportdesk.ticket;

import java.util.Optional;

/** Finding a ticket by its EON call number, the business key of its processes. */
public interface TicketLookup {

  Optional<Ticket> findByEonNumber(String eonNumber);
}
