package com.produsoft.supportdesk.ticket;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface TicketRepository extends JpaRepository<Ticket, Long>, TicketLookup {

  Optional<Ticket> findByIdempotencyKey(String idempotencyKey);

  /** The ticket of a customer's private status page link. */
  Optional<Ticket> findByStatusToken(String statusToken);

  /** The ticket a process step works on; without it the step fails (an incident in Cockpit). */
  default Ticket byEonNumber(String eonNumber) {
    return findByEonNumber(eonNumber).orElseThrow(() -> new TicketNotFoundException(eonNumber));
  }

  /** C4.3: the earlier call a duplicate is merged into, named by the engineer: another ticket, registered before. */
  default Ticket earlierCall(Ticket duplicate, String eonNumber) {
    String number = eonNumber == null ? "" : eonNumber.strip();
    Ticket earlier = findByEonNumber(number).orElseThrow(() -> new IllegalArgumentException(
        "Duplicate of " + number + ": no such EON call number"));
    if (earlier.getId().equals(duplicate.getId()) || earlier.getRegisteredAt().isAfter(duplicate.getRegisteredAt())) {
      throw new IllegalArgumentException("Duplicate of " + number + ": name an earlier call than "
          + duplicate.getEonNumber());
    }
    return earlier;
  }
}
