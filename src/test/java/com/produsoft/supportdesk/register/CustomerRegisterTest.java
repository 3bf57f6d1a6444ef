package com.produsoft.supportdesk.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import com.produsoft.supportdesk.contract.ContractService;
import com.produsoft.supportdesk.contract.ContractStatus;
import com.produsoft.supportdesk.contract.MaintenanceContract;
import com.produsoft.supportdesk.contract.MaintenanceContractRepository;
import com.produsoft.supportdesk.customer.Contact;
import com.produsoft.supportdesk.customer.ContactRepository;
import com.produsoft.supportdesk.customer.ContactRole;
import com.produsoft.supportdesk.customer.Customer;
import com.produsoft.supportdesk.customer.CustomerRepository;
import com.produsoft.supportdesk.customer.Language;
import com.produsoft.supportdesk.licence.LicenceBinding;
import com.produsoft.supportdesk.licence.LicenceRegister;
import com.produsoft.supportdesk.licence.LicenceRepository;
import com.produsoft.supportdesk.platform.EngineClock;
import com.produsoft.supportdesk.demo.DemoUsers;
import com.produsoft.supportdesk.platform.mail.EmbeddedMailServer;
import com.produsoft.supportdesk.platform.security.WebClient;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * The customer register (issue 18): the CSV import's dry run with its problems per line, the apply in one
 * transaction (one bad line and nothing is stored), the re-run that changes nothing; the staff pages with their
 * rights (administration and leads change, engineers read), inline errors, the audit trail and optimistic locking.
 * Every test works on customers of its own series (RegisterFiles).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CustomerRegisterTest {

  private static final String FORM = "application/x-www-form-urlencoded";

  @LocalServerPort
  int port;
  @Autowired
  RegisterImport registerImport;
  @Autowired
  RegisterUploadRepository uploads;
  @Autowired
  CustomerRepository customers;
  @Autowired
  ContactRepository contacts;
  @Autowired
  LicenceRepository licences;
  @Autowired
  MaintenanceContractRepository contracts;
  @Autowired
  RegisterChangeRepository changes;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TransactionTemplate transaction;
  @Autowired
  LicenceRegister licenceRegister;
  @Autowired
  EmbeddedMailServer mailServer;

  private Long upload(RegisterImport.Files files) {
    return uploads.save(new RegisterUpload("clerk", EngineClock.now(), files)).getId();
  }

  @Test
  @DisplayName("Import dry run: every problem with its file, line and column; nothing is stored")
  void dryRunReportsProblemsPerLine() {
    String vat = RegisterFiles.vat(10, 1);
    RegisterImport.Files files = new RegisterImport.Files("""
        vat_number;company_name;language
        BE99;Bad VAT BV;NL
        BE0410000002;No Language BV;
        %1$s;Good BV;NL
        %1$s;Twice BV;NL
        """.formatted(vat), """
        vat_number,name,email,role,trainings
        BE0410000009,Nobody,nobody@ten.example,OTHER,
        %1$s,Ann,ann@ten.example,boss,EDGECAM:2020-01-01
        %1$s,Bert,bert@ten.example,SYSTEM_RESPONSIBLE,CATIA:2020-01-01
        %1$s,Carl,carl@ten.example,SYSTEM_RESPONSIBLE,EDGECAM:2099-01-01
        """.formatted(vat), """
        vat_number;licence_number;product_code;host_id;dongle_number;purchase_date
        %1$s;EC-10-1;EDGECAM;HOST-1;DNG-1;2021-01-01
        %1$s;XX-10-2;CATIA;HOST-2;;31/02/2021
        """.formatted(vat), """
        vat_number;contract_number;licence_numbers
        %1$s;MC-10-1;EC-10-1
        """.formatted(vat));
    long customersBefore = customers.count();

    RegisterImport.Outcome outcome = registerImport.check(upload(files));

    assertThat(outcome.applied()).isFalse();
    assertThat(outcome.problems()).extracting(RegisterImport.LineProblem::file, RegisterImport.LineProblem::line,
        RegisterImport.LineProblem::column, problem -> problem.problem().code().substring("register.error.".length()))
        .containsExactly(
            tuple("customers", 2, "vat_number", "vat"),
            tuple("customers", 3, "language", "required"),
            tuple("customers", 5, "vat_number", "duplicate"),
            tuple("contacts", 2, "vat_number", "customerUnknown"),
            tuple("contacts", 3, "role", "role"),
            tuple("contacts", 4, "trainings", "training"),
            tuple("contacts", 5, "trainings", "future"),
            tuple("licences", 2, "host_id", "hardware"),
            tuple("licences", 3, "purchase_date", "day"),
            tuple("licences", 3, "product_code", "product"),
            tuple("contracts", 1, "first_year_start", "missingColumn"));
    assertThat(outcome.problems().get(2).problem().arguments()).containsExactly(4);
    assertThat(customers.count()).as("a dry run stores nothing").isEqualTo(customersBefore);
    assertThat(customers.findByVat(vat)).isEmpty();

    RegisterImport.Outcome unreadable = registerImport.check(upload(new RegisterImport.Files(null, null, null,
        "vat_number;contract_number;first_year_start;licence_numbers\n%s;\"MC-10-2;2021-01-01;EC-10-1\n"
            .formatted(vat))));
    assertThat(unreadable.problems()).singleElement().satisfies(problem -> {
      assertThat(problem.line()).isEqualTo(2);
      assertThat(problem.problem().code()).isEqualTo("register.error.quote");
    });
  }

  @Test
  @DisplayName("C2.1 in the import: a second system responsible of a customer is refused on its line")
  void secondSystemResponsibleIsRefused() {
    RegisterImport.Files files = RegisterFiles.threeCustomers(11);
    RegisterImport.Files twoResponsibles = new RegisterImport.Files(files.customers(), files.contacts()
        + RegisterFiles.vat(11, 1) + ",Piet Second,piet@aalst11.example,,SYSTEM_RESPONSIBLE,\n", null, null);

    RegisterImport.Outcome outcome = registerImport.check(upload(twoResponsibles));

    // Both lines claim the role: each is told who else has it.
    assertThat(outcome.problems()).extracting(RegisterImport.LineProblem::file, RegisterImport.LineProblem::line,
        problem -> problem.problem().code(), problem -> problem.problem().arguments())
        .containsExactly(
            tuple("contacts", 2, "register.error.designatedTaken", List.of("Piet Second")),
            tuple("contacts", 7, "register.error.designatedTaken", List.of("Jan Aerts")));
  }

  @Test
  @DisplayName("Import: applied in one transaction with its audit trail and contract processes; the same files again change nothing")
  void applyThenRerunChangesNothing() {
    RegisterImport.Files files = RegisterFiles.threeCustomers(12);
    Long first = upload(files);
    RegisterImport.Outcome dryRun = registerImport.check(first);
    assertThat(dryRun.problems()).isEmpty();
    assertThat(customers.findByVat(RegisterFiles.vat(12, 1))).as("still a dry run").isEmpty();

    RegisterImport.Outcome applied = registerImport.apply(first, "clerk").orElseThrow();

    assertThat(applied.applied()).isTrue();
    assertThat(applied.summary()).isEqualTo(dryRun.summary())
        .isEqualTo("customers +3 ~0, contacts +5 ~0, licences +4 ~0, contracts +2 ~0");
    assertThat(uploads.findById(first).orElseThrow().getOutcome()).isEqualTo(applied.summary());
    assertThat(registerImport.apply(first, "clerk")).as("an upload is applied once").isEmpty();

    Customer namur = customers.findByVat("BE 0412.000.002").orElseThrow();
    assertThat(namur.getCompanyName()).isEqualTo("Fonderie de Namur 12 SA");
    assertThat(namur.getStreet()).isEqualTo("Rue de l'Usine 5; bâtiment B");
    assertThat(namur.getLanguage()).isEqualTo(Language.FR);
    transaction.executeWithoutResult(status -> {
      Contact jan = contacts.findByEmailIgnoringCase(RegisterFiles.systemResponsible(12)).orElseThrow();
      assertThat(jan.getRole()).isEqualTo(ContactRole.SYSTEM_RESPONSIBLE);
      assertThat(jan.getTrainings()).containsEntry("EDGECAM", LocalDate.of(2020, 2, 3));
      assertThat(contacts.findByEmail("els.bauwens@aalst12.example").orElseThrow().getTrainings())
          .containsEntry("EDGECAM", LocalDate.of(2022, 9, 4));
      assertThat(contacts.findByEmail("luc.dumont@namur12.example")).isPresent();
      assertThat(licences.findByLicenceNumber("EC-12-2").orElseThrow().getDongleNumber()).isEqualTo("DNG-12-B");
      MaintenanceContract aalst = contracts.findByContractNumber("MC-12-1").orElseThrow();
      assertThat(aalst.getLicences()).hasSize(2);
      assertThat(aalst.getStatus()).as("C1.2: renewed every year since 2021").isEqualTo(ContractStatus.ACTIVE);
      assertThat(aalst.getCurrentPeriodStart()).isBeforeOrEqualTo(EngineClock.today());
      assertThat(aalst.getCurrentPeriodEnd()).isAfterOrEqualTo(EngineClock.today());
    });
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(ContractService.PROCESS_KEY)
        .processInstanceBusinessKey("MC-12-1").count()).isEqualTo(1);
    Long aalstId = customers.findByVat(RegisterFiles.vat(12, 1)).orElseThrow().getId();
    List<RegisterChange> trail = changes.findByCustomerIdOrderByChangedAtDescIdDesc(aalstId);
    assertThat(trail).singleElement().satisfies(change -> {
      assertThat(change.getChangedBy()).isEqualTo("clerk");
      assertThat(change.getDescription()).contains("customer created", "contact Jan Aerts created", "EC-12-1",
          "contract MC-12-1");
    });

    Long again = upload(files);
    assertThat(registerImport.check(again).summary())
        .isEqualTo("customers +0 ~0, contacts +0 ~0, licences +0 ~0, contracts +0 ~0");
    RegisterImport.Outcome rerun = registerImport.apply(again, "lead").orElseThrow();
    assertThat(rerun.applied()).isTrue();
    assertThat(rerun.summary()).isEqualTo("customers +0 ~0, contacts +0 ~0, licences +0 ~0, contracts +0 ~0");
    assertThat(changes.findByCustomerIdOrderByChangedAtDescIdDesc(aalstId)).as("no change, no audit line")
        .hasSize(1);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("MC-12-1").count())
        .isEqualTo(1);

    RegisterImport.Files moved = new RegisterImport.Files(files.customers().replace("Industrieweg 1", "Dok 7"),
        null, null, null);
    RegisterImport.Outcome change = registerImport.apply(upload(moved), "lead").orElseThrow();
    assertThat(change.summary()).startsWith("customers +0 ~1,");
    assertThat(changes.findByCustomerIdOrderByChangedAtDescIdDesc(aalstId).get(0).getDescription())
        .isEqualTo("import: customer: street: Industrieweg 1 → Dok 7");
  }

  @Test
  @DisplayName("A French-speaking customer (FR) is written to in English: the mails exist in Dutch and English")
  void frenchCustomerGetsEnglishMails() throws Exception {
    assertThat(registerImport.apply(upload(RegisterFiles.threeCustomers(16)), "clerk").orElseThrow().applied())
        .isTrue();
    String luc = "luc.dumont@namur16.example";
    // A registration that names no language (the API allows it) is answered in the customer's.
    HttpResponse<String> registered = new WebClient(port).post("/api/tickets", "application/json", """
        {"companyName": "Fonderie de Namur 16 SA", "contactName": "Luc Dumont", "email": "%s",
         "phone": "+32 81 11 11 11",
         "product": "RADAN", "category": "SUPPORT", "productionStopped": false,
         "description": "Nesting stops at sheet 3", "reproduction": "Nest job 12",
         "operatingSystem": "Windows 11", "thirdPartySoftware": "none", "impact": "Slower"}
        """.formatted(luc), null, null, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);

    Instant giveUp = Instant.now().plusSeconds(30);
    List<MimeMessage> toLuc = List.of();
    while (toLuc.isEmpty() && Instant.now().isBefore(giveUp)) {
      Thread.sleep(200);
      toLuc = Arrays.stream(mailServer.greenMail().getReceivedMessages())
          .filter(message -> recipients(message).contains(luc)).toList();
    }
    assertThat(toLuc).isNotEmpty();
    assertThat(toLuc.get(0).getSubject()).contains("We registered your");
  }

  private static String recipients(MimeMessage message) {
    try {
      return Arrays.toString(message.getAllRecipients());
    } catch (MessagingException unreadable) {
      throw new IllegalStateException(unreadable);
    }
  }

  @Test
  @DisplayName("Import: one bad line in the last file and the apply stores nothing at all")
  void oneBadLineRollsEverythingBack() {
    RegisterImport.Files files = RegisterFiles.threeCustomers(13);
    // The Leuven contract names a licence of Aalst.
    RegisterImport.Files bad = new RegisterImport.Files(files.customers(), files.contacts(), files.licences(),
        files.contracts().replace(";VS-13-1", ";EC-13-1"));
    long customersBefore = customers.count();
    Long upload = upload(bad);

    RegisterImport.Outcome outcome = registerImport.apply(upload, "clerk").orElseThrow();

    assertThat(outcome.applied()).isFalse();
    assertThat(outcome.problems()).singleElement().satisfies(problem -> {
      assertThat(problem.file()).isEqualTo("contracts");
      assertThat(problem.line()).isEqualTo(3);
      assertThat(problem.problem().code()).isEqualTo("register.error.licenceNotOwn");
    });
    assertThat(customers.count()).isEqualTo(customersBefore);
    assertThat(contacts.findByEmailIgnoringCase(RegisterFiles.systemResponsible(13))).isEmpty();
    assertThat(licences.findByLicenceNumber("EC-13-1")).isEmpty();
    assertThat(contracts.findByContractNumber("MC-13-1")).isEmpty();
    assertThat(uploads.findById(upload).orElseThrow().isApplied()).isFalse();
  }

  @Test
  @DisplayName("Register pages: engineers read without forms and may not post; the administration edits with the audit trail; a stale form is refused, keeping what was typed")
  void pagesReadEditAndLockOptimistically() {
    Customer vandamme = customers.findByVat("BE0706762091").orElseThrow();
    String page = "/staff/customers/" + vandamme.getId();
    // C10.3: the dongle licence moved once; the page shows both bindings.
    licenceRegister.move("EC-418913", "DNG-004512", "DNG-009999", LicenceBinding.EndedBecause.RELEASED, null);

    WebClient engineer = loggedInto("engineer.edgecam");
    HttpResponse<String> read = engineer.get(page, null, null);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.body()).contains("Metaalwerken Vandamme NV", "Jan Vandamme", "EC-418207", "HOST-7F3A21",
        "MC-", "systeemverantwoordelijke", "Klantenregister", "dongle DNG-009999", "DNG-009999 sinds ",
        "(vrijgegeven)").doesNotContain("id=\"customer-form\"");
    assertThat(read.body()).containsPattern("DNG-004512 van \\d{4}-\\d{2}-\\d{2} tot \\d{4}-\\d{2}-\\d{2}");
    assertThat(engineer.get("/staff/customers?q=vandamme", null, null).body()).contains("Metaalwerken Vandamme NV");
    String engineerToken = csrfToken(engineer.get("/staff/preferences", null, null).body());
    assertThat(engineer.post(page, FORM, "_csrf=" + engineerToken + "&companyName=X", null, null).statusCode())
        .isEqualTo(403);
    assertThat(engineer.get("/staff/customers/import", null, null).statusCode()).isEqualTo(403);
    assertThat(new WebClient(port).get(page, null, null).statusCode()).as("no session").isEqualTo(302);

    WebClient clerk = loggedInto("clerk");
    String form = clerk.get(page, null, null).body();
    String version = field(form, "version");
    String token = csrfToken(form);
    String data = "&companyName=Metaalwerken+Vandamme+NV&vatNumber=BE0706762091&street=Vaartstraat+3"
        + "&postalCode=8000&city=Brugge&phone=%2B32+51+22+41+80&language=NL&version=";
    HttpResponse<String> saved = clerk.post(page, FORM, "_csrf=" + token + data + version, null, null);
    assertThat(saved.statusCode()).isEqualTo(302);
    assertThat(saved.headers().firstValue("Location")).hasValueSatisfying(
        location -> assertThat(location).endsWith(page + "?saved"));
    assertThat(customers.findById(vandamme.getId()).orElseThrow().getCity()).isEqualTo("Brugge");
    assertThat(changes.findByCustomerIdOrderByChangedAtDescIdDesc(vandamme.getId()).get(0))
        .satisfies(change -> {
          assertThat(change.getChangedBy()).isEqualTo("clerk");
          assertThat(change.getDescription()).contains("street: – → Vaartstraat 3", "city: – → Brugge");
        });
    assertThat(clerk.get(page + "?saved", null, null).body()).contains("Bewaard.", "Vaartstraat 3");

    // The lead opened the form before the clerk saved: the lead's save is refused, the lead's input stays.
    WebClient lead = loggedInto("lead");
    String leadToken = csrfToken(lead.get(page, null, null).body());
    // Meanwhile the lead looks at the list in a second tab: the first tab's form stays valid (not "expired").
    assertThat(lead.get("/staff/customers", null, null).statusCode()).isEqualTo(200);
    HttpResponse<String> stale = lead.post(page, FORM, "_csrf=" + leadToken + data.replace("Brugge", "Oostende")
        + version, null, null);
    assertThat(stale.statusCode()).isEqualTo(200);
    assertThat(stale.body()).contains("Niet bewaard: clerk wijzigde dit intussen", "value=\"Oostende\"");
    assertThat(customers.findById(vandamme.getId()).orElseThrow().getCity()).isEqualTo("Brugge");

    // As a browser does: the next post comes from the page just shown, with its token.
    HttpResponse<String> badVat = lead.post(page, FORM, "_csrf=" + csrfToken(stale.body())
        + data.replace("BE0706762091", "BE12").replace("Brugge", "Oostende") + field(stale.body(), "version"),
        null, null);
    assertThat(badVat.statusCode()).isEqualTo(200);
    assertThat(badVat.body()).contains("is geen Belgisch btw-nummer", "aria-invalid=\"true\"");

    HttpResponse<String> secondResponsible = lead.post(page + "/contacts", FORM, "_csrf=" + csrfToken(badVat.body())
        + "&name=Piet+Tweede&email=piet%40vandamme.example&role=SYSTEM_RESPONSIBLE", null, null);
    assertThat(secondResponsible.body()).contains("Jan Vandamme heeft die rol al");
    assertThat(contacts.findByEmail("piet@vandamme.example")).isEmpty();
  }

  @Test
  @DisplayName("Register pages: a new customer with inline errors, then a contact with a training, a licence and a contract started in its process")
  void newCustomerWithContactLicenceAndContract() {
    WebClient clerk = loggedInto("clerk");
    HttpResponse<String> refused = submit(clerk, "/staff/customers/new", "/staff/customers",
        "companyName=&vatNumber=BE0706762091&language=FR");
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body()).contains("is verplicht", "is al het btw-nummer van Metaalwerken Vandamme NV",
        "<option value=\"FR\" selected=\"selected\">");

    HttpResponse<String> created = submit(clerk, "/staff/customers/new", "/staff/customers",
        "companyName=Usinage+Li%C3%A8ge+SA&vatNumber=BE+0414.000.001&city=Li%C3%A8ge&language=FR");
    assertThat(created.statusCode()).isEqualTo(302);
    Customer liege = customers.findByVat("BE0414000001").orElseThrow();
    String page = "/staff/customers/" + liege.getId();
    assertThat(created.headers().firstValue("Location")).hasValueSatisfying(
        location -> assertThat(location).endsWith(page + "?saved"));

    assertThat(submit(clerk, page, page + "/contacts",
        "name=Marc+Lejeune&email=Marc.Lejeune%40liege.example&role=SYSTEM_RESPONSIBLE").statusCode()).isEqualTo(302);
    Contact marc = contacts.findByEmail("marc.lejeune@liege.example").orElseThrow();
    String contactPage = page + "/contacts/" + marc.getId();
    assertThat(submit(clerk, contactPage, contactPage + "/trainings", "productCode=RADAN&trainedOn=2023-05-04"
        + "&version=" + marc.getVersion()).statusCode()).isEqualTo(302);
    assertThat(clerk.get(contactPage, null, null).body()).contains("RADAN", "2023-05-04");

    HttpResponse<String> bothBindings = submit(clerk, page, page + "/licences",
        "licenceNumber=RD-14-1&productCode=RADAN&hostId=HOST-L&dongleNumber=DNG-L&purchaseDate=2022-01-01");
    assertThat(bothBindings.statusCode()).isEqualTo(200);
    assertThat(bothBindings.body()).contains("vul een host-id of een donglenummer in, niet allebei");
    assertThat(submit(clerk, page, page + "/licences",
        "licenceNumber=RD-14-1&productCode=RADAN&dongleNumber=DNG-L&purchaseDate=2022-01-01").statusCode())
        .isEqualTo(302);
    assertThat(submit(clerk, page, page + "/contracts",
        "contractNumber=MC-14-1&firstYearStart=2022-01-01&licenceNumbers=RD-14-1").statusCode()).isEqualTo(302);

    String customerPage = clerk.get(page, null, null).body();
    assertThat(customerPage).contains("Usinage Liège SA", "Marc Lejeune", "RADAN 2023-05-04", "dongle DNG-L",
        "DNG-L sinds 2022-01-01", "MC-14-1", "actief", "contract added: MC-14-1", "licence added: RD-14-1");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("MC-14-1").count())
        .isEqualTo(1);
  }

  /** As a browser does: opens the page with the form, then posts the fields with the page's CSRF token. */
  private static HttpResponse<String> submit(WebClient web, String formPage, String action, String fields) {
    return web.post(action, FORM, "_csrf=" + csrfToken(web.get(formPage, null, null).body()) + "&" + fields, null,
        null);
  }

  @Test
  @DisplayName("Import page: upload (multipart, CSRF), the dry run's counts, apply once, then the summary")
  void importThroughThePages() {
    WebClient clerk = loggedInto("clerk");
    RegisterImport.Files files = RegisterFiles.threeCustomers(15);
    String badLine = RegisterFiles.vat(15, 1) + ";Gieterij Aalst 15 NV;Industrieweg 1;9300;Aalst;;DE";
    HttpResponse<String> refused = clerk.get(uploadThroughThePage(clerk, new RegisterImport.Files(
        files.customers() + badLine + "\n", null, null, null)), null, null);
    assertThat(refused.body()).contains("1 fout: er is niets bewaard", "customers.csv", "<td>5</td>",
        "<td>vat_number</td>", "staat al op regel 2").doesNotContain("id=\"apply\"");

    String result = uploadThroughThePage(clerk, files);
    HttpResponse<String> checked = clerk.get(result, null, null);
    assertThat(checked.body()).contains("De controle vond geen fouten", "id=\"apply\"");
    assertThat(customers.findByVat(RegisterFiles.vat(15, 1))).isEmpty();

    HttpResponse<String> applied = clerk.post(result + "/apply", FORM, "_csrf=" + csrfToken(checked.body()), null,
        null);
    assertThat(applied.statusCode()).isEqualTo(302);
    assertThat(clerk.get(result + "?applied", null, null).body()).contains("Geïmporteerd door clerk",
        "customers +3 ~0, contacts +5 ~0, licences +4 ~0, contracts +2 ~0").doesNotContain("id=\"apply\"");
    assertThat(customers.findByVat(RegisterFiles.vat(15, 3))).isPresent();
  }

  /** Uploads the files as the import page's form does (multipart, CSRF token of the page); answers the result page. */
  private static String uploadThroughThePage(WebClient web, RegisterImport.Files files) {
    String token = csrfToken(web.get("/staff/customers/import", null, null).body());
    String boundary = "----register" + System.nanoTime();
    StringBuilder body = new StringBuilder();
    part(body, boundary, "_csrf", null, URLDecoder.decode(token, StandardCharsets.UTF_8));
    part(body, boundary, "customers", "customers.csv", files.customers());
    part(body, boundary, "contacts", "contacts.csv", files.contacts());
    part(body, boundary, "licences", "licences.csv", files.licences());
    part(body, boundary, "contracts", "contracts.csv", files.contracts());
    body.append("--").append(boundary).append("--\r\n");
    HttpResponse<String> uploaded = web.post("/staff/customers/import", "multipart/form-data; boundary=" + boundary,
        body.toString(), null, null);
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(302);
    return uploaded.headers().firstValue("Location").orElseThrow().replaceAll("^https?://[^/]+", "");
  }

  private WebClient loggedInto(String user) {
    WebClient web = new WebClient(port);
    assertThat(web.loginToWebapp("tasklist", user, DemoUsers.PASSWORD)).as(user + " logs in").isEqualTo(200);
    return web;
  }

  /** One part of a multipart body; a file left out (null) is sent empty, as a browser sends an unchosen file. */
  private static void part(StringBuilder body, String boundary, String name, String fileName, String content) {
    body.append("--").append(boundary).append("\r\n")
        .append("Content-Disposition: form-data; name=\"").append(name).append('"');
    if (fileName != null) {
      body.append("; filename=\"").append(fileName).append("\"\r\nContent-Type: text/csv");
    }
    body.append("\r\n\r\n").append(content == null ? "" : content).append("\r\n");
  }

  private static String csrfToken(String page) {
    Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
    assertThat(token.find()).as(page).isTrue();
    return URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
  }

  private static String field(String page, String name) {
    Matcher value = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(page);
    assertThat(value.find()).as(name + " in " + page).isTrue();
    return value.group(1);
  }
}
