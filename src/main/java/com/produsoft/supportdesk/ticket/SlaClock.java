package com.produsoft.supportdesk.ticket;

/** The three clocks a mature helpdesk keeps, all counted in office time (C6). */
public enum SlaClock {
  /** Until the first customer-visible answer. */
  FIRST_RESPONSE,
  /** Until support answers news from the customer. */
  NEXT_UPDATE,
  /** Until the solution is sent. */
  RESOLUTION
}
