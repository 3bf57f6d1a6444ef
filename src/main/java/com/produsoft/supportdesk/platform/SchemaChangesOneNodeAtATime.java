package com.produsoft.supportdesk.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

import liquibase.integration.spring.SpringLiquibase;

/**
 * Several nodes started together on an empty MySQL database: Liquibase creates its DATABASECHANGELOG table before
 * it takes its own lock (DATABASECHANGELOGLOCK), so all nodes but one failed with "Table 'DATABASECHANGELOG' already
 * exists" (the two-node reliability scenario, issue 11). On MySQL and MariaDB the nodes therefore run Liquibase one
 * at a time, under a named lock of the server ({@code GET_LOCK}, per database) held on a connection of its own from
 * just before Liquibase starts until it is done; the next node then finds the schema up to date. H2 (one embedded
 * node) needs no lock.
 */
@Component
class SchemaChangesOneNodeAtATime implements BeanPostProcessor {

  /** How long a node waits for another node's schema changes, e.g. a long migration. */
  static final int WAIT_SECONDS = 900;
  /** The lock's name: one per database, at most 64 characters as MySQL allows. */
  private static final String LOCK_NAME = "LEFT(CONCAT('liquibase.', DATABASE()), 64)";

  private Connection lockHolder;

  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    if (bean instanceof SpringLiquibase liquibase) {
      lockHolder = lockIfMySql(liquibase.getDataSource());
    }
    return bean;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof SpringLiquibase && lockHolder != null) {
      // Closing the connection releases the lock too; RELEASE_LOCK first, for a pooled connection that lives on.
      try (Connection connection = lockHolder; PreparedStatement release =
          connection.prepareStatement("SELECT RELEASE_LOCK(" + LOCK_NAME + ")")) {
        release.execute();
      } catch (SQLException e) {
        throw new IllegalStateException("Cannot release the schema lock", e);
      } finally {
        lockHolder = null;
      }
    }
    return bean;
  }

  private static Connection lockIfMySql(DataSource dataSource) {
    Connection connection = null;
    try {
      connection = dataSource.getConnection();
      String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
      if (!product.contains("mysql") && !product.contains("mariadb")) {
        connection.close();
        return null;
      }
      try (PreparedStatement lock = connection.prepareStatement("SELECT GET_LOCK(" + LOCK_NAME + ", ?)")) {
        lock.setInt(1, WAIT_SECONDS);
        try (ResultSet granted = lock.executeQuery()) {
          if (!granted.next() || granted.getInt(1) != 1) {
            throw new IllegalStateException("Another node has been changing the schema for more than "
                + WAIT_SECONDS + " s");
          }
        }
      }
      return connection;
    } catch (SQLException e) {
      closeQuietly(connection);
      throw new IllegalStateException("Cannot take the schema lock", e);
    } catch (RuntimeException e) {
      closeQuietly(connection);
      throw e;
    }
  }

  private static void closeQuietly(Connection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // the lock, if any, goes with the connection
      }
    }
  }
}
