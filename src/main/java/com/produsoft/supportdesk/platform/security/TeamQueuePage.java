package com.produsoft.supportdesk.platform.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.TaskManager;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * A team queue's page read without {@code SELECT DISTINCT} (issue 20; docs/performance.md, tuning log 14).
 * <p>
 * Camunda's task query joins the candidate links to the tasks and selects DISTINCT, so MariaDB reads and sorts the
 * whole queue for every page of 50. For the shape of a team queue whose per-task check
 * {@link TeamQueueAuthorization} left off, the page is read by {@code TeamQueuePage.xml} instead: Camunda's own
 * criteria with the candidate link as an EXISTS, so each task comes once and MariaDB walks the tasks in the page's
 * order (index {@code PSD_IDX_TASK_PRIORITY_DUE}) and stops after the page. Which tasks, in which order, is the same:
 * {@code TeamQueuePageTest} and {@code TeamQueuePageMySqlTest} compare both statements.
 * <p>
 * The DISTINCT is only dropped where nothing else could repeat a task: besides the candidate links, Camunda's query
 * joins the process definition, execution, case definition and case execution by their primary keys (one row at
 * most), and it adds row-multiplying joins only for the per-task authorization check and for orderings by variable,
 * both of which keep Camunda's statement, as do OR queries, candidate users, group patterns and "involved user"
 * (those compare the same link row with other conditions). Counts keep Camunda's statement.
 * <p>
 * Engine internals, in this one place: the plugin parses the mapper into the engine's MyBatis configuration and
 * replaces the engine's {@link TaskManager} session, whose list query is where the statement is chosen. Only on the
 * databases the product runs on (MySQL/MariaDB, and H2 for tests), whose paging syntax the statement shares.
 */
@Component
public class TeamQueuePage extends AbstractProcessEnginePlugin {

  static final String STATEMENT = TeamQueuePage.class.getName() + ".selectTeamQueuePage";
  private static final String MAPPER = "com/produsoft/supportdesk/platform/security/TeamQueuePage.xml";
  private static final Set<String> DATABASES = Set.of("mysql", "h2");

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (!DATABASES.contains(configuration.getDatabaseType())) {
      return;
    }
    Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
    if (!mybatis.hasStatement(STATEMENT)) {
      try (InputStream mapper = TeamQueuePage.class.getClassLoader().getResourceAsStream(MAPPER)) {
        new XMLMapperBuilder(mapper, mybatis, MAPPER, mybatis.getSqlFragments()).parse();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    configuration.getSessionFactories().put(TaskManager.class, new TeamQueueTaskManagers());
  }

  /** Opens {@link TeamQueueTaskManager} wherever the engine asks for its task manager. */
  static final class TeamQueueTaskManagers implements SessionFactory {

    @Override
    public Class<?> getSessionType() {
      return TaskManager.class;
    }

    @Override
    public Session openSession() {
      return new TeamQueueTaskManager();
    }
  }

  /** Camunda's task manager, but a team queue's page is read by {@link #STATEMENT}. */
  static class TeamQueueTaskManager extends TaskManager {

    @Override
    public List<Task> findTasksByQueryCriteria(TaskQueryImpl query) {
      // Camunda's method, with the statement chosen once the query knows its authorization check.
      configureQuery(query);
      return getDbEntityManager().selectList(readsWithoutDistinct(query) ? STATEMENT : "selectTaskByQueryCriteria",
          query);
    }
  }

  /**
   * Whether the query, as configured for the current user, joins nothing but its candidate links that could repeat
   * a task: no per-task authorization check, one query (no OR branch), candidate groups and no other condition on
   * the link (candidate user, group pattern, with candidate users or groups, involved user), no ordering by a
   * variable.
   */
  static boolean readsWithoutDistinct(TaskQueryImpl query) {
    AuthorizationCheck check = query.getAuthCheck();
    boolean authorizationJoin = check.getShouldPerformAuthorizatioCheck() && check.getAuthUserId() != null;
    if (authorizationJoin || query.getQueries().size() != 1 || query.getCandidateUser() != null
        || query.getCandidateGroupLike() != null || query.getInvolvedUser() != null
        || Boolean.TRUE.equals(query.isWithCandidateGroups()) || Boolean.TRUE.equals(query.isWithCandidateUsers())
        || query.getOrderingProperties().stream().anyMatch(ordering -> ordering.getRelation() != null)) {
      return false;
    }
    List<String> groups = query.getCandidateGroups();
    return groups != null && !groups.isEmpty();
  }
}
