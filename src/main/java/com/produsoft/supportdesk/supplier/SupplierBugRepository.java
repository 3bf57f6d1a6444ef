package com.produsoft.supportdesk.supplier;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SupplierBugRepository extends JpaRepository<SupplierBug, Long> {

  /** The known bugs an engineer may link a new ticket to (triage form). */
  List<SupplierBug> findByProductCodeAndStatusInOrderByReportedAtDesc(String productCode,
      Collection<SupplierBugStatus> statuses);

  /** Bugs the supplier promised for a version: a release of that version fixes them. */
  List<SupplierBug> findByProductCodeAndStatusAndTargetVersion(String productCode, SupplierBugStatus status,
      String targetVersion);

  Optional<SupplierBug> findFirstBySupplierIdAndSupplierReference(Long supplierId, String supplierReference);
}
