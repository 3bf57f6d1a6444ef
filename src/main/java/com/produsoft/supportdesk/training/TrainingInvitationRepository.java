package com.produsoft.supportdesk.training;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface TrainingInvitationRepository extends JpaRepository<TrainingInvitation, Long> {

  boolean existsBySessionIdAndCustomerId(Long sessionId, Long customerId);

  List<TrainingInvitation> findBySessionId(Long sessionId);
}
