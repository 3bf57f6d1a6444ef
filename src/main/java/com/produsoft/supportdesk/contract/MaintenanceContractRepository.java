package com.produsoft.supportdesk.contract;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface MaintenanceContractRepository extends JpaRepository<MaintenanceContract, Long> {

  Optional<MaintenanceContract> findByContractNumber(String contractNumber);

  List<MaintenanceContract> findByCustomerId(Long customerId);

  List<MaintenanceContract> findByStatusIn(Collection<ContractStatus> statuses);

  /** The customer's contracts, in any state, that cover at least one licence of the product. */
  @Query("""
      select distinct c from MaintenanceContract c join c.licences l
      where c.customer.id = :customerId and l.product.code = :productCode""")
  List<MaintenanceContract> findCoveringProduct(Long customerId, String productCode);

  /** The highest number starting with the prefix ({@code MC-2026-}); numbers are zero-padded, so text order works. */
  @Query("select max(c.contractNumber) from MaintenanceContract c where c.contractNumber like concat(:prefix, '%')")
  Optional<String> findHighestNumber(String prefix);
}
