package com.produsoft.supportdesk.training;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface TrainingRegistrationRepository extends JpaRepository<TrainingRegistration, Long> {

  /** In order of registration: the waiting list's first is the earliest. */
  List<TrainingRegistration> findBySessionIdOrderByRegisteredAtAscIdAsc(Long sessionId);

  Optional<TrainingRegistration> findBySubmissionKey(String submissionKey);
}
