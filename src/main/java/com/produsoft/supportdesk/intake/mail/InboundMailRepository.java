package com.produsoft.supportdesk.intake.mail;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface InboundMailRepository extends JpaRepository<InboundMail, Long> {

  boolean existsByDedupeKey(String dedupeKey);

  long countBySenderAndReceivedAtGreaterThanEqual(String sender, Instant since);

  List<InboundMail> findBySender(String sender);
}
