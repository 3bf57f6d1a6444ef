package com.produsoft.supportdesk.platform.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * Every error of the JSON API as an RFC 9457 problem: a clear message, each bad field named, never a stack
 * trace. Bad input changes nothing: these answers come from before or instead of the transaction's commit.
 */
@RestControllerAdvice(basePackages = "com.produsoft.supportdesk")
public class ApiErrors extends ResponseEntityExceptionHandler {

  /**
   * A commit can fail on the client's side after the database stored it, so the answer promises nothing either way:
   * the client's retry with its Idempotency-Key gets the stored registration, or stores it now.
   */
  static final String DATABASE_UNAVAILABLE = "The support desk cannot reach its database right now. Please retry "
      + "shortly; a registration retried with the same Idempotency-Key is never stored twice.";

  /** A field and what is wrong with it. */
  public record FieldProblem(String field, String message) {
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldProblem> problems = ex.getBindingResult().getFieldErrors().stream()
        .map(error -> new FieldProblem(error.getField(), error.getDefaultMessage()))
        .sorted(Comparator.comparing(FieldProblem::field))
        .toList();
    return invalid(problems);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldProblem> problems = ex.getParameterValidationResults().stream()
        .flatMap(result -> result.getResolvableErrors().stream()
            .map(error -> new FieldProblem(parameterName(result.getMethodParameter().getParameterName(), error),
                error.getDefaultMessage())))
        .toList();
    return invalid(problems);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = mapping.getPath().stream()
          .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
          .collect(Collectors.joining("."))
          .replace(".[", "[");
      return invalid(List.of(new FieldProblem(field, "has the wrong type or format")));
    }
    if (RequestTooLargeException.causedBy(ex)) {
      return problem(HttpStatus.PAYLOAD_TOO_LARGE, "The request body is too large");
    }
    return problem(HttpStatus.BAD_REQUEST, "The request body is not valid JSON");
  }

  /** A missing query parameter, named in the problem's errors like a bad field. */
  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return invalid(List.of(new FieldProblem(ex.getParameterName(), "is required")));
  }

  /** A query or path parameter that does not parse (a date that is no ISO date, a number that is none). */
  @Override
  protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    String name = ex.getPropertyName() != null ? ex.getPropertyName() : "parameter";
    return invalid(List.of(new FieldProblem(name, "has the wrong type or format")));
  }

  @ExceptionHandler(InvalidParameterException.class)
  ResponseEntity<Object> invalidParameter(InvalidParameterException ex) {
    return invalid(List.of(new FieldProblem(ex.parameter(), ex.problem())));
  }

  @ExceptionHandler(FieldsRefusedException.class)
  ResponseEntity<Object> fieldsRefused(FieldsRefusedException ex) {
    return invalid(ex.fieldProblems());
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<Object> notFound(NotFoundException ex) {
    return problem(HttpStatus.NOT_FOUND, ex.getMessage());
  }

  @ExceptionHandler(UnprocessableRequestException.class)
  ResponseEntity<Object> unprocessable(UnprocessableRequestException ex) {
    return problem(HttpStatus.UNPROCESSABLE_ENTITY, ex.getMessage());
  }

  @ExceptionHandler(MismatchingMessageCorrelationException.class)
  ResponseEntity<Object> notNow(MismatchingMessageCorrelationException ex) {
    return problem(HttpStatus.CONFLICT, "The ticket cannot take this update in its current state");
  }

  @ExceptionHandler({CannotCreateTransactionException.class, DataAccessResourceFailureException.class,
      TransientDataAccessException.class})
  ResponseEntity<Object> databaseUnavailable(RuntimeException ex) {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, "30")
        .body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, DATABASE_UNAVAILABLE));
  }

  /**
   * The same outage seen through Camunda (MyBatis wraps the driver's or the pool's exception in its own) or through
   * a failed commit. Anything else keeps its usual handling: rethrown, Spring goes on with its other resolvers.
   */
  @ExceptionHandler(RuntimeException.class)
  ResponseEntity<Object> databaseConnectionLost(RuntimeException ex) {
    if (!DatabaseConnectionLoss.causes(ex)) {
      throw ex;
    }
    return databaseUnavailable(ex);
  }

  private static String parameterName(String parameter, org.springframework.context.MessageSourceResolvable error) {
    return error instanceof FieldError field ? field.getField() : parameter;
  }

  private static ResponseEntity<Object> invalid(List<FieldProblem> problems) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        problems.stream().map(p -> p.field() + " " + p.message()).collect(Collectors.joining("; ")));
    body.setTitle("Invalid request");
    body.setProperties(Map.of("errors", problems));
    return ResponseEntity.badRequest().body(body);
  }

  private static ResponseEntity<Object> problem(HttpStatus status, String detail) {
    return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
  }
}
