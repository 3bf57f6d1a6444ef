package com.produsoft.supportdesk.intake.web;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors of the customers' pages as a page in their language, never a stack trace nor the JSON problems that
 * {@code ApiErrors} gives API clients (this advice is asked first).
 */
@ControllerAdvice(assignableTypes = {SupportFormController.class, StatusPageController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class SupportPageErrors {

  private static final Logger LOG = LoggerFactory.getLogger(SupportPageErrors.class);

  /** The ticket's process is between steps and cannot take the news right now. */
  @ExceptionHandler(MismatchingMessageCorrelationException.class)
  ModelAndView notNow(MismatchingMessageCorrelationException e) {
    LOG.warn("A customer's update did not fit the ticket's process: {}", e.getMessage());
    return page("error.notNow", HttpStatus.CONFLICT);
  }

  @ExceptionHandler(Exception.class)
  ModelAndView failed(Exception e) {
    HttpStatusCode status = e instanceof ErrorResponse response ? response.getStatusCode()
        : HttpStatus.INTERNAL_SERVER_ERROR;
    if (status.is5xxServerError()) {
      LOG.error("The support pages failed", e);
    }
    return page(status.value() == HttpStatus.PAYLOAD_TOO_LARGE.value() ? "error.tooLarge" : "error.general", status);
  }

  private static ModelAndView page(String messageKey, HttpStatusCode status) {
    ModelAndView page = new ModelAndView("support/error", status);
    page.addObject("messageKey", messageKey);
    return page;
  }
}
