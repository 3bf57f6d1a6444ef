package com.produsoft.supportdesk.platform.web;

import java.util.List;

import com.produsoft.supportdesk.platform.web.ApiErrors.FieldProblem;

/** Input refused field by field: 400 with each field's problem (see {@link ApiErrors}). */
public abstract class FieldsRefusedException extends RuntimeException {

  protected FieldsRefusedException(String message) {
    super(message);
  }

  public abstract List<FieldProblem> fieldProblems();
}
