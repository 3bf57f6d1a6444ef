package com.produsoft.supportdesk.platform.security;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import com.produsoft.supportdesk.platform.MySqlDatabase;

/**
 * {@link TeamQueuePageTest}'s proof on MySQL/MariaDB, the database whose plan the statement is for (issue 20):
 * the application on the {@code mysql} profile against a fresh database. Skipped without a server, see
 * {@link MySqlDatabase}.
 */
class TeamQueuePageMySqlTest {

  private static MySqlDatabase database;
  private static ConfigurableApplicationContext app;

  @BeforeAll
  static void startApplication() {
    database = MySqlDatabase.createFresh("team_queue_page");
    app = database.startApplication();
  }

  @AfterAll
  static void stopApplication() throws Exception {
    if (app != null) {
      app.close();
    }
    if (database != null) {
      database.close();
    }
  }

  @Test
  @DisplayName("MySQL: every query shape reads the same tasks, order, pages and counts as with Camunda's statement")
  void sameAsCamundasStatement() {
    TeamQueueShapes.assertSameAsCamundasStatement(app.getBean(ProcessEngine.class));
  }
}
