package com.produsoft.supportdesk.intake.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import com.produsoft.supportdesk.platform.web.BrowserTestSupport;
import com.produsoft.supportdesk.platform.web.BrowserWindow;
import com.produsoft.supportdesk.ticket.AttachmentRepository;
import com.produsoft.supportdesk.ticket.Ticket;
import com.produsoft.supportdesk.ticket.TicketFile;
import com.produsoft.supportdesk.ticket.TicketRegistration;
import com.produsoft.supportdesk.ticket.TicketRepository;

/**
 * C5.1 in a real browser (headless Debian Chromium): a customer sends the Dutch form with a file and a missing
 * field, corrects it, gets the EON number; the Edgecam engineer then sees the task in Tasklist. Whatever the
 * customer typed stays text everywhere. Without Chromium and chromedriver the test is skipped, unless
 * {@code SUPPORT_REQUIRE_BROWSER=true} (CI) makes that a failure.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@BrowserWindow(width = 1280, height = 2000)
class SupportFormBrowserTest extends BrowserTestSupport {

  /** Would change the page's title, or mark the body, if the browser ran it. */
  private static final String SCRIPT = "<script>document.title='XSS'</script>";
  private static final String IMAGE = "<img src=x onerror=\"document.body.setAttribute('data-xss','1')\">";
  private static final String DESCRIPTION = "Uitvoer stopt na gereedschapwissel " + SCRIPT + " " + IMAGE;

  @Autowired
  TicketRepository tickets;
  @Autowired
  AttachmentRepository attachments;
  @Autowired
  TaskService taskService;

  private static void type(String id, String text) {
    WebElement field = browser.findElement(By.id(id));
    field.clear();
    field.sendKeys(text);
  }

  private static void assertNothingRan() {
    assertThat(browser.getTitle()).isNotEqualTo("XSS");
    assertThat(((JavascriptExecutor) browser).executeScript("return document.body.getAttribute('data-xss')"))
        .as("the onerror handler a customer typed must not run").isNull();
  }

  @Test
  @DisplayName("C5.1: the Dutch form with a missing field, then complete, gives an EON number, the ticket with its file and the engineer's task; a <script> stays text, also in Tasklist")
  void customerRegistersAndEngineerSeesTheTask(@TempDir Path files) throws Exception {
    Path trace = Files.writeString(files.resolve("trace.log"), "N120 T5 M6\nalarm 1042", StandardCharsets.UTF_8);

    browser.get(url("/support"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Supportaanvraag");
    assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("nl");
    screenshot("support-form");

    // Everything but the company name.
    type("contactName", "Jan Vandamme");
    type("email", "jan.vandamme@vandamme.example");
    type("phone", "+32 50 12 34 56");
    new Select(browser.findElement(By.id("product"))).selectByValue("EDGECAM");
    browser.findElement(By.cssSelector("label[for='category-BUG']")).click();
    browser.findElement(By.cssSelector("label[for='productionStopped-yes']")).click();
    type("description", DESCRIPTION);
    type("operatingSystem", "Windows 11 23H2");
    browser.findElement(By.id("attachments")).sendKeys(trace.toAbsolutePath().toString());
    browser.findElement(By.cssSelector("button[type='submit']")).click();

    waitUpTo(10).until(ExpectedConditions.presenceOfElementLocated(By.id("companyName-error")));
    assertThat(browser.findElement(By.id("companyName-error")).getText()).isEqualTo("Vul dit veld in.");
    assertThat(browser.findElement(By.id("companyName")).getDomAttribute("aria-invalid")).isEqualTo("true");
    assertThat(browser.findElement(By.id("contactName")).getDomProperty("value")).isEqualTo("Jan Vandamme");
    assertThat(browser.findElement(By.id("description")).getDomProperty("value")).isEqualTo(DESCRIPTION);
    assertThat(browser.findElement(By.id("category-BUG")).isSelected()).isTrue();
    assertThat(browser.findElement(By.id("attachments-reselect")).getText()).startsWith("Kies uw bestanden opnieuw");
    assertNothingRan();
    screenshot("support-form-errors");

    type("companyName", "Metaalwerken Vandamme");
    browser.findElement(By.id("attachments")).sendKeys(trace.toAbsolutePath().toString());
    browser.findElement(By.cssSelector("button[type='submit']")).click();

    WebElement number = waitUpTo(10).until(ExpectedConditions.presenceOfElementLocated(By.id("eon-number")));
    String eon = number.getText();
    assertThat(eon).matches(TicketRegistration.EON_NUMBER);
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Bedankt, uw aanvraag is geregistreerd");
    screenshot("support-confirmation");

    Ticket ticket = tickets.findByEonNumber(eon).orElseThrow();
    assertThat(ticket.getCompanyName()).isEqualTo("Metaalwerken Vandamme");
    assertThat(ticket.isProductionStopped()).isTrue();
    assertThat(attachments.filesOf(ticket)).extracting(TicketFile::fileName).containsExactly("trace.log");
    Task triage = taskService.createTaskQuery().processInstanceBusinessKey(eon).singleResult();
    assertThat(triage.getName()).isEqualTo(eon + " · Metaalwerken Vandamme · Triage ticket");
    assertThat(taskService.createTaskQuery().taskId(triage.getId()).taskCandidateGroup("support-edgecam").count())
        .isEqualTo(1);

    browser.findElement(By.id("status-link")).click();
    waitUpTo(10).until(ExpectedConditions.presenceOfElementLocated(By.id("ticket-state")));
    assertThat(browser.findElement(By.tagName("main")).getText()).contains(eon, SCRIPT, IMAGE, "trace.log");
    assertNothingRan();
    screenshot("support-status");

    engineerSeesTheTaskInTasklist(triage, eon);
  }

  private void engineerSeesTheTaskInTasklist(Task triage, String eon) throws IOException {
    try {
      logInto("tasklist", "engineer.edgecam");
    } finally {
      screenshot("tasklist-login");
    }

    browser.get(url("/camunda/app/tasklist/default/#/?task=" + triage.getId()));
    try {
      waitUpTo(45).until(driver -> driver.findElement(By.tagName("body")).getText().contains("Problem (C4.4)"));
    } finally {
      screenshot("tasklist-task");
    }
    String page = browser.findElement(By.tagName("body")).getText();
    assertThat(page).contains(eon, "Triage ticket", "Metaalwerken Vandamme");
    assertThat(page).as("the customer's <script> is shown as text in the engineer's form").contains(SCRIPT);
    assertNothingRan();
    List<WebElement> injected = browser.findElements(By.cssSelector(".fjs-container script, .fjs-container img"));
    assertThat(injected).as("no element made of customer text").isEmpty();
  }
}
