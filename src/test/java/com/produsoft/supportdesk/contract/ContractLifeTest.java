package com.produsoft.supportdesk.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.produsoft.supportdesk.customer.Language;
import com.produsoft.supportdesk.platform.EngineClock;
import com.produsoft.supportdesk.ticket.Channel;
import com.produsoft.supportdesk.ticket.Ticket;
import com.produsoft.supportdesk.ticket.TicketRegistration;
import com.produsoft.supportdesk.ticket.TicketService;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

/**
 * Three simulated years of maintenance contracts (C1) in the running application: Camunda's clock is moved from
 * date to date and the due timer and async jobs are run, with the real delegates, tables, PDF and mails.
 */
class ContractLifeTest extends ContractTestSupport {

  /** A Monday; the first period ends on 29 February 2028 and its cancellation deadline is 1 December 2027. */
  private static final LocalDate SOLD = LocalDate.of(2027, 3, 1);
  private static final LocalDate FIRST_DEADLINE = LocalDate.of(2027, 12, 1);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  @Autowired
  ContractLife contractLife;
  @Autowired
  ContractEventRepository events;
  @Autowired
  EntitlementService entitlements;
  @Autowired
  TicketService ticketService;

  private String sell(TestCustomer buyer, String licenceNumber) {
    today(SOLD);
    return contractService.registerSale(sale(buyer.customer(), SOLD, "EDGECAM", licenceNumber)).getContractNumber();
  }

