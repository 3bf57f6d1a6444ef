package com.produsoft.supportdesk.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.produsoft.supportdesk.platform.demo.DemoUsers;

/** Who reaches what: engine REST, actuator and the three Camunda webapps, with the demo logins. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AccessTest {

  private static final String PASSWORD = DemoUsers.PASSWORD;

  @LocalServerPort
  int port;

  WebClient web;

  @BeforeEach
  void newClient() {
    web = new WebClient(port);
  }

  @Test
  @DisplayName("/engine-rest is closed to anonymous callers and to wrong passwords, open to a demo engineer")
  void engineRestNeedsCredentials() {
    assertThat(web.get("/engine-rest/task", null, null).statusCode()).isEqualTo(401);
    // A wrong password locks the login for a few seconds (Camunda's throttling): use a user no other test needs.
    assertThat(web.get("/engine-rest/task", "engineer.radan", "wrong").statusCode()).isEqualTo(401);
    assertThat(web.get("/engine-rest/task", "engineer.visi", PASSWORD).statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("actuator: health is public, everything else needs a manager or admin")
  void actuatorShowsOnlyHealthPublicly() {
    assertThat(web.get("/actuator/health", null, null).statusCode()).isEqualTo(200);
    assertThat(web.get("/actuator/env", null, null).statusCode()).isEqualTo(401);
    assertThat(web.get("/actuator/metrics", null, null).statusCode()).isEqualTo(401);
    assertThat(web.get("/actuator/metrics", "engineer.visi", PASSWORD).statusCode()).isEqualTo(403);
    assertThat(web.get("/actuator/metrics", "manager", PASSWORD).statusCode()).isEqualTo(200);
  }

  @ParameterizedTest(name = "{0} logs into {1}: {2}")
  @CsvSource({
      "engineer.edgecam, tasklist, 200",
      "engineer.edgecam, cockpit,  403",
      "engineer.edgecam, admin,    403",
      "lead,             tasklist, 200",
      "lead,             cockpit,  200",
      "manager,          cockpit,  200",
      "manager,          tasklist, 403",
      "manager,          admin,    403",
      "clerk,            tasklist, 200",
      "designer,         tasklist, 403",
      "designer,         cockpit,  403",
      "admin,            admin,    200",
      "admin,            cockpit,  200",
  })
  @DisplayName("webapps: engineers reach Tasklist, managers Cockpit, admins Admin")
  void webappAccessFollowsTheGroups(String user, String app, int expectedStatus) {
    assertThat(web.loginToWebapp(app, user, PASSWORD)).isEqualTo(expectedStatus);
  }

  @Test
  @DisplayName("a process designer deploys from Camunda Modeler (REST) and reads definitions; an engineer may not deploy")
  void processDesignersDeployThroughRest() {
    String boundary = "----modeler" + UUID.randomUUID();
    String body = "--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"deployment-name\"\r\n\r\ndesigner-check\r\n"
        + "--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"designer-check.bpmn\"; filename=\"designer-check.bpmn\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n" + MINIMAL_PROCESS + "\r\n"
        + "--" + boundary + "--\r\n";
    String contentType = "multipart/form-data; boundary=" + boundary;

    assertThat(web.post("/engine-rest/deployment/create", contentType, body, "engineer.visi", PASSWORD).statusCode())
        .isEqualTo(403);
    assertThat(web.post("/engine-rest/deployment/create", contentType, body, "designer", PASSWORD).statusCode())
        .isEqualTo(200);
    assertThat(web.get("/engine-rest/process-definition?key=DesignerCheck", "designer", PASSWORD).body())
        .contains("DesignerCheck");
    assertThat(web.get("/engine-rest/process-instance", "designer", PASSWORD).body())
        .as("a designer sees no running cases").isEqualTo("[]");
  }

  private static final String MINIMAL_PROCESS = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="DesignerCheckDefinitions"
          targetNamespace="http://produsoft.com/support">
        <bpmn:process id="DesignerCheck" isExecutable="true" camunda:historyTimeToLive="1">
          <bpmn:startEvent id="Start"/>
        </bpmn:process>
      </bpmn:definitions>
      """;
}
