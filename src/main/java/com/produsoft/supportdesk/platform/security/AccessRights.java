package com.produsoft.supportdesk.platform.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.produsoft.supportdesk.catalogue.Catalogue;
import com.produsoft.supportdesk.catalogue.Product;

/**
 * The groups of the support desk and what each may do in the engine, created at every start-up and only
 * added to, never duplicated. Product engineers see the tasks of their team because the engine grants a
 * task's candidate group access to that task; nobody else gets task rights but the leads. The product teams are
 * the catalogue's: a new product's team gets its group and rights at the next start.
 */
@Component
@Order(AccessRights.ORDER)
public class AccessRights implements ApplicationRunner {

  /** Runs before anything that adds users to these groups. */
  public static final int ORDER = 0;

  private static final String TASKLIST = "tasklist";
  private static final String COCKPIT = "cockpit";
  private static final String ADMIN = "admin";

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final Catalogue catalogue;

  public AccessRights(IdentityService identityService, AuthorizationService authorizationService,
      Catalogue catalogue) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.catalogue = catalogue;
  }

  /** A right: a group may do these things to this resource (id {@code *} for every one). */
  record Grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
  }

  Map<String, String> groupNames() {
    Map<String, String> names = new LinkedHashMap<>();
    for (Product product : catalogue.products()) {
      names.put(product.getTeamGroup(), "Support team " + product.getCode());
    }
    names.put(Roles.SUPPORT_LEADS, "Support leads");
    names.put(Roles.MANAGERS, "Managers");
    names.put(Roles.ADMINISTRATION, "Administration");
    names.put(Roles.PROCESS_DESIGNERS, "Process designers");
    names.put(Roles.TRAINING, "Training coordinators");
    names.put(Roles.CAMUNDA_ADMIN, "Camunda administrators");
    return names;
  }

  List<Grant> grants() {
    List<Grant> grants = new ArrayList<>();
    for (String team : catalogue.teamGroups()) {
      grants.addAll(taskWorker(team));
    }
    grants.addAll(taskWorker(Roles.ADMINISTRATION));
    grants.addAll(taskWorker(Roles.TRAINING));

    // Leads watch and redistribute the work of every team.
    grants.add(new Grant(Roles.SUPPORT_LEADS, Resources.APPLICATION, TASKLIST, Permissions.ACCESS));
    grants.add(new Grant(Roles.SUPPORT_LEADS, Resources.APPLICATION, COCKPIT, Permissions.ACCESS));
    grants.add(new Grant(Roles.SUPPORT_LEADS, Resources.FILTER, ANY, Permissions.READ));
    grants.add(new Grant(Roles.SUPPORT_LEADS, Resources.TASK, ANY, TaskPermissions.READ, TaskPermissions.UPDATE,
        TaskPermissions.TASK_ASSIGN, TaskPermissions.TASK_WORK, TaskPermissions.READ_HISTORY));
    grants.add(new Grant(Roles.SUPPORT_LEADS, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.CREATE_INSTANCE, ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_TASK));
    grants.add(new Grant(Roles.SUPPORT_LEADS, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ,
        ProcessInstancePermissions.CREATE));
    grants.addAll(readModels(Roles.SUPPORT_LEADS));

    // Managers watch processes and SLAs in Cockpit; they change nothing.
    grants.add(new Grant(Roles.MANAGERS, Resources.APPLICATION, COCKPIT, Permissions.ACCESS));
    grants.add(new Grant(Roles.MANAGERS, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY));
    grants.add(new Grant(Roles.MANAGERS, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ));
    grants.addAll(readModels(Roles.MANAGERS));

    // Designers deploy from Camunda Modeler and read definitions, nothing more.
    grants.add(new Grant(Roles.PROCESS_DESIGNERS, Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ));
    grants.add(new Grant(Roles.PROCESS_DESIGNERS, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ));
    grants.addAll(readModels(Roles.PROCESS_DESIGNERS));

    for (Resource resource : Resources.values()) {
      grants.add(new Grant(Roles.CAMUNDA_ADMIN, resource, ANY, Permissions.ALL));
    }
    grants.add(new Grant(Roles.CAMUNDA_ADMIN, Resources.APPLICATION, ADMIN, Permissions.ACCESS));
    return grants;
  }

  /** Works its own tasks in Tasklist and starts processes from Tasklist's start forms. */
  private static List<Grant> taskWorker(String groupId) {
    return List.of(
        new Grant(groupId, Resources.APPLICATION, TASKLIST, Permissions.ACCESS),
        new Grant(groupId, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
            ProcessDefinitionPermissions.CREATE_INSTANCE),
        new Grant(groupId, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE));
  }

  private static List<Grant> readModels(String groupId) {
    return List.of(
        new Grant(groupId, Resources.DEPLOYMENT, ANY, Permissions.READ),
        new Grant(groupId, Resources.DECISION_DEFINITION, ANY, Permissions.READ),
        new Grant(groupId, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ));
  }

  @Override
  public void run(ApplicationArguments args) {
    groupNames().forEach(this::ensureGroup);
    grants().forEach(this::ensureGrant);
  }

  private void ensureGroup(String id, String name) {
    if (identityService.createGroupQuery().groupId(id).count() > 0) {
      return;
    }
    Group group = identityService.newGroup(id);
    group.setName(name);
    group.setType(Roles.CAMUNDA_ADMIN.equals(id) ? "SYSTEM" : "WORKFLOW");
    identityService.saveGroup(group);
  }

  private void ensureGrant(Grant grant) {
    Authorization authorization = authorizationService.createAuthorizationQuery()
        .groupIdIn(grant.groupId())
        .resourceType(grant.resource())
        .resourceId(grant.resourceId())
        .list().stream()
        .filter(existing -> existing.getAuthorizationType() == AUTH_TYPE_GRANT)
        .findFirst()
        .orElseGet(() -> newGrant(grant));
    for (Permission permission : grant.permissions()) {
      authorization.addPermission(permission);
    }
    authorizationService.saveAuthorization(authorization);
  }

  private Authorization newGrant(Grant grant) {
    Authorization authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
    authorization.setGroupId(grant.groupId());
    authorization.setResource(grant.resource());
    authorization.setResourceId(grant.resourceId());
    return authorization;
  }
}
