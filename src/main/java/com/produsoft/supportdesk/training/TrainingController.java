package com.produsoft.supportdesk.training;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.produsoft.supportdesk.customer.Language;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Trainings and user days for staff and integrations (C11): the coordinator organises user days; the coordinator,
 * the administration and the support leads read sessions, register customers and cancel registrations.
 * Customers register on the web page {@code /support/trainings/{sessionId}}.
 */
@RestController
@RequestMapping("/api")
class TrainingController {

  private final TrainingService trainings;

  TrainingController(TrainingService trainings) {
    this.trainings = trainings;
  }

  record UserDayRequest(@NotNull LocalDate day, @Min(1) int seats, @NotBlank @Size(max = 200) String place,
      @NotBlank @Size(max = 4000) String programme, @NotNull @DecimalMin("0") BigDecimal feeForOthers) {
  }

  record RegistrationView(Long id, String companyName, String contactName, String email, Language language,
      int persons, boolean underContract, BigDecimal pricePerDay, BigDecimal totalPrice,
      TrainingRegistration.Status status, Instant registeredAt) {

    static RegistrationView of(TrainingRegistration registration) {
      return new RegistrationView(registration.getId(), registration.getCompanyName(),
          registration.getContactName(), registration.getEmail(), registration.getLanguage(),
          registration.getPersons(), registration.isUnderContract(), registration.getPricePerDay(),
          registration.getTotalPrice(), registration.getStatus(), registration.getRegisteredAt());
    }
  }

  record SessionView(Long id, TrainingKind kind, String product, String version, LocalDate firstDay, int days,
      int seats, String place, String programme, BigDecimal feeForOthers, TrainingSession.Status status,
      List<RegistrationView> registrations) {

    static SessionView of(TrainingSession session, List<TrainingRegistration> registrations) {
      return new SessionView(session.getId(), session.getKind(), session.getProductCode(),
          session.getProductVersion(), session.getFirstDay(), session.getDays(), session.getSeats(),
          session.getPlace(), session.getProgramme(), session.getFeeForOthers(), session.getStatus(),
          registrations.stream().map(RegistrationView::of).toList());
    }
  }

  record Cancellation(Long cancelled, List<RegistrationView> confirmedFromWaitingList) {
  }

  /** C11.3: organises a user day; the invitations to contract customers follow asynchronously. */
  @PostMapping("/user-days")
  ResponseEntity<SessionView> organiseUserDay(@Valid @RequestBody UserDayRequest request) {
    TrainingSession userDay = trainings.startUserDay(request.day(), request.seats(), request.place().strip(),
        request.programme().strip(), request.feeForOthers());
    return ResponseEntity.created(URI.create("/api/trainings/" + userDay.getId()))
        .body(SessionView.of(userDay, List.of()));
  }

  @GetMapping("/trainings/{sessionId}")
  SessionView session(@PathVariable Long sessionId) {
    return SessionView.of(trainings.session(sessionId), trainings.registrations(sessionId));
  }

  /** C11.2: registers persons at the decided price; confirmed or on the waiting list; mailed asynchronously. */
  @PostMapping("/trainings/{sessionId}/registrations")
  ResponseEntity<RegistrationView> register(@PathVariable Long sessionId,
      @Valid @RequestBody RegistrationRequest request) {
    TrainingRegistration registration = trainings.register(sessionId, request);
    return ResponseEntity.status(HttpStatus.CREATED).body(RegistrationView.of(registration));
  }

  /** Frees the registration's seats for the first on the waiting list. */
  @DeleteMapping("/trainings/{sessionId}/registrations/{registrationId}")
  Cancellation cancel(@PathVariable Long sessionId, @PathVariable Long registrationId) {
    return new Cancellation(registrationId, trainings.cancel(sessionId, registrationId).stream()
        .map(RegistrationView::of).toList());
  }

  @ExceptionHandler(TrainingNotFoundException.class)
  ProblemDetail notFound(TrainingNotFoundException ex) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
  }

  /** A session's facts the model refuses: a day not after today, no seats. */
  @ExceptionHandler(IllegalArgumentException.class)
  ProblemDetail badRequest(IllegalArgumentException ex) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
  }

  @ExceptionHandler(TrainingStateException.class)
  ProblemDetail conflict(TrainingStateException ex) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
  }
}
