package com.produsoft.supportdesk.register;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A register page for a customer or contact that does not exist (or a contact of another customer). */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class RegisterEntryNotFoundException extends RuntimeException {

  public RegisterEntryNotFoundException(String what) {
    super("No " + what + " in the register");
  }
}
