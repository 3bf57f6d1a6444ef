package com.produsoft.supportdesk.contract;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ReinstatementQuoteRepository extends JpaRepository<ReinstatementQuote, Long> {

  /** The contract's latest quote, whatever its state. */
  Optional<ReinstatementQuote> findFirstByContractOrderByIdDesc(MaintenanceContract contract);
}
