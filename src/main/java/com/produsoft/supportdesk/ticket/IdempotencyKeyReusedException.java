package com.produsoft.supportdesk.ticket;

/** A client sent another registration under an Idempotency-Key it had used before. */
public class IdempotencyKeyReusedException extends RuntimeException {

  public IdempotencyKeyReusedException(String key) {
    super("Idempotency-Key " + key + " was used before for a different registration");
  }
}
