package com.produsoft.supportdesk.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.camunda.bpm.engine.impl.persistence.entity.TaskManager;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.model.bpmn.Bpmn;

/**
 * The proof behind {@link TeamQueuePage} on one engine (H2 in TeamQueuePageTest, MariaDB in TeamQueuePageMySqlTest):
 * for each query shape, the tasks, their order, the pages and the counts with the team queue statement are those of
 * Camunda's own statement (its task manager put back into the running engine, as B2's before/after does).
 * <p>
 * The probe: 30 tasks of a process of its own, candidate groups support-edgecam, support-visi or both (a task with
 * both links comes twice out of Camunda's join, once out of DISTINCT), some also with a candidate user, every fifth
 * assigned, priorities 25 to 100, every due date, creation time and name (ignoring case) different so that each
 * ordering is total, a follow-up date on three in four, a process variable and a task variable.
 */
final class TeamQueueShapes {

  private static final String PROCESS = "TeamQueuePageProbe";
  private static final String TASK = "teamQueuePageProbeTask";
  private static final String ENGINEER = "engineer.edgecam";
  private static final List<String> ENGINEER_GROUPS = List.of("support-edgecam", "support-visi");
  private static final int TASKS = 30;
  private static final Instant START = Instant.parse("2031-03-03T08:00:00Z");

  private final ProcessEngine engine;
  private final TaskService tasks;

  private TeamQueueShapes(ProcessEngine engine) {
    this.engine = engine;
    this.tasks = engine.getTaskService();
  }

  /** Deploys the probe, compares every shape, removes the probe again. */
  static void assertSameAsCamundasStatement(ProcessEngine engine) {
    new TeamQueueShapes(engine).compareOnProbe();
  }

