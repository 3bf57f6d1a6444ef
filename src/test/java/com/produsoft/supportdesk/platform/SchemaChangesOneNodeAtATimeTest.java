package com.produsoft.supportdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.AbstractDataSource;

import liquibase.integration.spring.SpringLiquibase;

/** Issue 11, two nodes started together: on MySQL/MariaDB they run Liquibase one after the other. */
class SchemaChangesOneNodeAtATimeTest {

  @Test
  @DisplayName("a second node waits for the first node's Liquibase run, then goes on")
  void secondNodeWaitsForTheFirst() throws Exception {
    try (MySqlDatabase database = MySqlDatabase.createFresh("schema_lock")) {
      SpringLiquibase liquibase = new SpringLiquibase();
      liquibase.setDataSource(new AbstractDataSource() {
        @Override
        public Connection getConnection() throws SQLException {
          return database.connect();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
          return database.connect();
        }
      });
      SchemaChangesOneNodeAtATime first = new SchemaChangesOneNodeAtATime();
      SchemaChangesOneNodeAtATime second = new SchemaChangesOneNodeAtATime();

      first.postProcessBeforeInitialization(liquibase, "liquibase");
      CompletableFuture<Object> secondStarts = CompletableFuture.supplyAsync(
          () -> second.postProcessBeforeInitialization(liquibase, "liquibase"));
      Thread.sleep(1500);
      assertThat(secondStarts).as("second node while the first runs Liquibase").isNotDone();

      first.postProcessAfterInitialization(liquibase, "liquibase");
      assertThat(secondStarts.get(10, TimeUnit.SECONDS)).isSameAs(liquibase);
      second.postProcessAfterInitialization(liquibase, "liquibase");
    }
  }
}
