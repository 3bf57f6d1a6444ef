package com.produsoft.supportdesk.ticket;

/** The BPMN message names of {@code TicketProcess} (processes/support-ticket.bpmn) that Java correlates. */
public final class TicketMessages {

  /** The customer answered our question while the ticket waits for them. */
  public static final String CUSTOMER_REPLIED = "CustomerReplied";
  /** C8.1 news from the customer while support works on the ticket. */
  public static final String CUSTOMER_UPDATE_RECEIVED = "CustomerUpdateReceived";
  /** C8.1 the customer solved it. */
  public static final String CUSTOMER_SOLVED_TICKET = "CustomerSolvedTicket";
  /** The customer reacted to the solution within the reopen period. */
  public static final String TICKET_REOPENED = "TicketReopened";

  /** Issue 18: staff linked the sender of the ticket to a customer; entitlement and priority are decided again. */
  public static final String SENDER_IDENTIFIED = "SenderIdentified";

  private TicketMessages() {
  }
}
