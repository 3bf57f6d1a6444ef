package com.produsoft.supportdesk.ticket;

/** C5: how a registration reached Produsoft, in the charter's order of preference. */
public enum Channel {
  /** C5.1 the support form on the website. */
  WEB,
  /** C5.2 mail to the product's support address. */
  MAIL,
  /** C5.3 phone, for urgent cases; registered by an engineer. */
  PHONE
}
