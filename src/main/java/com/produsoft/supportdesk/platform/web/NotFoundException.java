package com.produsoft.supportdesk.platform.web;

/** Something the request names does not exist: the API answers 404 with the message (see {@link ApiErrors}). */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String message) {
    super(message);
  }
}
