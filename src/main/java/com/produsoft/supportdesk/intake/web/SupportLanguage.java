package com.produsoft.supportdesk.intake.web;

import java.util.Locale;

/** The two languages of the customers' pages: Dutch by default, English on request. */
final class SupportLanguage {

  private SupportLanguage() {
  }

  /** {@code en} or {@code nl}, as a ticket's language field expects it; any other locale gets the Dutch pages. */
  static String of(Locale locale) {
    return "en".equals(locale.getLanguage()) ? "en" : "nl";
  }
}
