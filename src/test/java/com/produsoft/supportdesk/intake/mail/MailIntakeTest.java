package com.produsoft.supportdesk.intake.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.produsoft.supportdesk.customer.ContactRole;
import com.produsoft.supportdesk.customer.CustomerRepository;
import com.produsoft.supportdesk.platform.mail.EmbeddedMailServer;
import com.produsoft.supportdesk.ticket.AttachmentRepository;
import com.produsoft.supportdesk.ticket.Channel;
import com.produsoft.supportdesk.ticket.JournalEntry;
import com.produsoft.supportdesk.ticket.JournalEntryType;
import com.produsoft.supportdesk.ticket.JournalRepository;
import com.produsoft.supportdesk.ticket.RegistrationAdmission;
import com.produsoft.supportdesk.ticket.SenderIdentification;
import com.produsoft.supportdesk.ticket.Ticket;
import com.produsoft.supportdesk.ticket.TicketRegistration;
import com.produsoft.supportdesk.ticket.TicketRepository;
import com.produsoft.supportdesk.ticket.TicketSearch;
import com.produsoft.supportdesk.ticket.TicketService;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

/**
 * Mail in and out (C5.2, C8.1) against the embedded GreenMail server on free ports; the poller is driven by hand,
 * the process's mail steps run on the job executor.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class MailIntakeTest {

  private static final String JAN = EmbeddedMailServer.DEMO_CUSTOMER_MAILBOX;
  private static final String EDGECAM = "edgecam.support@produsoft.com";
  private static final String VISI = "visi.support@produsoft.com";

  @Autowired
  private MailPoller poller;
  @Autowired
  private EmbeddedMailServer mailServer;
  @Autowired
  private InboundMailRepository inboundMails;
  @Autowired
  private TicketRepository tickets;
  @Autowired
  private JournalRepository journal;
  @Autowired
  private AttachmentRepository attachments;
  @Autowired
  private TicketService ticketService;
  @Autowired
  private ManagementService managementService;
  @Autowired
  private TransactionTemplate transaction;
  @Autowired
  private RegistrationAdmission admission;
  @Autowired
  private TaskService taskService;
  @Autowired
  private CustomerRepository customers;
  @Autowired
  private SenderIdentification senders;
  @Autowired
  private TicketSearch search;
  @Value("${spring.mail.port}")
  private int smtpPort;

  private GreenMail greenMail;

  @BeforeEach
  void emptyMailboxes() throws Exception {
    greenMail = mailServer.greenMail();
    greenMail.purgeEmailFromAllMailboxes();
  }

  @Test
  @DisplayName("C5.2, C4: a known contact's mail to edgecam.support@ makes an Edgecam ticket; the confirmation lists the missing C4 items; the reply lands on the same ticket (C8.1)")
  void mailBecomesTicketAndReplyUpdatesIt() throws Exception {
    send(mail(JAN, EDGECAM, "Postprocessor stops after tool change", "Since this morning the DMG post stops."));
    poller.pollAll();

    Ticket ticket = ticketOfLastMail(JAN);
    assertThat(ticket.getProductCode()).isEqualTo("EDGECAM");
    assertThat(ticket.getChannel()).isEqualTo(Channel.MAIL);
    assertThat(ticket.getCompanyName()).isEqualTo("Metaalwerken Vandamme NV");
    assertThat(ticket.getPhone()).isEqualTo("+32 475 21 34 56");
    assertThat(ticket.getDescription()).contains("Postprocessor stops", "DMG post stops");

    MimeMessage confirmation = awaitMail(JAN, ticket.getEonNumber());
    assertThat(confirmation.getFrom()[0].toString()).contains(EDGECAM);
    assertThat(confirmation.getSubject()).startsWith("[" + ticket.getEonNumber() + "]");
    assertThat(confirmation.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
    assertThat(confirmation.getHeader("X-Loop", null)).isNotNull();
    assertThat(GreenMailUtil.getBody(confirmation)).contains(ticket.getEonNumber(), "/support/status/",
        "besturingssysteem");

    MimeMessage reply = mail(JAN, EDGECAM, "Re: " + confirmation.getSubject(), "It happens on every part now.");
    reply.setHeader("In-Reply-To", confirmation.getMessageID());
    send(reply);
    poller.pollAll();

    assertThat(ticketOfLastMail(JAN).getEonNumber()).isEqualTo(ticket.getEonNumber());
    assertThat(journalOf(ticket.getEonNumber())).anySatisfy(entry -> {
      assertThat(entry.getType()).isEqualTo(JournalEntryType.CUSTOMER_UPDATE);
      assertThat(entry.getText()).contains("every part");
    });
  }

  @Test
  @DisplayName("C5.2: an auto-reply creates nothing and gets no answer")
  void autoReplyIsIgnored() throws Exception {
    long ticketsBefore = tickets.count();
    MimeMessage outOfOffice = mail(JAN, EDGECAM, "Out of office", "I am away until Monday.");
    outOfOffice.setHeader("Auto-Submitted", "auto-replied");
    send(outOfOffice);
    poller.pollAll();

    assertThat(tickets.count()).isEqualTo(ticketsBefore);
    assertThat(inboundMails.findBySender(JAN)).anySatisfy(
        mail -> assertThat(mail.getOutcome()).isEqualTo(InboundMail.Outcome.IGNORED));
    String outOfOfficeId = outOfOffice.getMessageID();
    assertThat(greenMail.getReceivedMessages()).noneMatch(
        answer -> outOfOfficeId.equals(header(answer, "In-Reply-To")));
  }

  @Test
  @DisplayName("C5.2: the same mail to two product mailboxes, and delivered again, makes one ticket")
  void sameMessageMakesOneTicket() throws Exception {
    long ticketsBefore = tickets.count();
    MimeMessage toBoth = mail(JAN, EDGECAM, "Licence error 17", "Both products refuse to start.");
    toBoth.addRecipient(Message.RecipientType.TO, new InternetAddress(VISI));
    send(toBoth);
    poller.pollAll();
    send(toBoth);
    poller.pollAll();

    assertThat(tickets.count()).isEqualTo(ticketsBefore + 1);
    assertThat(unreadMails(EDGECAM) + unreadMails(VISI)).as("every copy handled and flagged").isZero();
  }

  @Test
  @DisplayName("C4.7: an oversized attachment is refused with a clear answer; nothing is stored")
  void oversizedAttachmentIsRefused() throws Exception {
    long ticketsBefore = tickets.count();
    long attachmentsBefore = attachments.count();
    MimeMessage big = mail(JAN, EDGECAM, "Part file", "See the attached part.");
    attach(big, "part.step", new byte[26 * 1024 * 1024]);
    send(big);
    poller.pollAll();

    assertThat(tickets.count()).isEqualTo(ticketsBefore);
    assertThat(attachments.count()).isEqualTo(attachmentsBefore);
    MimeMessage refusal = awaitMail(JAN, "bijlagen geweigerd");
    assertThat(header(refusal, "In-Reply-To")).isEqualTo(big.getMessageID());
    assertThat(GreenMailUtil.getBody(refusal)).contains("part.step", "25 MB", "zip");
    assertThat(refusal.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
  }

  @Test
  @DisplayName("C2.1, C8.1: an unknown sender, or a stranger quoting an EON number, makes a new ticket flagged for triage")
  void strangersAreFlaggedForTriage() throws Exception {
    send(mail("piet@unknown.example", EDGECAM, "Crash", "Edgecam crashes."));
    poller.pollAll();
    Ticket unknown = ticketOfLastMail("piet@unknown.example");
    assertThat(unknown.getCustomer()).isNull();
    assertThat(journalOf(unknown.getEonNumber())).anySatisfy(
        entry -> assertThat(entry.getText()).contains("Unknown sender", "check the customer"));

    send(mail("stranger@other.example", EDGECAM, "Re: [" + unknown.getEonNumber() + "] Crash", "Me too."));
    poller.pollAll();
    Ticket stranger = ticketOfLastMail("stranger@other.example");
    assertThat(stranger.getEonNumber()).isNotEqualTo(unknown.getEonNumber());
    assertThat(journalOf(stranger.getEonNumber())).anySatisfy(
        entry -> assertThat(entry.getText()).contains("answers " + unknown.getEonNumber()));
  }

  @Test
  @DisplayName("Issue 18, C2.1, C3.4: staff link an unknown sender to the contract customer: the contact is added, the priority and the task follow, the search finds the ticket by the customer's name")
  void unknownSenderLinkedToCustomer() throws Exception {
    send(mail("nieuwe.collega@vandamme.example", EDGECAM, "Gouges on part 12", "The finishing pass gouges."));
    poller.pollAll();
    String eon = ticketOfLastMail("nieuwe.collega@vandamme.example").getEonNumber();
    Task triage = taskService.createTaskQuery().processInstanceBusinessKey(eon).singleResult();
    assertThat(triage.getPriority()).as("C3.4 no contract known: last").isEqualTo(25);
    // The confirmation's job done first: a link racing it fails on the process's version, as any concurrent step.
    await(() -> managementService.createJobQuery().processInstanceId(triage.getProcessInstanceId()).executable()
        .count(), count -> count == 0);
    long vandamme = customers.findByCompanyNameIgnoreCase("Metaalwerken Vandamme NV").get(0).getId();

    senders.link(eon, vandamme, "Nieuwe Collega", "engineer.edgecam");

    transaction.executeWithoutResult(status -> {
      Ticket linked = tickets.findByEonNumber(eon).orElseThrow();
      assertThat(linked.getCustomer().getId()).isEqualTo(vandamme);
      assertThat(linked.getCompanyName()).isEqualTo("Metaalwerken Vandamme NV");
      assertThat(linked.isUnderContract()).as("C1.2 Vandamme's Edgecam contract is active").isTrue();
      assertThat(linked.getPriority()).as("C5.2, C3.4 a contract customer's mail question").isEqualTo(3);
      assertThat(linked.getContact().getRole()).as("C2.1 a plain contact, not designated").isEqualTo(ContactRole.OTHER);
      assertThat(linked.getContact().getName()).isEqualTo("Nieuwe Collega");
      assertThat(linked.getEntitlementWarning()).contains("C2");
    });
    Task moved = taskService.createTaskQuery().processInstanceBusinessKey(eon).singleResult();
    assertThat(moved.getId()).as("the triage goes on").isEqualTo(triage.getId());
    assertThat(moved.getPriority()).isEqualTo(50);
    assertThat(triage.getName()).isEqualTo(eon + " · nieuwe.collega@vandamme.example · Triage ticket");
    assertThat(moved.getName()).as("named after the company from now on")
        .isEqualTo(eon + " · Metaalwerken Vandamme NV · Triage ticket");
    assertThat(moved.getDueDate()).as("C6.4 the shorter target of P3").isBefore(triage.getDueDate());
    assertThat(journalOf(eon)).anySatisfy(entry -> assertThat(entry.getText())
        .contains("linked to customer Metaalwerken Vandamme NV by engineer.edgecam", "added as a contact"));
    assertThat(search.search(new TicketSearch.Criteria("gouges", "vandamme", null, null, null, null, null, 0, 10),
        Optional.empty()).tickets()).extracting(TicketSearch.Hit::eonNumber).containsExactly(eon);
  }

  @Test
  @DisplayName("C5.2: with the mail server down a ticket still registers; the confirmation retries and is delivered once the server is back")
  void confirmationWaitsForTheMailServer() throws Exception {
    mailServer.stop();
    Ticket ticket;
    try {
      ticket = ticketService.register(new TicketRegistration("Metaalwerken Vandamme", "Jan Vandamme", JAN,
          "+32 50 12 34 56", "EDGECAM", "BUG", "Simulation hangs", null, null, "Windows 11", null, null, false,
          "en"), Channel.WEB, null).ticket();
      Job confirmation = await(() -> confirmationJob(ticket), job -> job.getExceptionMessage() != null);
      assertThat(confirmation.getRetries()).as("retries left").isBetween(1, 4);
    } finally {
      mailServer.start();
    }
    managementService.executeJob(confirmationJob(ticket).getId());

    MimeMessage delivered = awaitMail(JAN, ticket.getEonNumber());
    assertThat(delivered.getSubject()).contains("We registered your Edgecam support request");
  }

  @Test
  @DisplayName("Issue 16: while the node is busy with registrations the poller leaves the mail unread and slows"
      + " down instead of failing mail after mail; once the pause is over the mail becomes its ticket")
  void pollerSlowsDownWhileTheNodeIsBusy() throws Exception {
    String sender = "burst." + UUID.randomUUID() + "@vandamme.example";
    send(mail(sender, EDGECAM, "Licence server down", "Nobody can start Edgecam."));
    List<RegistrationAdmission.Permit> busy = new ArrayList<>();
    try {
      for (Optional<RegistrationAdmission.Permit> permit = admission.enter(); permit.isPresent();
          permit = admission.enter()) {
        busy.add(permit.get());
      }
      poller.pollAll();
      assertThat(inboundMails.findBySender(sender)).as("left unread, nothing registered").isEmpty();
    } finally {
      busy.forEach(RegistrationAdmission.Permit::close);
    }

    poller.pollAll();
    assertThat(inboundMails.findBySender(sender)).as("the pass after a busy one is skipped").isEmpty();

    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(MailPoller.FIRST_BACKOFF).plusSeconds(1)));
    try {
      poller.pollAll();
    } finally {
      ClockUtil.reset();
    }
    assertThat(ticketOfLastMail(sender).getDescription()).contains("Nobody can start Edgecam");
  }

  private Job confirmationJob(Ticket ticket) {
    return managementService.createJobQuery().processInstanceId(ticket.getProcessInstanceId())
        .activityId("Task_SendConfirmation").singleResult();
  }

  private Ticket ticketOfLastMail(String sender) {
    return transaction.execute(status -> {
      List<InboundMail> mails = inboundMails.findBySender(sender);
      Ticket ticket = mails.get(mails.size() - 1).getTicket();
      ticket.getCustomer();
      return tickets.findByEonNumber(ticket.getEonNumber()).orElseThrow();
    });
  }

  private List<JournalEntry> journalOf(String eonNumber) {
    return journal.findByTicketOrderByCreatedAtAscIdAsc(tickets.findByEonNumber(eonNumber).orElseThrow());
  }

  private MimeMessage mail(String from, String to, String subject, String text) throws Exception {
    MimeMessage message = new MimeMessage(session()) {
      @Override
      protected void updateMessageID() {
        // keeps the Message-ID below: a mail delivered twice is the same mail
      }
    };
    message.setHeader("Message-ID", "<" + UUID.randomUUID() + "@vandamme.example>");
    message.setFrom(new InternetAddress(from));
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
    message.setSubject(subject);
    message.setText(text, "UTF-8");
    message.saveChanges();
    return message;
  }

  private static void attach(MimeMessage message, String fileName, byte[] content) throws Exception {
    MimeBodyPart text = new MimeBodyPart();
    text.setText((String) message.getContent(), "UTF-8");
    MimeBodyPart file = new MimeBodyPart();
    file.setDataHandler(new DataHandler(new ByteArrayDataSource(content, "application/octet-stream")));
    file.setFileName(fileName);
    message.setContent(new MimeMultipart(text, file));
    message.saveChanges();
  }

  private Session session() {
    Properties properties = new Properties();
    properties.put("mail.smtp.host", "127.0.0.1");
    properties.put("mail.smtp.port", String.valueOf(smtpPort));
    return Session.getInstance(properties);
  }

  private static void send(MimeMessage message) throws Exception {
    Transport.send(message);
  }

  private long unreadMails(String mailbox) throws Exception {
    return greenMail.getManagers().getImapHostManager().getInbox(greenMail.getUserManager().getUser(mailbox))
        .getMessages().stream().filter(stored -> !stored.getFlags().contains(jakarta.mail.Flags.Flag.SEEN)).count();
  }

  /** The first mail in the recipient's mailbox whose subject contains the text, waiting for the job executor. */
  private MimeMessage awaitMail(String recipient, String subjectPart) throws Exception {
    return await(() -> List.of(greenMail.getReceivedMessages()).stream()
        .filter(message -> isFor(message, recipient) && subject(message).contains(subjectPart))
        .findFirst().orElse(null), message -> message != null);
  }

  private static boolean isFor(MimeMessage message, String recipient) {
    try {
      return message.getAllRecipients() != null && List.of(message.getAllRecipients()).stream()
          .anyMatch(address -> address.toString().contains(recipient));
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String header(MimeMessage message, String name) {
    try {
      return message.getHeader(name, null);
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static <T> T await(Supplier<T> value, Predicate<T> done) throws InterruptedException {
    Instant giveUp = Instant.now().plus(Duration.ofSeconds(20));
    T current = value.get();
    while (!done.test(current) && Instant.now().isBefore(giveUp)) {
      Thread.sleep(100);
      current = value.get();
    }
    assertThat(done.test(current)).as("in time").isTrue();
    return current;
  }
}