  @Test
  @DisplayName("C1.2, C1.3, C1.4: three years renew automatically; each year one reminder before the deadline and "
      + "a proof of renewal PDF mailed to both designated contacts, and an invoice task for the administration")
  void renewsThreeYearsWithReminderAndProof() throws Exception {
    TestCustomer buyer = newCustomer(Language.EN);
    String number = sell(buyer, "EC-910001");

    for (int year = 1; year <= 3; year++) {
      MaintenanceContract contract = reload(number);
      LocalDate periodEnd = contract.getCurrentPeriodEnd();
      today(contract.cancellationDeadline().minusDays(30));
      runDueJobs(number);
      assertThat(mailsTo(buyer.systemResponsible())).filteredOn(mail -> subject(mail).contains("renews on"))
          .hasSize(year);
      assertThat(contractLife.remind(number)).as("one reminder per deadline").isFalse();

      today(periodEnd.plusDays(1));
      runDueJobs(number);

      MaintenanceContract renewed = reload(number);
      assertThat(renewed.getStatus()).isEqualTo(ContractStatus.ACTIVE);
      assertThat(renewed.getCurrentPeriodStart()).isEqualTo(periodEnd.plusDays(1));
      List<MimeMessage> proofs = mailsTo(buyer.deputy()).stream()
          .filter(mail -> subject(mail).startsWith("Proof of renewal")).toList();
      assertThat(proofs).hasSize(year);
      String pdfText = pdfText(proofs.get(year - 1));
      assertThat(pdfText).contains(number, buyer.customer().getCompanyName(),
          DAY.format(renewed.getCurrentPeriodStart()) + " – " + DAY.format(renewed.getCurrentPeriodEnd()));
      completeInvoiceTask(number);
    }

    assertThat(reload(number).getCurrentPeriodStart()).isEqualTo(LocalDate.of(2030, 3, 1));
    assertThat(mailsTo(buyer.other())).as("only designated contacts are written to (C2.1)").isEmpty();
    assertThat(events.findByContractOrderByOccurredOnAscIdAsc(reload(number)))
        .extracting(ContractEvent::getType)
        .containsExactly(ContractEventType.REMINDER_SENT, ContractEventType.RENEWED, ContractEventType.REMINDER_SENT,
            ContractEventType.RENEWED, ContractEventType.REMINDER_SENT, ContractEventType.RENEWED);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number).count()).isEqualTo(1);
  }

  @Test
  @DisplayName("C1.4, C3: a cancellation received one day before the deadline ends the contract at the end of "
      + "the period; the customer is told the date and the benefits that stop; then the contract lapses")
  void cancelledOneDayBeforeTheDeadline() throws Exception {
    TestCustomer buyer = newCustomer(Language.NL);
    String number = sell(buyer, "EC-910002");

    today(FIRST_DEADLINE.minusDays(1));
    runDueJobs(number);
    MaintenanceContract cancelled = contractService.cancel(number, null, CancellationChannel.MAIL);
    runDueJobs(number);

    assertThat(cancelled.getEndsOn()).isEqualTo(LocalDate.of(2028, 2, 29));
    MimeMessage confirmation = mailsTo(buyer.systemResponsible()).stream()
        .filter(mail -> subject(mail).startsWith("Bevestiging van de opzegging")).findFirst().orElseThrow();
    assertThat((String) confirmation.getContent()).contains("29/02/2028", "nieuwe softwareversies",
        "voorrang bij uw oproepen", "licentietransfer");

    today(LocalDate.of(2028, 2, 29));
    assertThat(reload(number).covers(EngineClock.today())).as("the last day is covered").isTrue();
    today(LocalDate.of(2028, 3, 1));
    runDueJobs(number);

    assertThat(reload(number).getStatus()).isEqualTo(ContractStatus.LAPSED);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number).count()).isZero();
    assertThat(mailsTo(buyer.systemResponsible())).noneMatch(mail -> subject(mail).startsWith("Bewijs"));
  }

  @Test
  @DisplayName("C1.4 system reading: a cancellation received one day after the deadline ends the contract a year "
      + "later; it renews once more with a proof, gets no more reminders, then lapses")
  void cancelledOneDayAfterTheDeadline() {
    TestCustomer buyer = newCustomer(Language.EN);
    String number = sell(buyer, "EC-910003");

    today(FIRST_DEADLINE.plusDays(1));
    MaintenanceContract cancelled = contractService.cancel(number, null, CancellationChannel.PHONE);
    assertThat(cancelled.getEndsOn()).isEqualTo(LocalDate.of(2029, 2, 28));

    today(LocalDate.of(2028, 3, 1));
    runDueJobs(number);
    assertThat(reload(number).getCurrentPeriodStart()).isEqualTo(LocalDate.of(2028, 3, 1));
    assertThat(reload(number).getStatus()).isEqualTo(ContractStatus.CANCELLED);
    completeInvoiceTask(number);

    today(LocalDate.of(2029, 3, 1));
    runDueJobs(number);

    assertThat(reload(number).getStatus()).isEqualTo(ContractStatus.LAPSED);
    List<String> subjects = mailsTo(buyer.systemResponsible()).stream().map(ContractTestSupport::subject).toList();
    assertThat(subjects).filteredOn(subject -> subject.startsWith("Proof of renewal")).hasSize(1);
    assertThat(subjects).filteredOn(subject -> subject.contains("renews on")).as("no reminders once cancelled")
        .isEmpty();
    assertThat(subjects).filteredOn(subject -> subject.startsWith("Confirmation of the cancellation")).hasSize(1);
  }

  @Test
  @DisplayName("C1.5: three months after the lapse the customer asks for a contract again: quote with the "
      + "reinstatement fee from the decision table, accepted, and a new period starts that day")
  void lapsedAndReinstatedWithTheFee() {
    TestCustomer buyer = newCustomer(Language.NL);
    String number = lapsedOn(buyer, "EC-910004", LocalDate.of(2028, 3, 1));

    today(LocalDate.of(2028, 6, 15));
    ReinstatementQuote requested = contractService.requestReinstatement(number);
    assertThat(requested.getMonthsSinceLapse()).isEqualTo(3);
    Task prepare = taskService.createTaskQuery().processInstanceBusinessKey(number)
        .taskDefinitionKey("Task_PrepareReinstatementQuote").singleResult();
    assertThat(taskService.getVariable(prepare.getId(), "reinstatementFee")).isEqualTo(900);
    taskService.complete(prepare.getId());
    runDueJobs(number);
    MimeMessage quote = mailsTo(buyer.deputy()).stream()
        .filter(mail -> subject(mail).startsWith("Offerte")).findFirst().orElseThrow();
    assertThat(content(quote)).contains("EUR 900", "15/07/2028");

    today(LocalDate.of(2028, 6, 20));
    contractService.acceptQuote(number);

    MaintenanceContract reinstated = reload(number);
    assertThat(reinstated.getStatus()).isEqualTo(ContractStatus.ACTIVE);
    assertThat(reinstated.getCurrentPeriodStart()).isEqualTo(LocalDate.of(2028, 6, 20));
    assertThat(reinstated.getCurrentPeriodEnd()).isEqualTo(LocalDate.of(2029, 6, 19));
    assertThat(reinstated.covers(LocalDate.of(2028, 5, 1))).as("the gap stays uncovered").isFalse();
    assertThat(events.findByContractOrderByOccurredOnAscIdAsc(reinstated)).extracting(ContractEvent::getType)
        .containsSubsequence(ContractEventType.CANCELLED, ContractEventType.LAPSED, ContractEventType.REINSTATED);
    assertThat(managementService.createJobQuery().processInstanceId(processInstanceId(number)).timers()
        .singleResult().getDuedate()).isEqualTo(Date.from(LocalDate.of(2029, 2, 18).atTime(8, 0)
            .atZone(EngineClock.BRUSSELS).toInstant()));
  }

  @Test
  @DisplayName("acceptance 4, C3.4: a ticket of a customer whose contract lapsed yesterday is not under contract "
      + "and gets the no-contract priority today; on the contract's last day it still had priority")
  void ticketTheDayAfterTheLapseGetsTheNoContractPriority() {
    TestCustomer buyer = newCustomer(Language.NL);
    String number = sell(buyer, "EC-910005");
    today(LocalDate.of(2027, 6, 1));
    contractService.cancel(number, null, CancellationChannel.MAIL);

    today(LocalDate.of(2028, 2, 29));
    Ticket lastDay = ticket(buyer);
    today(LocalDate.of(2028, 3, 1));
    runDueJobs(number);
    today(LocalDate.of(2028, 3, 2));
    Ticket dayAfterLapse = ticket(buyer);

    assertThat(reload(number).getStatus()).isEqualTo(ContractStatus.LAPSED);
    assertThat(lastDay.isUnderContract()).isTrue();
    assertThat(lastDay.getPriority()).isEqualTo(2);
    assertThat(dayAfterLapse.isUnderContract()).isFalse();
    assertThat(dayAfterLapse.getPriority()).isEqualTo(4);
    assertThat(dayAfterLapse.getEntitlementWarning()).contains("C1.5", number);
  }

  private Ticket ticket(TestCustomer buyer) {
    return ticketService.register(new TicketRegistration(buyer.customer().getCompanyName(), "Boss",
        buyer.systemResponsible(), "+32 50 12 34 56", "EDGECAM", "SUPPORT", "Toolpath fails after the update", null,
        null, "Windows 11", List.of(), null, false, "nl"), Channel.WEB, null).ticket();
  }

  /** A contract sold on {@link #SOLD}, cancelled in time, lapsed on {@code lapseDay}. */
  private String lapsedOn(TestCustomer buyer, String licenceNumber, LocalDate lapseDay) {
    String number = sell(buyer, licenceNumber);
    today(SOLD.plusMonths(3));
    contractService.cancel(number, null, CancellationChannel.API);
    today(lapseDay);
    runDueJobs(number);
    assertThat(reload(number).getStatus()).isEqualTo(ContractStatus.LAPSED);
    return number;
  }

  private void completeInvoiceTask(String number) {
    Task invoice = taskService.createTaskQuery().processInstanceBusinessKey(number)
        .taskDefinitionKey("Task_InvoiceRenewal").singleResult();
    assertThat(invoice.getName()).as("named after the contract").isEqualTo(number + " · "
        + reload(number).getCustomer().getCompanyName() + " · Invoice renewal");
    taskService.complete(invoice.getId(), Map.of("invoiceNumber", "F-" + number));
  }

  private static String content(MimeMessage mail) {
    try {
      return (String) mail.getContent();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String pdfText(MimeMessage mail) throws Exception {
    Multipart parts = (Multipart) mail.getContent();
    for (int i = 0; i < parts.getCount(); i++) {
      BodyPart part = parts.getBodyPart(i);
      if (part.isMimeType("application/pdf")) {
        try (PDDocument pdf = Loader.loadPDF(part.getInputStream().readAllBytes())) {
          return new PDFTextStripper().getText(pdf);
        }
      }
    }
    throw new IOException("No PDF attached to " + mail.getSubject());
  }
}
