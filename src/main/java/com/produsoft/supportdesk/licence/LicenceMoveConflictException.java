package com.produsoft.supportdesk.licence;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** C10.3: the licence is no longer where the request says; moving it anyway could bind it twice. */
@ResponseStatus(HttpStatus.CONFLICT)
public class LicenceMoveConflictException extends RuntimeException {

  public LicenceMoveConflictException(String message) {
    super(message);
  }
}
