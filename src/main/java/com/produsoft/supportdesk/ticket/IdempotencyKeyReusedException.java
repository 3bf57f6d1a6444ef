package com.produsoft.supportdesk.ticket;

import com.produsoft.supportdesk.platform.web.UnprocessableRequestException;

/** A client sent another registration under an Idempotency-Key it had used before. */
public class IdempotencyKeyReusedException extends UnprocessableRequestException {

  public IdempotencyKeyReusedException(String key) {
    super("Idempotency-Key " + key + " was used before for a different registration");
  }
}
