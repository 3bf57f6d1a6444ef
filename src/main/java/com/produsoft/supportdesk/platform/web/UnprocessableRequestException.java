package com.produsoft.supportdesk.platform.web;

/** A well-formed request the API cannot carry out: 422 with the message (see {@link ApiErrors}). */
public class UnprocessableRequestException extends RuntimeException {

  public UnprocessableRequestException(String message) {
    super(message);
  }
}
