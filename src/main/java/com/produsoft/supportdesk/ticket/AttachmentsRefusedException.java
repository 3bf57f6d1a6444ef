package com.produsoft.supportdesk.ticket;

import java.util.List;
import java.util.stream.Collectors;

import com.produsoft.supportdesk.platform.web.ApiErrors.FieldProblem;
import com.produsoft.supportdesk.platform.web.FieldsRefusedException;

/** Files the attachment policy refuses; nothing of the registration or update is stored. */
public class AttachmentsRefusedException extends FieldsRefusedException {

  private final transient List<AttachmentPolicy.Violation> violations;

  public AttachmentsRefusedException(List<AttachmentPolicy.Violation> violations) {
    super("Attachments refused: " + violations.stream()
        .map(v -> (v.fileName() == null ? "" : v.fileName() + " ") + v.reason())
        .collect(Collectors.joining(", ")));
    this.violations = List.copyOf(violations);
  }

  public List<AttachmentPolicy.Violation> violations() {
    return violations;
  }

  /** Each refused file as a field of its own ({@code attachments.name.pdf}); a refusal of them all as "attachments". */
  @Override
  public List<FieldProblem> fieldProblems() {
    return violations.stream()
        .map(v -> new FieldProblem(v.fileName() == null ? "attachments" : "attachments." + v.fileName(),
            v.reason().name()))
        .toList();
  }
}
