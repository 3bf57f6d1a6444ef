package com.produsoft.supportdesk.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import com.produsoft.supportdesk.calendar.OfficeHours;
import com.produsoft.supportdesk.customer.Language;
import com.produsoft.supportdesk.platform.EngineClock;
import com.produsoft.supportdesk.platform.ProcessJobs;
import com.produsoft.supportdesk.platform.mail.EmbeddedMailServer;
import com.produsoft.supportdesk.ticket.Channel;
import com.produsoft.supportdesk.ticket.Ticket;
import com.produsoft.supportdesk.ticket.TicketRegistration;
import com.produsoft.supportdesk.ticket.TicketRepository;
import com.produsoft.supportdesk.ticket.TicketService;
import com.produsoft.supportdesk.ticket.UpdateType;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * The staff's alert mails with the real process, outbox and mail server (embedded GreenMail): who gets which alert,
 * the preferences, the team when nobody is assigned, the leads on a breach, once per event, retries.
 * The Edgecam team is An Maes (demo login engineer.edgecam) and, for these tests, Wim Claes; the lead is Els Goossens.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffAlertsTest {

  private static final String AN = "an.maes@produsoft.com";
  private static final String WIM = "wim.claes@produsoft.com";
  private static final String LIES = "lies.peeters@produsoft.com";
  private static final String ELS = "els.goossens@produsoft.com";
  private static final String TASKLIST = "http://localhost:8080/camunda/app/tasklist/default/#/?task=";

  @Autowired
  TicketService ticketService;
  @Autowired
  TicketRepository tickets;
  @Autowired
  StaffAlertMailer mailer;
  @Autowired
  StaffAlerts staffAlerts;
  @Autowired
  StaffAlertRepository alerts;
  @Autowired
  AlertPreferenceRepository preferences;
  @Autowired
  EmbeddedMailServer mailServer;
  @Autowired
  TaskService taskService;
  @Autowired
  ManagementService managementService;
  @Autowired
  IdentityService identityService;
  @Autowired
  OfficeHours officeHours;
  @Autowired
  TransactionTemplate transaction;

  @BeforeAll
  void secondEdgecamEngineer() {
    User wim = identityService.newUser("engineer.edgecam2");
    wim.setFirstName("Wim");
    wim.setLastName("Claes");
    wim.setEmail(WIM);
    wim.setPassword("demo");
    identityService.saveUser(wim);
    identityService.createMembership("engineer.edgecam2", "support-edgecam");
  }

  @AfterEach
  void everyAlertOnAgain() {
    preferences.deleteAll();
    ClockUtil.reset();
  }

  @Test
  @DisplayName("C5.3, C6.4: a new P1 ticket mails every member of its team (nobody has it yet), from the product mailbox, with its EON number and a link to the task")
  void newP1MailsTheTeam() throws Exception {
    Ticket ticket = register(true);
    Task triage = taskOf(ticket);

    mailer.sendDue();

    MimeMessage mail = single(mailsAbout(ticket, AN));
    assertThat(mail.getSubject()).isEqualTo("[" + ticket.getEonNumber()
        + "] Nieuw P1-ticket: Metaalwerken Vandamme (Edgecam)");
    assertThat(mail.getFrom()[0].toString()).contains("edgecam.support@produsoft.com");
    assertThat(mail.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
    assertThat(text(mail)).contains("Dag An,", TASKLIST + triage.getId(),
        "http://localhost:8080/staff/preferences", "Jan Vandamme", "Postprocessor output stops");
    assertThat(mailsAbout(ticket, WIM)).hasSize(1);
    assertThat(mailsAbout(ticket, LIES)).as("another team").isEmpty();
    assertThat(mailsAbout(ticket, ELS)).as("no breach: the leads are not mailed").isEmpty();
  }

  @Test
  @DisplayName("C8.1: the customer's news mails the engineer who has the ticket, not the rest of the team; a ticket below P1 alerts nobody when it arrives")
  void customerNewsMailsTheAssignee() throws Exception {
    Ticket ticket = register(false);
    mailer.sendDue();
    assertThat(mailsAbout(ticket, AN)).as("not P1").isEmpty();
    taskService.claim(taskOf(ticket).getId(), "engineer.edgecam");

    ticketService.addUpdate(ticket.getEonNumber(), UpdateType.INFO, "It stops on every tool change now",
        "jan.vandamme@vandamme.example");
    mailer.sendDue();

    MimeMessage news = single(mailsAbout(ticket, AN));
    assertThat(news.getSubject()).contains("Nieuws van de klant", "Metaalwerken Vandamme");
    assertThat(text(news)).contains("It stops on every tool change now", TASKLIST + taskOf(ticket)
        .getId());
    assertThat(mailsAbout(ticket, WIM)).isEmpty();
  }

  @Test
  @DisplayName("An alert turned off on the preferences page is not mailed to that user; the others get it, in the language each chose")
  void preferencesAreRespected() throws Exception {
    choose("engineer.edgecam2", false, Language.NL);
    choose("engineer.edgecam", true, Language.EN);
    Ticket ticket = register(true);

    mailer.sendDue();

    assertThat(mailsAbout(ticket, WIM)).isEmpty();
    MimeMessage english = single(mailsAbout(ticket, AN));
    assertThat(english.getSubject()).contains("New P1 ticket: Metaalwerken Vandamme");
    assertThat(text(english)).contains("Hello An,", "Turn alerts on or off");
  }

  @Test
  @DisplayName("C6.4: at 80 % of the first-response target in office time the team is warned; at the deadline the leads are mailed the breach with its review task; each alert once")
  void slaWarningForTheTeamAndBreachForTheLeads() throws Exception {
    Ticket ticket = register(false);
    Job warning = timer(ticket, "Event_FirstResponseDueSoon");
    assertThat(officeHours.officeTimeBetween(ticket.getClockStartedAt(), warning.getDuedate().toInstant()))
        .isEqualTo(Duration.parse(ticket.getFirstResponseTarget()).multipliedBy(8).dividedBy(10));

    managementService.executeJob(warning.getId());
    settle(ticket);
    mailer.sendDue();
    MimeMessage warned = single(mailsAbout(ticket, AN));
    assertThat(warned.getSubject()).contains("Eerste antwoord bijna te laat");
    assertThat(text(warned)).contains("80 %");
    assertThat(mailsAbout(ticket, WIM)).hasSize(1);

    managementService.executeJob(timer(ticket, "Event_FirstResponseOverdue").getId());
    mailer.sendDue();
    Task review = taskService.createTaskQuery().processInstanceBusinessKey(ticket.getEonNumber())
        .taskDefinitionKey("Task_ReviewOverdueTicket").singleResult();
    MimeMessage breach = single(mailsAbout(ticket, ELS));
    assertThat(breach.getSubject()).contains("SLA overschreden (eerste antwoord)");
    assertThat(text(breach)).contains("Dag Els,", TASKLIST + review.getId());
    assertThat(mailsAbout(ticket, AN)).as("engineers: only the warning").hasSize(1);

    transaction.executeWithoutResult(status -> staffAlerts.slaBreach(ticket.getEonNumber(), "FIRST_RESPONSE",
        tickets.findByEonNumber(ticket.getEonNumber()).orElseThrow().getFirstResponseDueAt()));
    mailer.sendDue();
    assertThat(mailsAbout(ticket, ELS)).as("the same breach again: no second mail").hasSize(1);
    assertThat(alerts.findByEonNumberOrderByIdAsc(ticket.getEonNumber())).extracting(StaffAlert::getKind)
        .containsExactly(AlertKind.SLA_WARNING, AlertKind.SLA_BREACH);
  }

  @Test
  @DisplayName("With the mail server down the ticket goes on; the alert is tried again after the retry delay and mailed once the server is back")
  void alertRetriesWhileTheMailServerIsDown() throws Exception {
    Ticket ticket = register(true);
    mailServer.stop();
    try {
      mailer.sendDue();
      StaffAlert pending = alerts.findByEonNumberOrderByIdAsc(ticket.getEonNumber()).get(0);
      assertThat(pending.getStatus()).isEqualTo(StaffAlert.Status.PENDING);
      assertThat(pending.getAttempts()).isEqualTo(1);
      assertThat(pending.getLastError()).isNotBlank();
    } finally {
      mailServer.start();
    }
    mailer.sendDue();
    assertThat(mailsAbout(ticket, AN)).as("not before the retry delay").isEmpty();

    ClockUtil.setCurrentTime(Date.from(EngineClock.now().plus(Duration.ofMinutes(6))));
    mailer.sendDue();

    assertThat(single(mailsAbout(ticket, AN)).getSubject()).contains("Nieuw P1-ticket");
    assertThat(alerts.findByEonNumberOrderByIdAsc(ticket.getEonNumber()).get(0).getStatus())
        .isEqualTo(StaffAlert.Status.DONE);
  }

  @Test
  @DisplayName("An alert not mailed within its maximum age (a long outage, the demo's history) is dropped, not mailed late")
  void staleAlertsExpire() throws Exception {
    Ticket ticket = register(false);
    transaction.executeWithoutResult(status -> alerts.save(new StaffAlert(AlertKind.NEW_P1, ticket.getEonNumber(),
        "NEW_P1:" + ticket.getEonNumber(), null, EngineClock.now().minus(Duration.ofHours(13)))));

    mailer.sendDue();

    assertThat(mailsAbout(ticket, AN)).isEmpty();
    assertThat(alerts.findByEonNumberOrderByIdAsc(ticket.getEonNumber())).extracting(StaffAlert::getStatus)
        .containsExactly(StaffAlert.Status.EXPIRED);
  }

  private void choose(String userId, boolean newP1, Language language) {
    AlertPreference preference = preferences.of(userId);
    preference.choose(newP1, true, true, true, language, EngineClock.now());
    preferences.save(preference);
  }

  /**
   * An Edgecam ticket of Metaalwerken Vandamme (contract): P1 when production stands still, else P3 (by mail); its
   * confirmation sent, so that nothing else runs on it.
   */
  private Ticket register(boolean productionStopped) {
    Ticket ticket = ticketService.register(new TicketRegistration("Metaalwerken Vandamme", "Jan Vandamme",
        "jan.vandamme@vandamme.example", "+32 50 12 34 56", "EDGECAM", "SUPPORT",
        "Postprocessor output stops after tool change", null, null, "Windows 11", null, null, productionStopped,
        "nl"), productionStopped ? Channel.WEB : Channel.MAIL, null).ticket();
    settle(ticket);
    return tickets.findByEonNumber(ticket.getEonNumber()).orElseThrow();
  }

  /** Waits until the job executor ran the ticket's asynchronous steps due now. */
  private void settle(Ticket ticket) {
    ProcessJobs.settle(managementService, ticket.getProcessInstanceId());
  }

  private Job timer(Ticket ticket, String activityId) {
    return managementService.createJobQuery().processInstanceId(ticket.getProcessInstanceId()).activityId(activityId)
        .singleResult();
  }

  private Task taskOf(Ticket ticket) {
    return taskService.createTaskQuery().processInstanceBusinessKey(ticket.getEonNumber())
        .taskCandidateGroup("support-edgecam").includeAssignedTasks().singleResult();
  }

  /** The alert mails about the ticket in a staff member's mailbox (customer mails go to the customer). */
  private List<MimeMessage> mailsAbout(Ticket ticket, String address) throws MessagingException {
    List<MimeMessage> found = new ArrayList<>();
    for (MimeMessage message : mailServer.greenMail().getReceivedMessages()) {
      boolean toAddress = Arrays.stream(message.getRecipients(Message.RecipientType.TO))
          .anyMatch(recipient -> recipient.toString().equalsIgnoreCase(address));
      if (toAddress && message.getSubject().startsWith("[" + ticket.getEonNumber() + "]")) {
        found.add(message);
      }
    }
    return found;
  }

  /** The decoded text of a plain-text mail. */
  private static String text(MimeMessage mail) throws Exception {
    return (String) mail.getContent();
  }

  private static MimeMessage single(List<MimeMessage> mails) {
    assertThat(mails).hasSize(1);
    return mails.get(0);
  }
}
