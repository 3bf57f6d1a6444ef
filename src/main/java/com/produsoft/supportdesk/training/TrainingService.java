package com.produsoft.supportdesk.training;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.produsoft.supportdesk.customer.Contact;
import com.produsoft.supportdesk.customer.ContactRepository;
import com.produsoft.supportdesk.customer.Customer;
import com.produsoft.supportdesk.customer.Language;
import com.produsoft.supportdesk.platform.EngineClock;
import com.produsoft.supportdesk.training.TrainingRegistration.Status;

/**
 * Sessions, registrations, seats and the waiting list (C11). Every session lives in a
 * {@code TrainingRegistrationProcess} instance (variable {@code sessionId}); a registration and a freed seat are
 * messages to it, so that their mails go out asynchronously, with retries, only once the registration is stored.
 */
@Service
@Transactional
public class TrainingService {

  public static final String PROCESS_KEY = "TrainingRegistrationProcess";
  /** Starts the process when a release is registered (C11.1). */
  public static final String UPDATE_TRAINING_TO_PLAN = "UpdateTrainingToPlan";
  public static final String REGISTRATION_RECEIVED = "TrainingRegistrationReceived";
  public static final String SEAT_FREED = "TrainingSeatFreed";

  private final TrainingSessionRepository sessions;
  private final TrainingRegistrationRepository registrations;
  private final ContactRepository contacts;
  private final ContractCustomers contractCustomers;
  private final TrainingPrices prices;
  private final TrainingMails mails;
  private final RuntimeService runtimeService;

  public TrainingService(TrainingSessionRepository sessions, TrainingRegistrationRepository registrations,
      ContactRepository contacts, ContractCustomers contractCustomers, TrainingPrices prices, TrainingMails mails,
      RuntimeService runtimeService) {
    this.sessions = sessions;
    this.registrations = registrations;
    this.contacts = contacts;
    this.contractCustomers = contractCustomers;
    this.prices = prices;
    this.mails = mails;
    this.runtimeService = runtimeService;
  }

  /** C11.1: the coordinator planned the update training of a release. */
  public TrainingSession openUpdateTraining(String productCode, String version, TrainingKind kind,
      LocalDate firstDay, int days, int seats, String place) {
    requireFuture(firstDay);
    return sessions.save(TrainingSession.updateTraining(productCode, version, kind, firstDay, days, seats, place));
  }

  /** C11.3: the coordinator organised a user day. */
  public TrainingSession organiseUserDay(LocalDate day, int seats, String place, String programme,
      BigDecimal feeForOthers) {
    requireFuture(day);
    return sessions.save(TrainingSession.userDay(day, seats, place, programme, feeForOthers));
  }

  /**
   * C11.3 from the API: starts the process as Tasklist's start form "Organise user day" does; its first step
   * stores the user day, and the invitations follow asynchronously.
   */
  public TrainingSession startUserDay(LocalDate day, int seats, String place, String programme,
      BigDecimal feeForOthers) {
    Map<String, Object> form = new HashMap<>();
    form.put("day", day.toString());
    form.put("seats", seats);
    form.put("place", place);
    form.put("programme", programme);
    form.put("feeForOthers", feeForOthers.toPlainString());
    Long sessionId = (Long) runtimeService.createProcessInstanceByKey(PROCESS_KEY).setVariables(form)
        .executeWithVariablesInReturn().getVariables().get("sessionId");
    return session(sessionId);
  }

  @Transactional(readOnly = true)
  public TrainingSession session(Long sessionId) {
    return sessions.findById(sessionId)
        .orElseThrow(() -> new TrainingNotFoundException("No training session " + sessionId));
  }

  @Transactional(readOnly = true)
  public List<TrainingRegistration> registrations(Long sessionId) {
    session(sessionId);
    return registrations.findBySessionIdOrderByRegisteredAtAscIdAsc(sessionId);
  }

  public void close(Long sessionId) {
    session(sessionId).close();
  }

  /**
   * Registers persons for an open session at the price of the TrainingPrice decision (C11.2); the contract rate
   * (C11.1, C3.7, C11.3) applies when the address is a contact of a customer under contract today. Confirmed while
   * seats remain and nobody waits; otherwise on the waiting list.
   */
  public TrainingRegistration register(Long sessionId, RegistrationRequest request) {
    return register(sessionId, request, null);
  }

