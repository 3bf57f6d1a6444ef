package com.produsoft.supportdesk.licence;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

@ResponseStatus(HttpStatus.NOT_FOUND)
public class LicenceNotFoundException extends RuntimeException {

  public LicenceNotFoundException(String licenceNumber) {
    super("No licence " + licenceNumber);
  }
}
