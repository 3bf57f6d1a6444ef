package com.produsoft.supportdesk.customer;

/** The language in which the customer is answered. */
public enum Language {
  NL, EN
}
