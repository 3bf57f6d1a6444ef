package com.produsoft.supportdesk.ticket;

/** C8.1: what a customer tells support between registration and handling. */
public enum UpdateType {
  /** The problem happens more often. */
  MORE_FREQUENT,
  /** The problem became critical: the priority is decided again. */
  CRITICAL,
  /** The customer solved it: the ticket closes. */
  SOLVED_BY_CUSTOMER,
  /** Any other information. */
  INFO
}
