package com.produsoft.supportdesk.training;

import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

import com.produsoft.supportdesk.catalogue.Catalogue;
import com.produsoft.supportdesk.customer.Language;

import jakarta.validation.Valid;

/**
 * The customers' registration page of a session (C11), linked from the offer and invitation mails; part of the
 * support pages (layout, CSRF, Dutch and English, no JavaScript). The price comes in the confirmation (C11.2).
 */
@Controller
@RequestMapping("/support/trainings/{sessionId}")
class TrainingPageController {

  private static final String FORM = "trainingForm";

  private final TrainingService trainings;
  private final Catalogue catalogue;

  TrainingPageController(TrainingService trainings, Catalogue catalogue) {
    this.trainings = trainings;
    this.catalogue = catalogue;
  }

  @GetMapping
  ModelAndView page(@PathVariable String sessionId) {
    return page(sessionId, new TrainingForm());
  }

  @PostMapping
  ModelAndView register(@PathVariable String sessionId, @Valid @ModelAttribute(FORM) TrainingForm form,
      BindingResult errors, Locale locale) {
    if (errors.hasErrors()) {
      return page(sessionId, form);
    }
    try {
      TrainingRegistration registration = trainings.register(Long.valueOf(sessionId), new RegistrationRequest(
          form.getCompanyName(), form.getContactName(), form.getContactEmail(), form.getPersons(),
          "en".equals(locale.getLanguage()) ? Language.EN : Language.NL), form.getSubmissionKey());
      return withSession(new ModelAndView("support/training/registered"), registration.getSession())
          .addObject("registration", registration);
    } catch (TrainingStateException refused) {
      errors.reject("training.refused");
      return page(sessionId, form);
    }
  }

  private ModelAndView page(String sessionId, TrainingForm form) {
    try {
      return withSession(new ModelAndView("support/training/register"), trainings.session(Long.valueOf(sessionId)))
          .addObject(FORM, form);
    } catch (TrainingNotFoundException | NumberFormatException unknown) {
      return new ModelAndView("support/not-found", HttpStatus.NOT_FOUND);
    }
  }

  private ModelAndView withSession(ModelAndView page, TrainingSession session) {
    return page.addObject("training", session).addObject("productName", session.getProductCode() == null ? null
        : catalogue.name(session.getProductCode()));
  }
}
