package com.produsoft.supportdesk.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.produsoft.supportdesk.alert.AlertPreference;
import com.produsoft.supportdesk.alert.AlertPreferenceRepository;
import com.produsoft.supportdesk.customer.Language;
import com.produsoft.supportdesk.demo.DemoUsers;

/**
 * The Cockpit dashboard reads /api/reports with the webapps' session (WebappSessionAuthentication): the same rules
 * as for Basic credentials decide, and the session reads nothing else and writes nothing. The staff pages (alert
 * preferences) go with the same session, their form guarded by a CSRF token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WebappSessionAuthenticationTest {

  private static final String PASSWORD = DemoUsers.PASSWORD;
  private static final String REPORT = "/api/reports/tickets/open";

  private static final String PREFERENCES = "/staff/preferences";
  private static final String FORM = "application/x-www-form-urlencoded";
  /** The boxes as a browser sends them: a checked box with its "_" marker; an unchecked one with its marker only. */
  private static final String ALL_BUT_NEW_P1 = "_newP1=on&customerNews=true&_customerNews=on&slaWarning=true"
      + "&_slaWarning=on&slaBreach=true&_slaBreach=on";

  @LocalServerPort
  int port;
  @Autowired
  AlertPreferenceRepository preferences;

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

  @Test
  @DisplayName("Alert preferences with the Tasklist session: each user sees their own; without a session (or with Basic credentials) the page explains how to sign in")
  void staffPreferencesGoWithTheTasklistSession() {
    WebClient anonymous = new WebClient(port);
    HttpResponse<String> refused = anonymous.get(PREFERENCES, null, null);
    assertThat(refused.statusCode()).isEqualTo(302);
    assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(
        location -> assertThat(location).endsWith("/staff/sign-in"));
    assertThat(anonymous.get("/staff/sign-in", null, null).body()).contains("Aanmelden in Tasklist");
    assertThat(new WebClient(port).get(PREFERENCES, "engineer.edgecam", PASSWORD).statusCode()).isEqualTo(302);

    HttpResponse<String> page = loggedInto("tasklist", "engineer.edgecam").get(PREFERENCES, null, null);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<html lang=\"nl\"", "Mijn meldingen", "An Maes", "an.maes@produsoft.com",
        "een nieuw P1-ticket", "checked=\"checked\"", "name=\"_csrf\"");
    assertThat(loggedInto("tasklist", "engineer.visi").get(PREFERENCES, null, null).body())
        .contains("lies.peeters@produsoft.com").doesNotContain("an.maes");
    HttpResponse<String> english = loggedInto("tasklist", "coordinator").request("GET", PREFERENCES, null, null,
        null, null, Map.of("Accept-Language", "en-GB,en"));
    assertThat(english.body()).contains("<html lang=\"en\"", "My alerts", "a new P1 ticket");
  }

  @Test
  @DisplayName("Alert preferences are saved with the page's CSRF token only; a forged post or a bad language changes nothing")
  void staffPreferencesAreSavedWithTheirToken() {
    WebClient an = loggedInto("tasklist", "engineer.edgecam");
    String token = csrfToken(an.get(PREFERENCES, null, null).body());
    try {
      HttpResponse<String> forged = an.post(PREFERENCES, FORM, ALL_BUT_NEW_P1 + "&language=EN", null, null);
      assertThat(forged.statusCode()).isEqualTo(302);
      assertThat(forged.headers().firstValue("Location")).hasValueSatisfying(
          location -> assertThat(location).endsWith("?expired"));
      assertThat(an.post(PREFERENCES, FORM, "_csrf=" + token + "&language=XX", null, null).statusCode())
          .isEqualTo(400);
      assertThat(preferences.findById("engineer.edgecam")).isEmpty();

      // The browser shows the form again, with a fresh token (an error page renews it).
      token = csrfToken(an.get(PREFERENCES, null, null).body());

      HttpResponse<String> saved = an.post(PREFERENCES, FORM, "_csrf=" + token + "&" + ALL_BUT_NEW_P1
          + "&language=EN", null, null);
      assertThat(saved.statusCode()).isEqualTo(302);
      assertThat(saved.headers().firstValue("Location")).hasValueSatisfying(
          location -> assertThat(location).endsWith(PREFERENCES + "?saved"));
      AlertPreference chosen = preferences.of("engineer.edgecam");
      assertThat(chosen.isNewP1()).isFalse();
      assertThat(chosen.isCustomerNews() && chosen.isSlaWarning() && chosen.isSlaBreach()).isTrue();
      assertThat(chosen.getLanguage()).isEqualTo(Language.EN);
      assertThat(an.get(PREFERENCES + "?saved", null, null).body()).contains("Je keuze is bewaard.");
    } finally {
      preferences.deleteById("engineer.edgecam");
    }
  }

  private static String csrfToken(String page) {
    Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
    assertThat(token.find()).as(page).isTrue();
    return URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
  }
}
