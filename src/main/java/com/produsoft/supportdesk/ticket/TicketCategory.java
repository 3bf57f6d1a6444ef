package com.produsoft.supportdesk.ticket;

/** C7: what the customer asks for; the web form requires one. */
public enum TicketCategory {
  /** C7.1 general help or advice. */
  SUPPORT,
  /** C7.2 a function that does not work as it should: passed on to the supplier. */
  BUG,
  /** C7.3 a wish for a future release. */
  SUGGESTION
}
