package com.produsoft.supportdesk.ticket;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriComponentsBuilder;

import com.produsoft.supportdesk.platform.EngineClock;

/**
 * Issue 17: the ticket dossier for the staff, linked from every ticket task form and signed in with the Tasklist
 * session (SecurityConfig's staff chain, CSRF on the form; no JavaScript). It shows the conversation with the
 * customer as the customer saw it, the appointments, the internal journal and the files (download links), and sends
 * the customer a message ({@link Conversation}). Who reads and who writes is {@link TicketAccess}'s: the ticket's
 * team, the leads and the admins write; managers read.
 */
@Controller
class TicketDossierController {

  static final String DOSSIER = "/staff/tickets/{eonNumber}";

  private final TicketAccess access;
  private final Conversation conversation;
  private final JournalRepository journal;
  private final AttachmentRepository attachments;

  TicketDossierController(TicketAccess access, Conversation conversation, JournalRepository journal,
      AttachmentRepository attachments) {
    this.access = access;
    this.conversation = conversation;
    this.journal = journal;
    this.attachments = attachments;
  }

  /** What the message form held, shown again with the error when it was refused. */
  record MessageForm(String kind, String text, String channel, String appointmentAt) {
    static MessageForm empty() {
      return new MessageForm(MessageKind.UPDATE.name(), "", CustomerMessage.Channel.PHONE.name(), "");
    }
  }

  /** A line of the journal: {@code publicText} is what the customer read, null for an internal note. */
  record Line(ZonedDateTime at, String author, boolean fromCustomer, String text, String publicText) {
  }

  @GetMapping(DOSSIER)
  @Transactional(readOnly = true)
  String dossier(@PathVariable String eonNumber, @RequestParam(required = false) String sent, Authentication login,
      Model model) {
    Ticket ticket = access.staffTicket(eonNumber, login, false);
    model.addAttribute("sent", Arrays.stream(MessageKind.values()).filter(known -> known.name().equals(sent))
        .findFirst().orElse(null));
    return page(ticket, login, MessageForm.empty(), null, model);
  }

  /** A form older than its CSRF cookie comes back here (RefusedFormPost): the dossier again, with a note. */
  @GetMapping(DOSSIER + "/messages")
  String expired(@PathVariable String eonNumber) {
    return "redirect:" + UriComponentsBuilder.fromPath("/staff/tickets/{eon}").queryParam("expired")
        .buildAndExpand(eonNumber).encode().toUriString();
  }

  /** Sends the message; on success 303 See Other to the dossier (POST-redirect-GET), else the form with the error. */
  @PostMapping(DOSSIER + "/messages")
  ModelAndView send(@PathVariable String eonNumber, @RequestParam(required = false) String kind,
      @RequestParam(required = false) String text, @RequestParam(required = false) String channel,
      @RequestParam(required = false) String appointmentAt,
      @RequestParam(name = "files", required = false) List<MultipartFile> files, Authentication login, Model model) {
    Ticket ticket = access.staffTicket(eonNumber, login, true);
    MessageForm form = new MessageForm(kind, text, channel, appointmentAt);
    String error;
    try {
      MessageKind messageKind = kind(kind);
      // A time given with another kind is refused (Conversation): the engineer may have meant an appointment.
      Conversation.Draft draft = new Conversation.Draft(messageKind, text, moment(appointmentAt),
          messageKind == MessageKind.APPOINTMENT ? channel(channel) : null, uploads(files));
      conversation.write(ticket.getEonNumber(), draft, login.getName());
      RedirectView dossier = new RedirectView("/staff/tickets/" + ticket.getEonNumber() + "?sent=" + messageKind.name(),
          true);
      dossier.setStatusCode(HttpStatus.SEE_OTHER);
      return new ModelAndView(dossier);
    } catch (Conversation.RefusedException refused) {
      error = refused.code();
    } catch (AttachmentsRefusedException refused) {
      error = "staff.message.error.files";
    } catch (OptimisticLockingException busy) {
      // A process step of the same ticket (a timer, a mail) committed meanwhile: nothing was stored or sent.
      error = "staff.message.error.busy";
    }
    return new ModelAndView(page(ticket, login, form, error, model));
  }

  private String page(Ticket ticket, Authentication login, MessageForm form, String error, Model model) {
    model.addAttribute("ticket", ticket);
    model.addAttribute("lines", journal.findByTicketOrderByCreatedAtAscIdAsc(ticket).stream()
        .map(entry -> new Line(ZonedDateTime.ofInstant(entry.getCreatedAt(), EngineClock.BRUSSELS), entry.getAuthor(),
            entry.isFromCustomer(), entry.getText(), entry.getPublicText()))
        .toList());
    model.addAttribute("appointments", conversation.thread(ticket).stream()
        .filter(message -> message.getKind() == MessageKind.APPOINTMENT).toList());
    model.addAttribute("files", attachments.filesOf(ticket));
    model.addAttribute("writable", access.allows(login, ticket.getProductCode(), true) && !ticket.isClosed());
    model.addAttribute("kinds", MessageKind.values());
    model.addAttribute("channels", CustomerMessage.Channel.values());
    model.addAttribute("form", form);
    model.addAttribute("error", error);
    model.addAttribute("zone", EngineClock.BRUSSELS);
    return "staff/ticket";
  }

  private static MessageKind kind(String kind) {
    try {
      return MessageKind.valueOf(kind == null ? "" : kind.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      throw new Conversation.RefusedException("staff.message.error.kind");
    }
  }

  private static CustomerMessage.Channel channel(String channel) {
    try {
      return CustomerMessage.Channel.valueOf(channel == null ? "" : channel.strip());
    } catch (IllegalArgumentException unknown) {
      throw new Conversation.RefusedException("staff.message.error.channel");
    }
  }

  /** The browser's datetime-local value (2026-04-07T10:00), Brussels time. */
  private static Instant moment(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDateTime.parse(value.strip()).atZone(EngineClock.BRUSSELS).toInstant();
    } catch (DateTimeParseException wrong) {
      throw new Conversation.RefusedException("staff.message.error.appointmentMissing");
    }
  }

  private static List<NewAttachment> uploads(List<MultipartFile> parts) {
    if (parts == null) {
      return List.of();
    }
    return parts.stream()
        .filter(part -> !(part.isEmpty() && (part.getOriginalFilename() == null || part.getOriginalFilename().isEmpty())))
        .map(part -> {
          try {
            return new NewAttachment(part.getOriginalFilename(), part.getContentType(), part.getBytes());
          } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the upload " + part.getOriginalFilename(), e);
          }
        })
        .toList();
  }
}
