package com.produsoft.supportdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import com.produsoft.supportdesk.platform.web.BrowserTestSupport;
import com.produsoft.supportdesk.platform.web.BrowserWindow;
import com.produsoft.supportdesk.platform.web.HeadlessChromium;

/**
 * Issue 18 in the browser (Chromium): from the triage task of a mail whose sender is not in the register, the
 * engineer follows the form's link, links the sender to the customer and lands on the customer's history (earlier
 * tickets, contract, licences); the priority follows the contract (C3.4). Then the search page finds the customer's
 * tickets by word and state, and refuses a period that ends before it starts, next to its field. The pages speak
 * the browser's language, as Tasklist does: English for this Chromium.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@BrowserWindow(width = 1400, height = 2400)
class TicketSearchBrowserTest extends BrowserTestSupport {

  @Autowired
  TicketService ticketService;
  @Autowired
  TicketRepository tickets;
  @Autowired
  TaskService taskService;

  private static String text(String id) {
    return browser.findElement(By.id(id)).getText();
  }

  private String register(String companyName, String email, Channel channel, String description) {
    return ticketService.register(new TicketRegistration(companyName, "Wout Deprez", email, "", "EDGECAM",
        "SUPPORT", description, null, null, null, null, null, false, "nl"), channel, null).ticket().getEonNumber();
  }

  @Test
  @DisplayName("Issue 18: an unknown sender is linked to its customer from the triage task's form link; the history and the search page show the customer's tickets")
  void engineerLinksSenderAndFindsTheCustomersTickets() throws Exception {
    String word = "freeskop" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
    String earlier = register("Metaalwerken Vandamme NV", "jan.vandamme@vandamme.example", Channel.WEB,
        "Earlier problem: " + word + " vibrates");
    String unknown = register("", "wout.deprez@vandamme.example", Channel.MAIL, "New problem: " + word + " breaks");
    assertThat(tickets.findByEonNumber(unknown).orElseThrow().getPriority()).as("C3.4 no contract known").isEqualTo(4);
    Task triage = taskService.createTaskQuery().processInstanceBusinessKey(unknown).singleResult();

    try {
      logInto("tasklist", "engineer.edgecam");
      browser.get(url("/camunda/app/tasklist/default/#/?task=" + triage.getId()));
      waitUpTo(45).until(driver -> driver.findElement(By.tagName("body")).getText().contains("Unknown sender"));
    } finally {
      screenshot("search-tasklist-unknown-sender");
    }
    HeadlessChromium.click(browser, browser.findElement(By.cssSelector(".fjs-container a[href$='/" + unknown
        + "/sender']")));
    waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("link-sender")));
    screenshot("search-sender");
    assertThat(text("sender-address")).isEqualTo("wout.deprez@vandamme.example");
    assertThat(text("current-customer")).contains("unknown");
    By vandamme = By.xpath("//label[contains(., 'Metaalwerken Vandamme NV')]/preceding-sibling::input[@type='radio']");
    assertThat(browser.findElements(vandamme)).as("a customer with a contact on the sender's mail domain").hasSize(1);

    HeadlessChromium.click(browser, browser.findElement(By.id("link")));
    waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
    assertThat(text("error-summary")).as("nothing chosen: the error is told").contains("Choose the sender's customer");

    HeadlessChromium.click(browser, browser.findElement(vandamme));
    HeadlessChromium.click(browser, browser.findElement(By.id("link")));
    waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("customer-history")));
    screenshot("search-customer-history");
    assertThat(text("linked")).contains(unknown, "Metaalwerken Vandamme NV");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Metaalwerken Vandamme NV");
    assertThat(text("contract-state")).contains("Under maintenance contract");
    assertThat(text("customer-tickets")).contains(unknown, earlier, "New problem", "Earlier problem");
    assertThat(text("contracts")).contains("MC-");
    assertThat(text("licences")).contains("EDGECAM");
    assertThat(tickets.findByEonNumber(unknown).orElseThrow().getPriority())
        .as("C5.2, C3.4 the contract customer's mail question").isEqualTo(3);
    Task moved = taskService.createTaskQuery().taskId(triage.getId()).singleResult();
    assertThat(moved.getPriority()).isEqualTo(50);
    assertThat(moved.getName()).isEqualTo(unknown + " · Metaalwerken Vandamme NV · Triage ticket");

    browser.get(url("/staff/tickets/" + unknown + "/customer"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).as("the form's link now opens the history")
        .isEqualTo("Metaalwerken Vandamme NV");
    browser.get(url("/staff/tickets/" + unknown + "/sender"));
    HeadlessChromium.click(browser, browser.findElement(By.id("link")));
    waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
    assertThat(text("current-customer")).isEqualTo("Metaalwerken Vandamme NV");

    browser.get(url("/staff/tickets"));
    browser.findElement(By.id("q")).sendKeys(word.substring(0, 10));
    browser.findElement(By.id("company")).sendKeys("vandamme");
    HeadlessChromium.click(browser, browser.findElement(By.id("find")));
    waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("results")));
    screenshot("search-results");
    List<String> rows = browser.findElements(By.cssSelector("#results tbody tr")).stream()
        .map(WebElement::getText).toList();
    assertThat(rows).as("newest first").hasSize(2);
    assertThat(rows.get(0)).contains(unknown, "Metaalwerken Vandamme NV", "open", "P3");
    assertThat(rows.get(1)).contains(earlier);

    browser.get(url("/staff/tickets?q=" + word + "&state=CLOSED"));
    assertThat(text("nothing")).isEqualTo("No tickets found.");
    browser.get(url("/staff/tickets?q=" + word + "&from=2026-02-01&to=2026-01-01"));
    assertThat(text("to-error")).isEqualTo("The end date is before the start date.");
    assertThat(browser.findElements(By.id("results"))).isEmpty();

    HeadlessChromium.click(browser, browser.findElement(By.id("to-tasklist")));
    assertThat(browser.getCurrentUrl()).contains("/camunda/app/tasklist/");
  }
}
