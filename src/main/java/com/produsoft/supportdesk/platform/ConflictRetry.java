package com.produsoft.supportdesk.platform;

import java.util.function.Supplier;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

/**
 * A customer's update may meet a step of the same ticket's process running on the job executor (a mail being
 * sent); the engine, or JPA's version check, then refuses one of the two transactions. The refused update is
 * simply tried again, each time in a fresh transaction: call this outside any transaction.
 */
public final class ConflictRetry {

  static final int ATTEMPTS = 3;

  private ConflictRetry() {
  }

  public static <T> T retried(Supplier<T> attempt) {
    for (int tries = 1; ; tries++) {
      try {
        return attempt.get();
      } catch (OptimisticLockingException | ObjectOptimisticLockingFailureException conflict) {
        if (tries == ATTEMPTS) {
          throw conflict;
        }
      }
    }
  }
}
