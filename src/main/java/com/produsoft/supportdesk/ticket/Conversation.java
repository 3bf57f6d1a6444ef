package com.produsoft.supportdesk.ticket;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.produsoft.supportdesk.calendar.OfficeHours;
import com.produsoft.supportdesk.customer.Language;
import com.produsoft.supportdesk.platform.EngineClock;
import com.produsoft.supportdesk.platform.mail.Mail;

/**
 * Issue 17: while a ticket is open, an engineer writes the customer a message at any time (the staff dossier page,
 * {@code /staff/tickets/{eon}}): an update, a question, a solution or an appointment, in the customer's language,
 * with files. The message is stored and handed to TicketProcess in the engineer's transaction; the mail goes out
 * after it, on the process's own asynchronous step, so that a mail server outage never loses a message:
 * <ul>
 * <li>an update or an appointment starts the event subprocess "Message to customer" (message
 * {@value #MESSAGE_WRITTEN}); an appointment then waits for its time and gives the engineer the task to record how it
 * went;</li>
 * <li>a question or a solution ends the work on the ticket as the triage or the answer form would (messages
 * {@value #QUESTION_WRITTEN}, {@value #SOLUTION_WRITTEN}): the clocks pause until the reply, or the reopen period
 * starts.</li>
 * </ul>
 * Which SLA clock each kind satisfies is {@link SlaClocks#messageSent}'s.
 */
@Service
@Transactional
public class Conversation {

  public static final String MESSAGE_WRITTEN = "CustomerMessageWritten";
  public static final String QUESTION_WRITTEN = "QuestionWritten";
  public static final String SOLUTION_WRITTEN = "SolutionWritten";
  static final int MAX_TEXT = 10_000;
  private static final DateTimeFormatter STAFF_TIME = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm")
      .withZone(EngineClock.BRUSSELS);

  /** A message as the engineer wrote it; the appointment's time and channel only for an appointment. */
  public record Draft(MessageKind kind, String text, Instant appointmentAt, CustomerMessage.Channel channel,
      List<NewAttachment> files) {
  }

  /** Why a message was refused, as a message code of {@code staff.properties}; nothing was stored or sent. */
  public static class RefusedException extends RuntimeException {

    private final String code;

