package com.produsoft.supportdesk.ticket;

/** Where a ticket stands, as the customer and the managers see it. */
public enum TicketStatus {
  /** Registered; an engineer studies it (C5.4). */
  OPEN,
  /** Waiting for information from the customer: the SLA clock stops. */
  WAITING_FOR_CUSTOMER,
  /** The solution was sent; the customer may still reopen the ticket. */
  SOLUTION_SENT,
  CLOSED
}
