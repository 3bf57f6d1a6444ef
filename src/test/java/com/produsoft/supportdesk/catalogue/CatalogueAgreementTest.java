package com.produsoft.supportdesk.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.produsoft.supportdesk.intake.mail.InboundMail;
import com.produsoft.supportdesk.intake.mail.InboundMailRepository;
import com.produsoft.supportdesk.intake.mail.MailPoller;
import com.produsoft.supportdesk.intake.mail.MailRouting;
import com.produsoft.supportdesk.platform.mail.EmbeddedMailServer;
import com.produsoft.supportdesk.platform.security.Roles;
import com.produsoft.supportdesk.ticket.Ticket;
import com.produsoft.supportdesk.ticket.TicketRegistration;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * Issue 19, acceptance 2: the product catalogue (C6.2: products, their teams, mailboxes and suppliers, one Liquibase
 * row each) is the one source, and every other place that names products or teams agrees with it: the process
 * models' candidate groups, the Camunda Forms' options, the decision tables, the customers' web form, the API's
 * validation, the mail routing (C5.2), the Tasklist queues and the Cockpit dashboard. A product row added without
 * the rest fails here, naming what disagrees (docs/architecture.md, "Adding a product").
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CatalogueAgreementTest {

  /** The groups that are not a product's team (Roles), which models may name as they are. */
  private static final Set<String> OTHER_GROUPS = Set.of(Roles.SUPPORT_LEADS, Roles.MANAGERS, Roles.ADMINISTRATION,
      Roles.PROCESS_DESIGNERS, Roles.TRAINING, Roles.CAMUNDA_ADMIN);
  /** The process variables a model's candidate group may name: each set from the catalogue's team of the product. */
  private static final Set<String> TEAM_EXPRESSIONS = Set.of("${team}", "${teamGroup}");
  private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
  private static final Set<String> CHOICES = Set.of("select", "radio", "checklist", "taglist");
  private static final Pattern PRODUCT_KEY = Pattern.compile("(?i)(.*_)?(new)?product(code)?");

  @Autowired
  Catalogue catalogue;
  @Autowired
  Validator validator;
  @Autowired
  MailRouting routing;
  @Autowired
  MailPoller poller;
  @Autowired
  EmbeddedMailServer mailServer;
  @Autowired
  InboundMailRepository inboundMails;
  @Autowired
  TaskService taskService;
  @Autowired
  FilterService filterService;
  @Autowired
  AuthorizationService authorizationService;
  @Autowired
  IdentityService identityService;
  @Autowired
  TransactionTemplate transaction;
  @Autowired
  ObjectMapper json;
  @LocalServerPort
  int port;

  @Test
  @DisplayName("C6.2: every candidate group of the process models is a product's team or a role; a list of teams names every product's team")
  void processModelsNameTheCatalogueTeams() throws IOException {
    Set<String> teams = Set.copyOf(catalogue.teamGroups());
    List<String> problems = new ArrayList<>();
    for (Resource model : resources("classpath*:processes/**/*.bpmn")) {
      BpmnModelInstance bpmn;
      try (InputStream in = model.getInputStream()) {
        bpmn = Bpmn.readModelFromStream(in);
      }
      for (UserTask task : bpmn.getModelElementsByType(UserTask.class)) {
        for (String group : groups(task.getCamundaCandidateGroups())) {
          if (!teams.contains(group) && !OTHER_GROUPS.contains(group) && !TEAM_EXPRESSIONS.contains(group)) {
            problems.add(model.getFilename() + " " + task.getId() + ": candidate group " + group);
          }
        }
      }
      for (Process process : bpmn.getModelElementsByType(Process.class)) {
        List<String> starters = groups(process.getCamundaCandidateStarterGroups());
        starters.stream().filter(group -> !teams.contains(group) && !OTHER_GROUPS.contains(group))
            .forEach(group -> problems.add(model.getFilename() + " " + process.getId() + ": starter group " + group));
        // A process that product teams start is started by every product's team.
        if (starters.stream().anyMatch(teams::contains) && !starters.containsAll(teams)) {
          problems.add(model.getFilename() + " " + process.getId() + ": starter groups lack "
              + teams.stream().filter(team -> !starters.contains(team)).sorted().toList());
        }
      }
    }
    assertThat(problems).as("candidate groups that disagree with the catalogue").isEmpty();
  }

  @Test
  @DisplayName("C6.2: every product option of the Camunda Forms is the catalogue's list, code and name; the decision tables name only catalogue products")
  void formsAndDecisionsListTheCatalogue() throws IOException {
    Map<String, String> products = codesAndNames();
    List<String> problems = new ArrayList<>();
    int productFields = 0;
    for (Resource form : resources("classpath*:processes/**/*.form")) {
      JsonNode schema;
      try (InputStream in = form.getInputStream()) {
        schema = json.readTree(in);
      }
      for (JsonNode field : fields(schema)) {
        // A choice of a product (product, newProduct); a disabled text field only shows the ticket's.
        if (!CHOICES.contains(field.path("type").asText()) || !PRODUCT_KEY.matcher(field.path("key").asText()).matches()) {
          continue;
        }
        productFields++;
        Map<String, String> options = new TreeMap<>();
        field.path("values").forEach(option -> options.put(option.path("value").asText(),
            option.path("label").asText()));
        if (!options.equals(products)) {
          problems.add(form.getFilename() + " " + field.path("key").asText() + ": " + options);
        }
      }
    }
    assertThat(productFields).as("product fields found in the forms").isGreaterThanOrEqualTo(4);

    for (Resource decision : resources("classpath*:processes/**/*.dmn")) {
      DmnModelInstance dmn;
      try (InputStream in = decision.getInputStream()) {
        dmn = Dmn.readModelFromStream(in);
      }
      for (DecisionTable table : dmn.getModelElementsByType(DecisionTable.class)) {
        List<Input> inputs = List.copyOf(table.getInputs());
        for (int column = 0; column < inputs.size(); column++) {
          if (!"product".equals(inputs.get(column).getInputExpression().getText().getTextContent().strip())) {
            continue;
          }
          for (Rule rule : table.getRules()) {
            Matcher quoted = QUOTED.matcher(List.copyOf(rule.getInputEntries()).get(column).getText().getTextContent());
            while (quoted.find()) {
              if (!products.containsKey(quoted.group(1))) {
                problems.add(decision.getFilename() + " " + rule.getId() + ": product " + quoted.group(1));
              }
            }
          }
        }
      }
    }
    assertThat(problems).as("form options and decision rules that disagree with the catalogue " + products)
        .isEmpty();
  }

  @Test
  @DisplayName("C5.1: the customers' web form offers exactly the catalogue's products, by name")
  void webFormOffersTheCatalogue() throws Exception {
    HttpResponse<String> page = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/support")).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(page.statusCode()).isEqualTo(200);

    Matcher select = Pattern.compile("<select[^>]*name=\"product\"[^>]*>(.*?)</select>", Pattern.DOTALL)
        .matcher(page.body());
    assertThat(select.find()).as("the product field of the web form").isTrue();
    Map<String, String> options = new TreeMap<>();
    Matcher option = Pattern.compile("<option value=\"([^\"]+)\"[^>]*>([^<]*)</option>").matcher(select.group(1));
    while (option.find()) {
      options.put(option.group(1), option.group(2));
    }
    assertThat(options).isEqualTo(codesAndNames());
  }

  @Test
  @DisplayName("C4, C5.1: the API and the web form accept every catalogue product by its code and refuse any other, naming the codes")
  void registrationsAcceptExactlyTheCatalogue() {
    for (String code : catalogue.codes()) {
      assertThat(productViolations(code)).as(code).isEmpty();
    }
    String accepted = String.join("|", catalogue.codes());
    for (String other : List.of("AUTOCAD", "edgecam", " EDGECAM", "")) {
      assertThat(productViolations(other)).as("'" + other + "'").contains("must be one of " + accepted);
    }
  }

  @Test
  @DisplayName("C5.2, C6.2: a mail to each product's mailbox becomes a ticket of that product in its team's queue")
  void everyProductMailboxRoutesToItsProductAndTeam() throws Exception {
    assertThat(routing.polled()).extracting(MailRouting.Mailbox::address, MailRouting.Mailbox::product)
        .containsExactlyElementsOf(catalogue.products().stream()
            .map(product -> org.assertj.core.groups.Tuple.tuple(product.getSupportMailbox(), product.getCode()))
            .toList());

    String run = UUID.randomUUID().toString().substring(0, 8);
    for (Product product : catalogue.products()) {
      // One mail per pass: mails of several mailboxes at once would wait for their turn (RegistrationAdmission).
      String sender = product.getCode().toLowerCase() + "-" + run + "@catalogue.example";
      GreenMailUtil.sendTextEmail(product.getSupportMailbox(), sender, "Catalogue check " + product.getName(),
          "Which team reads this?", mailServer.greenMail().getSmtp().getServerSetup());
      poller.pollAll();

      List<String> ticket = transaction.execute(status -> {
        List<InboundMail> mails = inboundMails.findBySender(sender);
        assertThat(mails).as(product.getSupportMailbox()).hasSize(1);
        Ticket registered = mails.get(0).getTicket();
        assertThat(registered).as("ticket from " + product.getSupportMailbox()).isNotNull();
        return List.of(registered.getEonNumber(), registered.getProductCode());
      });
      assertThat(ticket.get(1)).as("product of " + ticket.get(0)).isEqualTo(product.getCode());
      Task triage = taskService.createTaskQuery().processInstanceBusinessKey(ticket.get(0)).singleResult();
      assertThat(taskService.getIdentityLinksForTask(triage.getId())).extracting(IdentityLink::getGroupId)
          .as("candidate groups of " + ticket.get(0)).contains(product.getTeamGroup());
    }
  }

  @Test
  @DisplayName("C6.2: every product team has its group, its Tasklist queue read by the team only, a place in the leads' queues and a name on the Cockpit dashboard")
  void staffViewsFollowTheCatalogue() throws IOException {
    List<String> teams = catalogue.teamGroups();
    for (Product product : catalogue.products()) {
      String team = product.getTeamGroup();
      assertThat(identityService.createGroupQuery().groupId(team).count()).as(team).isOne();
      Filter queue = filterService.createFilterQuery().filterName(product.getCode() + " queue").singleResult();
      assertThat(queue).as(product.getCode() + " queue").isNotNull();
      assertThat(((TaskQueryImpl) queue.getQuery()).getCandidateGroup()).isEqualTo(team);
      assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER)
          .resourceId(queue.getId()).list()).filteredOn(grant -> grant.getGroupId() != null)
          .extracting(Authorization::getGroupId).containsExactly(team);
      assertThat(authorizationService.isUserAuthorized("nobody", List.of(team), Permissions.ACCESS,
          Resources.APPLICATION, "tasklist")).as(team + " opens Tasklist").isTrue();
    }
    Set<String> queues = filterService.createFilterQuery().list().stream().map(Filter::getName)
        .filter(name -> name.endsWith(" queue")).collect(Collectors.toSet());
    assertThat(queues).as("team queues").containsExactlyInAnyOrderElementsOf(
        catalogue.codes().stream().map(code -> code + " queue").toList());
    Filter all = filterService.createFilterQuery().filterName("All queues").singleResult();
    assertThat(((TaskQueryImpl) all.getQuery()).getCandidateGroupsInternal()).containsAll(teams);

    String dashboard;
    try (InputStream in = resources("classpath:plugin-webapp/support-dashboard/app/plugin.js").get(0)
        .getInputStream()) {
      dashboard = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Map<String, String> names = new TreeMap<>();
    Matcher name = Pattern.compile("'(support-[a-z0-9-]+)': '([^']*)'").matcher(dashboard);
    while (name.find()) {
      names.put(name.group(1), name.group(2));
    }
    assertThat(names).as("the dashboard's team names (plugin.js TEAM_NAMES)").isEqualTo(catalogue.products().stream()
        .collect(Collectors.toMap(Product::getTeamGroup, Product::getName, (a, b) -> a, TreeMap::new)));
  }

  private Map<String, String> codesAndNames() {
    return catalogue.products().stream()
        .collect(Collectors.toMap(Product::getCode, Product::getName, (a, b) -> a, TreeMap::new));
  }

  private Set<String> productViolations(String product) {
    TicketRegistration registration = new TicketRegistration("Metaalwerken Vandamme", "Jan Vandamme",
        "jan.vandamme@vandamme.example", "+32 50 12 34 56", product, "SUPPORT", "The post stops", null, null, null,
        null, null, false, "nl");
    return validator.validate(registration).stream()
        .filter(violation -> violation.getPropertyPath().toString().equals("product"))
        .map(ConstraintViolation::getMessage).collect(Collectors.toCollection(TreeSet::new));
  }

  private static List<String> groups(String list) {
    return list == null ? List.of()
        : Stream.of(list.split(",")).map(String::strip).filter(group -> !group.isEmpty()).toList();
  }

  private static List<JsonNode> fields(JsonNode container) {
    List<JsonNode> fields = new ArrayList<>();
    container.path("components").forEach(field -> {
      fields.add(field);
      fields.addAll(fields(field));
    });
    return fields;
  }

  private static List<Resource> resources(String pattern) throws IOException {
    List<Resource> found = List.of(new PathMatchingResourcePatternResolver().getResources(pattern));
    assertThat(found).as(pattern).isNotEmpty();
    return found;
  }
}
