package com.produsoft.supportdesk.intake.web;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

import com.produsoft.supportdesk.catalogue.Catalogue;
import com.produsoft.supportdesk.platform.EngineClock;
import com.produsoft.supportdesk.ticket.AttachmentRepository;
import com.produsoft.supportdesk.ticket.Downloads;
import com.produsoft.supportdesk.ticket.JournalRepository;
import com.produsoft.supportdesk.ticket.NewAttachment;
import com.produsoft.supportdesk.ticket.Ticket;
import com.produsoft.supportdesk.ticket.TicketIntake;
import com.produsoft.supportdesk.ticket.TicketRepository;
import com.produsoft.supportdesk.ticket.TicketUpdateRequest;
import com.produsoft.supportdesk.ticket.UpdateType;

/**
 * The customer's private status page, reached through the unguessable token of the confirmation mail (never the
 * EON number): the ticket's state, the messages exchanged, and a form for news (C8.1) and files.
 */
@Controller
@RequestMapping(SupportWebConfig.PAGES + "/status/{token}")
class StatusPageController {

  static final String FORM = "updateForm";
  private static final String AUTHOR = "customer";

  private final TicketIntake intake;
  private final TicketRepository tickets;
  private final JournalRepository journal;
  private final AttachmentRepository attachments;
  private final Catalogue catalogue;
  private final FormInput input;

  StatusPageController(TicketIntake intake, TicketRepository tickets, JournalRepository journal,
      AttachmentRepository attachments, Catalogue catalogue, FormInput input) {
    this.intake = intake;
    this.tickets = tickets;
    this.journal = journal;
    this.attachments = attachments;
    this.catalogue = catalogue;
    this.input = input;
  }

  /** A line of the ticket's story as the customer sees it: who wrote it (the customer or support) and when. */
  record Line(ZonedDateTime at, boolean fromCustomer, String text) {
  }

  @GetMapping
  ModelAndView page(@PathVariable String token) {
    return ticket(token).map(ticket -> page(ticket, new UpdateForm())).orElseGet(StatusPageController::notFound);
  }

  @PostMapping
  ModelAndView addUpdate(@PathVariable String token, @ModelAttribute(FORM) UpdateForm form, BindingResult errors) {
    Optional<Ticket> found = ticket(token);
    if (found.isEmpty()) {
      return notFound();
    }
    Ticket ticket = found.get();
    TicketUpdateRequest update = form.toRequest();
    input.validate(update, errors);
    List<NewAttachment> files = input.files(form.getAttachments());
    input.checkFiles(files, errors);
    if (errors.hasErrors()) {
      // The form and its errors are in the model already, bound by @ModelAttribute.
      ModelAndView page = page(ticket, form);
      page.addObject("reselectFiles", !files.isEmpty());
      return page;
    }
    Ticket updated = intake.addUpdate(ticket.getEonNumber(), UpdateType.valueOf(update.type()),
        update.message(), AUTHOR, files).ticket();
    // POST-redirect-GET; a follow-up on a long-closed ticket becomes a new ticket with its own page.
    return new ModelAndView("redirect:" + SupportWebConfig.PAGES + "/status/" + updated.getStatusToken()
        + "?updated");
  }

  /** A file of the ticket (the customer's own, or one support sent with a message), as a download. */
  @GetMapping("/files/{fileId}")
  @Transactional(readOnly = true)
  ResponseEntity<byte[]> file(@PathVariable String token, @PathVariable long fileId) {
    return ticket(token)
        .flatMap(ticket -> attachments.findById(fileId).filter(file -> file.getTicket().getId().equals(ticket.getId())))
        .map(Downloads::attachment)
        .orElseGet(() -> ResponseEntity.notFound().build());
  }

  private Optional<Ticket> ticket(String token) {
    return tickets.findByStatusToken(token);
  }

  private ModelAndView page(Ticket ticket, UpdateForm form) {
    ModelAndView page = new ModelAndView("support/status");
    page.addObject("ticket", ticket);
    page.addObject("productName", catalogue.name(ticket.getProductCode()));
    page.addObject("registeredAt", ZonedDateTime.ofInstant(ticket.getRegisteredAt(), EngineClock.BRUSSELS));
    page.addObject("lines", journal.findByTicketOrderByCreatedAtAscIdAsc(ticket).stream()
        // Only customer-facing text, in the customer's language (issue 17): never the journal's internal notes.
        .filter(entry -> entry.getPublicText() != null)
        .map(entry -> new Line(ZonedDateTime.ofInstant(entry.getCreatedAt(), EngineClock.BRUSSELS),
            entry.isFromCustomer(), entry.getPublicText()))
        .toList());
    page.addObject("files", attachments.filesOf(ticket));
    page.addObject("updateTypes", UpdateType.values());
    page.addObject("limits", input.uploadLimits());
    page.addObject(FORM, form);
    return page;
  }

  /** The same page for a wrong token as for a ticket that is gone: no hint whether a ticket exists. */
  static ModelAndView notFound() {
    return new ModelAndView("support/not-found", HttpStatus.NOT_FOUND);
  }
}
