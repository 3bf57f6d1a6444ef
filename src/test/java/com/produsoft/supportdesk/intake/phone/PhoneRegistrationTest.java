package com.produsoft.supportdesk.intake.phone;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.produsoft.supportdesk.demo.DemoUsers;
import com.produsoft.supportdesk.platform.mail.EmbeddedMailServer;
import com.produsoft.supportdesk.platform.security.WebClient;
import com.produsoft.supportdesk.ticket.Channel;
import com.produsoft.supportdesk.ticket.TicketRepository;

import jakarta.mail.internet.MimeMessage;

/** C5.3: an engineer registers a phone call through Tasklist's start form "Register phone call". */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PhoneRegistrationTest {

  private static final String START = "/engine-rest/process-definition/key/PhoneRegistrationProcess/submit-form";

  @LocalServerPort
  int port;
  @Autowired
  TicketRepository tickets;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  HistoryService historyService;
  @Autowired
  EmbeddedMailServer mailServer;
  @Autowired
  ObjectMapper json;

  WebClient web;

  @BeforeEach
  void client() {
    web = new WebClient(port);
  }

  static String call(String email, boolean urgent) {
    return """
        {"variables": {
          "companyName": {"value": "Metaalwerken Vandamme"}, "contactName": {"value": "Jan Vandamme"},
          "email": {"value": "%s"}, "phone": {"value": "+32 50 12 34 56"},
          "product": {"value": "EDGECAM"}, "category": {"value": "SUPPORT"},
          "productionStopped": {"value": %s, "type": "Boolean"},
          "description": {"value": "Simulation hangs on the 5-axis job"},
          "earlierCallNumbers": {"value": "EON-2026-00001, EON-2026-00002"},
          "language": {"value": "nl"}}}
        """.formatted(email, urgent);
  }

  @Test
  @DisplayName("C5.3 the start form registers a non-urgent call as a phone ticket; the customer is mailed the web form's link")
  void nonUrgentCallIsRegisteredAndTheWebFormLinkMailed() throws Exception {
    HttpResponse<String> started = web.post(START, "application/json", call("jan.vandamme@vandamme.example", false),
        "engineer.edgecam", DemoUsers.PASSWORD);
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    // The phone process ends at once; the EON number stays in its history.
    String eon = (String) historyService.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(json.readTree(started.body()).get("id").asText()).variableName("eonNumber")
        .singleResult().getValue();

    var ticket = tickets.findByEonNumber(eon).orElseThrow();
    assertThat(ticket.getChannel()).isEqualTo(Channel.PHONE);
    assertThat(ticket.getEarlierCallNumbers()).containsExactly("EON-2026-00001", "EON-2026-00002");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("TicketProcess")
        .processInstanceBusinessKey(eon).count()).isEqualTo(1);
    MimeMessage mail = awaitMailAbout(eon);
    assertThat(GreenMailUtil.getBody(mail)).contains("/support");
  }

  @Test
  @DisplayName("an incomplete phone registration names the bad field and stores nothing")
  void invalidCallIsRefusedWhole() {
    long before = tickets.count();
    HttpResponse<String> refused = web.post(START, "application/json", call("not an address", true),
        "engineer.edgecam", DemoUsers.PASSWORD);
    assertThat(refused.statusCode()).isGreaterThanOrEqualTo(400);
    assertThat(refused.body()).contains("email");
    assertThat(tickets.count()).isEqualTo(before);
  }

  @Test
  @DisplayName("engineers find 'Register phone call' among Tasklist's start forms; a manager may not start it")
  void onlySupportStaffRegisterCalls() throws Exception {
    String startable = web.get("/engine-rest/process-definition?startableInTasklist=true&startablePermissionCheck=true"
        + "&latestVersion=true", "engineer.edgecam", DemoUsers.PASSWORD).body();
    assertThat(json.readTree(startable).findValuesAsText("key")).contains("PhoneRegistrationProcess");
    assertThat(web.post(START, "application/json", call("jan.vandamme@vandamme.example", false), "manager",
        DemoUsers.PASSWORD).statusCode()).isEqualTo(403);
  }

  private MimeMessage awaitMailAbout(String eon) throws InterruptedException {
    Instant giveUp = Instant.now().plusSeconds(20);
    while (Instant.now().isBefore(giveUp)) {
      Optional<MimeMessage> mail = Arrays.stream(mailServer.greenMail().getReceivedMessages())
          .filter(message -> GreenMailUtil.getHeaders(message).contains(eon))
          .findFirst();
      if (mail.isPresent()) {
        return mail.get();
      }
      Thread.sleep(200);
    }
    throw new AssertionError("No mail about " + eon + " among " + List.of(mailServer.greenMail().getReceivedMessages()).size());
  }
}
