package com.produsoft.supportdesk.ticket;

/** How a ticket ended. */
public enum Resolution {
  SOLVED,
  DUPLICATE,
  /** C9.1 a request about the customer's personalised software. */
  OUT_OF_SCOPE,
  /** The customer did not answer our question, reminders included. */
  NO_REPLY,
  /** C8.1 the customer solved it. */
  SOLVED_BY_CUSTOMER,
  /** The registration asked nothing of support; the engineer wrote why in the journal. */
  NO_ACTION
}