  /**
   * A registration from the web page: the same one-time key (a double submit, a refreshed page) answers the
   * registration made with it. The session's lock orders concurrent submits, so the look-up is safe.
   */
  public TrainingRegistration register(Long sessionId, RegistrationRequest request, String submissionKey) {
    TrainingSession session = lockedSession(sessionId);
    if (submissionKey != null) {
      Optional<TrainingRegistration> earlier = registrations.findBySubmissionKey(submissionKey);
      if (earlier.isPresent()) {
        return earlier.get();
      }
    }
    if (!session.isOpen()) {
      throw new TrainingStateException("Registrations for session " + sessionId + " are closed");
    }
    if (request.persons() > session.getSeats()) {
      throw new TrainingStateException("Session " + sessionId + " has " + session.getSeats() + " seats, not "
          + request.persons());
    }
    Customer customer = contacts.findByEmailIgnoringCase(request.email()).map(Contact::getCustomer).orElse(null);
    boolean underContract = customer != null
        && contractCustomers.isUnderContract(customer.getId(), EngineClock.today(), session.getProductCode());
    List<TrainingRegistration> earlier = registrations.findBySessionIdOrderByRegisteredAtAscIdAsc(sessionId);
    boolean someoneWaits = earlier.stream().anyMatch(registration -> registration.getStatus() == Status.WAITING);
    Status status = !someoneWaits && confirmedPersons(earlier) + request.persons() <= session.getSeats()
        ? Status.CONFIRMED : Status.WAITING;
    Language language = request.language() != null ? request.language()
        : customer != null ? customer.getLanguage() : Language.NL;
    TrainingRegistration registration = registrations.save(new TrainingRegistration(session, customer,
        customer != null ? customer.getCompanyName() : request.companyName().strip(), request.contactName().strip(),
        Contact.normalizeEmail(request.email()), language, request.persons(), underContract,
        prices.price(session, request.persons(), underContract), status, EngineClock.now()));
    registration.setSubmissionKey(submissionKey);
    tell(REGISTRATION_RECEIVED, registration);
    return registration;
  }

  /**
   * Cancels a registration before the session starts. The freed seats go to the waiting list in order: the first
   * waiting registration that fits is confirmed (and mailed), then the next, until one does not fit.
   *
   * @return the registrations confirmed from the waiting list
   */
  public List<TrainingRegistration> cancel(Long sessionId, Long registrationId) {
    TrainingSession session = lockedSession(sessionId);
    TrainingRegistration cancelled = registrations.findById(registrationId)
        .filter(registration -> registration.getSession().getId().equals(sessionId))
        .orElseThrow(() -> new TrainingNotFoundException("No registration " + registrationId + " for session "
            + sessionId));
    if (!session.isOpen() || cancelled.getStatus() == Status.CANCELLED) {
      throw new TrainingStateException("Registration " + registrationId + " can no longer be cancelled");
    }
    cancelled.cancel();
    List<TrainingRegistration> all = registrations.findBySessionIdOrderByRegisteredAtAscIdAsc(sessionId);
    int free = session.getSeats() - confirmedPersons(all);
    List<TrainingRegistration> promoted = new ArrayList<>();
    for (TrainingRegistration waiting : all.stream().filter(r -> r.getStatus() == Status.WAITING).toList()) {
      if (waiting.getPersons() > free) {
        break;
      }
      waiting.confirm();
      free -= waiting.getPersons();
      promoted.add(waiting);
      tell(SEAT_FREED, waiting);
    }
    return promoted;
  }

  /** The registration's confirmation or waiting-list mail (process step "Confirm registration"). */
  @Transactional(readOnly = true)
  public void mailConfirmation(Long registrationId) {
    mails.confirm(registration(registrationId));
  }

  /** The mail to the first on the waiting list that it got the freed seats (process step "Confirm freed seat"). */
  @Transactional(readOnly = true)
  public void mailSeatFreed(Long registrationId) {
    mails.seatFreed(registration(registrationId));
  }

  private TrainingRegistration registration(Long registrationId) {
    return registrations.findById(registrationId)
        .orElseThrow(() -> new TrainingNotFoundException("No registration " + registrationId));
  }

  private TrainingSession lockedSession(Long sessionId) {
    return sessions.findForUpdate(sessionId)
        .orElseThrow(() -> new TrainingNotFoundException("No training session " + sessionId));
  }

  /** Customers need time to register: a session is planned from tomorrow on. */
  private static void requireFuture(LocalDate firstDay) {
    if (!firstDay.isAfter(EngineClock.today())) {
      throw new IllegalArgumentException("The session must start after today, not on " + firstDay);
    }
  }

  private static int confirmedPersons(List<TrainingRegistration> registrations) {
    return registrations.stream().filter(registration -> registration.getStatus() == Status.CONFIRMED)
        .mapToInt(TrainingRegistration::getPersons).sum();
  }

  /**
   * A message to the session's process; its event subprocess mails asynchronously. The id is transient: the
   * subprocess keeps its own copy, and nothing is left on the process for the next message to overwrite.
   */
  private void tell(String message, TrainingRegistration registration) {
    runtimeService.createMessageCorrelation(message)
        .processInstanceVariableEquals("sessionId", registration.getSession().getId())
        .setVariable("registrationId", Variables.longValue(registration.getId(), true))
        .correlate();
  }
}
