package com.produsoft.supportdesk.register;

import java.util.List;

/** A change the register refuses, naming every bad field; nothing was stored. */
public class RegisterRefusedException extends RuntimeException {

  private final transient List<Problem> problems;

  public RegisterRefusedException(List<Problem> problems) {
    super(problems.toString());
    this.problems = List.copyOf(problems);
  }

  public List<Problem> getProblems() {
    return problems;
  }
}
