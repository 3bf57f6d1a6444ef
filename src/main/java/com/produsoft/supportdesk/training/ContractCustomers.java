package com.produsoft.supportdesk.training;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.produsoft.supportdesk.contract.ContractStatus;
import com.produsoft.supportdesk.contract.MaintenanceContract;
import com.produsoft.supportdesk.contract.MaintenanceContractRepository;
import com.produsoft.supportdesk.customer.Customer;

/**
 * Who counts as a contract customer for trainings and user days (C3.7, C11): a customer with a maintenance contract
 * that covers the day ({@link MaintenanceContract#covers}), for an update training one that covers a licence of the
 * released product. A cancelled contract still running to its last day counts; a lapsed one does not.
 */
@Component
@Transactional(readOnly = true)
public class ContractCustomers {

  private static final EnumSet<ContractStatus> MAY_COVER =
      EnumSet.of(ContractStatus.FIRST_YEAR, ContractStatus.ACTIVE, ContractStatus.CANCELLED);

  private final MaintenanceContractRepository contracts;

  public ContractCustomers(MaintenanceContractRepository contracts) {
    this.contracts = contracts;
  }

  /** @param productCode the product of an update training; {@code null} for a user day (any contract) */
  public List<Customer> on(LocalDate day, String productCode) {
    return contracts.findByStatusIn(MAY_COVER).stream()
        .filter(contract -> covers(contract, day, productCode))
        .map(MaintenanceContract::getCustomer)
        .distinct()
        .sorted(Comparator.comparing(Customer::getId))
        .toList();
  }

  public boolean isUnderContract(Long customerId, LocalDate day, String productCode) {
    return contracts.findByCustomerId(customerId).stream().anyMatch(contract -> covers(contract, day, productCode));
  }

  private static boolean covers(MaintenanceContract contract, LocalDate day, String productCode) {
    return contract.covers(day) && (productCode == null || contract.getLicences().stream()
        .anyMatch(licence -> licence.getProduct().getCode().equals(productCode)));
  }
}
