package com.produsoft.supportdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import com.produsoft.supportdesk.calendar.OfficeHours;
import com.produsoft.supportdesk.platform.EngineClock;
import com.produsoft.supportdesk.platform.ProcessJobs;
import com.produsoft.supportdesk.platform.mail.EmbeddedMailServer;
import com.produsoft.supportdesk.platform.web.BrowserTestSupport;
import com.produsoft.supportdesk.platform.web.BrowserWindow;
import com.produsoft.supportdesk.platform.web.HeadlessChromium;

/**
 * Issue 17, acceptance 1: the engineer's day in the browser (Debian Chromium). engineer.edgecam logs into Tasklist
 * and lands on the EDGECAM queue, whose rows are named with EON number and company, the P1 first; opens the P1,
 * downloads the customer's file (the same bytes), follows the form's link to the ticket dossier, sends an
 * intermediate update with a file and plans a call-back for the next office day. The customer's mailbox (embedded
 * GreenMail) holds both mails, the second with an .ics, and the status page shows both in Dutch. The screenshots of
 * the queue and the task form are docs/engineer-guide.md's (see {@link #documentedScreenshot}).
 * <p>
 * The engine's clock stands on a Monday morning months ago, so that these tickets are the most urgent of the queue
 * (earliest due) whatever other tests left in it, and no timer runs meanwhile. The browser's pages run on that clock
 * too, in Brussels time ({@link HeadlessChromium#followEngineClock}): Tasklist tells due times from the browser's own
 * clock, and the queue's screenshot shows them as the engineer would read them that morning.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@BrowserWindow(width = 1400, height = 1100)
class EngineerDayBrowserTest extends BrowserTestSupport {

  private static final String CUSTOMER = "jan.vandamme@vandamme.example";
  private static final Path DOC_IMAGES = Path.of("docs", "images");

  @Autowired
  TicketService ticketService;
  @Autowired
  TicketRepository tickets;
  @Autowired
  ManagementService managementService;
  @Autowired
  EmbeddedMailServer mailServer;
  @Autowired
  OfficeHours officeHours;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /**
   * A screenshot for the guide: target/screenshots, and on request docs/images for docs/engineer-guide.md. Only a run
   * of this test on its own shows the guide's queue (in the full suite other tests' tickets join it), and a test run
   * must not change the checkout, so: {@code ./mvnw test -Dtest=EngineerDayBrowserTest -Ddocs.screenshots=true}.
   */
  private static void documentedScreenshot(String name) throws IOException {
    Path shot = screenshot(name);
    if (!Boolean.getBoolean("docs.screenshots")) {
      return;
    }
    Files.createDirectories(DOC_IMAGES);
    Files.copy(shot, DOC_IMAGES.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  @DisplayName("Issue 17 acceptance 1: queue P1 first, the customer's file, an update with a file and a call-back, both mailed (.ics) and on the Dutch status page")
  void engineersDay(@TempDir Path folder) throws Exception {
    LocalDate monday = LocalDate.now(EngineClock.BRUSSELS).minusDays(120).with(TemporalAdjusters.previousOrSame(
        DayOfWeek.MONDAY));
    while (!officeHours.isWorkingDay(monday) || !officeHours.isWorkingDay(monday.plusDays(1))) {
      monday = monday.minusWeeks(1);
    }
    ClockUtil.setCurrentTime(Date.from(monday.atTime(9, 0).atZone(EngineClock.BRUSSELS).toInstant()));
    HeadlessChromium.followEngineClock(browser);
    byte[] sample = "G0 X0 Y0 Z50\nG1 Z-2 F200\nM30\n".getBytes(StandardCharsets.UTF_8);
    Ticket mailQuestion = register(Channel.MAIL, false, "Vraag over de licentie van de postprocessor", List.of());
    Ticket productionStop = register(Channel.WEB, true, "Machine staat stil: postprocessor stopt bij gereedschapswissel",
        List.of(new NewAttachment("sample.nc", "text/plain", sample)));
    Ticket webQuestion = register(Channel.WEB, false, "Simulatie toont de klem niet", List.of());
    assertThat(List.of(productionStop.getPriority(), webQuestion.getPriority(), mailQuestion.getPriority()))
        .as("C5.3, C3.4, C5.1, C5.2").containsExactly(1, 2, 3);

    logInto("tasklist", "engineer.edgecam");
    String p1Name = productionStop.getEonNumber() + " · Metaalwerken Vandamme · Triage ticket";
    waitUpTo(45).until(driver -> bodyText().contains(p1Name) && bodyText().contains(mailQuestion.getEonNumber()));
    documentedScreenshot("engineer-queue");
    assertThat(browser.findElement(By.cssSelector(".task-filters .active")).getText()).as("lands on the team queue")
        .contains("EDGECAM queue");
    String queue = bodyText();
    assertThat(queue.indexOf(productionStop.getEonNumber())).as("P1 first, then P2, then P3")
        .isLessThan(queue.indexOf(webQuestion.getEonNumber()));
    assertThat(queue.indexOf(webQuestion.getEonNumber())).isLessThan(queue.indexOf(mailQuestion.getEonNumber()));
    assertThat(queue).contains(webQuestion.getEonNumber() + " · Metaalwerken Vandamme · Triage ticket");

    HeadlessChromium.click(browser, browser.findElement(By.xpath("//a[contains(normalize-space(.), '" + p1Name + "')]")));
    waitUpTo(45).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
        ".fjs-container a[href*='/files/']")));
    WebElement fileLink = browser.findElement(By.cssSelector(".fjs-container a[href*='/files/']"));
    assertThat(fileLink.getText()).isEqualTo("sample.nc");
    assertThat(bodyText()).contains("sample.nc · " + sample.length + " B · customer");
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", fileLink);
    documentedScreenshot("engineer-task-form");
    String downloaded = (String) ((JavascriptExecutor) browser).executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        fetch(arguments[0]).then(r => r.arrayBuffer()).then(bytes => {
          let text = ''; new Uint8Array(bytes).forEach(b => text += String.fromCharCode(b)); done(btoa(text));
        });""", fileLink.getDomAttribute("href"));
    assertThat(Base64.getDecoder().decode(downloaded)).as("the customer's file, the same bytes").isEqualTo(sample);

    String dossier = browser.findElement(By.cssSelector(".fjs-container a[href$='/staff/tickets/"
        + productionStop.getEonNumber() + "']")).getDomAttribute("href");
    browser.get(url(dossier));
    waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("message-form")));
    assertThat(browser.findElement(By.id("files")).getText()).contains("sample.nc");
    Path workaround = Files.writeString(folder.resolve("werkwijze.txt"), "Zet de postprocessor op versie 2026.1",
        StandardCharsets.UTF_8);
    browser.findElement(By.id("kind-UPDATE")).click();
    browser.findElement(By.id("text")).sendKeys("We hebben de fout nagebootst. In de bijlage staat hoe u intussen"
        + " verder kunt werken.");
    browser.findElement(By.id("files-input")).sendKeys(workaround.toAbsolutePath().toString());
    browser.findElement(By.id("send")).click();
    waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("sent")));
    assertThat(browser.findElement(By.id("files")).getText()).contains("werkwijze.txt", "engineer.edgecam");

    browser.findElement(By.id("kind-APPOINTMENT")).click();
    browser.findElement(By.id("text")).sendKeys("We bellen u terug om de nieuwe postprocessor samen te testen.");
    browser.findElement(By.id("channel-PHONE")).click();
    HeadlessChromium.fillIn(browser, browser.findElement(By.id("appointmentAt")),
        monday.plusDays(5).atTime(10, 0).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME).substring(0, 16));
    browser.findElement(By.id("send")).click();
    waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
    assertThat(browser.findElement(By.id("error-summary")).getText()).as("a Saturday: refused, nothing sent")
        .contains("outside office hours");
    assertThat(browser.findElement(By.id("text")).getDomProperty("value")).as("what was written is kept")
        .isEqualTo("We bellen u terug om de nieuwe postprocessor samen te testen.");
    assertThat(browser.findElement(By.id("kind-APPOINTMENT")).isSelected()).isTrue();

    LocalDateTime callBack = monday.plusDays(1).atTime(10, 0);
    HeadlessChromium.fillIn(browser, browser.findElement(By.id("appointmentAt")),
        callBack.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME).substring(0, 16));
    browser.findElement(By.id("send")).click();
    waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("sent")));
    screenshot("engineer-dossier");
    assertThat(browser.findElement(By.id("appointments")).getText())
        .contains(callBack.format(DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm")));

    settle(productionStop);
    List<CustomerMailbox.Mail> mails = CustomerMailbox.mails(mailServer, CUSTOMER, productionStop.getEonNumber());
    CustomerMailbox.Mail update = mails.get(mails.size() - 2);
    assertThat(update.subject()).contains("Nieuws over uw supportaanvraag");
    assertThat(update.files()).containsOnlyKeys("werkwijze.txt");
    CustomerMailbox.Mail appointment = mails.get(mails.size() - 1);
    assertThat(appointment.subject()).contains("Afspraak voor uw supportaanvraag");
    assertThat(appointment.files()).containsOnlyKeys("afspraak.ics");
    assertThat(new String(appointment.files().get("afspraak.ics"), StandardCharsets.UTF_8))
        .contains("DTSTART;TZID=Europe/Brussels:" + callBack.format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")));

    browser.get(url("/support/status/" + tickets.findByEonNumber(productionStop.getEonNumber()).orElseThrow()
        .getStatusToken()));
    assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("nl");
    String status = bodyText();
    screenshot("engineer-status-page");
    assertThat(status).contains("Nieuws over uw supportaanvraag", "We hebben de fout nagebootst",
        "Afspraak voor uw supportaanvraag", "We bellen u terug op "
            + callBack.format(DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'om' HH:mm", Locale.forLanguageTag("nl-BE"))),
        "werkwijze.txt", "sample.nc")
        .doesNotContain("Registered by", "Mail to", "Message to the customer", "engineer.edgecam");
  }

  private Ticket register(Channel channel, boolean productionStopped, String description, List<NewAttachment> files) {
    Ticket ticket = ticketService.register(new TicketRegistration("Metaalwerken Vandamme", "Jan Vandamme", CUSTOMER,
        "+32 50 12 34 56", "EDGECAM", "SUPPORT", description, null, null, "Windows 11", null, null, productionStopped,
        "nl"), channel, null, files).ticket();
    settle(ticket);
    return tickets.findByEonNumber(ticket.getEonNumber()).orElseThrow();
  }

  /** Waits until the job executor ran the ticket's asynchronous steps due now (mails). */
  private void settle(Ticket ticket) {
    ProcessJobs.settle(managementService, ticket.getProcessInstanceId());
  }
}