  private void compareOnProbe() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
        .getProcessEngineConfiguration();
    assertThat(configuration.getSessionFactories().get(TaskManager.class))
        .isInstanceOf(TeamQueuePage.TeamQueueTaskManagers.class);
    RepositoryService repository = engine.getRepositoryService();
    String deployment = repository.createDeployment().addModelInstance(PROCESS + ".bpmn",
        Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1).startEvent().userTask(TASK)
            .name("${name}").camundaCandidateGroups("${groups}").camundaPriority("${priority}")
            .camundaDueDate("${due}").camundaFollowUpDate("${followUp}").endEvent().done())
        .deploy().getId();
    try {
      startProbe();
      Map<String, Boolean> shapes = compareShapes(configuration);
      assertThat(shapes).as("shapes read by the team queue statement (true) or Camunda's (false)")
          .containsExactlyEntriesOf(expectedStatements());
    } finally {
      ClockUtil.reset();
      repository.deleteDeployment(deployment, true);
    }
  }

  private void startProbe() {
    for (int i = 0; i < TASKS; i++) {
      Instant created = START.plus(i, ChronoUnit.MINUTES);
      ClockUtil.setCurrentTime(Date.from(created));
      Map<String, Object> variables = new HashMap<>();
      variables.put("name", (i % 2 == 0 ? "probe task " : "Probe Task ") + "%02d".formatted((i * 11) % TASKS));
      variables.put("groups", switch (i % 3) {
        case 0 -> "support-edgecam";
        case 1 -> "support-edgecam,support-visi";
        default -> "support-visi";
      });
      variables.put("priority", 25 * (1 + (i * 7) % 4));
      variables.put("due", Date.from(START.plus(1 + (i * 13) % TASKS, ChronoUnit.DAYS)));
      variables.put("followUp", i % 4 == 0 ? null : Date.from(START.plus(1 + (i * 17) % TASKS, ChronoUnit.HOURS)));
      variables.put("product", i % 2 == 0 ? "EDGECAM" : "VISI");
      String instance = engine.getRuntimeService().startProcessInstanceByKey(PROCESS, "probe-" + i, variables)
          .getId();
      Task task = tasks.createTaskQuery().processInstanceId(instance).singleResult();
      tasks.setVariableLocal(task.getId(), "facts", "kind-" + (i % 3));
      if (i % 5 == 0) {
        tasks.setAssignee(task.getId(), ENGINEER);
      }
      if (i % 7 == 0) {
        tasks.addCandidateUser(task.getId(), ENGINEER);
      }
    }
  }

  /** Each shape as Tasklist's engineer (authenticated with both groups) asks it, unless named otherwise. */
  private static Map<String, Function<TaskQuery, TaskQuery>> shapes() {
    Date dueBefore = Date.from(START.plus(20, ChronoUnit.DAYS));
    Date followUp = Date.from(START.plus(15, ChronoUnit.HOURS));
    Map<String, Function<TaskQuery, TaskQuery>> shapes = new LinkedHashMap<>();
    shapes.put("team queue by priority and due date", q -> q.taskCandidateGroup("support-edgecam")
        .orderByTaskPriority().desc().orderByDueDate().asc());
    shapes.put("two groups (tasks with both links)", q -> q.taskCandidateGroupIn(ENGINEER_GROUPS)
        .orderByTaskPriority().desc().orderByDueDate().asc());
    shapes.put("assigned tasks included, by due date", q -> q.taskCandidateGroupIn(ENGINEER_GROUPS)
        .includeAssignedTasks().orderByDueDate().asc());
    shapes.put("by creation, newest first", q -> q.taskCandidateGroup("support-visi").includeAssignedTasks()
        .orderByTaskCreateTime().desc());
    shapes.put("name like, by name ignoring case", q -> q.taskCandidateGroupIn(ENGINEER_GROUPS)
        .taskNameLike("%task 1%").orderByTaskNameCaseInsensitive().asc());
    shapes.put("due before, unassigned, process variable", q -> q.taskCandidateGroupIn(ENGINEER_GROUPS)
        .dueBefore(dueBefore).taskUnassigned().processVariableValueEquals("product", "EDGECAM")
        .orderByTaskPriority().desc().orderByTaskCreateTime().asc());
    shapes.put("follow-up before or none, by follow-up date", q -> q.taskCandidateGroupIn(ENGINEER_GROUPS)
        .followUpBeforeOrNotExistent(followUp).orderByFollowUpDate().asc().orderByTaskCreateTime().asc());
    shapes.put("task variable, follow-up after, process definition", q -> q.taskCandidateGroupIn(ENGINEER_GROUPS)
        .includeAssignedTasks().taskVariableValueEquals("facts", "kind-1").followUpAfter(followUp)
        .processDefinitionKey(PROCESS).orderByTaskPriority().desc().orderByDueDate().asc());
    shapes.put("business key like, assignee", q -> q.taskCandidateGroup("support-edgecam").includeAssignedTasks()
        .processInstanceBusinessKeyLike("probe-1%").taskAssignee(ENGINEER).orderByDueDate().desc());
    shapes.put("without authentication", q -> q.taskCandidateGroup("support-edgecam").orderByTaskPriority().desc()
        .orderByDueDate().asc());
    // Camunda's statement: another join could repeat a task, or the link is compared with other conditions.
    shapes.put("candidate user", q -> q.taskCandidateUser(ENGINEER).orderByDueDate().asc());
    shapes.put("group and an OR branch", q -> q.taskCandidateGroup("support-edgecam").or().taskName("x")
        .taskPriority(100).endOr().orderByDueDate().asc());
    shapes.put("ordered by a process variable", q -> q.taskCandidateGroup("support-edgecam")
        .orderByProcessVariable("product", ValueType.STRING).asc().orderByDueDate().asc());
    shapes.put("another team's group (per-task check)", q -> q.taskCandidateGroup("support-radan")
        .orderByDueDate().asc());
    return shapes;
  }

  private static Map<String, Boolean> expectedStatements() {
    Map<String, Boolean> expected = new LinkedHashMap<>();
    shapes().keySet().forEach(shape -> expected.put(shape, !List.of("candidate user", "group and an OR branch",
        "ordered by a process variable", "another team's group (per-task check)").contains(shape)));
    return expected;
  }

  /** Which statement each shape was read with, after asserting that both statements give the same. */
  private Map<String, Boolean> compareShapes(ProcessEngineConfigurationImpl configuration) {
    Map<String, Boolean> statements = new LinkedHashMap<>();
    shapes().forEach((shape, criteria) -> {
      boolean authenticated = !shape.equals("without authentication");
      Result teamQueuePage = read(criteria, authenticated);
      Map<Class<?>, SessionFactory> sessions = configuration.getSessionFactories();
      SessionFactory teamQueue = sessions.get(TaskManager.class);
      sessions.put(TaskManager.class, new GenericManagerFactory(TaskManager.class));
      Result camunda;
      try {
        camunda = read(criteria, authenticated);
      } finally {
        sessions.put(TaskManager.class, teamQueue);
      }
      assertThat(teamQueuePage.ids()).as(shape).isEqualTo(camunda.ids());
      assertThat(teamQueuePage.pages()).as(shape + ", pages").isEqualTo(camunda.pages());
      assertThat(teamQueuePage.count()).as(shape + ", count").isEqualTo(camunda.count())
          .isEqualTo(camunda.ids().size());
      statements.put(shape, teamQueuePage.readByTeamQueuePage());
    });
    assertThat(read(shapes().get("team queue by priority and due date"), true).ids()).hasSizeGreaterThan(3);
    assertThat(read(shapes().get("two groups (tasks with both links)"), true).ids())
        .hasSizeGreaterThan(read(shapes().get("team queue by priority and due date"), true).ids().size());
    return statements;
  }

  private record Result(List<String> ids, List<List<String>> pages, long count, boolean readByTeamQueuePage) {
  }

  private Result read(Function<TaskQuery, TaskQuery> criteria, boolean authenticated) {
    IdentityService identity = engine.getIdentityService();
    if (authenticated) {
      identity.setAuthentication(ENGINEER, ENGINEER_GROUPS);
    }
    try {
      TaskQuery list = criteria.apply(tasks.createTaskQuery().taskDefinitionKey(TASK));
      List<String> ids = list.list().stream().map(Task::getId).toList();
      List<List<String>> pages = List.of(0, 3, 7).stream().map(first -> criteria
          .apply(tasks.createTaskQuery().taskDefinitionKey(TASK)).listPage(first, 4).stream().map(Task::getId)
          .toList()).toList();
      long count = criteria.apply(tasks.createTaskQuery().taskDefinitionKey(TASK)).count();
      // The query as the engine configured it for this user decides the statement (TeamQueuePage).
      return new Result(ids, pages, count, TeamQueuePage.readsWithoutDistinct((TaskQueryImpl) list));
    } finally {
      identity.clearAuthentication();
    }
  }
}
