package com.produsoft.supportdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.produsoft.supportdesk.SupportDeskApplication;

/** The embedded default keeps its data across restarts, and a restart applies no changeset twice. */
class EmbeddedRestartTest {

  @TempDir
  Path dataDirectory;

  record Snapshot(int changesets, int users, int authorizations, int filters, int customers) {
  }

  @Test
  @DisplayName("stop and start on the H2 file database: data kept, Liquibase applies nothing new, nothing seeded twice")
  void restartKeepsDataAndAppliesNothingNew() {
    Snapshot first = startAndSnapshot();
    Snapshot second = startAndSnapshot();

    assertThat(first.changesets()).isPositive();
    assertThat(first.users()).as("demo users").isPositive();
    assertThat(first.filters()).as("shared Tasklist filters").isPositive();
    assertThat(first.customers()).as("demo register").isPositive();
    assertThat(second).isEqualTo(first);
  }

  private Snapshot startAndSnapshot() {
    // Arguments, not default properties: they must outrank application.yml's ./data database.
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SupportDeskApplication.class)
        .run("--spring.datasource.url=jdbc:h2:file:" + dataDirectory.resolve("supportdesk"), "--server.port=0",
            "--spring.mail.port=0", "--support.mail.imap.port=0")) {
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      return new Snapshot(
          count(jdbc, "DATABASECHANGELOG"),
          count(jdbc, "ACT_ID_USER"),
          count(jdbc, "ACT_RU_AUTHORIZATION"),
          count(jdbc, "ACT_RU_FILTER"),
          count(jdbc, "customer"));
    }
  }

  private static int count(JdbcTemplate jdbc, String table) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
  }
}
