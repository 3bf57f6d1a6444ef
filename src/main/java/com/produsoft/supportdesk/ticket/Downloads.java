package com.produsoft.supportdesk.ticket;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * Issue 17 item 2: a ticket's file for the staff, linked from every ticket task form and the ticket dossier, with
 * the Tasklist session. Only who may see the ticket opens it ({@link TicketAccess}): 403 for another team and for
 * users who work with no tickets, 404 for an unknown ticket or a file that is not the ticket's. The file always
 * downloads (never shown inline), so that what a customer sent cannot run as a page of ours.
 */
@Controller
public class Downloads {

  static final String PATH = "/staff/tickets/{eonNumber}/files/{fileId}";

  private final TicketAccess access;
  private final AttachmentRepository attachments;

  Downloads(TicketAccess access, AttachmentRepository attachments) {
    this.access = access;
    this.attachments = attachments;
  }

  static String url(String eonNumber, long fileId) {
    return "/staff/tickets/" + eonNumber + "/files/" + fileId;
  }

  @GetMapping(PATH)
  @Transactional(readOnly = true)
  ResponseEntity<byte[]> download(@PathVariable String eonNumber, @PathVariable long fileId, Authentication login) {
    Ticket ticket = access.staffTicket(eonNumber, login, false);
    Attachment file = attachments.findById(fileId)
        .filter(found -> found.getTicket().getId().equals(ticket.getId()))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No file " + fileId + " in "
            + ticket.getEonNumber()));
    return attachment(file);
  }

  /** The file as a download under its own name, for the staff and for the customer's status page. */
  public static ResponseEntity<byte[]> attachment(Attachment file) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_OCTET_STREAM)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(file.getFileName(), StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .body(file.getContent());
  }
}
