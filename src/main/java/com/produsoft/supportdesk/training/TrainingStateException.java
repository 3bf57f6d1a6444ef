package com.produsoft.supportdesk.training;

/** The session or registration cannot take this change now: registrations closed, already cancelled, too many persons. */
public class TrainingStateException extends RuntimeException {

  public TrainingStateException(String message) {
    super(message);
  }
}