    RefusedException(String code) {
      super(code);
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  private final TicketRepository tickets;
  private final CustomerMessageRepository messages;
  private final AttachmentRepository attachments;
  private final AttachmentPolicy attachmentPolicy;
  private final JournalRepository journal;
  private final SlaClocks clocks;
  private final CustomerMails mails;
  private final OfficeHours officeHours;
  private final RuntimeService runtimeService;

  Conversation(TicketRepository tickets, CustomerMessageRepository messages, AttachmentRepository attachments,
      AttachmentPolicy attachmentPolicy, JournalRepository journal, SlaClocks clocks, CustomerMails mails,
      OfficeHours officeHours, RuntimeService runtimeService) {
    this.tickets = tickets;
    this.messages = messages;
    this.attachments = attachments;
    this.attachmentPolicy = attachmentPolicy;
    this.journal = journal;
    this.clocks = clocks;
    this.mails = mails;
    this.officeHours = officeHours;
    this.runtimeService = runtimeService;
  }

  /**
   * Stores the engineer's message with its files and hands it to the ticket's process. Refused, with nothing
   * stored: a closed ticket, an empty or too long text, an appointment without a channel or at a time in the past or
   * outside office hours (C6.1, C6.2), a question or a solution while nobody works on the ticket (it waits for the
   * customer, or the solution was sent) or while the bug is with the supplier (C7.2: its own tasks answer the
   * customer), and files the attachment policy refuses (C4.7).
   */
  public CustomerMessage write(String eonNumber, Draft draft, String author) {
    Ticket ticket = tickets.findByEonNumber(eonNumber).orElseThrow(() -> new TicketNotFoundException(eonNumber));
    refuseIfWrong(ticket, draft);
    List<AttachmentPolicy.Violation> violations = attachmentPolicy.check(draft.files());
    if (!violations.isEmpty()) {
      throw new AttachmentsRefusedException(violations);
    }
    Instant now = EngineClock.now();
    boolean appointment = draft.kind() == MessageKind.APPOINTMENT;
    CustomerMessage message = messages.save(new CustomerMessage(ticket, draft.kind(), draft.text().strip(), author,
        now, appointment ? draft.appointmentAt() : null, appointment ? draft.channel() : null));
    draft.files().forEach(file -> attachments.save(new Attachment(message, file, now)));
    journal.save(new JournalEntry(ticket, now, JournalEntryType.ENGINEER_NOTE, author, false,
        "Message to the customer (" + draft.kind() + (appointment ? " " + draft.channel() + " "
            + STAFF_TIME.format(draft.appointmentAt()) : "") + "), " + draft.files().size() + " file(s)"));
    switch (draft.kind()) {
      case UPDATE, APPOINTMENT -> runtimeService.createMessageCorrelation(MESSAGE_WRITTEN)
          .processInstanceBusinessKey(ticket.getEonNumber())
          .setVariablesToTriggeredScope(Map.of("customerMessageId", message.getId()))
          .correlateWithResult();
      case QUESTION -> correlateEndOfWork(ticket, QUESTION_WRITTEN, Map.of("customerMessageId", message.getId(),
          "questionToCustomer", message.getText()));
      case SOLUTION -> {
        ticket.setResolutionText(message.getText());
        correlateEndOfWork(ticket, SOLUTION_WRITTEN, Map.of("customerMessageId", message.getId()));
      }
    }
    return message;
  }

  private void refuseIfWrong(Ticket ticket, Draft draft) {
    if (ticket.isClosed() || ticket.getProcessInstanceId() == null) {
      throw new RefusedException("staff.message.error.closed");
    }
    if (draft.kind() == null) {
      throw new RefusedException("staff.message.error.kind");
    }
    if (draft.text() == null || draft.text().isBlank() || draft.text().length() > MAX_TEXT) {
      throw new RefusedException("staff.message.error.text");
    }
    if (draft.kind() == MessageKind.APPOINTMENT) {
      refuseIfWrongAppointment(draft);
    } else if (draft.appointmentAt() != null) {
      throw new RefusedException("staff.message.error.appointmentKind");
    }
    if (draft.kind() == MessageKind.QUESTION || draft.kind() == MessageKind.SOLUTION) {
      String pid = ticket.getProcessInstanceId();
      if (runtimeService.createProcessInstanceQuery().superProcessInstanceId(pid).count() > 0) {
        throw new RefusedException("staff.message.error.escalated");
      }
      String event = draft.kind() == MessageKind.QUESTION ? QUESTION_WRITTEN : SOLUTION_WRITTEN;
      if (runtimeService.createEventSubscriptionQuery().processInstanceId(pid).eventType("message")
          .eventName(event).count() == 0) {
        throw new RefusedException("staff.message.error.notInWork");
      }
    }
  }

  /** C6.1, C6.2, C5.4: an appointment in the future, wholly inside one opening block. */
  private void refuseIfWrongAppointment(Draft draft) {
    if (draft.channel() == null) {
      throw new RefusedException("staff.message.error.channel");
    }
    Instant at = draft.appointmentAt();
    if (at == null) {
      throw new RefusedException("staff.message.error.appointmentMissing");
    }
    if (!at.isAfter(EngineClock.now())) {
      throw new RefusedException("staff.message.error.appointmentPast");
    }
    Instant lastMinute = at.plus(AppointmentInvitation.LENGTH).minusSeconds(60);
    if (!officeHours.isOpen(at) || !officeHours.isOpen(lastMinute)
        || officeHours.officeTimeBetween(at, lastMinute).compareTo(AppointmentInvitation.LENGTH.minusSeconds(60)) < 0) {
      throw new RefusedException("staff.message.error.appointmentClosed");
    }
  }

  private void correlateEndOfWork(Ticket ticket, String message, Map<String, Object> variables) {
    runtimeService.createMessageCorrelation(message)
        .processInstanceBusinessKey(ticket.getEonNumber())
        .setVariables(variables)
        .correlateWithResult();
  }

  /**
   * Task "Send message to customer": mails an update or an appointment (with its .ics file), in the customer's
   * language, with the engineer's files; the SLA clocks take it as {@link SlaClocks#messageSent} says. Answers the
   * appointment's time, null for an update.
   */
  public Instant send(long messageId) {
    CustomerMessage message = messages.findById(messageId).orElseThrow();
    Ticket ticket = message.getTicket();
    Instant now = EngineClock.now();
    List<Mail.File> files = new ArrayList<>(filesOf(message));
    Map<String, Object> details = new HashMap<>();
    details.put("text", message.getText());
    if (message.getKind() == MessageKind.APPOINTMENT) {
      Language language = message.getLanguage();
      String when = whenFor(language, message.getAppointmentAt());
      details.put("when", when);
      details.put("channel", message.getAppointmentChannel().name());
      String summary = mails.label(language, "appointment." + message.getAppointmentChannel().name(),
          ticket.getEonNumber());
      files.add(new Mail.File(language == Language.NL ? AppointmentInvitation.FILE_NAME_NL
          : AppointmentInvitation.FILE_NAME_EN, AppointmentInvitation.CONTENT_TYPE, AppointmentInvitation.of(
              "message-" + message.getId() + "." + ticket.getEonNumber() + "@support.produsoft.com",
              message.getAppointmentAt(), now, summary, message.getText())));
    }
    mails.send(ticket, message.getKind() == MessageKind.APPOINTMENT ? CustomerMails.Kind.APPOINTMENT
        : CustomerMails.Kind.CUSTOMER_UPDATE, details, files);
    message.sent(now);
    clocks.messageSent(ticket, message.getKind(), now);
    return message.getAppointmentAt();
  }

  /**
   * The files of a question or a solution written on the dossier page, for its mail; the message counts as sent.
   * None for a question or solution of the triage or answer form ({@code messageId} null).
   */
  public List<Mail.File> mailedNow(Long messageId) {
    if (messageId == null) {
      return List.of();
    }
    CustomerMessage message = messages.findById(messageId).orElseThrow();
    message.sent(EngineClock.now());
    return filesOf(message);
  }

  /** What the engineer's task "Record appointment outcome" shows of the appointment. */
  @Transactional(readOnly = true)
  public String appointmentSummary(long messageId) {
    CustomerMessage message = messages.findById(messageId).orElseThrow();
    return (message.getAppointmentChannel() == CustomerMessage.Channel.PHONE ? "Call-back" : "Remote session")
        + " " + STAFF_TIME.format(message.getAppointmentAt()) + " (" + message.getAuthor() + "): "
        + message.getText();
  }

  /** The engineer's account of the appointment, in the journal (internal) and with the message. */
  public void recordAppointmentOutcome(long messageId, String outcome, String engineer) {
    if (outcome == null || outcome.isBlank()) {
      throw new IllegalArgumentException("Describe how the appointment went (journal)");
    }
    CustomerMessage message = messages.findById(messageId).orElseThrow();
    message.recordOutcome(outcome.strip());
    journal.save(new JournalEntry(message.getTicket(), EngineClock.now(), JournalEntryType.ENGINEER_NOTE,
        engineer == null ? "system" : engineer, false, "Appointment " + message.getAppointmentChannel() + " of "
            + STAFF_TIME.format(message.getAppointmentAt()) + ": " + outcome.strip()));
  }

  /**
   * The ticket's files as the task forms list them (issue 17 item 2): name, size, who added them (an engineer, or
   * the customer) and when, and the download link of the staff pages ({@link Downloads}). The name is what the
   * customer typed: {@code literal} keeps Markdown from reading it.
   */
  @Transactional(readOnly = true)
  public List<Map<String, Object>> filesForForms(Ticket ticket, java.util.function.UnaryOperator<String> literal) {
    return attachments.filesOf(ticket).stream().<Map<String, Object>>map(file -> Map.of(
        "id", file.id(),
        "name", literal.apply(file.fileName()),
        "size", file.size(),
        "by", file.addedBy() == null ? "customer" : file.addedBy(),
        "at", STAFF_TIME.format(file.addedAt()),
        "url", Downloads.url(ticket.getEonNumber(), file.id())))
        .toList();
  }

  /** The messages written to the ticket's customer, oldest first. */
  @Transactional(readOnly = true)
  public List<CustomerMessage> thread(Ticket ticket) {
    return messages.findByTicketOrderByWrittenAtAscIdAsc(ticket);
  }

  private List<Mail.File> filesOf(CustomerMessage message) {
    return attachments.findByCustomerMessageOrderByIdAsc(message).stream()
        .map(file -> new Mail.File(file.getFileName(), file.getContentType(), file.getContent()))
        .toList();
  }

  /** "dinsdag 7 april 2026 om 10:00", "Tuesday 7 April 2026 at 10:00". */
  static String whenFor(Language language, Instant at) {
    boolean dutch = language.written() == Language.NL;
    return DateTimeFormatter.ofPattern(dutch ? "EEEE d MMMM yyyy 'om' HH:mm" : "EEEE d MMMM yyyy 'at' HH:mm",
        dutch ? Locale.forLanguageTag("nl-BE") : Locale.UK).withZone(EngineClock.BRUSSELS).format(at);
  }
}
