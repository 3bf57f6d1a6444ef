package com.produsoft.supportdesk.training;

/** No session, or no registration of that session, with this id. */
public class TrainingNotFoundException extends RuntimeException {

  public TrainingNotFoundException(String message) {
    super(message);
  }
}
