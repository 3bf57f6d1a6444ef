package com.produsoft.supportdesk.ticket;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

import com.produsoft.supportdesk.platform.security.AccessRights;
import com.produsoft.supportdesk.platform.security.Roles;

/**
 * The shared Tasklist filters, created or brought up to date at every start-up (found by name, never
 * duplicated): each team's queue by urgency, my tasks, due today, SLA breached. Tasklist lists a filter only to
 * groups that may read it.
 */
@Component
@Order(AccessRights.ORDER + 1)
class TasklistFilters implements ApplicationRunner {

  private final FilterService filterService;
  private final TaskService taskService;
  private final AuthorizationService authorizationService;

  TasklistFilters(FilterService filterService, TaskService taskService, AuthorizationService authorizationService) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.authorizationService = authorizationService;
  }

  record SharedFilter(String name, String description, int position, TaskQuery query, List<String> readers) {
  }

  @Override
  public void run(ApplicationArguments args) {
    filters().forEach(this::createOrUpdate);
  }

  List<SharedFilter> filters() {
    List<String> everybody = new ArrayList<>(Roles.PRODUCT_TEAMS);
    everybody.add(Roles.ADMINISTRATION);
    everybody.add(Roles.SUPPORT_LEADS);

    List<SharedFilter> filters = new ArrayList<>();
    filters.add(new SharedFilter("My tasks", "Tasks I claimed, most urgent first", -10,
        byUrgency(taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}")), everybody));
    int position = 0;
    for (String team : Roles.PRODUCT_TEAMS) {
      String product = team.substring(Roles.TEAM_PREFIX.length()).toUpperCase();
      filters.add(new SharedFilter(product + " queue", "Open tickets of the " + product + " team by priority and due date",
          position++, byUrgency(taskService.createTaskQuery().taskCandidateGroup(team).includeAssignedTasks()),
          List.of(team)));
    }
    filters.add(new SharedFilter("Administration", "Quotes, invoices and releases", position++,
        byUrgency(taskService.createTaskQuery().taskCandidateGroup(Roles.ADMINISTRATION).includeAssignedTasks()),
        List.of(Roles.ADMINISTRATION)));
    filters.add(new SharedFilter("Due today", "My groups' tasks due before tomorrow (office hours, C6)", 20,
        byUrgency(taskService.createTaskQuery()
            .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
            .dueBeforeExpression("${dateTime().withTimeAtStartOfDay().plusDays(1).toDate()}")), everybody));
    filters.add(new SharedFilter("SLA breached", "My groups' tasks past their due date", 21,
        byUrgency(taskService.createTaskQuery()
            .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
            .dueBeforeExpression("${now()}")), everybody));
    filters.add(new SharedFilter("Overdue tickets (leads)", "SLA breaches to review", 22,
        byUrgency(taskService.createTaskQuery().taskCandidateGroup(Roles.SUPPORT_LEADS).includeAssignedTasks()),
        List.of(Roles.SUPPORT_LEADS)));
    return filters;
  }

  private static TaskQuery byUrgency(TaskQuery query) {
    return query.orderByTaskPriority().desc().orderByDueDate().asc();
  }

  private void createOrUpdate(SharedFilter shared) {
    Filter filter = filterService.createFilterQuery().filterName(shared.name()).list().stream().findFirst()
        .orElseGet(filterService::newTaskFilter);
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", shared.description());
    properties.put("priority", shared.position());
    properties.put("refresh", true);
    properties.put("variables", List.of(
        Map.of("name", "eonNumber", "label", "EON call"),
        Map.of("name", "product", "label", "Product"),
        Map.of("name", "priority", "label", "Priority")));
    filter.setName(shared.name());
    filter.setQuery(shared.query());
    filter.setProperties(properties);
    filterService.saveFilter(filter);
    for (String group : shared.readers()) {
      boolean granted = authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER)
          .resourceId(filter.getId()).groupIdIn(group).count() > 0;
      if (!granted) {
        Authorization read = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        read.setGroupId(group);
        read.setResource(Resources.FILTER);
        read.setResourceId(filter.getId());
        read.addPermission(Permissions.READ);
        authorizationService.saveAuthorization(read);
      }
    }
  }
}
