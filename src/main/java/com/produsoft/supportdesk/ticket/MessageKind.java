package com.produsoft.supportdesk.ticket;

/**
 * What a message from support to the customer is, and so which SLA clock it satisfies (C6.4, see
 * {@link SlaClocks#messageSent}).
 */
public enum MessageKind {
  /** An intermediate update: it answers the customer (first response, next update), the ticket stays open. */
  UPDATE,
  /** Information asked from the customer (C4): the clocks pause until the reply. */
  QUESTION,
  /** The solution (C7): the resolution clock stops and the reopen period starts. */
  SOLUTION,
  /** A call-back or a remote session (TeamViewer) planned inside office hours (C5.4): a first response. */
  APPOINTMENT
}
