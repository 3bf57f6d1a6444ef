package com.produsoft.supportdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.AbstractDataSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.produsoft.supportdesk.platform.MySqlDatabase;

/**
 * EON numbers on MySQL/MariaDB, taken inside the registrations' own transactions (issue 16): many registrations
 * at once (parallel mail intake, a burst on the web form, several nodes) get each number once, do not wait for each
 * other's commit, and a registration that rolls back leaves a gap, never a number handed out twice.
 */
class EonNumbersMySqlTest {

  private static final int THREADS = 8;
  private static final int NUMBERS_EACH = 5;
  private static final Instant NEW_YEAR = Instant.parse("2031-01-01T08:00:00Z");

  private MySqlDatabase database;
  private EonNumbers numbers;
  private TransactionTemplate transaction;
  private ExecutorService threads;

  @BeforeEach
  void freshDatabase() throws SQLException {
    database = MySqlDatabase.createFresh("eon_numbers");
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      // As changeset 100-eon-number creates them.
      statement.execute("CREATE TABLE eon_number (id BIGINT AUTO_INCREMENT PRIMARY KEY, issue_year INT NOT NULL)");
      statement.execute("CREATE TABLE eon_year (issue_year INT PRIMARY KEY, id_offset BIGINT NOT NULL)");
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
    numbers = new EonNumbers(new JdbcTemplate(dataSource));
    transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    threads = Executors.newFixedThreadPool(THREADS);
  }

  @AfterEach
  void dropDatabase() throws SQLException {
    threads.shutdownNow();
    database.close();
  }

  @Test
  @DisplayName("C4.3: numbers taken at once at the start of a year, each in its own transaction, are all handed out,"
      + " each exactly once, from number 1")
  void firstNumbersOfAYearTakenAtOnce() throws Exception {
    List<String> all = allOf(inThreads(() -> {
      List<String> mine = new ArrayList<>();
      for (int i = 0; i < NUMBERS_EACH; i++) {
        mine.add(transaction.execute(status -> numbers.next(NEW_YEAR)));
      }
      return mine;
    }));

    assertThat(all).doesNotHaveDuplicates().hasSize(THREADS * NUMBERS_EACH).contains("EON-2031-00001");
  }

  @Test
  @DisplayName("C4.3: registrations still open hold no lock on the numbering; those that roll back leave gaps, and"
      + " no number is ever handed out twice")
  void openTransactionsDoNotWaitForEachOther() throws Exception {
    String first = transaction.execute(status -> numbers.next(NEW_YEAR));
    // Every thread takes its number and only then waits for all the others, still inside its transaction: with a
    // lock held until the commit, the others could not take theirs, and the barrier would break.
    CyclicBarrier allTaken = new CyclicBarrier(THREADS);
    List<String> rolledBack = new CopyOnWriteArrayList<>();
    List<String> committed = allOf(inThreads(() -> transaction.execute(status -> {
      String mine = numbers.next(NEW_YEAR);
      try {
        if (allTaken.await(30, TimeUnit.SECONDS) % 2 == 0) {
          status.setRollbackOnly();
          rolledBack.add(mine);
          return List.<String>of();
        }
      } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
        throw new IllegalStateException("A number waited for another transaction's commit", e);
      }
      return List.of(mine);
    })));
    String after = transaction.execute(status -> numbers.next(NEW_YEAR));

    assertThat(first).isEqualTo("EON-2031-00001");
    assertThat(committed).hasSize(THREADS / 2).doesNotHaveDuplicates().doesNotContain(first, after)
        .doesNotContainAnyElementsOf(rolledBack);
    assertThat(after).as("rolled back numbers are gaps, never handed out again")
        .isGreaterThan(Collections.max(rolledBack)).isGreaterThan(Collections.max(committed));
  }

  /** The work in all threads, started at once. */
  private List<Future<List<String>>> inThreads(Callable<List<String>> work) {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<List<String>>> taken = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      taken.add(threads.submit(() -> {
        start.await();
        return work.call();
      }));
    }
    start.countDown();
    return taken;
  }

  private static List<String> allOf(List<Future<List<String>>> taken) throws Exception {
    List<String> all = new ArrayList<>();
    for (Future<List<String>> each : taken) {
      all.addAll(each.get());
    }
    return all;
  }
}
