package com.produsoft.supportdesk.ticket;

/**
 * C3.2, C7.3: a suggestion backs a wish of its product's wish list, which the supplier module keeps (the ticket
 * module owns the question so that it does not depend on the supplier module).
 */
public interface WishList {

  /** The wish the suggestion now backs: the one chosen on the triage form, else the wish of the same title. */
  Wish back(Ticket ticket, Long wishId);

  /** A wish of a product's wish list. */
  interface Wish {

    Long getId();

    String getTitle();
  }
}
