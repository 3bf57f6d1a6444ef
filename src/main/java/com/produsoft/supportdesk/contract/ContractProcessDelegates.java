package com.produsoft.supportdesk.contract;

import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.produsoft.supportdesk.contract.LicenceSale.SoldLicence;
import com.produsoft.supportdesk.platform.CaseNames;

/**
 * The service tasks of {@code ContractRenewalProcess}, wired by {@code camunda:delegateExpression="${name}"}. Each
 * one maps process variables to a {@link ContractLife} call and its answer back; nothing else.
 */
@Configuration
class ContractProcessDelegates {

  /** The fields of the Tasklist start form "Register licence sale"; they leave the process once stored. */
  static final List<String> SALE_FORM_FIELDS = List.of("customerVat", "purchaseDate", "product", "licenceNumber",
      "hostId", "dongleNumber");

  private final ContractLife life;
  private final ContractService contracts;

  ContractProcessDelegates(ContractLife life, ContractService contracts) {
    this.life = life;
    this.contracts = contracts;
  }

  private static String contractNumber(DelegateExecution execution) {
    return (String) execution.getVariable("contractNumber");
  }

  private static int number(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value instanceof Number number ? number.intValue() : Integer.parseInt(value.toString().strip());
  }

  private static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null ? null : value.toString();
  }

  /** C1.1 from Tasklist's start form: one licence sold, stored with its contract; the number becomes the key. */
  @Bean
  JavaDelegate registerLicenceSale() {
    return execution -> {
      String purchaseDate = text(execution, "purchaseDate");
      LicenceSale sale = new LicenceSale(null, text(execution, "customerVat"),
          purchaseDate == null || purchaseDate.isBlank() ? null : LocalDate.parse(purchaseDate.substring(0, 10)),
          List.of(new SoldLicence(text(execution, "product"), text(execution, "licenceNumber"),
              text(execution, "hostId"), text(execution, "dongleNumber"))));
      String number = contracts.createContract(sale).getContractNumber();
      execution.setVariable("contractNumber", number);
      execution.setProcessBusinessKey(number);
      execution.removeVariables(SALE_FORM_FIELDS);
    };
  }

  @Bean
  JavaDelegate planContractPeriod() {
    return execution -> execution.setVariables(life.schedule(contractNumber(execution),
        number(execution, "reminderDaysBeforeDeadline")));
  }

  @Bean
  JavaDelegate sendRenewalReminder() {
    return execution -> life.remind(contractNumber(execution));
  }

  @Bean
  JavaDelegate renewContract() {
    return execution -> life.renew(contractNumber(execution));
  }

  @Bean
  JavaDelegate produceProofOfRenewal() {
    return execution -> life.produceProof(contractNumber(execution));
  }

  @Bean
  JavaDelegate mailProofOfRenewal() {
    return execution -> life.mailProof(contractNumber(execution));
  }

  @Bean
  JavaDelegate recordCancellation() {
    return execution -> execution.setVariable("contractEnds", life.recordCancellation(contractNumber(execution),
        LocalDate.parse(text(execution, "cancellationReceivedOn")),
        CancellationChannel.valueOf(text(execution, "cancellationChannel"))));
  }

  @Bean
  JavaDelegate confirmCancellation() {
    return execution -> life.confirmCancellation(contractNumber(execution));
  }

  @Bean
  JavaDelegate recordLapse() {
    return execution -> life.recordLapse(contractNumber(execution));
  }

  @Bean
  JavaDelegate sendReinstatementQuote() {
    return execution -> execution.setVariable("quoteExpiresAt", life.sendQuote(contractNumber(execution),
        number(execution, "reinstatementFee"), number(execution, "quoteValidDays")));
  }

  @Bean
  JavaDelegate reinstateContract() {
    return execution -> life.reinstate(contractNumber(execution));
  }

  @Bean
  JavaDelegate expireReinstatementQuote() {
    return execution -> life.expireQuote(contractNumber(execution));
  }

  /** Tasks of a contract are named after it: {@code MC-2026-0007 · Metaalwerken Vandamme · Invoice renewal}. */
  @Bean
  CaseNames.CaseReference contractReference() {
    return CaseNames.CaseReference.of(List.of(ContractService.PROCESS_KEY), task -> {
      MaintenanceContract contract = contracts.contract((String) task.getVariable("contractNumber"));
      return List.of(contract.getContractNumber(), contract.getCustomer().getCompanyName());
    });
  }

  /** Every user task shows the contract's facts: a task-local JSON copy, fresh when the task is created. */
  @Bean
  TaskListener loadContractFacts() {
    return task -> task.setVariableLocal("contract", SpinValues.jsonValue(life.factsAsJson(
        (String) task.getVariable("contractNumber"))).create());
  }
}
