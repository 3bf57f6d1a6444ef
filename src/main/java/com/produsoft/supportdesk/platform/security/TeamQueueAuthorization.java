package com.produsoft.supportdesk.platform.security;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Team queues checked by team membership instead of task by task (issue 20; docs/performance.md, tuning log 13).
 * <p>
 * The access rule is {@link AccessRights}': a product engineer reads the tasks of their team because the engine
 * grants a task's candidate group access to that task. A task query that asks only for tasks with a candidate link
 * to groups the user belongs to (a team queue, "Due today", "SLA breached") therefore finds nothing that the
 * per-task check would hide, yet Camunda checks every task of the queue against the authorization table (several
 * correlated sub-queries a task) before it can sort and return a page: that check was most of the queue's time. Such a
 * query runs without it; any other task query (another team's group, a candidate user, a group pattern, an OR
 * query, no candidate group at all) keeps Camunda's check untouched, so nobody reads a task of a team they are not
 * in. The product has no REVOKE authorizations on tasks (AccessRights grants only), which this relies on.
 * <p>
 * This is the only place that reaches into the engine's internals for it: Camunda's task query asks its
 * {@link AuthorizationManager} session to add the permission checks, and the engine lets a configuration replace a
 * session by type ({@code customSessionFactories}).
 */
@Component
public class TeamQueueAuthorization extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<SessionFactory> factories = new ArrayList<>();
    if (configuration.getCustomSessionFactories() != null) {
      factories.addAll(configuration.getCustomSessionFactories());
    }
    factories.add(new TeamQueueSessions());
    configuration.setCustomSessionFactories(factories);
  }

  /** Opens {@link TeamQueueAuthorizationManager} wherever the engine asks for its authorization manager. */
  static final class TeamQueueSessions implements SessionFactory {

    @Override
    public Class<?> getSessionType() {
      return AuthorizationManager.class;
    }

    @Override
    public Session openSession() {
      return new TeamQueueAuthorizationManager();
    }
  }

  /** Camunda's authorization manager, but a query of the user's own candidate groups skips the per-task check. */
  static class TeamQueueAuthorizationManager extends AuthorizationManager {

    @Override
    public void configureTaskQuery(TaskQueryImpl query) {
      super.configureTaskQuery(query);
      AuthorizationCheck check = query.getAuthCheck();
      if (check.isAuthorizationCheckEnabled() && ownCandidateGroupsOnly(query, check.getAuthGroupIds())) {
        check.setAuthorizationCheckEnabled(false);
      }
    }
  }

  /**
   * Whether every task the query can return has a candidate link to one of the user's groups: one query (no OR
   * branches, whose conditions would widen the result), candidate groups that are all the user's, and no candidate
   * user or group pattern beside them (Camunda joins those to the groups with OR).
   */
  static boolean ownCandidateGroupsOnly(TaskQueryImpl query, List<String> userGroups) {
    if (query.getQueries().size() != 1 || query.getCandidateUser() != null || query.getCandidateGroupLike() != null
        || userGroups == null) {
      return false;
    }
    List<String> groups = query.getCandidateGroups();
    return groups != null && !groups.isEmpty() && userGroups.containsAll(groups);
  }
}
