package com.produsoft.supportdesk.platform.web;

import java.io.IOException;

/** A request body went past its limit while being read. */
public class RequestTooLargeException extends IOException {

  public RequestTooLargeException(long limit) {
    super("Request body larger than " + limit + " bytes");
  }

  static boolean causedBy(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof RequestTooLargeException) {
        return true;
      }
    }
    return false;
  }
}
