package com.produsoft.supportdesk.contract;

import java.util.List;
import java.util.stream.Collectors;

import com.produsoft.supportdesk.platform.web.ApiErrors.FieldProblem;

/** A licence sale that cannot be registered; every bad field is named and nothing was stored. */
public class LicenceSaleRejectedException extends RuntimeException {

  private final transient List<FieldProblem> problems;

  public LicenceSaleRejectedException(List<FieldProblem> problems) {
    super("Licence sale not registered: " + problems.stream()
        .map(problem -> problem.field() + " " + problem.message())
        .collect(Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  public List<FieldProblem> problems() {
    return problems;
  }
}
