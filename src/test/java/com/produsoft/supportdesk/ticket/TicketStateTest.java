package com.produsoft.supportdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 19: a ticket changes state through its own methods, which refuse what its state does not allow. */
class TicketStateTest {

  private static final Instant REGISTERED = Instant.parse("2026-04-07T07:00:00Z");
  private static final Instant LATER = Instant.parse("2026-04-08T07:00:00Z");

  private final Ticket ticket = new Ticket("EON-2026-00042", "EDGECAM", TicketCategory.SUPPORT, Channel.WEB,
      REGISTERED);

  @Test
  @DisplayName("question, reply, solution, reaction, close: the states of C4, C6.4 and the reopen period")
  void lifeOfATicket() {
    ticket.waitForCustomer();
    assertThat(ticket.getStatus()).isEqualTo(TicketStatus.WAITING_FOR_CUSTOMER);
    ticket.resumeWork();
    assertThat(ticket.getStatus()).isEqualTo(TicketStatus.OPEN);
    ticket.setResolvedAt(LATER);
    ticket.solutionSent();
    assertThat(ticket.getStatus()).isEqualTo(TicketStatus.SOLUTION_SENT);
    ticket.reopenAfterSolution();
    assertThat(ticket.getStatus()).isEqualTo(TicketStatus.OPEN);
    assertThat(ticket.getResolvedAt()).as("reopened: no longer resolved").isNull();
    ticket.setPausedSince(LATER);
    ticket.close(Resolution.SOLVED, LATER);
    assertThat(ticket.isClosed()).isTrue();
    assertThat(ticket.getClosedAt()).isEqualTo(LATER);
    assertThat(ticket.getResolution()).isEqualTo(Resolution.SOLVED);
    assertThat(ticket.getPausedSince()).as("no clock waits on a closed ticket").isNull();
  }

  @Test
  @DisplayName("a closed ticket is neither asked, answered, moved nor closed again; only news reopens it, as new")
  void closedTicketRefusesWork() {
    ticket.setResolvedAt(LATER);
    ticket.close(Resolution.SOLVED_BY_CUSTOMER, LATER);

    assertThatThrownBy(ticket::waitForCustomer).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(ticket::solutionSent).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> ticket.moveTo("VISI")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> ticket.close(Resolution.NO_REPLY, LATER)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(ticket::reopenAfterSolution).isInstanceOf(IllegalStateException.class);
    assertThat(ticket.getResolution()).isEqualTo(Resolution.SOLVED_BY_CUSTOMER);

    ticket.reopenAfterClosing(true);
    assertThat(ticket.getStatus()).isEqualTo(TicketStatus.OPEN);
    assertThat(ticket.getClosedAt()).isNull();
    assertThat(ticket.getResolvedAt()).isNull();
    assertThat(ticket.getResolution()).isNull();
    assertThat(ticket.isCritical()).isTrue();
  }

  @Test
  @DisplayName("only a ticket whose solution was sent reopens on a reaction; only a closed one after closing")
  void reopeningNeedsTheRightState() {
    assertThatThrownBy(ticket::reopenAfterSolution).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("OPEN");
    assertThatThrownBy(() -> ticket.reopenAfterClosing(false)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> ticket.moveTo("EDGECAM")).as("already that product's").isInstanceOf(
        IllegalStateException.class);
  }
}
