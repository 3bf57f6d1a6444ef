package com.produsoft.supportdesk.licencetransfer;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A licence request that cannot be planned as asked; each fault names the field and why. */
@ResponseStatus(HttpStatus.BAD_REQUEST)
public class LicenceRequestInvalidException extends RuntimeException {

  private final List<String> faults;

  public LicenceRequestInvalidException(List<String> faults) {
    super(String.join("; ", faults));
    this.faults = List.copyOf(faults);
  }

  public List<String> getFaults() {
    return faults;
  }
}
