package com.produsoft.supportdesk.supplier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.produsoft.supportdesk.intake.mail.MailPoller;
import com.produsoft.supportdesk.demo.DemoUsers;
import com.produsoft.supportdesk.platform.mail.EmbeddedMailServer;
import com.produsoft.supportdesk.platform.security.WebClient;
import com.produsoft.supportdesk.ticket.Ticket;
import com.produsoft.supportdesk.ticket.TicketRepository;
import com.produsoft.supportdesk.ticket.TicketService;
import com.produsoft.supportdesk.ticket.TicketStatus;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * C3.2, C7.3: registering a product release tells every waiting customer exactly once and moves their tickets on;
 * tickets of another product or version stay as they are.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ProductReleaseTest {

  private static final String JAN = "jan.vandamme@vandamme.example";
  private static final String OLIVIER = "olivier.dubois@ppwavre.example";
  private static final String DIRK = "dirk.goossens@goossens-machinebouw.example";
  private static final String JULIEN = "julien.lambert@ateliers-lambert.example";
  private static final String PIETER = "pieter.desmet@desmet-matrijzen.example";
  private static final String TINE = "tine.janssens@janssens-kunststoffen.example";

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
  private EscalationRepository escalations;
  @Autowired
  private WishListRepository wishes;
  @Autowired
  private TicketRepository tickets;
  @Autowired
  private MailPoller poller;
  @Autowired
  private TransactionTemplate transaction;
  @LocalServerPort
  private int port;
  @Value("${spring.mail.port}")
  private int smtpPort;

  @BeforeEach
  void driveAsEngineers() {
    driver = new EscalationDriver(ticketService, taskService, runtimeService, mailServer);
  }

  @Test
  @DisplayName("C3.2, C7.2: a release fixing the bug three customers wait for mails each of them once and sends their tickets on; another product and another version stay untouched")
  void releaseTellsEveryWaitingCustomerOnce() throws Exception {
    Ticket first = driver.register("Metaalwerken Vandamme NV", "Jan Vandamme", JAN, "EDGECAM", "BUG",
        "Simulation hangs after the tool change", List.of());
    driver.escalate(first, null);
    EscalationDriver.await(() -> driver.isWaitingAt(first, "Task_WaitForSupplierAnswer"), waiting -> waiting);
    long bugId = supplierBugId(first);
    Ticket second = driver.register("Precision Parts Wavre SA", "Olivier Dubois", OLIVIER, "EDGECAM", "BUG",
        "Simulation freezes", List.of());
    driver.escalate(second, bugId);
    Ticket third = driver.register("Machinebouw Goossens BV", "Dirk Goossens", DIRK, "EDGECAM", "BUG",
        "Simulation stops responding", List.of());
    driver.escalate(third, bugId);

    Ticket otherProduct = driver.register("Matrijzenbouw De Smet BV", "Pieter De Smet", PIETER, "VISI", "BUG",
        "Wire EDM module crashes", List.of());
    driver.escalate(otherProduct, null);
    Ticket otherVersion = driver.register("Ateliers Mécaniques Lambert SA", "Julien Lambert", JULIEN, "EDGECAM",
        "BUG", "Postprocessor drops the last line", List.of());
    driver.escalate(otherVersion, null);
    EscalationDriver.await(() -> driver.isWaitingAt(otherVersion, "Task_WaitForSupplierAnswer"), waiting -> waiting);
    supplierMail("support@hexagon.example", "RE: [" + reference(otherVersion) + "] Edgecam bug",
        "This is fixed in version 2026.2.");
    EscalationDriver.await(() -> driver.isWaitingAt(otherVersion, "Task_WaitForFixRelease"), waiting -> waiting);
    for (Ticket linked : List.of(second, third)) {
      assertThat(driver.isWaitingAt(linked, "Task_WaitForFixRelease")).isTrue();
    }
    assertThat(driver.mailsTo("support@hexagon.example").stream().map(EscalationDriver::subject))
        .as("one report per supplier bug, none for the linked tickets")
        .haveExactly(1, reportOf(first)).haveExactly(0, reportOf(second)).haveExactly(0, reportOf(third));

    WebClient web = new WebClient(port);
    String release = """
        {"product": "EDGECAM", "version": "2026.1", "date": "2026-03-10", "supplierBugIds": [%d]}""".formatted(bugId);
    assertThat(web.post("/api/releases", "application/json", release, "engineer.edgecam", DemoUsers.PASSWORD)
        .statusCode()).isEqualTo(403);
    var registered = web.post("/api/releases", "application/json", release, "clerk", DemoUsers.PASSWORD);
    assertThat(registered.statusCode()).isEqualTo(201);
    assertThat(registered.body()).contains("\"fixedBugIds\":[" + bugId + "]");

    for (Ticket waiting : List.of(first, second, third)) {
      EscalationDriver.await(() -> tickets.findByEonNumber(waiting.getEonNumber()).orElseThrow().getStatus(),
          status -> status == TicketStatus.SOLUTION_SENT);
    }
    for (String customer : List.of(JAN, OLIVIER, DIRK)) {
      List<MimeMessage> fixMails = driver.mailsTo(customer).stream()
          .filter(mail -> GreenMailUtil.getBody(mail).contains("2026.1")).toList();
      assertThat(fixMails).as("release mails to " + customer).hasSize(1);
    }
    assertThat(GreenMailUtil.getBody(driver.mailsTo(OLIVIER).stream()
        .filter(mail -> GreenMailUtil.getBody(mail).contains("2026.1")).findFirst().orElseThrow()))
        .contains("fixed the problem in Edgecam version 2026.1");
    assertThat(driver.isWaitingAt(otherProduct, "Task_WaitForSupplierAnswer")).isTrue();
    assertThat(driver.isWaitingAt(otherVersion, "Task_WaitForFixRelease")).isTrue();
    assertThat(driver.mailsTo(PIETER).stream().map(GreenMailUtil::getBody)).noneMatch(body -> body.contains("2026.1"));
    assertThat(driver.mailsTo(JULIEN).stream().map(GreenMailUtil::getBody)).noneMatch(body -> body.contains("2026.1"));
  }

  @Test
  @DisplayName("C3.2, C7.3: a suggestion backed by two customers is one wish with two backers; releasing it tells both, once")
  void wishBackedByTwoCustomersIsReleasedToBoth() {
    Ticket pieter = driver.register("Matrijzenbouw De Smet BV", "Pieter De Smet", PIETER, "VISI", "SUGGESTION",
        "Export to STEP AP242\nWith PMI please.", List.of());
    driver.triage(pieter, "SUGGESTION", Map.of());
    Ticket tine = driver.register("Kunststoffen Janssens NV", "Tine Janssens", TINE, "VISI", "SUGGESTION",
        "export to step AP242!", List.of());
    driver.triage(tine, "SUGGESTION", Map.of());

    long wishId = transaction.execute(status -> {
      WishListItem wish = wishes.findByProductCodeAndNormalisedTitle("VISI", "export to step ap242").orElseThrow();
      assertThat(wish.getBackers()).extracting(backer -> backer.getTicket().getEonNumber())
          .containsExactly(pieter.getEonNumber(), tine.getEonNumber());
      return wish.getId();
    });

    // As the administration's Tasklist start form does.
    runtimeService.startProcessInstanceByKey(ProductReleases.PROCESS_KEY, Map.of("product", "VISI",
        "version", "2026.1", "releaseDate", "2026-04-01", "wishIds", String.valueOf(wishId)));

    for (String backer : List.of(PIETER, TINE)) {
      EscalationDriver.await(() -> wishMails(backer), mails -> !mails.isEmpty());
    }
    EscalationDriver.await(() -> wishes.findById(wishId).orElseThrow().getStatus(),
        status -> status == WishStatus.RELEASED);
    assertThat(wishMails(PIETER)).hasSize(1);
    assertThat(wishMails(TINE)).hasSize(1);
  }

  private org.assertj.core.api.Condition<String> reportOf(Ticket ticket) {
    String reference = reference(ticket);
    return new org.assertj.core.api.Condition<>(subject -> subject.contains(reference), "report " + reference);
  }

  private List<MimeMessage> wishMails(String customer) {
    return driver.mailsTo(customer).stream().filter(mail -> EscalationDriver.subject(mail).contains("VISI 2026.1"))
        .toList();
  }

  private long supplierBugId(Ticket ticket) {
    return EscalationDriver.await(() -> transaction.execute(status -> escalations.findByTicketOrderByIdAsc(
        tickets.findByEonNumber(ticket.getEonNumber()).orElseThrow()).get(0).getSupplierBug()),
        bug -> bug != null).getId();
  }

  private String reference(Ticket ticket) {
    return transaction.execute(status -> escalations.findByTicketOrderByIdAsc(
        tickets.findByEonNumber(ticket.getEonNumber()).orElseThrow()).get(0).reference());
  }

  private void supplierMail(String from, String subject, String text) throws Exception {
    Properties properties = new Properties();
    properties.put("mail.smtp.host", "127.0.0.1");
    properties.put("mail.smtp.port", String.valueOf(smtpPort));
    MimeMessage message = new MimeMessage(Session.getInstance(properties));
    message.setFrom(new InternetAddress(from));
    message.setRecipient(Message.RecipientType.TO, new InternetAddress("edgecam.support@produsoft.com"));
    message.setSubject(subject);
    message.setText(text, "UTF-8");
    Transport.send(message);
    poller.pollAll();
  }
}
