package com.produsoft.supportdesk.intake.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import com.produsoft.supportdesk.platform.EngineClock;
import com.produsoft.supportdesk.ticket.AttachmentRepository;
import com.produsoft.supportdesk.ticket.Channel;
import com.produsoft.supportdesk.ticket.JournalEntry;
import com.produsoft.supportdesk.ticket.JournalEntryType;
import com.produsoft.supportdesk.ticket.JournalRepository;
import com.produsoft.supportdesk.ticket.Resolution;
import com.produsoft.supportdesk.ticket.Ticket;
import com.produsoft.supportdesk.ticket.TicketRegistration;
import com.produsoft.supportdesk.ticket.TicketRepository;
import com.produsoft.supportdesk.ticket.TicketStatus;

import jakarta.servlet.http.Cookie;

/** The customers' web form (C4, C5.1, C7) and private status page (C8.1), through the servlet stack. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SupportFormTest {

  private static final String SCRIPT = "<script>document.title='XSS'</script>";

  @LocalServerPort
  int port;
  @Autowired
  WebApplicationContext context;
  @Autowired
  TicketRepository tickets;
  @Autowired
  AttachmentRepository attachments;
  @Autowired
  JournalRepository journal;
  @Autowired
  TaskService taskService;

  MockMvc mvc;

  @BeforeEach
  void mvc() {
    mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
  }

  /**
   * Every C4 item of a registration as Jan Vandamme (Edgecam, contract active) types it, with some fields
   * replaced: {@code filledForm("companyName", "", "category", "")}.
   */
  private static MockMultipartHttpServletRequestBuilder filledForm(String... replaced) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("companyName", "Metaalwerken Vandamme");
    fields.put("contactName", "Jan Vandamme");
    fields.put("email", "jan.vandamme@vandamme.example");
    fields.put("phone", "+32 50 12 34 56");
    fields.put("product", "EDGECAM");
    fields.put("category", "BUG");
    fields.put("productionStopped", "false");
    fields.put("description", "Postprocessor output stops after tool change");
    fields.put("reproduction", "Open part 4711 and generate NC code");
    fields.put("operatingSystem", "Windows 11 23H2");
    fields.put("thirdPartySoftware", "SolidWorks 2025 SP2");
    fields.put("impact", "One machine waits");
    fields.put("earlierCallNumbers", "EON-2026-00001");
    fields.put("idempotencyKey", UUID.randomUUID().toString());
    for (int i = 0; i < replaced.length; i += 2) {
      fields.put(replaced[i], replaced[i + 1]);
    }
    MockMultipartHttpServletRequestBuilder form = multipart("/support");
    fields.forEach((name, value) -> form.param(name, value));
    form.with(csrf());
    return form;
  }

  private static MockMultipartFile file(String name, byte[] content) {
    return new MockMultipartFile("attachments", name, "application/octet-stream", content);
  }

  private String html(MvcResult result) throws Exception {
    return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
  }

  /** Registers through the form and answers the ticket (the confirmation is where the redirect leads). */
  private Ticket register(RequestBuilder form) throws Exception {
    MvcResult sent = mvc.perform(form).andExpect(status().is3xxRedirection()).andReturn();
    String location = sent.getResponse().getRedirectedUrl();
    assertThat(location).startsWith("/support/registered/");
    return tickets.findByStatusToken(location.substring(location.lastIndexOf('/') + 1)).orElseThrow();
  }

  @Test
  @DisplayName("The form speaks Dutch whatever the browser prefers, English after ?lang=en, and sets the security headers")
  void dutchByDefault() throws Exception {
    String dutch = html(mvc.perform(get("/support").header("Accept-Language", "en-US,en"))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.startsWith("default-src 'self'")))
        .andExpect(header().string("X-Frame-Options", "DENY"))
        .andExpect(header().string("Referrer-Policy", "no-referrer"))
        .andReturn());
    assertThat(dutch).contains("<html lang=\"nl\"", "Supportaanvraag", "Bedrijfsnaam", "name=\"_csrf\"",
        "name=\"idempotencyKey\"", "<legend><span>Categorie</span>", "Een functie werkt niet zoals het hoort",
        "<option value=\"EDGECAM\">Edgecam</option>", "maximaal 25 MB per bestand", "Comprimeer grote bestanden");

    MvcResult english = mvc.perform(get("/support").param("lang", "en")).andExpect(status().isOk()).andReturn();
    assertThat(html(english)).contains("<html lang=\"en\"", "Support request", "Company name",
        "Suggestion for improvement");
    Cookie language = english.getResponse().getCookie("SUPPORT-LANG");
    assertThat(language.getValue()).isEqualTo("en");
    assertThat(html(mvc.perform(get("/support").cookie(language)).andReturn())).contains("Support request");
  }

  @Test
  @DisplayName("C4/C7: errors stand next to their field in the customer's language, the typed values stay, nothing is stored")
  void errorsNextToTheirFields() throws Exception {
    long before = tickets.count();
    String dutch = html(mvc.perform(filledForm("companyName", "", "email", "not-an-address", "category", "",
            "earlierCallNumbers", "42").file(file("log.txt", "trace".getBytes(StandardCharsets.UTF_8))))
        .andExpect(status().isOk()).andReturn());
    assertThat(dutch)
        .contains("id=\"companyName-error\">Vul dit veld in.<")
        .contains("id=\"email-error\">Vul een geldig e-mailadres in")
        .contains("id=\"category-error\">Kies een categorie.<")
        .contains("id=\"earlierCallNumbers-error\">Een EON Call nummer ziet eruit als EON-2026-00042.<")
        .contains("aria-invalid=\"true\"", "aria-describedby=\"email-hint email-error\"")
        .contains("value=\"Jan Vandamme\"", "value=\"not-an-address\"", "Postprocessor output stops after tool change")
        .contains("id=\"attachments-reselect\">Kies uw bestanden opnieuw");
    assertThat(tickets.count()).isEqualTo(before);

    String english = html(mvc.perform(filledForm("lang", "en", "phone", "call me", "productionStopped", ""))
        .andExpect(status().isOk()).andReturn());
    assertThat(english)
        .contains("id=\"phone-error\">Please enter a phone number")
        .contains("id=\"productionStopped-error\">Please tell us whether your production has stopped.<")
        .doesNotContain("attachments-reselect");
    assertThat(tickets.count()).isEqualTo(before);
  }

  @Test
  @DisplayName("C4.7: executables and files over the policy's limit are refused next to the attachments field")
  void badFilesRefused() throws Exception {
    long before = tickets.count();
    byte[] program = "MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1);
    String refused = html(mvc.perform(filledForm()
            .file(file("drawing.pdf", program))
            .file(file("setup.exe", "hello".getBytes(StandardCharsets.UTF_8))))
        .andExpect(status().isOk()).andReturn());
    assertThat(refused).contains("drawing.pdf is een programma of script en wordt om veiligheidsredenen geweigerd.",
        "setup.exe is een programma of script", "id=\"attachments-error\"");

    byte[] tooLarge = new byte[25 * 1024 * 1024 + 1];
    String oversize = html(mvc.perform(filledForm().file(file("scan.tif", tooLarge))).andReturn());
    assertThat(oversize).contains("scan.tif is groter dan 25 MB. Comprimeer het bestand of stuur het in delen.");
    assertThat(tickets.count()).isEqualTo(before);
  }

  @Test
  @DisplayName("An upload beyond the multipart limit gets a friendly page in the customer's language, not a stack trace")
  void uploadBeyondTheContainerLimit() throws Exception {
    byte[] body = new byte[33 * 1024 * 1024];
    byte[] head = ("--b\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\"big.bin\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(head, 0, body, 0, head.length);
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/support"))
            .header("Content-Type", "multipart/form-data; boundary=b")
            .header("Accept", "text/html")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body()).contains("Wat u verstuurde is te groot: maximaal 25 MB per bestand")
        .doesNotContain("Exception");
  }

  @Test
  @DisplayName("C5.1: a complete form registers a web ticket with its file and confirms with the EON number and the private status link")
  void completeFormRegisters() throws Exception {
    Ticket ticket = register(filledForm().file(file("trace.log", "tool change at N120".getBytes(StandardCharsets.UTF_8))));

    assertThat(ticket.getEonNumber()).matches(TicketRegistration.EON_NUMBER);
    assertThat(ticket.getChannel()).isEqualTo(Channel.WEB);
    assertThat(ticket.getLanguage().name()).isEqualTo("NL");
    assertThat(attachments.findByTicketOrderByIdAsc(ticket)).extracting(a -> a.getFileName()).containsExactly("trace.log");
    Task triage = taskService.createTaskQuery().processInstanceBusinessKey(ticket.getEonNumber()).singleResult();
    assertThat(triage.getName()).isEqualTo(ticket.getEonNumber() + " · Metaalwerken Vandamme · Triage ticket");

    String confirmation = html(mvc.perform(get("/support/registered/" + ticket.getStatusToken()))
        .andExpect(status().isOk()).andReturn());
    assertThat(confirmation).contains(ticket.getEonNumber(), "Wat gebeurt er nu?", "TeamViewer", "Openingsuren",
        "href=\"/support/status/" + ticket.getStatusToken() + "\"");
  }

  @Test
  @DisplayName("A double submit of the same form (same one-time key) gives the same ticket, not a second one")
  void doubleSubmitGivesOneTicket() throws Exception {
    String key = UUID.randomUUID().toString();
    Ticket first = register(filledForm("idempotencyKey", key));
    Ticket again = register(filledForm("idempotencyKey", key));
    assertThat(again.getId()).isEqualTo(first.getId());

    String changed = html(mvc.perform(filledForm("idempotencyKey", key, "impact", "Two machines"))
        .andExpect(status().isOk()).andReturn());
    assertThat(changed).contains("Dit formulier was al verstuurd").doesNotContain("value=\"" + key + "\"");
  }

  @Test
  @DisplayName("The status token of one ticket never shows another; an unknown token or an EON number is a plain 404")
  void statusTokenIsolation() throws Exception {
    Ticket a = register(filledForm("description", "Ticket A: simulation hangs"));
    Ticket b = register(filledForm("description", "Ticket B: licence server down", "product", "VISI"));

    String pageA = html(mvc.perform(get("/support/status/" + a.getStatusToken())).andExpect(status().isOk()).andReturn());
    assertThat(pageA).contains(a.getEonNumber(), "Ticket A: simulation hangs", "Edgecam")
        .doesNotContain(b.getEonNumber(), "Ticket B");

    String unknown = html(mvc.perform(get("/support/status/" + UUID.randomUUID())).andExpect(status().isNotFound())
        .andReturn());
    assertThat(unknown).contains("Deze link is ongeldig").doesNotContain("EON-");
    mvc.perform(get("/support/status/" + a.getEonNumber())).andExpect(status().isNotFound());
    mvc.perform(get("/support/registered/" + a.getEonNumber())).andExpect(status().isNotFound());
    // Posting to a wrong token changes nothing and tells nothing.
    mvc.perform(multipart("/support/status/" + UUID.randomUUID()).param("type", "INFO").param("message", "x")
        .with(csrf())).andExpect(status().isNotFound());
  }

  @Test
  @DisplayName("Everything a customer typed is shown as text (a <script> stays text); internal notes never reach the page")
  void customerTextIsEscaped() throws Exception {
    Ticket ticket = register(filledForm("description", "Crash " + SCRIPT + " after save"));
    journal.save(new JournalEntry(ticket, EngineClock.now(), JournalEntryType.ENGINEER_NOTE, "engineer.edgecam",
        false, "Internal: customer is difficult"));

    String page = html(mvc.perform(get("/support/status/" + ticket.getStatusToken())).andReturn());
    assertThat(page).contains("Crash &lt;script&gt;document.title=&#39;XSS&#39;&lt;/script&gt; after save")
        .doesNotContain(SCRIPT)
        .doesNotContain("Internal: customer is difficult");
    assertThat(html(mvc.perform(filledForm("companyName", "", "description", SCRIPT)).andReturn()))
        .doesNotContain(SCRIPT);
  }

  @Test
  @DisplayName("C8.1 from the status page: 'critical' raises the priority, 'solved' closes the ticket; the page confirms")
  void updatesFromTheStatusPage() throws Exception {
    Ticket ticket = register(filledForm("category", "SUPPORT"));
    String page = "/support/status/" + ticket.getStatusToken();

    String empty = html(mvc.perform(multipart(page).param("message", "").with(csrf())).andExpect(status().isOk())
        .andReturn());
    assertThat(empty).contains("id=\"type-error\">Kies wat er veranderd is.<", "id=\"message-error\">Schrijf een bericht.<");

    mvc.perform(multipart(page).file(file("screenshot.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}))
            .param("type", "CRITICAL").param("message", "Both machines stand still now").with(csrf()))
        .andExpect(status().is3xxRedirection())
        .andExpect(header().string("Location", page + "?updated"));
    Ticket critical = tickets.findById(ticket.getId()).orElseThrow();
    assertThat(critical.isCritical()).isTrue();
    assertThat(critical.getPriority()).isEqualTo(1);
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(ticket.getEonNumber()).singleResult()
        .getPriority()).isEqualTo(100);
    String confirmed = html(mvc.perform(get(page).param("updated", "")).andReturn());
    assertThat(confirmed).contains("Bedankt, uw informatie is toegevoegd", "Both machines stand still now",
        "screenshot.png");

    mvc.perform(multipart(page).param("type", "SOLVED_BY_CUSTOMER").param("message", "A reboot fixed it")
        .with(csrf())).andExpect(status().is3xxRedirection());
    Ticket closed = awaitStatus(ticket, TicketStatus.CLOSED);
    assertThat(closed.getResolution()).isEqualTo(Resolution.SOLVED_BY_CUSTOMER);
    assertThat(html(mvc.perform(get(page)).andReturn())).contains("Afgesloten");
  }

  @Test
  @DisplayName("A form post without its CSRF token stores nothing and opens the form again")
  void postWithoutCsrfTokenIsRefused() throws Exception {
    long before = tickets.count();
    mvc.perform(multipart("/support").param("companyName", "Forged"))
        .andExpect(status().is3xxRedirection())
        .andExpect(header().string("Location", "/support?expired"));
    assertThat(tickets.count()).isEqualTo(before);
    assertThat(html(mvc.perform(get("/support").param("expired", "")).andReturn())).contains("Uw formulier was verlopen");
  }

  private Ticket awaitStatus(Ticket ticket, TicketStatus wanted) throws InterruptedException {
    Instant giveUp = Instant.now().plusSeconds(20);
    Ticket current = tickets.findById(ticket.getId()).orElseThrow();
    while (current.getStatus() != wanted && Instant.now().isBefore(giveUp)) {
      Thread.sleep(100);
      current = tickets.findById(ticket.getId()).orElseThrow();
    }
    return current;
  }
}
