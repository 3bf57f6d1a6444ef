package com.produsoft.supportdesk.register;

/**
 * Someone else saved the same customer or contact after the form was opened: the form's changes are not stored, so
 * that neither edit is silently lost (optimistic locking, issue 18). Carries the latest change of the audit trail.
 */
public class StaleEditException extends RuntimeException {

  private final transient RegisterChange latest;

  public StaleEditException(String what, RegisterChange latest) {
    super(what + " was changed in the meantime");
    this.latest = latest;
  }

  /** What the other person changed, or null when the audit trail does not say. */
  public RegisterChange getLatest() {
    return latest;
  }
}
