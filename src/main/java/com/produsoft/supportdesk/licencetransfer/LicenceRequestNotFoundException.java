package com.produsoft.supportdesk.licencetransfer;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

@ResponseStatus(HttpStatus.NOT_FOUND)
public class LicenceRequestNotFoundException extends RuntimeException {

  public LicenceRequestNotFoundException(String number) {
    super("No licence request " + number);
  }
}
