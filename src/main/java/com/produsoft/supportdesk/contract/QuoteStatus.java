package com.produsoft.supportdesk.contract;

/** Where a reinstatement quote (C1.5) stands. */
public enum QuoteStatus {
  /** The customer asked; the administration prepares the quote. */
  REQUESTED,
  /** Mailed to the customer, valid until its date. */
  SENT,
  /** Accepted in time: the contract was reinstated. */
  ACCEPTED,
  /** Not accepted within its validity. */
  EXPIRED
}
