package com.produsoft.supportdesk.register;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import jakarta.persistence.LockModeType;

public interface RegisterUploadRepository extends JpaRepository<RegisterUpload, Long> {

  /** An apply holds the upload's row until it commits, so that an upload is applied once. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select u from RegisterUpload u where u.id = ?1")
  Optional<RegisterUpload> lockById(Long id);
}
