package com.produsoft.supportdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.AbstractDataSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import com.produsoft.supportdesk.platform.MySqlDatabase;

/**
 * EON numbers on MySQL/MariaDB when many registrations take the first numbers of a year at once (parallel mail
 * intake, busy web form, several nodes): InnoDB makes racing first INSERTs of the year's row deadlock, which must
 * cost a retry, never a registration.
 */
class EonNumbersMySqlTest {

  private static final int THREADS = 8;
  private static final int NUMBERS_EACH = 5;

  @Test
  @DisplayName("C4.3: numbers taken at once at the start of a year are all handed out, each exactly once")
  void firstNumbersOfAYearTakenAtOnce() throws Exception {
    try (MySqlDatabase database = MySqlDatabase.createFresh("eon_numbers")) {
      try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE eon_sequence (issue_year INT PRIMARY KEY, last_number INT NOT NULL)");
      }
      AbstractDataSource dataSource = new AbstractDataSource() {
        @Override
        public Connection getConnection() throws SQLException {
          Connection connection = database.connect();
          // As the production profile's pool does (application-mysql.yml).
          connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
          return connection;
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
          return getConnection();
        }
      };
      EonNumbers numbers = new EonNumbers(new JdbcTemplate(dataSource), new DataSourceTransactionManager(dataSource));
      Instant newYear = Instant.parse("2031-01-01T08:00:00Z");

      CountDownLatch start = new CountDownLatch(1);
      ExecutorService threads = Executors.newFixedThreadPool(THREADS);
      List<Future<List<String>>> taken = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        taken.add(threads.submit(() -> {
          start.await();
          List<String> mine = new ArrayList<>();
          for (int i = 0; i < NUMBERS_EACH; i++) {
            mine.add(numbers.next(newYear));
          }
          return mine;
        }));
      }
      start.countDown();
      List<String> all = new ArrayList<>();
      for (Future<List<String>> each : taken) {
        all.addAll(each.get());
      }
      threads.shutdown();

      assertThat(all).doesNotHaveDuplicates().hasSize(THREADS * NUMBERS_EACH)
          .contains("EON-2031-00001", "EON-2031-000" + THREADS * NUMBERS_EACH);
    }
  }
}
