package com.produsoft.supportdesk.training;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import jakarta.persistence.LockModeType;

interface TrainingSessionRepository extends JpaRepository<TrainingSession, Long> {

  /** The session locked for its seats: registrations and cancellations of one session take turns. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select s from TrainingSession s where s.id = :id")
  Optional<TrainingSession> findForUpdate(Long id);
}
