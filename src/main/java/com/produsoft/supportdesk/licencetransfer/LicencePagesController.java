package com.produsoft.supportdesk.licencetransfer;

import java.time.ZonedDateTime;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import com.produsoft.supportdesk.platform.EngineClock;

/**
 * The customer's pages of a licence move (C10.1), with the support pages' layout, CSRF and languages: a page of
 * its own beside the support form ({@code /support/licence-move}: a move is no problem report), and the request's
 * private page behind the token of its mails ({@code /support/licence-requests/{token}}): accept or refuse the
 * quote (C3.5, C3.6, C3.8 without contract), confirm that the software works after the move.
 */
@Controller
class LicencePagesController {

  static final String FORM = "licenceMoveForm";
  private static final String MOVE_PAGE = "/support/licence-move";
  private static final String REQUEST_PAGES = "/support/licence-requests/";

  private final LicenceRequests requests;

  LicencePagesController(LicenceRequests requests) {
    this.requests = requests;
  }

  @GetMapping(MOVE_PAGE)
  ModelAndView form() {
    return form(new LicenceMoveForm());
  }

  @PostMapping(MOVE_PAGE)
  ModelAndView submit(@ModelAttribute(FORM) LicenceMoveForm form, BindingResult errors) {
    try {
      return redirectTo(requests.start(form.toRequest()), null);
    } catch (LicenceRequestInvalidException invalid) {
      for (String fault : invalid.getFaults()) {
        int colon = fault.indexOf(':');
        String field = fault.substring(0, colon).replace("contactEmail", "email");
        // One message per field in the customer's language; the service's English detail is the fallback.
        errors.rejectValue(field, "licence.invalid." + field, fault.substring(colon + 1).trim());
      }
      return form(form);
    }
  }

  @GetMapping(REQUEST_PAGES + "{token}")
  ModelAndView page(@PathVariable String token) {
    return requests.byToken(token).map(request -> {
      ModelAndView page = new ModelAndView("support/licence-request");
      page.addObject("request", request);
      page.addObject("appointment", request.getAppointment() == null ? null
          : ZonedDateTime.ofInstant(request.getAppointment(), EngineClock.BRUSSELS));
      return page;
    }).orElseGet(() -> new ModelAndView("support/not-found", HttpStatus.NOT_FOUND));
  }

  @PostMapping(REQUEST_PAGES + "{token}/quote")
  ModelAndView answerQuote(@PathVariable String token, @RequestParam boolean accepted) {
    return requests.byToken(token)
        .map(request -> redirectTo(request, requests.answerQuote(request.getId(), accepted) ? "answered" : null))
        .orElseGet(() -> new ModelAndView("support/not-found", HttpStatus.NOT_FOUND));
  }

  @PostMapping(REQUEST_PAGES + "{token}/confirmation")
  ModelAndView confirm(@PathVariable String token) {
    return requests.byToken(token)
        .map(request -> redirectTo(request, requests.confirm(request.getId()) ? "confirmed" : null))
        .orElseGet(() -> new ModelAndView("support/not-found", HttpStatus.NOT_FOUND));
  }

  private static ModelAndView form(LicenceMoveForm form) {
    return new ModelAndView("support/licence-move", Map.of(FORM, form, "reasons", TransferReason.values()));
  }

  /** POST-redirect-GET to the request's private page. */
  private static ModelAndView redirectTo(LicenceTransferRequest request, String flag) {
    return new ModelAndView("redirect:" + REQUEST_PAGES + request.getToken() + (flag == null ? "" : "?" + flag));
  }
}
