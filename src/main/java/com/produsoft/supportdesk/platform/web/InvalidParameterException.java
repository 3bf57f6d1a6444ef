package com.produsoft.supportdesk.platform.web;

/** A request parameter that is well-formed but not acceptable, e.g. a period that ends before it starts: 400. */
public class InvalidParameterException extends RuntimeException {

  private final String parameter;

  public InvalidParameterException(String parameter, String message) {
    super(parameter + " " + message);
    this.parameter = parameter;
  }

  public String parameter() {
    return parameter;
  }

  /** What is wrong, without the parameter's name. */
  public String problem() {
    return getMessage().substring(parameter.length() + 1);
  }
}
