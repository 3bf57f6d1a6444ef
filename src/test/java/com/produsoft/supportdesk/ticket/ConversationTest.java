package com.produsoft.supportdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.produsoft.supportdesk.platform.EngineClock;
import com.produsoft.supportdesk.platform.ProcessJobs;
import com.produsoft.supportdesk.platform.mail.EmbeddedMailServer;
import com.produsoft.supportdesk.platform.security.WebClient;

/**
 * Issue 17: the conversation with the customer against the real engine, office hours and mail server. Each kind of
 * message moves its own SLA clock (C6.4): an update answers the customer (first response, next update), an
 * appointment is a first response and never the solution, only the solution stops the resolution clock and starts
 * the reopen period. The deadlines are computed by hand across a weekend and Easter Monday 6 April 2026 (a Belgian
 * public holiday): office hours Monday to Thursday 08:30-12:30 and 13:00-17:00, Friday to 16:00 (C6.1, C6.2).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ConversationTest {

  private static final String CUSTOMER = "jan.vandamme@vandamme.example";

  @LocalServerPort
  int port;
  @Autowired
  TicketService ticketService;
  @Autowired
  Conversation conversation;
  @Autowired
  TicketRepository tickets;
  @Autowired
  CustomerMessageRepository messages;
  @Autowired
  SlaBreachRepository breaches;
  @Autowired
  ManagementService managementService;
  @Autowired
  TaskService taskService;
  @Autowired
  EmbeddedMailServer mailServer;
  @Autowired
  AttachmentRepository attachments;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** Brussels wall-clock time in spring 2026 (summer time: UTC+2). */
  private static Instant brussels(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(EngineClock.BRUSSELS).toInstant();
  }

  private static void at(String localDateTime) {
    ClockUtil.setCurrentTime(Date.from(brussels(localDateTime)));
  }

  @Test
  @DisplayName("C6.4, C5.4: update, appointment and solution each move their own clock; deadlines across a weekend and Easter Monday")
  void eachMessageMovesItsOwnClock() throws Exception {
    at("2026-04-03T14:00");
    Ticket ticket = register();
    String eon = ticket.getEonNumber();
    assertThat(ticket.getPriority()).as("C3.4, C5.1: a contract customer's web question").isEqualTo(2);
    // P2: first response in 4 office hours, resolution in 24. Friday 14:00-16:00 = 2 h; Saturday, Sunday and Easter
    // Monday closed; Tuesday 08:30 + 2 h = 10:30.
    assertThat(ticket.getFirstResponseDueAt()).isEqualTo(brussels("2026-04-07T10:30"));
    assertThat(timer(ticket, "Event_FirstResponseOverdue").getDuedate().toInstant())
        .isEqualTo(brussels("2026-04-07T10:30"));
    // 2 h Friday + 8 h Tuesday + 8 h Wednesday + 6 h Thursday (08:30-12:30, 13:00-15:00).
    assertThat(ticket.getResolutionDueAt()).isEqualTo(brussels("2026-04-09T15:00"));

    at("2026-04-03T15:00");
    ticketService.addUpdate(ticket.getEonNumber(), UpdateType.INFO, "Het gebeurt nu bij elke gereedschapswissel",
        CUSTOMER);
    settle(ticket);
    // The next-update clock: 4 office hours from Friday 15:00: 1 h Friday, then Tuesday 08:30 + 3 h = 11:30.
    Job nextUpdate = timer(ticket, "Event_NextUpdateDue");
    assertThat(nextUpdate.getDuedate().toInstant()).isEqualTo(brussels("2026-04-07T11:30"));

    at("2026-04-07T09:00");
    conversation.write(ticket.getEonNumber(), new Conversation.Draft(MessageKind.UPDATE,
        "We hebben het probleem nagebootst en zoeken verder.", null, null,
        List.of(new NewAttachment("werkwijze.txt", "text/plain", "Stap 1".getBytes(StandardCharsets.UTF_8)))),
        "engineer.edgecam");
    settle(ticket);
    ticket = reload(ticket);
    assertThat(ticket.getFirstResponseAt()).as("the update is the first response").isEqualTo(brussels("2026-04-07T09:00"));
    assertThat(ticket.getFirstResponseOfficeSeconds()).as("Friday 14:00-16:00 and Tuesday 08:30-09:00")
        .isEqualTo(9_000L);
    assertThat(ticket.getResolvedAt()).as("an update solves nothing").isNull();
    assertThat(ticket.getStatus()).isEqualTo(TicketStatus.OPEN);
    managementService.executeJob(nextUpdate.getId());
    managementService.executeJob(timer(ticket, "Event_FirstResponseOverdue").getId());
    assertThat(breaches.findByTicket(reload(ticket))).as("the update met the next-update and first-response clocks")
        .isEmpty();

    at("2026-04-07T09:10");
    assertThatThrownBy(() -> appointment(eon, "2026-05-14T10:00")).as("Ascension Day, a Belgian public holiday")
        .hasMessage("staff.message.error.appointmentClosed");
    assertThatThrownBy(() -> appointment(eon, "2026-04-11T10:00")).as("Saturday")
        .hasMessage("staff.message.error.appointmentClosed");
    assertThatThrownBy(() -> appointment(eon, "2026-04-10T15:45")).as("Friday: the office closes at 16:00")
        .hasMessage("staff.message.error.appointmentClosed");
    assertThatThrownBy(() -> appointment(eon, "2026-04-06T10:00")).as("Easter Monday, and past")
        .hasMessage("staff.message.error.appointmentPast");
    CustomerMessage callBack = appointment(eon, "2026-04-08T10:00");
    settle(ticket);
    ticket = reload(ticket);
    assertThat(ticket.getResolvedAt()).as("an appointment is no solution").isNull();
    assertThat(ticket.getResolutionDueAt()).isEqualTo(brussels("2026-04-09T15:00"));
    Job appointmentDue = timer(ticket, "Event_AppointmentDue");
    assertThat(appointmentDue.getDuedate().toInstant()).isEqualTo(brussels("2026-04-08T10:00"));

    List<CustomerMailbox.Mail> mails = CustomerMailbox.mails(mailServer, CUSTOMER, ticket.getEonNumber());
    CustomerMailbox.Mail update = mails.get(mails.size() - 2);
    assertThat(update.subject()).endsWith("Nieuws over uw supportaanvraag voor Edgecam");
    assertThat(update.text()).contains("We hebben het probleem nagebootst", "Bijlagen: werkwijze.txt");
    assertThat(update.files()).containsOnlyKeys("werkwijze.txt");
    CustomerMailbox.Mail invitation = mails.get(mails.size() - 1);
    assertThat(invitation.subject()).contains("Afspraak", "woensdag 8 april 2026 om 10:00");
    assertThat(invitation.text()).contains("We bellen u terug op woensdag 8 april 2026 om 10:00 op het nummer +32 50 12 34 56.");
    String ics = new String(invitation.files().get("afspraak.ics"), StandardCharsets.UTF_8);
    assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").contains("DTSTART;TZID=Europe/Brussels:20260408T100000\r\n",
        "DTEND;TZID=Europe/Brussels:20260408T103000\r\n", "TZID:Europe/Brussels\r\n", "METHOD:PUBLISH\r\n",
        "UID:message-" + callBack.getId() + "." + ticket.getEonNumber())
        .endsWith("END:VCALENDAR\r\n");

    managementService.executeJob(appointmentDue.getId());
    Task record = taskService.createTaskQuery().processInstanceBusinessKey(ticket.getEonNumber())
        .taskDefinitionKey("Task_RecordAppointment").singleResult();
    assertThat(record.getName()).isEqualTo(ticket.getEonNumber() + " · Metaalwerken Vandamme · Record appointment outcome");
    assertThat(taskService.getVariable(record.getId(), "appointmentSummary"))
        .isEqualTo("Call-back 08-04-2026 10:00 (engineer.edgecam): We bellen u terug om de postprocessor samen te testen.");
    taskService.complete(record.getId(), Map.of("appointmentOutcome", "Samen getest: de postprocessor loopt weer"));
    assertThat(messages.findById(callBack.getId()).orElseThrow().getOutcome())
        .isEqualTo("Samen getest: de postprocessor loopt weer");

    at("2026-04-07T09:20");
    conversation.write(ticket.getEonNumber(), new Conversation.Draft(MessageKind.SOLUTION,
        "Installeer de bijgewerkte postprocessor.", null, null, List.of()), "engineer.edgecam");
    settle(ticket);
    ticket = reload(ticket);
    assertThat(ticket.getStatus()).isEqualTo(TicketStatus.SOLUTION_SENT);
    assertThat(ticket.getResolvedAt()).as("only the solution stops the resolution clock")
        .isEqualTo(brussels("2026-04-07T09:20"));
    // The reopen period: five office days, Wednesday 8 to Tuesday 14 April (the weekend skipped).
    assertThat(timer(ticket, "Event_ReopenPeriodOver").getDuedate().toInstant())
        .isEqualTo(brussels("2026-04-14T09:20"));
    assertThatThrownBy(() -> conversation.write(eon, new Conversation.Draft(
        MessageKind.QUESTION, "Nog een vraag", null, null, List.of()), "engineer.edgecam"))
        .as("nobody works on the ticket now: an update would do").hasMessage("staff.message.error.notInWork");
  }

  @Test
  @DisplayName("Issue 17 item 6: the status page shows the customer's and support's texts in Dutch, no internal journal phrasing, and the files to download")
  void statusPageShowsOnlyCustomerFacingText() throws Exception {
    Ticket ticket = register();
    conversation.write(ticket.getEonNumber(), new Conversation.Draft(MessageKind.UPDATE,
        "We bekijken uw logbestand.", null, null,
        List.of(new NewAttachment("oplossing.txt", "text/plain", "Herstart".getBytes(StandardCharsets.UTF_8)))),
        "engineer.edgecam");
    settle(ticket);

    String page = new WebClient(port).get("/support/status/" + ticket.getStatusToken(), null, null).body();

    assertThat(page).contains("Postprocessor stopt na een gereedschapswissel", "Nieuws over uw supportaanvraag",
        "We bekijken uw logbestand.", "oplossing.txt")
        .doesNotContain("Registered by", "Mail to", "Message to the customer", "engineer.edgecam");
    long fileId = attachments.filesOf(ticket).get(0).id();
    assertThat(new WebClient(port).get("/support/status/" + ticket.getStatusToken() + "/files/" + fileId, null, null)
        .body()).isEqualTo("Herstart");
    assertThat(new WebClient(port).get("/support/status/" + ticket.getStatusToken() + "/files/999999999", null, null)
        .statusCode()).isEqualTo(404);
  }

  @Test
  @DisplayName("Bad input: an empty text, an appointment without a channel, or a closed ticket is refused and nothing is stored")
  void badMessagesAreRefused() throws Exception {
    Ticket ticket = register();
    long before = messages.count();

    assertThatThrownBy(() -> conversation.write(ticket.getEonNumber(), new Conversation.Draft(MessageKind.UPDATE,
        " ", null, null, List.of()), "engineer.edgecam")).hasMessage("staff.message.error.text");
    assertThatThrownBy(() -> conversation.write(ticket.getEonNumber(), new Conversation.Draft(
        MessageKind.APPOINTMENT, "Bellen", Instant.now().plusSeconds(86_400), null, List.of()), "engineer.edgecam"))
        .hasMessage("staff.message.error.channel");
    assertThatThrownBy(() -> conversation.write(ticket.getEonNumber(), new Conversation.Draft(MessageKind.UPDATE,
        "Tot morgen", Instant.now().plusSeconds(86_400), null, List.of()), "engineer.edgecam"))
        .as("a time with an update: maybe an appointment was meant").hasMessage("staff.message.error.appointmentKind");
    assertThatThrownBy(() -> conversation.write(ticket.getEonNumber(), new Conversation.Draft(MessageKind.UPDATE,
        "Met een programma", null, null, List.of(new NewAttachment("tool.exe", "application/octet-stream",
            new byte[] {'M', 'Z'}))), "engineer.edgecam")).isInstanceOf(AttachmentsRefusedException.class);

    ticketService.addUpdate(ticket.getEonNumber(), UpdateType.SOLVED_BY_CUSTOMER, "Zelf opgelost", CUSTOMER);
    settle(ticket);
    assertThatThrownBy(() -> conversation.write(ticket.getEonNumber(), new Conversation.Draft(MessageKind.UPDATE,
        "Nog iets", null, null, List.of()), "engineer.edgecam")).hasMessage("staff.message.error.closed");
    assertThat(messages.count()).isEqualTo(before);
  }

  private CustomerMessage appointment(String eon, String localDateTime) {
    return conversation.write(eon, new Conversation.Draft(MessageKind.APPOINTMENT,
        "We bellen u terug om de postprocessor samen te testen.", brussels(localDateTime),
        CustomerMessage.Channel.PHONE, List.of()), "engineer.edgecam");
  }

  private Ticket register() {
    Ticket ticket = ticketService.register(new TicketRegistration("Metaalwerken Vandamme", "Jan Vandamme", CUSTOMER,
        "+32 50 12 34 56", "EDGECAM", "SUPPORT", "Postprocessor stopt na een gereedschapswissel", null, null,
        "Windows 11", null, null, false, "nl"), Channel.WEB, null).ticket();
    settle(ticket);
    return reload(ticket);
  }

  private Ticket reload(Ticket ticket) {
    return tickets.findByEonNumber(ticket.getEonNumber()).orElseThrow();
  }

  /** Waits until the job executor ran the ticket's asynchronous steps due now (mails). */
  private void settle(Ticket ticket) {
    ProcessJobs.settle(managementService, ticket.getProcessInstanceId());
  }

  private Job timer(Ticket ticket, String activityId) {
    return managementService.createJobQuery().processInstanceId(ticket.getProcessInstanceId()).activityId(activityId)
        .singleResult();
  }
}
