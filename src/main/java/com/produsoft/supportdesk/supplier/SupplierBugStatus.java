package com.produsoft.supportdesk.supplier;

/** Where a bug stands at the supplier (C7.2). */
public enum SupplierBugStatus {
  /** Reported; the supplier has not decided yet. */
  REPORTED,
  /** The supplier asked for more information; the engineer completes the report. */
  MORE_INFO_REQUESTED,
  /** The supplier will fix it, in the target version when known. */
  FIX_PLANNED,
  /** The supplier will not fix it; the tickets go on as support questions. */
  REJECTED,
  /** The fix shipped in a registered product release. */
  RELEASED;

  /** Whether a new ticket about the same problem can still be linked to the bug and wait for its fix. */
  public boolean isOpen() {
    return this == REPORTED || this == MORE_INFO_REQUESTED || this == FIX_PLANNED;
  }
}
