package com.produsoft.supportdesk.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.produsoft.supportdesk.contract.MaintenanceContractRepository;
import com.produsoft.supportdesk.platform.EngineClock;
import com.produsoft.supportdesk.demo.DemoUsers;
import com.produsoft.supportdesk.platform.ProcessJobs;
import com.produsoft.supportdesk.ticket.AttachmentRepository;
import com.produsoft.supportdesk.ticket.Channel;
import com.produsoft.supportdesk.ticket.NewAttachment;
import com.produsoft.supportdesk.ticket.Ticket;
import com.produsoft.supportdesk.ticket.TicketRegistration;
import com.produsoft.supportdesk.ticket.TicketService;

/**
 * Who reaches what, cell by cell: every endpoint and webapp action (rows) against every role (columns), with the
 * answer each cell must give. Ticket A is an Edgecam ticket (team {@code support-edgecam}); the "token" column is
 * a customer holding the status-page token of another ticket B, sent as a bearer credential. {@code 200[1]} means
 * 200 with a JSON list of one element (the caller sees A's task or instance), {@code 200[0]} an empty list: the
 * engine filters what a role may not read instead of refusing the query. Read in prose: docs/operations.md,
 * "Security".
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Metrics exported as in production (tests switch /actuator/prometheus off otherwise).
@AutoConfigureObservability(tracing = false)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

  private static final String JSON = "application/json";
  private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  /** The columns, in the order of each row's cells. */
  enum Role {
    ANONYMOUS(null), OTHER_TICKET_TOKEN(null), TEAM_ENGINEER("engineer.edgecam"), OTHER_TEAM_ENGINEER("engineer.visi"),
    LEAD("lead"), MANAGER("manager"), ADMINISTRATION("clerk"), ADMIN("admin"), DESIGNER("designer"),
    COORDINATOR("coordinator");

    final String user;

    Role(String user) {
      this.user = user;
    }
  }

  /** What one cell does: a request as the caller, against the fixture. */
  @FunctionalInterface
  interface Action {
    Answer perform(AuthorizationMatrixTest fixture, Caller caller);
  }

  /** The status and body of a cell's answer. */
  record Answer(int status, String body) {
    static Answer of(HttpResponse<String> response) {
      return new Answer(response.statusCode(), response.body());
    }

    /** A search's page: its list of tickets, to count like the other lists. */
    Answer tickets() {
      if (status != 200) {
        return this;
      }
      try {
        return new Answer(status, new ObjectMapper().readTree(body).get("tickets").toString());
      } catch (java.io.IOException e) {
        throw new IllegalStateException(body, e);
      }
    }
  }

  /** A row: the action and its expected answer per role, in {@link Role} order. */
  record Row(String action, Action call, String cells) {
    String expected(Role role) {
      String[] all = cells.trim().split("\\s+");
      assertThat(all).as("cells of " + action).hasSize(Role.values().length);
      return all[role.ordinal()];
    }
  }

  record Cell(Row row, Role role) {
    @Override
    public String toString() {
      return row.action() + " | " + role.name().toLowerCase().replace('_', ' ') + " -> " + row.expected(role);
    }
  }

  /** A role's own HTTP client: its credentials, its cookies (webapp sessions). */
  final class Caller {
    final Role role;
    final WebClient web = new WebClient(port);

    Caller(Role role) {
      this.role = role;
    }

    Answer call(String method, String path, String contentType, String body) {
      Map<String, String> headers = role == Role.OTHER_TICKET_TOKEN
          ? Map.of("Authorization", "Bearer " + ticketB.getStatusToken()) : Map.of();
      return Answer.of(web.request(method, path, contentType, body, role.user, DemoUsers.PASSWORD, headers));
    }

    Answer get(String path) {
      return call("GET", path, null, null);
    }

    Answer post(String path, String body) {
      return call("POST", path, JSON, body);
    }

    /** Logs into a webapp: anonymous tries an unknown login, the token holder its token as a password. */
    Answer login(String app) {
      return new Answer(switch (role) {
        case ANONYMOUS -> web.loginToWebapp(app, "nobody", "nothing");
        case OTHER_TICKET_TOKEN -> web.loginToWebapp(app, "customer", ticketB.getStatusToken());
        default -> web.loginToWebapp(app, role.user, DemoUsers.PASSWORD);
      }, "");
    }

    /**
     * A staff form posted with the Tasklist session, as the browser does: the CSRF token read from a staff page
     * (preferences, which every Tasklist user opens); who has no session posts without one.
     */
    Answer postStaffForm(String path, String form) {
      login("tasklist");
      Matcher token = CSRF_FIELD.matcher(web.get("/staff/preferences", null, null).body());
      String body = token.find() ? form + "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8) : form;
      return Answer.of(web.post(path, "application/x-www-form-urlencoded", body, null, null));
    }

    /** A call of the webapp's own API (session cookie) after logging into the app. */
    Answer inWebapp(String app, String path) {
      login(app);
      return Answer.of(web.get(path, null, null));
    }

    /** The user id a role would put into a claim. */
    String userId() {
      return role.user == null ? "nobody" : role.user;
    }
  }

  @LocalServerPort
  int port;
  @Autowired
  TicketService ticketService;
  @Autowired
  TaskService taskService;
  @Autowired
  ManagementService managementService;
  @Autowired
  MaintenanceContractRepository contracts;
  @Autowired
  ObjectMapper json;

  @Autowired
  AttachmentRepository attachments;

  Ticket ticketA;
  Ticket ticketB;
  String taskA;
  /** The file the customer sent with ticket A. */
  long fileA;
  String contractNumber;
  private final AtomicInteger sales = new AtomicInteger();

  @BeforeAll
  void tickets() {
    ticketA = freshTicket(List.of(new NewAttachment("sample.nc", "text/plain", "G0 X0 Y0".getBytes(StandardCharsets.UTF_8))));
    ticketB = freshTicket();
    taskA = taskOf(ticketA);
    fileA = attachments.filesOf(ticketA).get(0).id();
    contractNumber = contracts.findAll().get(0).getContractNumber();
  }

  /**
   * A new Edgecam ticket waiting at triage, its confirmation mail sent: a cell that works its task must not meet the
   * mail's job on the same process instance (the engine would refuse one of the two as a concurrent update).
   */
  Ticket freshTicket() {
    return freshTicket(List.of());
  }

  Ticket freshTicket(List<NewAttachment> files) {
    Ticket ticket = ticketService.register(new TicketRegistration("Metaalwerken Vandamme", "Jan Vandamme",
        "jan.vandamme@vandamme.example", "+32 50 12 34 56", "EDGECAM", "SUPPORT", "Postprocessor stops", null, null,
        "Windows 11", null, null, false, "en"), Channel.WEB, null, files).ticket();
    ProcessJobs.settle(managementService, ticket.getProcessInstanceId());
    return ticket;
  }

  String taskOf(Ticket ticket) {
    return taskService.createTaskQuery().processInstanceBusinessKey(ticket.getEonNumber()).singleResult().getId();
  }

  String a() {
    return ticketA.getEonNumber();
  }

  /** A licence sale of its own for every cell that may succeed (licence numbers are unique). */
  String sale() {
    int n = 880_000 + sales.incrementAndGet();
    return """
        {"customerVat": "BE 0829.440.367", "purchaseDate": "%s",
         "licences": [{"product": "RADAN", "licenceNumber": "RD-%d", "dongleNumber": "DNG-%d"}]}
        """.formatted(EngineClock.today(), n, n);
  }

  static String deployment(String boundary) {
    return "--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"deployment-name\"\r\n\r\nmatrix-check\r\n"
        + "--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"matrix-check.bpmn\"; filename=\"matrix-check.bpmn\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n" + """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="MatrixCheckDefinitions"
            targetNamespace="http://produsoft.com/support">
          <bpmn:process id="MatrixCheck" isExecutable="true" camunda:historyTimeToLive="1">
            <bpmn:startEvent id="Start"/>
          </bpmn:process>
        </bpmn:definitions>
        """ + "\r\n--" + boundary + "--\r\n";
  }

  private static final String REGISTRATION = """
      {"companyName": "Metaalwerken Vandamme", "contactName": "Jan Vandamme",
       "email": "jan.vandamme@vandamme.example", "phone": "+32 50 12 34 56", "product": "EDGECAM",
       "category": "SUPPORT", "productionStopped": false, "description": "Matrix registration"}""";

  private static final String TRIAGE = """
      {"variables": {"triageOutcome": {"value": "HANDLE"}, "category": {"value": "SUPPORT"},
                     "triageNote": {"value": "matrix"}}}""";

  private static final String PRIORITY_INPUTS = """
      {"variables": {"underContract": {"value": true}, "channel": {"value": "WEB"},
                     "productionStopped": {"value": false}, "category": {"value": "SUPPORT"},
                     "critical": {"value": false}}}""";

  private static Row row(String action, Action call, String cells) {
    return new Row(action, call, cells);
  }

  /** The managers' figures (the reports contract): managers, leads, admins. */
  private static Row report(String path) {
    return row("GET " + path, (f, c) -> c.get(path), "401 401 403 403 200 200 403 200 403 403");
  }

  /** Cells in the order anonymous, token, team, other team, lead, manager, administration, admin, designer, coordinator. */
  static List<Row> rows() {
    List<Row> rows = new ArrayList<>(List.of(
        // The JSON API: tickets (C5.1 public registration; staff read and update)
        row("POST /api/tickets (public registration)", (f, c) -> c.post("/api/tickets", REGISTRATION),
            "201 201 201 201 201 201 201 201 201 201"),
        row("GET /api/tickets/{A}", (f, c) -> c.get("/api/tickets/" + f.a()),
            "401 401 200 403 200 200 403 200 403 403"),
        row("GET /api/tickets/{unknown}", (f, c) -> c.get("/api/tickets/EON-1999-00001"),
            "401 401 404 404 404 404 403 404 403 403"),
        // Issue 18: the search finds A for its team, the leads, managers and admins; the other team finds nothing.
        row("GET /api/tickets?q={A}", (f, c) -> c.get("/api/tickets?q=" + f.a()).tickets(),
            "401 401 200[1] 200[0] 200[1] 200[1] 403 200[1] 403 403"),
        row("POST /api/tickets/{fresh}/updates", (f, c) -> c.post("/api/tickets/" + f.freshTicket().getEonNumber()
                + "/updates", "{\"type\": \"INFO\", \"message\": \"matrix\"}"),
            "401 401 202 403 202 403 403 202 403 403"),
        // Contracts (C1), releases (C3.2), licences (C10), trainings (C11)
        row("POST /api/contracts (licence sale)", (f, c) -> c.post("/api/contracts", f.sale()),
            "401 401 403 403 403 403 201 201 403 403"),
        row("GET /api/contracts/{number}", (f, c) -> c.get("/api/contracts/" + f.contractNumber),
            "401 401 403 403 403 200 200 200 403 403"),
        row("POST /api/contracts/{unknown}/cancellation", (f, c) -> c.post("/api/contracts/MC-1999-999/cancellation",
                "{\"channel\": \"MAIL\"}"),
            "401 401 403 403 403 403 404 404 403 403"),
        // The contract figures: the administration's too, besides the managers' report readers
        row("GET /api/reports/contracts", (f, c) -> c.get("/api/reports/contracts?from=2026-01-01&to=2026-12-31"),
            "401 401 403 403 200 200 200 200 403 403"),
        row("GET /api/reports/contracts/deadlines", (f, c) -> c.get("/api/reports/contracts/deadlines?days=30"),
            "401 401 403 403 200 200 200 200 403 403"),
        row("POST /api/releases (invalid body)", (f, c) -> c.post("/api/releases", "{}"),
            "401 401 403 403 403 403 400 400 403 403"),
        row("GET /api/licences/{number}/bindings", (f, c) -> c.get("/api/licences/EC-418207/bindings"),
            "401 401 200 200 200 403 200 200 403 403"),
        row("GET /api/licence-requests/{unknown}", (f, c) -> c.get("/api/licence-requests/999999"),
            "401 401 404 404 404 403 404 404 403 403"),
        row("POST /api/licence-requests (invalid body)", (f, c) -> c.post("/api/licence-requests", "{}"),
            "401 401 400 400 400 403 400 400 403 403"),
        row("POST /api/user-days (invalid body)", (f, c) -> c.post("/api/user-days", "{}"),
            "401 401 403 403 403 403 403 400 403 400"),
        row("GET /api/trainings/{unknown}", (f, c) -> c.get("/api/trainings/999999"),
            "401 401 403 403 404 403 404 404 403 404"),
        row("DELETE /api/trainings/{unknown}/registrations/{id}", (f, c) -> c.call("DELETE",
                "/api/trainings/999999/registrations/1", null, null),
            "401 401 403 403 404 403 404 404 403 404"),
        // Camunda's REST API (Tasklist, Cockpit and Modeler talk to it)
        row("GET /engine-rest/task of ticket A", (f, c) -> c.get("/engine-rest/task?processInstanceBusinessKey="
                + f.a()),
            "401 401 200[1] 200[0] 200[1] 200[0] 200[0] 200[1] 200[0] 200[0]"),
        // A team's queue is checked by membership, any other candidate group task by task (TeamQueueAuthorization):
        // asking for the Edgecam group, or for it beside one's own, shows another team nothing.
        row("GET /engine-rest/task of ticket A, candidate group support-edgecam", (f, c) -> c.get(
                "/engine-rest/task?candidateGroup=support-edgecam&includeAssignedTasks=true"
                    + "&processInstanceBusinessKey=" + f.a()),
            "401 401 200[1] 200[0] 200[1] 200[0] 200[0] 200[1] 200[0] 200[0]"),
        row("GET /engine-rest/task of ticket A, candidate groups support-edgecam and support-visi", (f, c) -> c.get(
                "/engine-rest/task?candidateGroups=support-edgecam,support-visi&includeAssignedTasks=true"
                    + "&processInstanceBusinessKey=" + f.a()),
            "401 401 200[1] 200[0] 200[1] 200[0] 200[0] 200[1] 200[0] 200[0]"),
        row("GET /engine-rest/task/{A's task}", (f, c) -> c.get("/engine-rest/task/" + f.taskA),
            "401 401 200 404 200 404 404 200 404 404"),
        row("POST /engine-rest/task/{fresh task}/claim", (f, c) -> c.post("/engine-rest/task/"
                + f.taskOf(f.freshTicket()) + "/claim", "{\"userId\": \"" + c.userId() + "\"}"),
            "401 401 204 403 204 403 403 204 403 403"),
        row("POST /engine-rest/task/{fresh task}/submit-form (complete)", (f, c) -> c.post("/engine-rest/task/"
                + f.taskOf(f.freshTicket()) + "/submit-form", TRIAGE),
            "401 401 204 403 204 403 403 204 403 403"),
        row("GET /engine-rest/process-instance of ticket A", (f, c) -> c.get(
                "/engine-rest/process-instance?businessKey=" + f.a()),
            "401 401 200[0] 200[0] 200[1] 200[1] 200[0] 200[1] 200[0] 200[0]"),
        row("GET /engine-rest/history/process-instance of ticket A", (f, c) -> c.get(
                "/engine-rest/history/process-instance?processInstanceBusinessKey=" + f.a()),
            "401 401 200[0] 200[0] 200[1] 200[1] 200[0] 200[1] 200[0] 200[0]"),
        row("DELETE /engine-rest/process-instance/{fresh}", (f, c) -> c.call("DELETE",
                "/engine-rest/process-instance/" + f.freshTicket().getProcessInstanceId(), null, null),
            "401 401 403 403 403 403 403 204 403 403"),
        row("GET /engine-rest/process-definition?key=TicketProcess", (f, c) -> c.get(
                "/engine-rest/process-definition?key=TicketProcess&latestVersion=true"),
            "401 401 200[1] 200[1] 200[1] 200[1] 200[1] 200[1] 200[1] 200[1]"),
        row("POST /engine-rest/deployment/create", (f, c) -> {
              String boundary = "matrix" + UUID.randomUUID();
              return c.call("POST", "/engine-rest/deployment/create", "multipart/form-data; boundary=" + boundary,
                  deployment(boundary));
            },
            "401 401 403 403 403 403 403 200 200 403"),
        row("POST /engine-rest/decision-definition/key/TicketPriority/evaluate", (f, c) -> c.post(
                "/engine-rest/decision-definition/key/TicketPriority/evaluate", PRIORITY_INPUTS),
            // Who may not read decisions does not find it (404); who reads them may not evaluate (403).
            "401 401 404 404 403 403 404 200 403 404"),
        // The webapps: who may log into which, and what their own API then shows
        row("webapp login: Tasklist", (f, c) -> (c.login("tasklist")),
            "401 401 200 200 200 403 200 200 403 200"),
        row("webapp login: Cockpit", (f, c) -> (c.login("cockpit")),
            "401 401 403 403 200 200 403 200 403 403"),
        row("webapp login: Admin", (f, c) -> (c.login("admin")),
            "401 401 403 403 403 403 403 200 403 403"),
        row("Tasklist session: tasks of ticket A", (f, c) -> c.inWebapp("tasklist",
                "/camunda/api/engine/engine/default/task?processInstanceBusinessKey=" + f.a()),
            "401 401 200[1] 200[0] 200[1] 401 200[0] 200[1] 401 200[0]"),
        row("Tasklist session: users (Admin's data)", (f, c) -> c.inWebapp("tasklist",
                "/camunda/api/engine/engine/default/user?id=admin"),
            "401 401 200[0] 200[0] 200[0] 401 200[0] 200[1] 401 200[0]"),
        // The staff's alert preferences: whoever is logged into Tasklist, their own (302: to the sign-in page)
        row("Tasklist session: GET /staff/preferences", (f, c) -> c.inWebapp("tasklist", "/staff/preferences"),
            "302 302 200 200 200 302 200 200 302 200"),
        // Issue 18: the search and sender pages, with the Tasklist session: ticket staff only, A's sender by its team
        row("Tasklist session: GET /staff/tickets?q={A}", (f, c) -> c.inWebapp("tasklist", "/staff/tickets?q=" + f.a()),
            "302 302 200 200 200 302 403 200 302 403"),
        row("Tasklist session: GET /staff/tickets/{A}/sender", (f, c) -> c.inWebapp("tasklist",
                "/staff/tickets/" + f.a() + "/sender"),
            "302 302 200 403 200 302 403 200 302 403"),
        // Issue 17: the ticket dossier, its files and messages to the customer, with the Tasklist session: who sees the
        // ticket opens its files (403 another team, 404 a file that is not the ticket's); the team, leads and admins
        // write (303 to the dossier); managers and designers have no Tasklist login (302 to the sign-in page)
        row("Tasklist session: GET /staff/tickets/{A}", (f, c) -> c.inWebapp("tasklist", "/staff/tickets/" + f.a()),
            "302 302 200 403 200 302 403 200 302 403"),
        row("Tasklist session: GET /staff/tickets/{A}/files/{A's file}", (f, c) -> c.inWebapp("tasklist",
                "/staff/tickets/" + f.a() + "/files/" + f.fileA),
            "302 302 200 403 200 302 403 200 302 403"),
        row("Tasklist session: GET /staff/tickets/{A}/files/{unknown}", (f, c) -> c.inWebapp("tasklist",
                "/staff/tickets/" + f.a() + "/files/999999999"),
            "302 302 404 403 404 302 403 404 302 403"),
        row("Tasklist session: GET /staff/tickets/{B}/files/{A's file}", (f, c) -> c.inWebapp("tasklist",
                "/staff/tickets/" + f.ticketB.getEonNumber() + "/files/" + f.fileA),
            "302 302 404 403 404 302 403 404 302 403"),
        row("Tasklist session: POST /staff/tickets/{fresh}/messages (update)", (f, c) -> c.postStaffForm(
                "/staff/tickets/" + f.freshTicket().getEonNumber() + "/messages", "kind=UPDATE&text=matrix"),
            "302 302 303 403 303 302 403 303 302 403"),
        // The customer register (issue 18): engineers, leads, administration and admins read; leads, administration
        // and admins change and import (managers and designers have no Tasklist login: 302 to the sign-in page)
        row("Tasklist session: GET /staff/customers", (f, c) -> c.inWebapp("tasklist", "/staff/customers"),
            "302 302 200 200 200 302 200 200 302 403"),
        row("Tasklist session: GET /staff/customers/import", (f, c) -> c.inWebapp("tasklist",
                "/staff/customers/import"),
            "302 302 403 403 200 302 200 200 302 403"),
        row("Cockpit session: process instance of ticket A", (f, c) -> c.inWebapp("cockpit",
                "/camunda/api/engine/engine/default/process-instance?businessKey=" + f.a()),
            "401 401 401 401 200[1] 200[1] 401 200[1] 401 401"),
        // The customers' pages: the status link is the credential (C8.1), nothing else opens a ticket's page
        row("GET /support (web form)", (f, c) -> c.get("/support"),
            "200 200 200 200 200 200 200 200 200 200"),
        row("GET /support/status/{A's token}", (f, c) -> c.get("/support/status/" + f.ticketA.getStatusToken()),
            "200 200 200 200 200 200 200 200 200 200"),
        row("GET /support/status/{A's EON number}", (f, c) -> c.get("/support/status/" + f.a()),
            "404 404 404 404 404 404 404 404 404 404"),
        row("GET /support/status/{A's token, one character changed}", (f, c) -> c.get("/support/status/"
                + altered(f.ticketA.getStatusToken())),
            "404 404 404 404 404 404 404 404 404 404"),
        row("GET /support/status/{A's token}/files/{A's file}", (f, c) -> c.get("/support/status/"
                + f.ticketA.getStatusToken() + "/files/" + f.fileA),
            "200 200 200 200 200 200 200 200 200 200"),
        row("GET /support/status/{B's token}/files/{A's file}", (f, c) -> c.get("/support/status/"
                + f.ticketB.getStatusToken() + "/files/" + f.fileA),
            "404 404 404 404 404 404 404 404 404 404"),
        row("GET /support/registered/{A's EON number}", (f, c) -> c.get("/support/registered/" + f.a()),
            "404 404 404 404 404 404 404 404 404 404"),
        // Operations
        row("GET /actuator/health", (f, c) -> c.get("/actuator/health"),
            "200 200 200 200 200 200 200 200 200 200"),
        row("GET /actuator/info", (f, c) -> c.get("/actuator/info"),
            "401 401 403 403 403 200 403 200 403 403"),
        row("GET /actuator/metrics", (f, c) -> c.get("/actuator/metrics"),
            "401 401 403 403 403 200 403 200 403 403"),
        row("GET /actuator/prometheus", (f, c) -> c.get("/actuator/prometheus"),
            "401 401 403 403 403 200 403 200 403 403"),
        // Never exposed: 404 even for those allowed.
        row("GET /actuator/env", (f, c) -> c.get("/actuator/env"),
            "401 401 403 403 403 404 403 404 403 403"),
        row("GET /v3/api-docs", (f, c) -> c.get("/v3/api-docs"),
            "200 200 200 200 200 200 200 200 200 200")));
    Stream.of("/api/reports/tickets/open", "/api/reports/tickets/registered?from=2026-01-01&to=2026-12-31",
            "/api/reports/sla/first-response?from=2026-01-01&to=2026-12-31",
            "/api/reports/response-times?from=2026-01-01&to=2026-12-31", "/api/reports/tickets/waiting-for-customer",
            "/api/reports/supplier-bugs/open", "/api/reports/supplier-bugs/oldest?limit=10")
        .map(AuthorizationMatrixTest::report).forEach(rows::add);
    return rows;
  }

  static Stream<Cell> cells() {
    return rows().stream().flatMap(row -> Arrays.stream(Role.values()).map(role -> new Cell(row, role)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cells")
  @DisplayName("Authorization matrix: every endpoint and webapp action against every role")
  void cell(Cell cell) throws Exception {
    String expected = cell.row().expected(cell.role());
    Answer response = cell.row().call().perform(this, new Caller(cell.role()));
    int status = Integer.parseInt(expected.substring(0, 3));
    assertThat(response.status()).as(cell + ": " + abbreviated(response.body())).isEqualTo(status);
    if (expected.contains("[")) {
      int size = Integer.parseInt(expected.substring(4, expected.indexOf(']')));
      JsonNode list = json.readTree(response.body());
      assertThat(list.isArray()).as(response.body()).isTrue();
      assertThat(list.size()).as(cell + ": " + abbreviated(response.body())).isEqualTo(size);
    }
  }

  private static String abbreviated(String body) {
    return body == null || body.length() < 300 ? body : body.substring(0, 300) + "...";
  }

  private static String altered(String token) {
    char last = token.charAt(token.length() - 1);
    return token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
  }
}
