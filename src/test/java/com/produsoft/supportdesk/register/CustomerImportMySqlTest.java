package com.produsoft.supportdesk.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.produsoft.supportdesk.contract.ContractService;
import com.produsoft.supportdesk.contract.LicenceSale;
import com.produsoft.supportdesk.customer.CustomerRepository;
import com.produsoft.supportdesk.platform.EngineClock;
import com.produsoft.supportdesk.platform.MySqlDatabase;
import com.produsoft.supportdesk.platform.security.WebClient;
import com.produsoft.supportdesk.ticket.SenderIdentification;
import com.produsoft.supportdesk.ticket.Ticket;
import com.produsoft.supportdesk.ticket.TicketRepository;

/**
 * Issue 18, acceptance 1 on the production profile: a desk started as in production ({@code mysql} profile, no demo
 * data, an empty MariaDB/MySQL database) gets its customers from the CSV import only; a web registration of a
 * designated contact (C2.1) then gets the contract priority (C5.3, C3.4), a stranger's ticket linked to the imported
 * customer by staff gets it too, and a licence sale for an imported customer
 * is accepted (C1.1). Skipped without a server, see {@link MySqlDatabase}.
 */
class CustomerImportMySqlTest {

  private static MySqlDatabase database;
  private static ConfigurableApplicationContext app;

  @BeforeAll
  static void start() {
    database = MySqlDatabase.createFresh("register_import");
    app = database.startApplication();
  }

  @AfterAll
  static void stop() throws Exception {
    if (app != null) {
      app.close();
    }
    if (database != null) {
      database.close();
    }
  }

  @Test
  @DisplayName("MySQL, empty register: import 3 customers; a designated contact's web ticket gets the contract priority, a stranger's only once linked to the customer")
  void importedContractCustomerGetsContractPriority() throws Exception {
    CustomerRepository customers = app.getBean(CustomerRepository.class);
    assertThat(customers.count()).as("production start: no demo register").isZero();

    RegisterUpload upload = app.getBean(RegisterUploadRepository.class)
        .save(new RegisterUpload("clerk", EngineClock.now(), RegisterFiles.threeCustomers(20)));
    RegisterImport registerImport = app.getBean(RegisterImport.class);
    assertThat(registerImport.check(upload.getId()).problems()).isEmpty();
    RegisterImport.Outcome applied = registerImport.apply(upload.getId(), "clerk").orElseThrow();
    assertThat(applied.summary()).isEqualTo("customers +3 ~0, contacts +5 ~0, licences +4 ~0, contracts +2 ~0");
    assertThat(customers.count()).isEqualTo(3);

    Ticket designated = register("Gieterij Aalst 20 NV", RegisterFiles.systemResponsible(20));
    assertThat(designated.getCustomer()).as("known by the imported contact").isNotNull();
    assertThat(designated.getPriority()).as("C5.3, C3.4: production stopped under contract").isEqualTo(1);
    Ticket stranger = register("Onbekend BV", "someone@elsewhere.example");
    assertThat(stranger.getPriority()).as("C5.3: production stopped, no contract known").isEqualTo(2);

    // Staff link the stranger to the imported customer (the Tasklist form's sender page does this call): the
    // ticket's entitlement and priority are decided again, and its task follows.
    awaitNoExecutableJob(stranger.getEonNumber());
    long aalst = customers.findByVat(RegisterFiles.vat(20, 1)).orElseThrow().getId();
    app.getBean(SenderIdentification.class).link(stranger.getEonNumber(), aalst, "Nieuwe Collega", "admin");
    Ticket linked = app.getBean(TicketRepository.class).findByEonNumber(stranger.getEonNumber()).orElseThrow();
    assertThat(linked.getCustomer().getId()).isEqualTo(aalst);
    assertThat(linked.getPriority()).as("C5.3, C3.4: production stopped, now known under contract").isEqualTo(1);
    assertThat(app.getBean(TaskService.class).createTaskQuery().processInstanceBusinessKey(stranger.getEonNumber())
        .singleResult().getPriority()).as("the triage task follows").isEqualTo(100);

    assertThat(app.getBean(ContractService.class).registerSale(new LicenceSale(null, RegisterFiles.vat(20, 2),
        EngineClock.today().minusDays(3), List.of(new LicenceSale.SoldLicence("RADAN", "RD-20-9", "HOST-20-9",
            null)))).getCustomer().getId())
        .as("C1.1: a licence sale to an imported customer is accepted")
        .isEqualTo(customers.findByVat(RegisterFiles.vat(20, 2)).orElseThrow().getId());
  }

  /** A link racing the registration's confirmation job fails on the process's version, as any concurrent step. */
  private static void awaitNoExecutableJob(String eon) throws InterruptedException {
    ManagementService management = app.getBean(ManagementService.class);
    String processInstance = app.getBean(RuntimeService.class).createProcessInstanceQuery()
        .processInstanceBusinessKey(eon).singleResult().getId();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (management.createJobQuery().processInstanceId(processInstance).executable().count() > 0) {
      assertThat(System.nanoTime()).as("the registration's jobs of " + eon + " done").isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  private static Ticket register(String companyName, String email) throws Exception {
    WebClient web = new WebClient(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
    String body = """
        {"companyName": "%s", "contactName": "Jan Aerts", "email": "%s",
         "phone": "+32 475 11 11 11", "product": "EDGECAM", "category": "BUG", "productionStopped": true,
         "language": "nl", "description": "The postprocessor stops at every tool change",
         "reproduction": "Open part 17 and post", "operatingSystem": "Windows 11",
         "thirdPartySoftware": "none", "impact": "The line stands still"}
        """.formatted(companyName, email);
    HttpResponse<String> registered = web.post("/api/tickets", "application/json", body, null, null,
        Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    String eon = app.getBean(ObjectMapper.class).readTree(registered.body()).get("eonNumber").asText();
    return app.getBean(TicketRepository.class).findByEonNumber(eon).orElseThrow();
  }
}
