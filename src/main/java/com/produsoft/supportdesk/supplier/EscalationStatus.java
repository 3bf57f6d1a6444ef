package com.produsoft.supportdesk.supplier;

/** Where one ticket's escalation stands (C7.2). */
public enum EscalationStatus {
  /** The engineer reproduces and documents the bug. */
  DOCUMENTING,
  /** Reported to the supplier (or linked to a bug it knows); waiting for its answer or its fix. */
  WAITING_FOR_SUPPLIER,
  /** The fix shipped; the customer was told with the solution. */
  FIXED,
  /** The supplier rejected the bug; the ticket went on as a support question. */
  REJECTED
}
