package com.produsoft.supportdesk.contract;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface MaintenanceContractRepository extends JpaRepository<MaintenanceContract, Long> {

  Optional<MaintenanceContract> findByContractNumber(String contractNumber);

  List<MaintenanceContract> findByCustomerId(Long customerId);

  /** The customer's contracts, in any state, that cover at least one licence of the product. */
  @Query("""
      select distinct c from MaintenanceContract c join c.licences l
      where c.customer.id = :customerId and l.product.code = :productCode""")
  List<MaintenanceContract> findCoveringProduct(Long customerId, String productCode);
}
