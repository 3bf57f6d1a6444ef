package com.produsoft.supportdesk.ticket;

import java.util.List;
import java.util.stream.Collectors;

/** Files the attachment policy refuses; nothing of the registration or update is stored. */
public class AttachmentsRefusedException extends RuntimeException {

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
}
