package com.produsoft.supportdesk.intake.web;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

import com.produsoft.supportdesk.calendar.OfficeHours;
import com.produsoft.supportdesk.catalogue.Catalogue;
import com.produsoft.supportdesk.platform.EngineClock;
import com.produsoft.supportdesk.ticket.Channel;
import com.produsoft.supportdesk.ticket.IdempotencyKeyReusedException;
import com.produsoft.supportdesk.ticket.NewAttachment;
import com.produsoft.supportdesk.ticket.Ticket;
import com.produsoft.supportdesk.ticket.TicketCategory;
import com.produsoft.supportdesk.ticket.TicketIntake;
import com.produsoft.supportdesk.ticket.TicketProperties;
import com.produsoft.supportdesk.ticket.TicketRegistration;
import com.produsoft.supportdesk.ticket.TicketRepository;

/**
 * C5.1 the preferred channel: the support form on the website. It asks for every C4 item, the product, the
 * category (C7, required) and whether production stands still (C5.3), and answers with the EON call number.
 */
@Controller
@RequestMapping(SupportWebConfig.PAGES)
class SupportFormController {

  static final String FORM = "supportForm";
  /** Our own keys are UUIDs; anything else posted in their place is dropped rather than stored. */
  private static final String IDEMPOTENCY_KEY = "[A-Za-z0-9-]{8,100}";

  private final TicketIntake intake;
  private final TicketRepository tickets;
  private final Catalogue catalogue;
  private final FormInput input;
  private final OfficeHours officeHours;
  private final TicketProperties properties;

  SupportFormController(TicketIntake intake, TicketRepository tickets, Catalogue catalogue,
      FormInput input, OfficeHours officeHours, TicketProperties properties) {
    this.intake = intake;
    this.tickets = tickets;
    this.catalogue = catalogue;
    this.input = input;
    this.officeHours = officeHours;
    this.properties = properties;
  }

  @ModelAttribute
  void choices(Model model) {
    model.addAttribute("products", catalogue.products());
    model.addAttribute("categories", TicketCategory.values());
    model.addAttribute("limits", input.uploadLimits());
  }

  @GetMapping
  String form(Model model) {
    SupportForm form = new SupportForm();
    form.setIdempotencyKey(UUID.randomUUID().toString());
    model.addAttribute(FORM, form);
    return "support/form";
  }

  @PostMapping
  String register(@ModelAttribute(FORM) SupportForm form, BindingResult errors, Locale locale, Model model) {
    TicketRegistration registration = form.toRegistration(locale);
    input.validate(registration, errors);
    List<NewAttachment> files = input.files(form.getAttachments());
    input.checkFiles(files, errors);
    if (errors.hasErrors()) {
      // Browsers never refill a file input: the customer must choose the files again.
      model.addAttribute("reselectFiles", !files.isEmpty());
      return "support/form";
    }
    String key = form.getIdempotencyKey() != null && form.getIdempotencyKey().matches(IDEMPOTENCY_KEY)
        ? form.getIdempotencyKey() : null;
    Ticket ticket;
    try {
      ticket = register(registration, key, files);
    } catch (IdempotencyKeyReusedException changedAfterSending) {
      // The customer went back after sending and changed the form: a new registration needs a new key.
      form.setIdempotencyKey(UUID.randomUUID().toString());
      errors.reject("form.alreadySent");
      model.addAttribute("reselectFiles", !files.isEmpty());
      return "support/form";
    }
    return "redirect:" + SupportWebConfig.PAGES + "/registered/" + ticket.getStatusToken();
  }

  private Ticket register(TicketRegistration registration, String key, List<NewAttachment> files) {
    return intake.register(registration, Channel.WEB, key, files).ticket();
  }

  /** The confirmation: EON call number, what happens next (C5.4, C6) and the private status link. */
  @GetMapping("/registered/{token}")
  ModelAndView registered(@PathVariable String token) {
    return tickets.findByStatusToken(token)
        .map(ticket -> {
          Instant now = EngineClock.now();
          ModelAndView page = new ModelAndView("support/registered");
          page.addObject("ticket", ticket);
          page.addObject("productName", catalogue.name(ticket.getProductCode()));
          page.addObject("statusUrl", properties.statusPageUrl(ticket));
          page.addObject("statusPath", SupportWebConfig.PAGES + "/status/" + token);
          page.addObject("openNow", officeHours.isOpen(now));
          page.addObject("nextOpening", ZonedDateTime.ofInstant(officeHours.nextOpening(now), EngineClock.BRUSSELS));
          return page;
        })
        .orElseGet(StatusPageController::notFound);
  }
}
