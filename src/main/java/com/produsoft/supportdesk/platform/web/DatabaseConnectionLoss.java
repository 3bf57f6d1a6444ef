package com.produsoft.supportdesk.platform.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure is the database being out of reach (stopped, restarting, network cut, pool waiting in vain)
 * rather than a bug or bad data, wherever it was wrapped: by Spring, Hibernate, MyBatis inside Camunda.
 */
public final class DatabaseConnectionLoss {

  /** SQLState class 08: connection exception (SQL standard; Connector/J's "communications link failure" is 08S01). */
  private static final String CONNECTION_EXCEPTION_CLASS = "08";

  private DatabaseConnectionLoss() {
  }

  public static boolean causes(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (isConnectionLoss(cause)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isConnectionLoss(Throwable cause) {
    if (cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException
        || cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
        || cause instanceof SQLRecoverableException) {
      return true;
    }
    return cause instanceof SQLException sql && sql.getSQLState() != null
        && sql.getSQLState().startsWith(CONNECTION_EXCEPTION_CLASS);
  }
}
