package com.produsoft.supportdesk.supplier;

/** The BPMN messages of {@code BugEscalationProcess} (processes/bug-escalation.bpmn) that Java correlates. */
public final class EscalationMessages {

  public static final String PROCESS_KEY = "BugEscalationProcess";
  /** The process variable that holds our reference; messages correlate by it. */
  public static final String REFERENCE_VARIABLE = "escalationReference";

  /** A supplier mail about the escalation arrived (C7.2). */
  public static final String SUPPLIER_ANSWERED = "SupplierAnswered";
  /** A registered release fixes the escalation's supplier bug (C3.2). */
  public static final String FIX_RELEASED = "FixReleased";
  /** The supplier rejected the bug another ticket reported; a linked ticket stops waiting. */
  public static final String SUPPLIER_BUG_REJECTED = "SupplierBugRejected";

  private EscalationMessages() {
  }
}
