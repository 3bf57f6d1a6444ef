package com.produsoft.supportdesk.licence;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface LicenceRepository extends JpaRepository<Licence, Long> {

  Optional<Licence> findByLicenceNumber(String licenceNumber);

  List<Licence> findByCustomerIdAndProductCode(Long customerId, String productCode);

  List<Licence> findByCustomerId(Long customerId);
}
