package com.produsoft.supportdesk.contract;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import com.produsoft.supportdesk.customer.Contact;
import com.produsoft.supportdesk.customer.ContactRepository;
import com.produsoft.supportdesk.customer.ContactRole;
import com.produsoft.supportdesk.customer.Customer;
import com.produsoft.supportdesk.customer.CustomerRepository;
import com.produsoft.supportdesk.customer.Language;
import com.produsoft.supportdesk.platform.EngineClock;
import com.produsoft.supportdesk.platform.mail.EmbeddedMailServer;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * One application context for the contract tests: the job executor off, so that a test moves Camunda's clock and
 * runs the due jobs itself; mails go to the embedded mail server on free ports. Each test makes its own
 * customer, with designated contacts at a mail domain of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
@ActiveProfiles("test")
abstract class ContractTestSupport {

  private static final AtomicInteger CUSTOMERS = new AtomicInteger();

  @Autowired
  CustomerRepository customers;
  @Autowired
  ContactRepository contacts;
  @Autowired
  ContractService contractService;
  @Autowired
  MaintenanceContractRepository contracts;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  ManagementService managementService;
  @Autowired
  TaskService taskService;
  @Autowired
  TransactionTemplate transaction;
  @Autowired
  EmbeddedMailServer mailServer;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** A customer of our own: system responsible and deputy at {@code <domain>}, plus a contact who is not designated. */
  record TestCustomer(Customer customer, String domain) {
    String systemResponsible() {
      return "boss@" + domain;
    }

    String deputy() {
      return "deputy@" + domain;
    }

    String other() {
      return "other@" + domain;
    }
  }

  TestCustomer newCustomer(Language language) {
    int n = CUSTOMERS.incrementAndGet();
    String domain = "contract-test-" + n + "-" + System.nanoTime() % 100000 + ".example";
    String vat = "BE1%09d".formatted(Math.floorMod(System.nanoTime(), 1_000_000_000L) / 10 * 10 + n % 10);
    Customer customer = customers.save(new Customer("Testbedrijf " + n + " NV", vat, "+32 50 00 00 0" + n % 10,
        language));
    contacts.save(new Contact(customer, "Boss " + n, "boss@" + domain, null, ContactRole.SYSTEM_RESPONSIBLE));
    contacts.save(new Contact(customer, "Deputy " + n, "deputy@" + domain, null, ContactRole.DEPUTY));
    contacts.save(new Contact(customer, "Other " + n, "other@" + domain, null, ContactRole.OTHER));
    return new TestCustomer(customer, domain);
  }

  static LicenceSale sale(Customer customer, LocalDate purchased, String product, String licenceNumber) {
    return new LicenceSale(customer.getId(), null, purchased,
        List.of(new LicenceSale.SoldLicence(product, licenceNumber, "HOST-" + licenceNumber, null)));
  }

  /** Camunda's clock, and with it the whole support desk's, at 09:00 in Brussels on that day. */
  static void today(LocalDate day) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(LocalTime.of(9, 0)).atZone(EngineClock.BRUSSELS).toInstant()));
  }

  String processInstanceId(String contractNumber) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(contractNumber).singleResult()
        .getId();
  }

  /** Runs the jobs of the contract's process that are due by Camunda's clock, as the job executor would. */
  void runDueJobs(String contractNumber) {
    for (int round = 0; round < 20; round++) {
      List<Job> due = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(contractNumber).list()
          .stream()
          .flatMap(instance -> managementService.createJobQuery().processInstanceId(instance.getId()).executable()
              .list().stream())
          .toList();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> managementService.executeJob(job.getId()));
    }
    throw new IllegalStateException("Jobs of " + contractNumber + " keep coming");
  }

  MaintenanceContract reload(String contractNumber) {
    return transaction.execute(status -> {
      MaintenanceContract contract = contractService.contract(contractNumber);
      contract.getLicences().forEach(licence -> licence.getProduct().getName());
      contract.getCustomer().getCompanyName();
      return contract;
    });
  }

  List<MimeMessage> mailsTo(String address) {
    return mailServer.greenMail().findReceivedMessages(user -> user.getEmail().equalsIgnoreCase(address), message -> true).toList();
  }

  static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
