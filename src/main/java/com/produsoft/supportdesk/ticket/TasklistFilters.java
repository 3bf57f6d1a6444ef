package com.produsoft.supportdesk.ticket;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.produsoft.supportdesk.catalogue.Catalogue;
import com.produsoft.supportdesk.catalogue.Product;
import com.produsoft.supportdesk.platform.security.AccessRights;
import com.produsoft.supportdesk.platform.security.Roles;

/**
 * The shared Tasklist filters, created or brought up to date at every start-up: each team's queue, the leads' view
 * of all queues, the administration's and the training coordinator's queues, my tasks, due today, SLA breached.
 * Every queue lists the most urgent first: task priority (the priority decision's taskPriority, 100 for P1 down to
 * 25 for P4) descending, then due date ascending; Tasklist's own sorting (creation date) only breaks ties, because the
 * engine puts a filter's ordering before the one Tasklist asks for. Tasklist opens the readable filter with the
 * lowest {@code priority} property, so each team lands on its own queue and the leads on all queues.
 * <p>
 * The filters are this class's: found by name and updated, marked with {@link #OWNER_PROPERTY}, and a marked filter
 * that is no longer listed here (renamed or dropped) is deleted, as is a second one of the same name. Read rights are
 * the listed groups' exactly (the leads and admins read every filter through their global grant).
 */
@Component
@Order(AccessRights.ORDER + 1)
class TasklistFilters implements ApplicationRunner {

  /** The property that marks a shared filter as managed here. */
  static final String OWNER_PROPERTY = "managedBy";
  static final String OWNER = "support-desk";

  /** The variables a ticket queue shows beside each task (the task's name holds EON number and company). */
  private static final List<Map<String, String>> TICKET_COLUMNS = List.of(
      Map.of("name", "priority", "label", "Priority"),
      Map.of("name", "product", "label", "Product"));

  private final FilterService filterService;
  private final TaskService taskService;
  private final AuthorizationService authorizationService;
  private final Catalogue catalogue;

  TasklistFilters(FilterService filterService, TaskService taskService, AuthorizationService authorizationService,
      Catalogue catalogue) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.authorizationService = authorizationService;
    this.catalogue = catalogue;
  }

  record SharedFilter(String name, String description, int position, TaskQuery query,
      List<Map<String, String>> columns, List<String> readers) {
  }

  @Override
  public void run(ApplicationArguments args) {
    List<SharedFilter> filters = filters();
    filters.forEach(this::createOrUpdate);
    Set<String> names = filters.stream().map(SharedFilter::name).collect(Collectors.toSet());
    sharedFilters().stream()
        .filter(filter -> OWNER.equals(filter.getProperties().get(OWNER_PROPERTY)) && !names.contains(filter.getName()))
        .forEach(former -> filterService.deleteFilter(former.getId()));
  }

  List<SharedFilter> filters() {
    List<String> teams = catalogue.teamGroups();
    List<String> everybody = new ArrayList<>(teams);
    everybody.add(Roles.ADMINISTRATION);
    everybody.add(Roles.TRAINING);
    everybody.add(Roles.SUPPORT_LEADS);
    List<String> allTeams = new ArrayList<>(teams);
    allTeams.add(Roles.SUPPORT_LEADS);

    List<SharedFilter> filters = new ArrayList<>();
    filters.add(new SharedFilter("All queues", "Every team's open tickets and the leads' reviews, most urgent first",
        -10, byUrgency(taskService.createTaskQuery().taskCandidateGroupIn(allTeams).includeAssignedTasks()),
        TICKET_COLUMNS, List.of(Roles.SUPPORT_LEADS)));
    int position = 0;
    for (Product product : catalogue.products()) {
      String team = product.getTeamGroup();
      filters.add(new SharedFilter(product.getCode() + " queue", "Open tasks of the " + product.getCode()
          + " team: most urgent first (P1 to P4), then the earliest due", position++, queueOf(team), TICKET_COLUMNS,
          List.of(team)));
    }
    filters.add(new SharedFilter("Administration", "Quotes, invoices, licence files and releases", position++,
        queueOf(Roles.ADMINISTRATION), List.of(), List.of(Roles.ADMINISTRATION)));
    filters.add(new SharedFilter("Trainings", "Plan update trainings and organise user days (C11)", position,
        queueOf(Roles.TRAINING), List.of(), List.of(Roles.TRAINING)));
    filters.add(new SharedFilter("My tasks", "Tasks I claimed, most urgent first", 10,
        byUrgency(taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}")), TICKET_COLUMNS,
        everybody));
    filters.add(new SharedFilter("Due today", "My groups' tasks due before tomorrow (office hours, C6)", 20,
        byUrgency(taskService.createTaskQuery()
            .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
            .dueBeforeExpression("${dateTime().withTimeAtStartOfDay().plusDays(1).toDate()}")), TICKET_COLUMNS,
        everybody));
    filters.add(new SharedFilter("SLA breached", "My groups' tasks past their due date", 21,
        byUrgency(taskService.createTaskQuery()
            .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
            .dueBeforeExpression("${now()}")), TICKET_COLUMNS, everybody));
    filters.add(new SharedFilter("Overdue tickets (leads)", "SLA breaches to review", 22, queueOf(Roles.SUPPORT_LEADS),
        TICKET_COLUMNS, List.of(Roles.SUPPORT_LEADS)));
    return filters;
  }

  private TaskQuery queueOf(String group) {
    return byUrgency(taskService.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks());
  }

  private static TaskQuery byUrgency(TaskQuery query) {
    return query.orderByTaskPriority().desc().orderByDueDate().asc();
  }

  /** The filters nobody owns: shared ones (a user's own filters in Tasklist have the user as owner). */
  private List<Filter> sharedFilters() {
    return filterService.createTaskFilterQuery().list().stream().filter(filter -> filter.getOwner() == null).toList();
  }

  private void createOrUpdate(SharedFilter shared) {
    List<Filter> sameName = sharedFilters().stream().filter(filter -> shared.name().equals(filter.getName()))
        .toList();
    // Two nodes starting at once may both have created it: one stays.
    sameName.stream().skip(1).forEach(twin -> filterService.deleteFilter(twin.getId()));
    Filter filter = sameName.isEmpty() ? filterService.newTaskFilter() : sameName.get(0);
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", shared.description());
    properties.put("priority", shared.position());
    properties.put("refresh", true);
    properties.put("variables", shared.columns());
    properties.put(OWNER_PROPERTY, OWNER);
    filter.setName(shared.name());
    filter.setQuery(shared.query());
    filter.setProperties(properties);
    filterService.saveFilter(filter);
    grantReadersOnly(filter.getId(), shared.readers());
  }

  private void grantReadersOnly(String filterId, List<String> readers) {
    List<Authorization> grants = authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER)
        .resourceId(filterId).list();
    grants.stream().filter(grant -> grant.getGroupId() != null && !readers.contains(grant.getGroupId()))
        .forEach(former -> authorizationService.deleteAuthorization(former.getId()));
    for (String group : readers) {
      if (grants.stream().noneMatch(grant -> group.equals(grant.getGroupId()))) {
        Authorization read = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        read.setGroupId(group);
        read.setResource(Resources.FILTER);
        read.setResourceId(filterId);
        read.addPermission(Permissions.READ);
        authorizationService.saveAuthorization(read);
      }
    }
  }
}
