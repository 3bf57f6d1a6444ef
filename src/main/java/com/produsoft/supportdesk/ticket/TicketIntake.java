package com.produsoft.supportdesk.ticket;

import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * The way in for the JSON API, the web form and the status page: calls {@link TicketService}'s transactions and
 * settles what only shows at their commit, so each channel need not.
 * <ul>
 *   <li>Two submits with the same Idempotency-Key racing each other: the loser's transaction rolls back on the
 *   unique key and it answers the winner's ticket.</li>
 *   <li>An update meeting a step of the same ticket's process on the job executor (a mail being sent): the engine
 *   or JPA's version check refuses one of the two, and the update is tried again in a fresh transaction.</li>
 * </ul>
 */
@Component
public class TicketIntake {

  static final int UPDATE_ATTEMPTS = 3;

  private final TicketService tickets;

  public TicketIntake(TicketService tickets) {
    this.tickets = tickets;
  }

  public TicketService.Registered register(TicketRegistration registration, Channel channel, String idempotencyKey,
      List<NewAttachment> files) {
    try {
      return tickets.register(registration, channel, idempotencyKey, files);
    } catch (DataIntegrityViolationException raced) {
      if (idempotencyKey == null) {
        throw raced;
      }
      return tickets.earlierRegistration(registration, channel, idempotencyKey).orElseThrow(() -> raced);
    }
  }

  public TicketService.UpdateOutcome addUpdate(String eonNumber, UpdateType type, String message, String author,
      List<NewAttachment> files) {
    return retriedOnConflict(() -> tickets.addUpdate(eonNumber, type, message, author, files));
  }

  private static <T> T retriedOnConflict(Supplier<T> attempt) {
    for (int tries = 1; ; tries++) {
      try {
        return attempt.get();
      } catch (OptimisticLockingException | ObjectOptimisticLockingFailureException conflict) {
        if (tries == UPDATE_ATTEMPTS) {
          throw conflict;
        }
      }
    }
  }
}
