package com.produsoft.supportdesk.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.produsoft.supportdesk.platform.demo.DemoUsers;

/**
 * The Cockpit dashboard reads /api/reports with the webapps' session (WebappSessionAuthentication): the same rules
 * as for Basic credentials decide, and the session reads nothing else and writes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WebappSessionAuthenticationTest {

  private static final String PASSWORD = DemoUsers.PASSWORD;
  private static final String REPORT = "/api/reports/tickets/open";

  @LocalServerPort
  int port;

  private WebClient loggedInto(String app, String user) {
    WebClient web = new WebClient(port);
    assertThat(web.loginToWebapp(app, user, PASSWORD)).as(user + " logs into " + app).isEqualTo(200);
    return web;
  }

  @Test
  @DisplayName("a manager's and a lead's Cockpit session read the reports, and the session lives on unchanged")
  void managersAndLeadsReadReportsWithTheirCockpitSession() {
    WebClient manager = loggedInto("cockpit", "manager");
    var report = manager.get(REPORT, null, null);
    assertThat(report.statusCode()).isEqualTo(200);
    assertThat(report.headers().firstValue("Set-Cookie")).as("no new session id under Cockpit's feet").isEmpty();
    assertThat(manager.get("/api/reports/contracts/deadlines?days=30", null, null).statusCode()).isEqualTo(200);
    // Still logged into Cockpit: reading the reports neither ended nor renewed the webapps' session.
    var cockpitUser = manager.get("/camunda/api/admin/auth/user/default", null, null);
    assertThat(cockpitUser.statusCode()).isEqualTo(200);
    assertThat(cockpitUser.body()).contains("\"userId\":\"manager\"");
    assertThat(manager.get(REPORT, null, null).statusCode()).isEqualTo(200);

    assertThat(loggedInto("cockpit", "lead").get(REPORT, null, null).statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("an engineer's Tasklist session is refused the reports (403); without a session they answer 401")
  void othersAreRefused() {
    assertThat(loggedInto("tasklist", "engineer.visi").get(REPORT, null, null).statusCode()).isEqualTo(403);
    assertThat(loggedInto("tasklist", "clerk").get(REPORT, null, null).statusCode()).isEqualTo(403);
    assertThat(new WebClient(port).get(REPORT, null, null).statusCode()).isEqualTo(401);
  }

  @Test
  @DisplayName("the session only reads reports: other API paths and every write still need Basic credentials")
  void theSessionOpensNothingElse() {
    WebClient admin = loggedInto("cockpit", "admin");
    assertThat(admin.get(REPORT, null, null).statusCode()).isEqualTo(200);
    assertThat(admin.get("/api/contracts/MC-2020-0007", null, null).statusCode()).isEqualTo(401);
    assertThat(admin.post("/api/releases", "application/json", "{}", null, null).statusCode()).isEqualTo(401);
    assertThat(admin.post(REPORT, "application/json", "{}", null, null).statusCode()).isEqualTo(401);
  }
}
