package com.produsoft.supportdesk.demo;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.produsoft.supportdesk.contract.ContractService;
import com.produsoft.supportdesk.contract.ContractStatus;
import com.produsoft.supportdesk.contract.MaintenanceContractRepository;
import com.produsoft.supportdesk.platform.security.AccessRights;

/**
 * The demo register stores contracts without processes; this gives every demo contract that has not lapsed its
 * {@code ContractRenewalProcess}, so that Cockpit shows each one waiting at its next timer. Idempotent: a contract
 * whose process runs already is left alone, so a restart starts nothing twice.
 */
@Component
@Order(AccessRights.ORDER + 3)
@ConditionalOnProperty(name = "support.demo-data.enabled", havingValue = "true")
public class DemoContractProcesses implements ApplicationRunner {

  private final MaintenanceContractRepository contracts;
  private final ContractService contractService;

  public DemoContractProcesses(MaintenanceContractRepository contracts, ContractService contractService) {
    this.contracts = contracts;
    this.contractService = contractService;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    contracts.findAll().stream()
        .filter(contract -> contract.getStatus() != ContractStatus.LAPSED)
        .forEach(contractService::startProcess);
  }
}
