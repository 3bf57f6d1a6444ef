package com.produsoft.supportdesk.ticket;

/** The kinds of lines in a ticket's journal, the one place where its whole story can be read. */
public enum JournalEntryType {
  REGISTERED,
  CUSTOMER_UPDATE,
  ENGINEER_NOTE,
  /** A message that reached the customer: a mail, a logged phone call, a planned remote session. */
  MESSAGE_SENT,
  STATUS_CHANGE,
  SLA_WARNING,
  SLA_BREACH,
  /** A mail to or from a supplier about a bug (C7.2): internal, never shown or forwarded to the customer. */
  SUPPLIER_MAIL
}
