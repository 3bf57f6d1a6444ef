package com.produsoft.supportdesk.contract;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface RenewalProofRepository extends JpaRepository<RenewalProof, Long> {

  Optional<RenewalProof> findByContractAndPeriodStart(MaintenanceContract contract, LocalDate periodStart);

  List<RenewalProof> findByContractOrderByPeriodStartAsc(MaintenanceContract contract);
}
