package com.produsoft.supportdesk.licence;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import jakarta.persistence.LockModeType;

public interface LicenceRepository extends JpaRepository<Licence, Long> {

  Optional<Licence> findByLicenceNumber(String licenceNumber);

  List<Licence> findByCustomerIdAndProductCode(Long customerId, String productCode);

  List<Licence> findByCustomerId(Long customerId);

  /** C10.3: a move holds the licence's row until it commits, so that moves of one licence run one after another. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select l from Licence l where l.licenceNumber = ?1")
  Optional<Licence> lockByLicenceNumber(String licenceNumber);
}
