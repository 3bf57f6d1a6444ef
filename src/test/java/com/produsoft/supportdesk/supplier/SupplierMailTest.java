package com.produsoft.supportdesk.supplier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.produsoft.supportdesk.intake.mail.MailPoller;
import com.produsoft.supportdesk.platform.mail.EmbeddedMailServer;
import com.produsoft.supportdesk.ticket.JournalEntryType;
import com.produsoft.supportdesk.ticket.JournalRepository;
import com.produsoft.supportdesk.ticket.NewAttachment;
import com.produsoft.supportdesk.ticket.Ticket;
import com.produsoft.supportdesk.ticket.TicketRepository;
import com.produsoft.supportdesk.ticket.TicketService;

import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * C7.2 as a new user meets it: a bug registered on the web reaches the supplier's mailbox with the documented
 * report and the customer's files; the supplier's reply, with our reference in the subject, records the supplier's
 * case number on the ticket's escalation, internally only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SupplierMailTest {

  private static final String HEXAGON = "support@hexagon.example";
  private static final String EDGECAM = "edgecam.support@produsoft.com";
  private static final String JAN = "jan.vandamme@vandamme.example";

  @Autowired
  private TicketService ticketService;
  @Autowired
  private TaskService taskService;
  @Autowired
  private RuntimeService runtimeService;
  @Autowired
  private EmbeddedMailServer mailServer;
  private EscalationDriver driver;
  @Autowired
  private MailPoller poller;
  @Autowired
  private EscalationRepository escalations;
  @Autowired
  private SupplierBugRepository bugs;
  @Autowired
  private TicketRepository tickets;
  @Autowired
  private JournalRepository journal;
  @Autowired
  private ManagementService managementService;
  @Autowired
  private TransactionTemplate transaction;
  @Value("${spring.mail.port}")
  private int smtpPort;

  @BeforeEach
  void driveAsEngineers() {
    driver = new EscalationDriver(ticketService, taskService, runtimeService, mailServer);
  }

  @Test
  @DisplayName("C7.2: the web bug reaches the supplier with report and files; the supplier's reply [ESC-…] records its case number, never mailed to the customer")
  void bugReportReachesSupplierAndReplyRecordsItsReference() throws Exception {
    Ticket ticket = driver.register("Metaalwerken Vandamme NV", "Jan Vandamme", JAN, "EDGECAM", "BUG",
        "Simulation hangs after the tool change", List.of(new NewAttachment("part.ppf", "application/octet-stream",
            new byte[] {1, 2, 3})));
    driver.escalate(ticket, null);

    String reference = EscalationDriver.await(() -> reference(ticket), found -> found != null);
    MimeMessage report = EscalationDriver.await(() -> driver.mailsTo(HEXAGON).stream()
        .filter(mail -> EscalationDriver.subject(mail).contains(reference)).findFirst().orElse(null),
        mail -> mail != null);
    assertThat(report.getFrom()[0].toString()).contains(EDGECAM);
    assertThat(report.getSubject()).isEqualTo("[" + reference + "] Edgecam bug: Simulation hangs on 5-axis swarf cut");
    String body = GreenMailUtil.getBody(report);
    assertThat(body).contains(reference, "1. Open part.ppf", "Edgecam 2025.1 build 1234", "Windows 11 23H2",
        "Simulation hangs after the tool change");
    assertThat(((Multipart) report.getContent()).getBodyPart(1).getFileName()).isEqualTo("part.ppf");
    EscalationDriver.await(() -> driver.isWaitingAt(ticket, "Task_WaitForSupplierAnswer"), waiting -> waiting);
    Ticket waiting = tickets.findByEonNumber(ticket.getEonNumber()).orElseThrow();
    assertThat(waiting.getPausedSince()).as("the resolution clock stands still while the supplier works").isNotNull();
    assertThat(resolutionTimers(waiting)).isNotEmpty()
        .allMatch(timer -> timer.getDuedate().toInstant().getEpochSecond() > Instant.parse("9000-01-01T00:00:00Z")
            .getEpochSecond());

    send(HEXAGON, EDGECAM, "RE: " + report.getSubject(),
        "Thank you. We logged your report as case HXGN-558812 and will come back to you.");
    poller.pollAll();

    Long bugId = transaction.execute(status -> escalations.findById(Escalation.idIn(reference).orElseThrow())
        .orElseThrow().getSupplierBug().getId());
    SupplierBug bug = bugs.findById(bugId).orElseThrow();
    assertThat(bug.getSupplierReference()).isEqualTo("HXGN-558812");
    assertThat(bug.getStatus()).isEqualTo(SupplierBugStatus.REPORTED);
    assertThat(driver.awaitTask(ticket, "Task_ReadSupplierAnswer")).isNotNull();
    Ticket answered = tickets.findByEonNumber(ticket.getEonNumber()).orElseThrow();
    assertThat(answered.getPausedSince()).as("the supplier answered: the clock runs again").isNull();
    assertThat(answered.getResolutionDueAt()).isAfterOrEqualTo(waiting.getResolutionDueAt());
    assertThat(resolutionTimers(answered)).isNotEmpty()
        .anyMatch(timer -> timer.getDuedate().toInstant().equals(answered.getResolutionDueAt()))
        .allMatch(timer -> timer.getDuedate().toInstant().isBefore(Instant.parse("9000-01-01T00:00:00Z")));
    assertThat(journal.findByTicketOrderByCreatedAtAscIdAsc(tickets.findByEonNumber(ticket.getEonNumber())
        .orElseThrow())).anySatisfy(entry -> {
          assertThat(entry.getType()).isEqualTo(JournalEntryType.SUPPLIER_MAIL);
          assertThat(entry.getText()).contains("HXGN-558812");
          assertThat(entry.isCustomerVisible()).isFalse();
        });
    assertThat(driver.mailsTo(JAN)).noneMatch(mail -> GreenMailUtil.getBody(mail).contains("HXGN-558812"));
  }

  /** The ticket process's resolution warning and deadline timers (on "Work on ticket"). */
  private List<Job> resolutionTimers(Ticket ticket) {
    return managementService.createJobQuery().processInstanceId(ticket.getProcessInstanceId()).timers().list()
        .stream()
        .filter(timer -> Set.of("Event_ResolutionDueSoon", "Event_ResolutionOverdue").contains(
            managementService.createJobDefinitionQuery().jobDefinitionId(timer.getJobDefinitionId()).singleResult()
                .getActivityId()))
        .toList();
  }

  private String reference(Ticket ticket) {
    return transaction.execute(status -> escalations.findByTicketOrderByIdAsc(
        tickets.findByEonNumber(ticket.getEonNumber()).orElseThrow()).stream().findFirst()
        .map(Escalation::reference).orElse(null));
  }

  private void send(String from, String to, String subject, String text) throws Exception {
    Properties properties = new Properties();
    properties.put("mail.smtp.host", "127.0.0.1");
    properties.put("mail.smtp.port", String.valueOf(smtpPort));
    MimeMessage message = new MimeMessage(Session.getInstance(properties));
    message.setFrom(new InternetAddress(from));
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
    message.setSubject(subject);
    message.setText(text, "UTF-8");
    Transport.send(message);
  }
}
