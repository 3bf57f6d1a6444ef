package com.produsoft.supportdesk.alert;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface StaffAlertRepository extends JpaRepository<StaffAlert, Long> {

  boolean existsByEventKey(String eventKey);

  List<StaffAlert> findByEonNumberOrderByIdAsc(String eonNumber);

  /** The pending alerts due now, oldest first, a batch at a time. */
  List<StaffAlert> findTop50ByStatusAndNextAttemptAtLessThanEqualOrderByNextAttemptAtAsc(StaffAlert.Status status,
      Instant now);

  /**
   * Takes the alert for one attempt: counts it and puts the next attempt at {@code retryAt}, so that if this one
   * fails (or its node dies) the alert is tried again then. Answers 0 when another node took it first.
   */
  @Modifying
  @Query("update StaffAlert a set a.attempts = a.attempts + 1, a.nextAttemptAt = :retryAt "
      + "where a.id = :id and a.attempts = :attempts and a.status = :pending")
  int claim(@Param("id") long id, @Param("attempts") int attempts, @Param("retryAt") Instant retryAt,
      @Param("pending") StaffAlert.Status pending);

  @Modifying
  @Query("update StaffAlert a set a.status = :status, a.lastError = :error where a.id = :id")
  int finish(@Param("id") long id, @Param("status") StaffAlert.Status status, @Param("error") String error);
}
