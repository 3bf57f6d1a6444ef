package com.produsoft.supportdesk.customer;

/** The language in which the customer is answered. */
public enum Language {
  NL, EN, FR;

  /**
   * The language of the mails and letters written to a customer of this language: they exist in Dutch and English;
   * a French-speaking customer is written to in English, as the register did before it knew French.
   */
  public Language written() {
    return this == FR ? EN : this;
  }
}
