package com.produsoft.supportdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.produsoft.supportdesk.SupportDeskApplication;
import com.produsoft.supportdesk.platform.security.Roles;

/** The production profile on an empty MySQL/MariaDB database: Liquibase builds everything, the engine starts. */
class MySqlProfileTest {

  private static MySqlDatabase database;

  @BeforeAll
  static void createDatabase() {
    database = MySqlDatabase.createFresh("profile");
  }

  @AfterAll
  static void dropDatabase() throws Exception {
    if (database != null) {
      database.close();
    }
  }

  @Test
  @DisplayName("mysql profile: Liquibase creates Camunda's tables and ours, the engine starts, no demo data,"
      + " history cleanup scheduled")
  void liquibaseBuildsTheWholeSchemaBeforeTheEngineStarts() {
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SupportDeskApplication.class)
        .profiles("mysql")
        .properties("server.port=0")
        .run(database.springArguments())) {
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      List<String> authors = jdbc.queryForList("SELECT DISTINCT AUTHOR FROM DATABASECHANGELOG", String.class);
      assertThat(authors).contains("Camunda");
      assertThat(jdbc.queryForObject(
          "SELECT COUNT(*) FROM DATABASECHANGELOG WHERE FILENAME LIKE 'db/changelog/%'", Integer.class))
          .as("our own changesets").isPositive();
      assertThat(jdbc.queryForObject("SELECT DATABASE()", String.class)).isEqualTo(databaseName());

      ProcessEngine engine = app.getBean(ProcessEngine.class);
      assertThat(engine.getIdentityService().createGroupQuery().groupId("support-edgecam").count()).isEqualTo(1);
      assertThat(engine.getIdentityService().createGroupQuery().groupId(Roles.MANAGERS).count()).isEqualTo(1);
      assertThat(engine.getIdentityService().createUserQuery().count())
          .as("no demo users outside the demo data").isZero();
      assertThat(engine.getHistoryService().findHistoryCleanupJobs())
          .as("history past its time to live is removed every night").isNotEmpty();
    }
  }

  private static String databaseName() {
    String url = database.jdbcUrl();
    return url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
  }
}
