package com.produsoft.supportdesk.licencetransfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.produsoft.supportdesk.licence.Licence;
import com.produsoft.supportdesk.licence.LicenceRepository;
import com.produsoft.supportdesk.calendar.OfficeHours;
import com.produsoft.supportdesk.platform.EngineClock;
import com.produsoft.supportdesk.demo.DemoUsers;
import com.produsoft.supportdesk.platform.mail.EmbeddedMailServer;
import com.produsoft.supportdesk.platform.security.WebClient;
import com.produsoft.supportdesk.ticket.JournalRepository;
import com.produsoft.supportdesk.ticket.TicketRepository;

import jakarta.mail.internet.MimeMessage;

/**
 * The licence move as a new user tries it (C10, C3.5, C3.6, C3.8), on the demo register: the application with
 * its web pages, the API, the engine (jobs run by the test) and the embedded mail server. Same configuration as
 * the contract tests, so that the Spring context is shared.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
@ActiveProfiles("test")
class LicenceMoveAcceptanceTest {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final Pattern REQUEST_PAGE = Pattern.compile("/support/licence-requests/([0-9a-f]+)");

  @LocalServerPort
  int port;
  @Autowired
  LicenceRequests requests;
  @Autowired
  LicenceTransferRequestRepository requestRepository;
  @Autowired
  LicenceRepository licences;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  ManagementService managementService;
  @Autowired
  EmbeddedMailServer mailServer;
  @Autowired
  OfficeHours officeHours;
  @Autowired
  TicketRepository tickets;
  @Autowired
  JournalRepository journal;
  @Autowired
  ObjectMapper json;

  private String postPage(WebClient web, String pagePath, String postPath, Map<String, String> fields) {
    HttpResponse<String> page = web.get(pagePath, null, null);
    Matcher csrf = CSRF.matcher(page.body());
    assertThat(csrf.find()).as("CSRF token on " + pagePath).isTrue();
    String body = fields.entrySet().stream()
        .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&")) + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
    HttpResponse<String> posted = web.post(postPath, "application/x-www-form-urlencoded", body, null, null);
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
    return posted.headers().firstValue("Location").orElseThrow();
  }

  private String refusedPage(String query, Map<String, String> fields) {
    WebClient web = new WebClient(port);
    Matcher csrf = CSRF.matcher(web.get("/support/licence-move" + query, null, null).body());
    assertThat(csrf.find()).isTrue();
    String body = fields.entrySet().stream()
        .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&")) + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
    HttpResponse<String> refused = web.post("/support/licence-move" + query, "application/x-www-form-urlencoded",
        body, null, null);
    assertThat(refused.statusCode()).isEqualTo(200);
    return refused.body();
  }

  @Test
  @DisplayName("C10.1: a refused licence request names each fault next to its field, in the customer's language, and stores nothing")
  void refusedRequestSpeaksTheCustomersLanguage() {
    Map<String, String> wrongHardware = Map.of("email", "jan.vandamme@vandamme.example",
        "licenceNumbers", "EC-418207", "reason", "NEW_COMPUTER", "oldHardware", "HOST-000000",
        "newHardware", "HOST-NEW-PC");
    long before = requestRepository.count();
    assertThat(refusedPage("", wrongHardware))
        .contains("Vul de host-id of het donglenummer in waaraan de licentie nu gebonden is.");
    assertThat(refusedPage("?lang=en", wrongHardware))
        .contains("Fill in the host id or dongle number the licence is bound to now.");
    assertThat(requestRepository.count()).isEqualTo(before);
  }

  private Task task(LicenceTransferRequest request, String activityId) {
    return taskService.createTaskQuery().processInstanceBusinessKey(request.getNumber())
        .taskDefinitionKey(activityId).singleResult();
  }

  private void runJob(LicenceTransferRequest request, String activityId) {
    Job job = managementService.createJobQuery().processInstanceId(runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(request.getNumber()).singleResult().getId()).activityId(activityId).singleResult();
    managementService.executeJob(job.getId());
  }

  private List<MimeMessage> mailsTo(String address, String reference) throws Exception {
    return mailServer.greenMail().findReceivedMessages(user -> user.getEmail().equalsIgnoreCase(address),
        message -> true).filter(message -> {
          try {
            return message.getSubject().contains("[" + reference + "]");
          } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
          }
        }).toList();
  }

  private static String text(MimeMessage mail) throws Exception {
    return mail.getContent().toString();
  }

  /** A moment within office hours some working days ahead, as Tasklist's datetime field sends it. */
  private String appointmentInOfficeHours() {
    Instant opening = officeHours.addOfficeDays(EngineClock.now(), 2);
    return LocalDateTime.ofInstant(opening, EngineClock.BRUSSELS).withHour(10).withMinute(0).toString();
  }

  @Test
  @DisplayName("Acceptance 2 (C3.5, C10): Vandamme, under contract, asks on the web page to move Edgecam EC-418207; the engineer plans; the mails come; after the confirmation the register shows the new host and the old binding's end")
  void customerWithContractMovesEdgecamLicence() throws Exception {
    WebClient web = new WebClient(port);
    String location = postPage(web, "/support/licence-move", "/support/licence-move", Map.of(
        "email", "jan.vandamme@vandamme.example", "licenceNumbers", "EC-418207", "reason", "NEW_COMPUTER",
        "oldHardware", "HOST-7F3A21", "newHardware", "HOST-NEW-PC"));
    Matcher token = REQUEST_PAGE.matcher(location);
    assertThat(token.find()).isTrue();
    LicenceTransferRequest request = requests.byToken(token.group(1)).orElseThrow();
    assertThat(request.isFreeOfCharge()).isTrue();
    assertThat(request.getContractNumber()).startsWith("MC-");

    // C10.3: the engineer of the Edgecam team plans in Tasklist; a Sunday lies outside office hours.
    Task plan = task(request, "Task_PlanLicenceMove");
    assertThat(plan.getName()).isEqualTo(request.getNumber() + " · Metaalwerken Vandamme NV · Plan licence move");
    assertThat(taskService.getIdentityLinksForTask(plan.getId()))
        .anyMatch(link -> "support-edgecam".equals(link.getGroupId()));
    String sunday = LocalDate.now(EngineClock.BRUSSELS).with(TemporalAdjusters.next(DayOfWeek.SUNDAY))
        .atTime(10, 0).toString();
    assertThatThrownBy(() -> taskService.complete(plan.getId(), Map.of("appointment", sunday,
        "reinstalledBy", "CUSTOMER"))).hasMessageContaining("outside office hours");
    taskService.complete(plan.getId(), Map.of("appointment", appointmentInOfficeHours(),
        "reinstalledBy", "CUSTOMER"));
    runJob(request, "Task_SendAppointment");
    assertThat(mailsTo("jan.vandamme@vandamme.example", request.getNumber()))
        .singleElement().satisfies(mail -> assertThat(mail.getSubject()).contains("Afspraak", "EC-418207"));

    taskService.complete(task(request, "Task_IssueNewLicence").getId());
    assertThat(licences.findByLicenceNumber("EC-418207").orElseThrow().getHostId()).isEqualTo("HOST-7F3A21");
    runJob(request, "Event_AppointmentReached");
    runJob(request, "Task_AskConfirmation");
    MimeMessage confirmationRequest = mailsTo("jan.vandamme@vandamme.example", request.getNumber()).get(1);
    assertThat(text(confirmationRequest)).contains("/support/licence-requests/" + request.getToken());

    String page = "/support/licence-requests/" + request.getToken();
    assertThat(postPage(web, page, page + "/confirmation", Map.of())).endsWith("?confirmed");
    assertThat(requests.get(request.getId()).getStatus()).isEqualTo(LicenceTransferRequest.Status.CONFIRMED);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(request.getNumber()).count())
        .isZero();

    HttpResponse<String> history = web.get("/api/licences/EC-418207/bindings", "engineer.edgecam",
        DemoUsers.PASSWORD);
    assertThat(history.statusCode()).isEqualTo(200);
    assertThat(history.body()).containsSubsequence("\"hostId\":\"HOST-7F3A21\"", "\"boundUntil\":\"20",
        "\"endedBecause\":\"RELEASED\"", "\"hostId\":\"HOST-NEW-PC\"", "\"boundUntil\":null");
    assertThat(web.get("/api/licences/EC-418207/bindings", null, null).statusCode()).isEqualTo(401);
    assertThat(web.get("/api/licences/EC-418207/bindings", "manager", DemoUsers.PASSWORD).statusCode())
        .isEqualTo(403);
  }

  @Test
  @DisplayName("Acceptance 3 (C3.5 without contract): Goossens gets a quote; nothing moves until it is accepted on the page")
  void customerWithoutContractGetsAQuoteFirst() throws Exception {
    WebClient web = new WebClient(port);
    // The engineer turns Goossens' support ticket into a licence request (C10.1).
    HttpResponse<String> ticket = web.post("/api/tickets", "application/json", """
        {"companyName": "Machinebouw Goossens", "contactName": "Dirk Goossens",
         "email": "dirk.goossens@goossens-machinebouw.example", "phone": "+32 473 16 52 88",
         "product": "EDGECAM", "category": "SUPPORT", "productionStopped": false, "language": "nl",
         "description": "Our Edgecam workstation was stolen; how do we get the licence on a new one?"}""",
        null, null);
    assertThat(ticket.statusCode()).as(ticket.body()).isEqualTo(201);
    String eonNumber = json.readTree(ticket.body()).get("eonNumber").asText();
    HttpResponse<String> created = web.post("/api/licence-requests", "application/json", """
        {"contactEmail":"dirk.goossens@goossens-machinebouw.example","licenceNumbers":["EC-395101"],
         "reason":"THEFT","oldHardware":"HOST-3E88B2","newHardware":"HOST-GOOSSENS-2","eonNumber":"%s"}"""
        .formatted(eonNumber), "engineer.edgecam", DemoUsers.PASSWORD);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(created.body()).contains("\"freeOfCharge\":false");
    LicenceTransferRequest request = requests.get(Long.parseLong(created.headers().firstValue("Location")
        .orElseThrow().replaceAll(".*/", "")));

    assertThat(journal.findByTicketOrderByCreatedAtAscIdAsc(tickets.findByEonNumber(eonNumber).orElseThrow()))
        .anyMatch(entry -> entry.getText().contains("Licence request " + request.getNumber()));

    Task quote = task(request, "Task_PrepareLicenceQuote");
    assertThat(taskService.getIdentityLinksForTask(quote.getId()))
        .anyMatch(link -> "administration".equals(link.getGroupId()));
    taskService.complete(quote.getId(), Map.of("quoteEuros", 275));
    runJob(request, "Task_SendLicenceQuote");
    MimeMessage quoteMail = mailsTo("dirk.goossens@goossens-machinebouw.example", request.getNumber()).get(0);
    assertThat(text(quoteMail)).contains("275", "/support/licence-requests/" + request.getToken());
    assertThat(task(request, "Task_PlanLicenceMove")).isNull();
    assertThat(licences.findByLicenceNumber("EC-395101").orElseThrow().getHostId()).isEqualTo("HOST-3E88B2");

    String page = "/support/licence-requests/" + request.getToken();
    assertThat(web.get(page, null, null).body()).contains("EUR 275");
    assertThat(postPage(web, page, page + "/quote", Map.of("accepted", "true"))).endsWith("?answered");

    assertThat(task(request, "Task_PlanLicenceMove")).isNotNull();
    assertThat(requests.get(request.getId()).getQuoteAnsweredAt()).isNotNull();
    assertThat(web.post("/api/licence-requests", "application/json", """
        {"contactEmail":"dirk.goossens@goossens-machinebouw.example","licenceNumbers":["EC-418207"],
         "reason":"THEFT","oldHardware":"HOST-3E88B2","eonNumber":"EON-1900-00000"}""", "engineer.edgecam", DemoUsers.PASSWORD).statusCode())
        .isEqualTo(400);
  }
}
