package com.produsoft.supportdesk.platform;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.produsoft.supportdesk.SupportDeskApplication;

/**
 * A fresh, private database on the MySQL (or MariaDB) server named by the environment, for tests that prove
 * the production profile. Without a server the tests are skipped with a message, unless
 * {@code SUPPORT_REQUIRE_MYSQL=true} (as in CI), where they fail instead.
 *
 * <ul>
 *   <li>{@code SUPPORT_TEST_MYSQL_URL} server URL without database (default {@code jdbc:mysql://127.0.0.1:3306/})</li>
 *   <li>{@code SUPPORT_TEST_MYSQL_USER} (default {@code root}), {@code SUPPORT_TEST_MYSQL_PASSWORD} (default empty)</li>
 * </ul>
 */
public final class MySqlDatabase implements AutoCloseable {

  /** What the production profile's URL carries too (application-mysql.yml). */
  static final String URL_OPTIONS = "?sendFractionalSeconds=false&nullCatalogMeansCurrent=true&characterEncoding=UTF-8";

  private static final String SERVER_URL = env("SUPPORT_TEST_MYSQL_URL", "jdbc:mysql://127.0.0.1:3306/");
  private static final String USER = env("SUPPORT_TEST_MYSQL_USER", "root");
  private static final String PASSWORD = env("SUPPORT_TEST_MYSQL_PASSWORD", "");

  private final String name;

  private MySqlDatabase(String name) {
    this.name = name;
  }

  /** Creates an empty database named after the test, or skips (fails in CI) when no server answers. */
  public static MySqlDatabase createFresh(String purpose) {
    String name = ("supportdesk_test_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8))
        .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    try (Connection server = DriverManager.getConnection(SERVER_URL + URL_OPTIONS, USER, PASSWORD);
        Statement statement = server.createStatement()) {
      statement.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
    } catch (SQLException e) {
      String message = "No MySQL/MariaDB server at " + SERVER_URL + " (" + e.getMessage() + ")";
      if (Boolean.parseBoolean(System.getenv("SUPPORT_REQUIRE_MYSQL"))) {
        fail(message + " and SUPPORT_REQUIRE_MYSQL=true");
      }
      Assumptions.abort("MySQL tests skipped: " + message + ". Set SUPPORT_REQUIRE_MYSQL=true to fail instead.");
    }
    return new MySqlDatabase(name);
  }

  public String jdbcUrl() {
    return SERVER_URL + name + URL_OPTIONS;
  }

  /** Command-line arguments pointing the {@code mysql} profile at this database (they outrank its defaults). */
  public String[] springArguments() {
    return new String[] {
        "--spring.datasource.url=" + jdbcUrl(),
        "--spring.datasource.username=" + USER,
        "--spring.datasource.password=" + PASSWORD};
  }

  /**
   * Starts the application on the {@code mysql} profile against this database, on a free port, its customer mails
   * going to the embedded mail server (free ports, no polling) instead of a company SMTP server; the given
   * arguments ({@code --name=value}) come last and outrank these.
   */
  public ConfigurableApplicationContext startApplication(String... arguments) {
    String[] all = Stream.of(Arrays.stream(springArguments()), Stream.of("--server.port=0",
            "--support.mail.embedded=true", "--spring.mail.port=0", "--support.mail.imap.port=0",
            "--support.mail.imap.protocol=imap", "--support.mail.polling=false",
            "--spring.mail.properties.mail.smtp.auth=false"), Arrays.stream(arguments))
        .flatMap(group -> group).toArray(String[]::new);
    return new SpringApplicationBuilder(SupportDeskApplication.class).profiles("mysql").run(all);
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), USER, PASSWORD);
  }

  @Override
  public void close() throws SQLException {
    try (Connection server = DriverManager.getConnection(SERVER_URL + URL_OPTIONS, USER, PASSWORD);
        Statement statement = server.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name);
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
