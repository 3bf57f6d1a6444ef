package com.produsoft.supportdesk.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.function.ToLongFunction;
import java.util.stream.StreamSupport;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.produsoft.supportdesk.platform.EngineClock;
import com.produsoft.supportdesk.demo.DemoUsers;
import com.produsoft.supportdesk.platform.security.WebClient;
import com.produsoft.supportdesk.platform.web.BrowserTestSupport;
import com.produsoft.supportdesk.platform.web.BrowserWindow;
import com.produsoft.supportdesk.platform.web.HeadlessChromium;

/**
 * Issue 9, acceptance 1, in a real browser (headless Debian Chromium): the demo manager opens the Support dashboard
 * in Cockpit and finds every chart drawn with the demo data, each showing what /api/reports answers; an engineer,
 * and a user who may open Cockpit without being a manager or lead, see neither the entry nor the page. Skipped
 * without Chromium, unless {@code SUPPORT_REQUIRE_BROWSER=true}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "support.demo-data.tickets=true")
@ActiveProfiles("test")
@BrowserWindow(width = 1400, height = 1900)
class SupportDashboardBrowserTest extends BrowserTestSupport {

  private static final String PASSWORD = DemoUsers.PASSWORD;
  /** A Cockpit user who is neither manager nor lead (an auditor, say): made by the test, not a demo login. */
  private static final String AUDITOR = "auditor";

  @Autowired
  IdentityService identityService;
  @Autowired
  AuthorizationService authorizationService;

  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void loggedOut() {
    HeadlessChromium.signOutEverywhere(browser);
  }

  @Test
  @DisplayName("issue 9: the manager opens Support in Cockpit and every chart is drawn with the demo data, as /api/reports answers it")
  void managerSeesTheChartsFilledFromTheDemoData() throws IOException {
    logInto("cockpit", "manager");
    WebElement entry = waitUpTo(30).until(ExpectedConditions.elementToBeClickable(By.id("support-dashboard-link")));
    assertThat(entry.getText()).isEqualTo("Support");
    HeadlessChromium.click(browser, entry);

    // Opens on this month (the office-hours zone's calendar).
    LocalDate today = EngineClock.today();
    waitUntilLoaded(today.withDayOfMonth(1), today);
    assertThat(browser.findElement(By.id("support-from")).getDomProperty("value"))
        .isEqualTo(today.withDayOfMonth(1).toString());
    assertThat(browser.findElement(By.id("support-to")).getDomProperty("value")).isEqualTo(today.toString());

    // Then a period that holds the demo's weeks, whatever the day of the month.
    LocalDate from = today.minusDays(60);
    choosePeriod(from, today);
    waitUntilLoaded(from, today);
    screenshot("support-dashboard");

    String range = "from=" + from + "&to=" + today;
    assertChart("open-tickets", sum(report("tickets/open"), row -> row.get("count").asLong()));
    assertChart("registered", sum(report("tickets/registered?" + range), row -> row.get("count").asLong()));
    assertChart("first-response-sla", sum(report("sla/first-response?" + range),
        row -> row.get("met").asLong() + row.get("breached").asLong()));
    JsonNode times = report("response-times?" + range);
    assertChart("response-times",
        times.get("firstResponse").get("tickets").asLong() + times.get("resolution").get("tickets").asLong());
    assertChart("waiting-for-customer", sum(report("tickets/waiting-for-customer"), row -> row.get("count").asLong()));
    assertChart("supplier-bugs", sum(report("supplier-bugs/open"), row -> row.get("count").asLong()));
    LocalDate yearBack = today.withDayOfMonth(1).minusMonths(11);
    assertChart("contract-moves", sum(report("contracts?from=" + yearBack + "&to=" + today),
        row -> row.get("renewals").asLong() + row.get("cancellations").asLong() + row.get("lapses").asLong()
            + row.get("reinstatements").asLong()));

    JsonNode oldest = report("supplier-bugs/oldest?limit=10");
    assertThat(oldest.size()).as("the demo's supplier bugs").isPositive();
    assertThat(rows("oldest-supplier-bugs")).hasSize(oldest.size());
    assertThat(rows("oldest-supplier-bugs").get(0).getDomProperty("textContent"))
        .contains(oldest.get(0).get("title").asText());
    JsonNode deadlines = report("contracts/deadlines?days=30");
    assertThat(deadlines.size()).as("the demo's contract near its deadline").isPositive();
    assertThat(rows("contract-deadlines")).hasSize(deadlines.size());
    assertThat(rows("contract-deadlines").get(0).getDomProperty("textContent"))
        .contains(deadlines.get(0).get("contractNumber").asText());
  }

  @Test
  @DisplayName("an engineer can't open Cockpit, so neither its Support entry nor the page, and his Tasklist session reads no report")
  void engineerDoesNotSeeTheDashboard() throws IOException {
    assertThat(new WebClient(port).loginToWebapp("cockpit", "engineer.edgecam", PASSWORD)).isEqualTo(403);

    logInto("tasklist", "engineer.edgecam");
    browser.get(url("/camunda/app/cockpit/default/#/support"));
    try {
      // Camunda's webapp filter refuses Cockpit itself to a user without access to it.
      waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Forbidden"));
    } finally {
      screenshot("support-dashboard-engineer");
    }
    assertThat(browser.findElements(By.id("support-dashboard-link"))).isEmpty();
    assertThat(browser.findElements(By.cssSelector(".support-dashboard canvas"))).isEmpty();
    assertThat(statusOfFetch("/api/reports/tickets/open")).as("the engineer's session").isEqualTo(403);
  }

  @Test
  @DisplayName("a Cockpit user who is neither manager nor lead sees no Support entry, and the page itself refuses")
  void otherCockpitUserDoesNotSeeTheDashboard() throws IOException {
    cockpitUserOutsideManagement();
    logInto("cockpit", AUDITOR);
    waitUpTo(30).until(ExpectedConditions.presenceOfElementLocated(By.linkText("Processes")));

    browser.get(url("/camunda/app/cockpit/default/#/support"));
    WebElement refused = waitUpTo(30).until(
        ExpectedConditions.visibilityOfElementLocated(By.id("support-dashboard-refused")));
    screenshot("support-dashboard-refused");
    assertThat(refused.getText()).contains("for managers and support leads");
    assertThat(browser.findElements(By.id("support-dashboard-link"))).isEmpty();
    assertThat(browser.findElements(By.cssSelector(".support-dashboard canvas"))).isEmpty();
    assertThat(statusOfFetch("/api/reports/tickets/open")).as("the auditor's session").isEqualTo(403);
  }

  private void cockpitUserOutsideManagement() {
    if (identityService.createUserQuery().userId(AUDITOR).count() > 0) {
      return;
    }
    Group auditors = identityService.newGroup("auditors");
    auditors.setName("Auditors");
    identityService.saveGroup(auditors);
    User user = identityService.newUser(AUDITOR);
    user.setFirstName("Ann");
    user.setLastName("Auditor");
    user.setPassword(PASSWORD);
    identityService.saveUser(user);
    identityService.createMembership(AUDITOR, "auditors");
    Authorization cockpit = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    cockpit.setGroupId("auditors");
    cockpit.setResource(Resources.APPLICATION);
    cockpit.setResourceId("cockpit");
    cockpit.addPermission(Permissions.ACCESS);
    authorizationService.saveAuthorization(cockpit);
  }

  private void choosePeriod(LocalDate from, LocalDate to) {
    HeadlessChromium.fillIn(browser, browser.findElement(By.id("support-from")), from.toString());
    HeadlessChromium.fillIn(browser, browser.findElement(By.id("support-to")), to.toString());
    HeadlessChromium.click(browser, browser.findElement(By.cssSelector("#support-period button[type='submit']")));
  }

  private void waitUntilLoaded(LocalDate from, LocalDate to) throws IOException {
    try {
      waitUpTo(30).until(ExpectedConditions.attributeToBe(By.cssSelector(".support-dashboard"), "data-loaded",
          from + "/" + to));
    } finally {
      screenshot("support-dashboard-loading");
    }
  }

  /** A chart is drawn (a canvas Chart.js painted) and counts what the report counts, which the demo makes more than 0. */
  private void assertChart(String figure, long expectedTotal) {
    WebElement card = browser.findElement(By.cssSelector("[data-figure='" + figure + "']"));
    assertThat(expectedTotal).as(figure + " in the demo data").isPositive();
    assertThat(card.getDomAttribute("data-total")).as(figure).isEqualTo(String.valueOf(expectedTotal));
    assertThat(card.getDomAttribute("data-drawn")).as(figure + ": datasets drawn").isNotNull();
    WebElement canvas = card.findElement(By.tagName("canvas"));
    assertThat(canvas.getSize().getHeight()).as(figure + ": canvas").isPositive();
    Object painted = ((JavascriptExecutor) browser).executeScript(
        "const c = arguments[0], d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
            + "for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) return true; } return false;", canvas);
    assertThat(painted).as(figure + ": something painted on the canvas").isEqualTo(true);
  }

  /** The table's rows; read their textContent: below the fold, Cockpit's scrolling pane hides them from getText(). */
  private List<WebElement> rows(String figure) {
    return browser.findElements(By.cssSelector("[data-figure='" + figure + "'] tbody tr"));
  }

  private JsonNode report(String pathAndQuery) throws IOException {
    var response = new WebClient(port).get("/api/reports/" + pathAndQuery, "manager", PASSWORD);
    assertThat(response.statusCode()).as(pathAndQuery).isEqualTo(200);
    return json.readTree(response.body());
  }

  private static long sum(JsonNode rows, ToLongFunction<JsonNode> value) {
    return StreamSupport.stream(rows.spliterator(), false).mapToLong(value).sum();
  }

  /** What a script on the page would get from the server with the browser's session. */
  private static long statusOfFetch(String path) {
    Object status = ((JavascriptExecutor) browser).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "fetch(arguments[0], {headers: {'X-Requested-With': 'XMLHttpRequest'}}).then(r => done(r.status));",
        path);
    return ((Number) status).longValue();
  }
}
