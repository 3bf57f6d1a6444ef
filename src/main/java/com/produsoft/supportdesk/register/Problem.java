package com.produsoft.supportdesk.register;

import java.util.List;

/**
 * Why the register refuses a value: the form field (or CSV column) and a message code of {@code staff.properties}
 * ({@code register.error.*}) with its arguments, so that the page says it in the reader's language.
 */
public record Problem(String field, String code, List<Object> arguments) {

  public static Problem of(String field, String code, Object... arguments) {
    return new Problem(field, "register.error." + code, List.of(arguments));
  }
}
