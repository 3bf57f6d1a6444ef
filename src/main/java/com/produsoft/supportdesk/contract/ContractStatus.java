package com.produsoft.supportdesk.contract;

/** Where a maintenance contract stands (C1). */
public enum ContractStatus {
  /** C1.1: the first year after the licence purchase. */
  FIRST_YEAR,
  /** C1.2: renewed automatically at least once. */
  ACTIVE,
  /** C1.4: cancelled by the customer; support goes on until the contract's last day ({@code endsOn}). */
  CANCELLED,
  /** Past its last day: no support, and a new contract costs a reinstatement fee (C1.5). */
  LAPSED
}
