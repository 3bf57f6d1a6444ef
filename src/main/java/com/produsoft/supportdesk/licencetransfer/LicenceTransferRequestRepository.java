package com.produsoft.supportdesk.licencetransfer;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface LicenceTransferRequestRepository extends JpaRepository<LicenceTransferRequest, Long> {

  Optional<LicenceTransferRequest> findByToken(String token);
}
