package com.produsoft.supportdesk.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The team queue's page without DISTINCT (issue 20, docs/performance.md tuning log 14): the same tasks, order, pages
 * and counts as Camunda's statement for every query shape of {@link TeamQueueShapes}, on H2 here and on MariaDB in
 * {@link TeamQueuePageMySqlTest}; and its SQL is Camunda's but for the candidate link.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TeamQueuePageTest {

  private static final String CAMUNDA_MAPPER = "org/camunda/bpm/engine/impl/mapping/entity/Task.xml";
  private static final String OUR_MAPPER = "com/produsoft/supportdesk/platform/security/TeamQueuePage.xml";

  @Autowired
  ProcessEngine engine;

  @Test
  @DisplayName("Every query shape reads the same tasks, order, pages and counts as with Camunda's statement")
  void sameAsCamundasStatement() {
    TeamQueueShapes.assertSameAsCamundasStatement(engine);
  }

  @Test
  @DisplayName("The statement is Camunda's selectTaskByQueryCriteria without DISTINCT, the candidate link an EXISTS")
  void camundasSqlButTheCandidateLink() throws IOException {
    String camunda = text(CAMUNDA_MAPPER);
    String ours = text(OUR_MAPPER);
    String criteria = element(camunda, "sql", "selectTaskByQueryCriteriaSql");
    String[][] changes = {
        {"<sql id=\"selectTaskByQueryCriteriaSql\">", "<sql id=\"teamQueueCriteriaSql\">"},
        {" <if test=\"I_JOIN\"> left join ${prefix}ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_ </if>", ""},
        {" and I.TYPE_ = 'candidate' ", " and exists (select 1 from ${prefix}ACT_RU_IDENTITYLINK I where"
            + " I.TASK_ID_ = RES.ID_ and I.TYPE_ = 'candidate' "},
        {"<if test=\"query.withCandidateUsers\"> and I.USER_ID_ is not null </if> </trim>",
            "<if test=\"query.withCandidateUsers\"> and I.USER_ID_ is not null </if> ) </trim>"}};
    for (String[] change : changes) {
      assertThat(criteria.split(Pattern.quote(change[0]), -1)).as(change[0]).hasSize(2);
      criteria = criteria.replace(change[0], change[1]);
    }
    assertThat(element(ours, "sql", "teamQueueCriteriaSql")).isEqualTo(criteria);

    String page = element(camunda, "select", "selectTaskByQueryCriteria")
        .replace("<select id=\"selectTaskByQueryCriteria\"", "<select id=\"selectTeamQueuePage\"")
        .replace("resultMap=\"taskResultMap\"",
            "resultMap=\"org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.taskResultMap\"")
        .replace("select ${distinct} ", "select ")
        .replace("refid=\"columnSelection\"",
            "refid=\"org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.columnSelection\"")
        .replace("refid=\"selectTaskByQueryCriteriaSql\"", "refid=\"teamQueueCriteriaSql\"");
    assertThat(element(ours, "select", "selectTeamQueuePage")).isEqualTo(page);
  }

  @Test
  @DisplayName("Without a query's authorization check configured, only candidate groups decide; OR and patterns do not")
  void shapesOfTheQueryAlone() {
    assertThat(TeamQueuePage.readsWithoutDistinct((TaskQueryImpl) new TaskQueryImpl()
        .taskCandidateGroup("support-edgecam").dueBefore(new Date()))).isTrue();
    assertThat(TeamQueuePage.readsWithoutDistinct(new TaskQueryImpl())).isFalse();
    assertThat(TeamQueuePage.readsWithoutDistinct((TaskQueryImpl) new TaskQueryImpl()
        .taskCandidateGroup("support-edgecam").taskInvolvedUser("engineer.edgecam"))).isFalse();
    assertThat(TeamQueuePage.readsWithoutDistinct((TaskQueryImpl) new TaskQueryImpl()
        .taskCandidateGroupLike("support-%"))).isFalse();
    assertThat(TeamQueuePage.readsWithoutDistinct((TaskQueryImpl) new TaskQueryImpl()
        .taskCandidateGroup("support-edgecam").withCandidateUsers())).isFalse();
    assertThat(TeamQueuePage.readsWithoutDistinct((TaskQueryImpl) new TaskQueryImpl()
        .taskCandidateGroup("support-edgecam").or().taskAssignee("x").endOr())).isFalse();
  }

  /** One element of a mapper, comments left out and white space made single spaces. */
  private static String element(String mapper, String name, String id) {
    Matcher element = Pattern.compile("<" + name + " id=\"" + id + "\".*?</" + name + ">", Pattern.DOTALL)
        .matcher(mapper);
    assertThat(element.find()).as(name + " " + id).isTrue();
    return element.group();
  }

  private static String text(String resource) throws IOException {
    try (InputStream in = TeamQueuePageTest.class.getClassLoader().getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?s)<!--.*?-->", " ")
          .replaceAll("\\s+", " ");
    }
  }
}
