package com.produsoft.supportdesk.intake.web;

import java.util.List;

import org.springframework.web.multipart.MultipartFile;

import com.produsoft.supportdesk.ticket.TicketUpdateRequest;

/** C8.1 news from the status page: judged by {@link TicketUpdateRequest}'s validation, plus files. */
public class UpdateForm {

  private String type;
  private String message;
  private List<MultipartFile> attachments = List.of();

  TicketUpdateRequest toRequest() {
    return new TicketUpdateRequest(type, message == null || message.isBlank() ? null : message);
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  public List<MultipartFile> getAttachments() {
    return attachments;
  }

  public void setAttachments(List<MultipartFile> attachments) {
    this.attachments = attachments == null ? List.of() : attachments;
  }
}
