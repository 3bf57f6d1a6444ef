package com.produsoft.supportdesk.contract;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ContractEventRepository extends JpaRepository<ContractEvent, Long> {

  boolean existsByContractAndTypeAndPeriodStart(MaintenanceContract contract, ContractEventType type,
      LocalDate periodStart);

  List<ContractEvent> findByContractOrderByOccurredOnAscIdAsc(MaintenanceContract contract);

  List<ContractEvent> findByOccurredOnBetween(LocalDate from, LocalDate to);
}
