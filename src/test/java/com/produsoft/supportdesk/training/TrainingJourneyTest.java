package com.produsoft.supportdesk.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.produsoft.supportdesk.platform.EngineClock;
import com.produsoft.supportdesk.demo.DemoUsers;
import com.produsoft.supportdesk.platform.mail.EmbeddedMailServer;
import com.produsoft.supportdesk.supplier.ProductReleased;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * C11 on the demo register (demo/DemoRegister), as the training coordinator and customers live it: a
 * release offers its update training to exactly the contract customers of the product; registrations are priced,
 * confirmed or put on the waiting list, and a cancellation frees the seat for the first on the list; a user day
 * invites exactly the designated contacts of the customers under contract. Mails go to the embedded server; the
 * test runs the process's jobs itself.
 */
@SpringBootTest(properties = "camunda.bpm.job-execution.enabled=false")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class TrainingJourneyTest {

  private static final AtomicInteger RELEASES = new AtomicInteger();

  @Autowired
  ApplicationEventPublisher events;
  @Autowired
  TransactionTemplate transaction;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  ManagementService managementService;
  @Autowired
  EmbeddedMailServer mailServer;
  @Autowired
  MockMvc mvc;
  @Autowired
  ObjectMapper json;

  /** A release of Edgecam, the product of Vandamme (active), Wavre (cancelled, still covered) and Goossens (none). */
  private String releaseEdgecam() {
    String version = "2027." + RELEASES.incrementAndGet();
    transaction.executeWithoutResult(status ->
        events.publishEvent(new ProductReleased("EDGECAM", version, EngineClock.today())));
    return version;
  }

  /** Runs the due jobs and those they create (the invitations are a job per customer, one after the other). */
  private void runJobs() {
    for (int round = 0; round < 50; round++) {
      List<Job> due = managementService.createJobQuery().executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> managementService.executeJob(job.getId()));
    }
    throw new IllegalStateException("Jobs keep coming");
  }

  private List<MimeMessage> mailsAbout(String subjectPart) {
    return List.of(mailServer.greenMail().getReceivedMessages()).stream()
        .filter(mail -> subject(mail).contains(subjectPart)).toList();
  }

  /** GreenMail delivers one copy per recipient; the recipients of the mails, each once. */
  private static Set<String> recipients(List<MimeMessage> mails) {
    Set<String> addresses = new TreeSet<>();
    for (MimeMessage mail : mails) {
      try {
        for (var address : mail.getRecipients(RecipientType.TO)) {
          addresses.add(address.toString());
        }
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
    return addresses;
  }

  private static String subject(MimeMessage mail) {
    try {
      return mail.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** GreenMail's copy for one recipient. */
  private static MimeMessage mailTo(List<MimeMessage> mails, String address) {
    return mails.stream().filter(mail -> recipients(List.of(mail)).contains(address)).findFirst().orElseThrow();
  }

  private static String body(MimeMessage mail) {
    try {
      return mail.getContent().toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private JsonNode register(long sessionId, String company, String name, String email, int persons)
      throws Exception {
    String answer = mvc.perform(post("/api/trainings/" + sessionId + "/registrations")
            .with(httpBasic("coordinator", DemoUsers.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(Map.of("companyName", company, "contactName", name, "email", email,
                "persons", persons))))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
    return json.readTree(answer);
  }

  /** The coordinator plans the release's update training in Tasklist; the offer mails go out. */
  private long planClassroomTraining(String version, int seats) {
    Task plan = taskService.createTaskQuery().processInstanceBusinessKey("EDGECAM " + version).singleResult();
    assertThat(taskService.createTaskQuery().taskId(plan.getId()).taskCandidateGroup("training").count()).isOne();
    taskService.complete(plan.getId(), Map.of("kind", "CLASSROOM", "firstDay",
        EngineClock.today().plusDays(30).toString(), "days", 2L, "seats", (long) seats, "place", "Produsoft, Brugge"));
    runJobs();
    return ((Number) runtimeService.createVariableInstanceQuery().processInstanceIdIn(plan.getProcessInstanceId())
        .variableName("sessionId").singleResult().getValue()).longValue();
  }

  @Test
  @DisplayName("C11.1, C2.1: a release offers the update training to the designated contacts of exactly the "
      + "contract customers of that product, each in its language; a second event for it plans nothing more")
  void releaseOffersTrainingToContractCustomersOfTheProduct() throws Exception {
    String version = releaseEdgecam();
    transaction.executeWithoutResult(status ->
        events.publishEvent(new ProductReleased("EDGECAM", version, EngineClock.today())));
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey("EDGECAM " + version).count()).isOne();

    planClassroomTraining(version, 8);

    List<MimeMessage> offers = mailsAbout("Edgecam " + version);
    assertThat(recipients(offers)).containsExactly("claire.martin@ppwavre.example", "jan.vandamme@vandamme.example",
        "olivier.dubois@ppwavre.example", "sarah.desmet@vandamme.example");
    assertThat(offers).extracting(TrainingJourneyTest::subject).containsOnly(
        "Updatetraining Edgecam " + version + " aan voordeeltarief",
        "Update training Edgecam " + version + " at a favourable rate");
    assertThat(body(offers.get(0))).contains("/support/trainings/");
  }

  @Test
  @DisplayName("C11.2, C11.1: two persons under contract pay the contract rate, read in the confirmation; a full "
      + "session puts the next on the waiting list; a cancellation gives the seat to the first on the list")
  void registrationsWaitingListAndFreedSeat() throws Exception {
    String version = releaseEdgecam();
    long sessionId = planClassroomTraining(version, 3);

    JsonNode vandamme = register(sessionId, "Vandamme", "Jan Vandamme", "Jan.Vandamme@vandamme.example", 2);
    assertThat(vandamme.get("status").asText()).isEqualTo("CONFIRMED");
    assertThat(vandamme.get("underContract").asBoolean()).isTrue();
    assertThat(vandamme.get("companyName").asText()).isEqualTo("Metaalwerken Vandamme NV");
    assertThat(vandamme.get("pricePerDay").decimalValue()).isEqualByComparingTo("680");
    assertThat(vandamme.get("totalPrice").decimalValue()).isEqualByComparingTo("1360");

    // Goossens has Edgecam but no contract: list price, on the web page, in English.
    String page = mvc.perform(get("/support/trainings/" + sessionId).param("lang", "en")).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    assertThat(page).contains("Classroom update training Edgecam " + version, "name=\"_csrf\"");
    var goossensForm = post("/support/trainings/" + sessionId).param("lang", "en").with(csrf())
        .param("companyName", "Machinebouw Goossens").param("contactName", "Dirk Goossens")
        .param("contactEmail", "dirk.goossens@goossens-machinebouw.example").param("persons", "1")
        .param("submissionKey", "goossens-page-" + sessionId);
    String registered = mvc.perform(goossensForm).andExpect(status().isOk()).andReturn().getResponse()
        .getContentAsString();
    assertThat(registered).contains("Your registration is confirmed", "Price per day: EUR 425.00",
        "Total price: EUR 850.00");
    // The same page sent again (a double click, a refresh) registers once.
    mvc.perform(goossensForm).andExpect(status().isOk());
    assertThat(json.readTree(mvc.perform(get("/api/trainings/" + sessionId)
            .with(httpBasic("coordinator", DemoUsers.PASSWORD))).andReturn().getResponse().getContentAsString())
        .get("registrations")).hasSize(2);

    JsonNode wavre = register(sessionId, "PP Wavre", "Olivier Dubois", "olivier.dubois@ppwavre.example", 1);
    assertThat(wavre.get("status").asText()).isEqualTo("WAITING");
    runJobs();

    List<MimeMessage> janMails = mailsAbout("op " + EngineClock.today().plusDays(30).format(
        DateTimeFormatter.ofPattern("dd/MM/yyyy")));
    MimeMessage confirmation = janMails.stream()
        .filter(mail -> recipients(List.of(mail)).contains("jan.vandamme@vandamme.example")).findFirst().orElseThrow();
    assertThat(subject(confirmation)).startsWith("Bevestiging van uw inschrijving: training Edgecam " + version);
    assertThat(body(confirmation)).contains("2 persoon/personen", "Prijs per dag: EUR 680.00",
        "Totale prijs: EUR 1360.00", "tarief voor klanten met een onderhoudscontract");
    assertThat(mailsAbout("On the waiting list: training Edgecam " + version)).hasSize(1);

    long goossensId = json.readTree(mvc.perform(get("/api/trainings/" + sessionId)
            .with(httpBasic("coordinator", DemoUsers.PASSWORD))).andReturn().getResponse().getContentAsString())
        .get("registrations").get(1).get("id").asLong();
    String cancelled = mvc.perform(delete("/api/trainings/" + sessionId + "/registrations/" + goossensId)
            .with(httpBasic("clerk", DemoUsers.PASSWORD)))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(json.readTree(cancelled).get("confirmedFromWaitingList").get(0).get("id").asLong())
        .isEqualTo(wavre.get("id").asLong());
    runJobs();

    List<MimeMessage> freed = mailsAbout("A seat became free");
    assertThat(recipients(freed)).contains("olivier.dubois@ppwavre.example");
    assertThat(body(freed.get(freed.size() - 1))).contains("Total price: EUR 680.00");
    mvc.perform(delete("/api/trainings/" + sessionId + "/registrations/" + goossensId)
        .with(httpBasic("coordinator", DemoUsers.PASSWORD))).andExpect(status().isConflict());
  }

  @Test
  @DisplayName("C11.3, C2.1: a user day invites the designated contacts of every customer personally (\"klanten "
      + "ontvangen steeds een persoonlijke uitnodiging\"): free under contract, the day's fee otherwise; only the "
      + "coordinator organises one")
  void userDayInvitesDesignatedContactsOfEveryCustomer() throws Exception {
    LocalDate day = EngineClock.today().plusDays(45);
    String body = json.writeValueAsString(Map.of("day", day.toString(), "seats", 80, "place", "Kortrijk Xpo",
        "programme", "What is new in every product", "feeForOthers", 95));
    mvc.perform(post("/api/user-days").with(httpBasic("clerk", DemoUsers.PASSWORD))
        .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isForbidden());
    mvc.perform(post("/api/user-days").with(httpBasic("coordinator", DemoUsers.PASSWORD))
        .contentType(MediaType.APPLICATION_JSON).content(body.replace(day.toString(), EngineClock.today().toString())))
        .andExpect(status().isBadRequest());
    JsonNode userDay = json.readTree(mvc.perform(post("/api/user-days")
            .with(httpBasic("coordinator", DemoUsers.PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
    assertThat(userDay.get("kind").asText()).isEqualTo("USER_DAY");
    runJobs();

    String date = day.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    assertThat(recipients(mailsAbout("user day " + date))).containsExactly(
        "claire.martin@ppwavre.example", "julien.lambert@ateliers-lambert.example", "olivier.dubois@ppwavre.example",
        "sophie.renard@ateliers-lambert.example");
    List<MimeMessage> dutch = mailsAbout("gebruikersdag " + date);
    assertThat(recipients(dutch)).as("C11.3 contract customers and the others (Wouters: lapsed, Janssens, Goossens)")
        .containsExactly("bart.maes@maes-laser.example", "dirk.goossens@goossens-machinebouw.example",
            "ellen.jacobs@peeters-plaat.example", "evelien.smets@goossens-machinebouw.example",
            "frank.wouters@wouters-draaierij.example", "hanne.vermeersch@claes-draadvonk.example",
            "inge.verstraeten@maes-laser.example", "jan.vandamme@vandamme.example",
            "koen.mertens@janssens-kunststoffen.example", "lotte.vanhecke@desmet-matrijzen.example",
            "nele.wouters@wouters-draaierij.example", "pieter.desmet@desmet-matrijzen.example",
            "sarah.desmet@vandamme.example", "stijn.claes@claes-draadvonk.example",
            "tine.janssens@janssens-kunststoffen.example", "wim.peeters@peeters-plaat.example");
    assertThat(body(mailTo(dutch, "jan.vandamme@vandamme.example")))
        .contains("Met uw onderhoudscontract is de deelname gratis.");
    assertThat(body(mailTo(dutch, "frank.wouters@wouters-draaierij.example")))
        .contains("Deelname kost EUR 95");

    // Invited contract customers register free of charge; others pay the event's fee per person.
    long sessionId = userDay.get("id").asLong();
    assertThat(register(sessionId, "Claes", "Stijn Claes", "stijn.claes@claes-draadvonk.example", 2)
        .get("totalPrice").decimalValue()).isZero();
    assertThat(register(sessionId, "Wouters", "Frank Wouters", "frank.wouters@wouters-draaierij.example", 2)
        .get("totalPrice").decimalValue()).isEqualByComparingTo("190");
  }
}
