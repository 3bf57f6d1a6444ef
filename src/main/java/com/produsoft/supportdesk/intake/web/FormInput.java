package com.produsoft.supportdesk.intake.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;
import org.springframework.web.multipart.MultipartFile;

import com.produsoft.supportdesk.ticket.AttachmentPolicy;
import com.produsoft.supportdesk.ticket.NewAttachment;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Turns what a customer posted into what the ticket service takes, and every objection (bean validation of the
 * registration or update, the attachment policy) into a field error whose message codes the pages translate:
 * {@code NotBlank.companyName}, {@code Pattern.phone}, {@code attachment.EXECUTABLE}, ...
 */
@Component
class FormInput {

  static final String ATTACHMENTS = "attachments";
  private static final long MEGABYTE = 1024 * 1024;

  private final Validator validator;
  private final AttachmentPolicy attachmentPolicy;

  FormInput(Validator validator, AttachmentPolicy attachmentPolicy) {
    this.validator = validator;
    this.attachmentPolicy = attachmentPolicy;
  }

  /**
   * Rejects the form's field for each violation of the value's constraints; one message per field, "fill this in"
   * before "not valid" when an empty field breaks both.
   */
  void validate(Object value, Errors errors) {
    List<ConstraintViolation<Object>> violations = validator.validate(value).stream()
        .sorted(Comparator.comparing(violation -> !isPresence(violation)))
        .toList();
    for (ConstraintViolation<Object> violation : violations) {
      // "earlierCallNumbers[0].<list element>" belongs to the form's one earlierCallNumbers field.
      Path.Node property = violation.getPropertyPath().iterator().next();
      String field = property.getName();
      if (!errors.hasFieldErrors(field)) {
        String constraint = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        Object max = violation.getConstraintDescriptor().getAttributes().get("max");
        errors.rejectValue(field, constraint, max == null ? null : new Object[] {max}, violation.getMessage());
      }
    }
  }

  private static boolean isPresence(ConstraintViolation<?> violation) {
    Class<?> constraint = violation.getConstraintDescriptor().getAnnotation().annotationType();
    return constraint == NotBlank.class || constraint == NotNull.class;
  }

  /** The files chosen; a file input left empty still sends a nameless, empty part, which is no file. */
  List<NewAttachment> files(List<MultipartFile> parts) {
    return parts.stream()
        .filter(part -> !(part.isEmpty() && (part.getOriginalFilename() == null || part.getOriginalFilename().isEmpty())))
        .map(FormInput::attachment)
        .toList();
  }

  /** C4.7: every file the policy refuses, named next to the attachments field. */
  void checkFiles(List<NewAttachment> files, Errors errors) {
    UploadLimits limits = uploadLimits();
    for (AttachmentPolicy.Violation violation : attachmentPolicy.check(files)) {
      errors.rejectValue(ATTACHMENTS, "attachment." + violation.reason().name(),
          new Object[] {violation.fileName(), limits.fileMegabytes(), limits.ticketMegabytes(), limits.files()},
          violation.reason().name());
    }
  }

  /** The attachment limits as the pages state them (C4.7). */
  record UploadLimits(long fileMegabytes, long ticketMegabytes, int files) {
  }

  UploadLimits uploadLimits() {
    AttachmentPolicy.Limits limits = attachmentPolicy.limits();
    return new UploadLimits(megabytes(limits.maxFileBytes()), megabytes(limits.maxTicketBytes()), limits.maxFiles());
  }

  private static long megabytes(long bytes) {
    return bytes / MEGABYTE;
  }

  private static NewAttachment attachment(MultipartFile part) {
    try {
      return new NewAttachment(part.getOriginalFilename(), part.getContentType(), part.getBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the uploaded file " + part.getOriginalFilename(), e);
    }
  }
}
