package com.produsoft.supportdesk.supplier;

/** What a supplier's answer means for an escalation (variable {@code supplierOutcome} of BugEscalationProcess). */
public enum SupplierOutcome {
  /** Nothing decided yet (an acknowledgement, a case number): keep waiting. */
  NONE,
  /** A supplier mail nobody could read automatically: an engineer reads it and enters the outcome. */
  UNREAD,
  /** The supplier needs more information: back to the engineer. */
  MORE_INFO,
  /** The supplier fixes it, in the target version when it said so. */
  FIX_PLANNED,
  /** The supplier will not fix it: the customer is told and the ticket goes on as support. */
  REJECTED
}
