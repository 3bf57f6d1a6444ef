package com.produsoft.supportdesk.contract;

/** What happened to a maintenance contract, at most once per contract period. */
public enum ContractEventType {
  /** C1.2: a new period started. */
  RENEWED,
  /** C1.4: the customer's cancellation was received. */
  CANCELLED,
  /** The last covered day passed (C1.5 from then on). */
  LAPSED,
  /** C1.5: a lapsed contract was taken again. */
  REINSTATED,
  /** C1.4: the designated contacts were reminded of the renewal and its cancellation deadline. */
  REMINDER_SENT
}
