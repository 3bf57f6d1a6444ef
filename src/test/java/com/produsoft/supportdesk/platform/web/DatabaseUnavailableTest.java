package com.produsoft.supportdesk.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransientConnectionException;

import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.orm.jpa.JpaSystemException;

/** Issue 11: a database outage reaches API clients as a 503 with a plain message, however it was wrapped. */
class DatabaseUnavailableTest {

  private final ApiErrors errors = new ApiErrors();

  @Test
  @DisplayName("the pool's time-out inside Camunda (MyBatis) is a 503 with Retry-After and no stack trace")
  void poolTimeoutInsideCamundaIs503() {
    ProcessEngineException failure = new ProcessEngineException("Cannot start process instance",
        new PersistenceException(new SQLTransientConnectionException(
            "HikariPool-1 - Connection is not available, request timed out after 5000ms.")));

    assertIsDatabaseUnavailable(errors.databaseConnectionLost(failure));
  }

  @Test
  @DisplayName("a connection lost at commit (SQLState 08S01, through JPA) is a 503 too")
  void communicationsFailureAtCommitIs503() {
    JpaSystemException failure = new JpaSystemException(new RuntimeException("commit failed",
        new SQLException("Communications link failure", "08S01")));

    assertIsDatabaseUnavailable(errors.databaseConnectionLost(failure));
  }

  @Test
  @DisplayName("any other failure keeps its usual handling: the handler rethrows it unchanged")
  void otherFailuresAreRethrown() {
    ProcessEngineException constraint = new ProcessEngineException("insert failed",
        new PersistenceException(new SQLIntegrityConstraintViolationException("Duplicate entry", "23000")));
    IllegalStateException bug = new IllegalStateException("a bug");

    assertThatThrownBy(() -> errors.databaseConnectionLost(constraint)).isSameAs(constraint);
    assertThatThrownBy(() -> errors.databaseConnectionLost(bug)).isSameAs(bug);
  }

  private static void assertIsDatabaseUnavailable(ResponseEntity<Object> answer) {
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("30");
    ProblemDetail body = (ProblemDetail) answer.getBody();
    assertThat(body.getDetail()).isEqualTo(ApiErrors.DATABASE_UNAVAILABLE).doesNotContain("Exception");
  }
}
