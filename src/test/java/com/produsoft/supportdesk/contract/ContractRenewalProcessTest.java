package com.produsoft.supportdesk.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.camunda.spin.plugin.variable.SpinValues;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.produsoft.supportdesk.platform.CaseNames;

/**
 * Every path of the maintenance contract process (processes/contract-renewal.bpmn) against charter C1, with the
 * Java delegates replaced by recording test doubles and the real ReinstatementFee decision. The coverage
 * extension fails the class unless every flow node and sequence flow of ContractRenewalProcess was passed.
 */
@Deployment(resources = {"processes/contract-renewal.bpmn", "processes/reinstatement-fee.dmn"})
class ContractRenewalProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .assertClassCoverageAtLeast(1.0)
      .build();

  private static final String CONTRACT = "MC-2026-0042";
  private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

  /** "bean@activity" for every delegate call, in order. */
  private final List<String> calls = new ArrayList<>();
  /** What the contract's tables say: cancelled so that it ends with the current period. */
  private boolean endsWithCurrentPeriod;

  @BeforeEach
  void registerTestDoubles() {
    BpmnAwareTests.init(engine.getProcessEngine());
    ClockUtil.setCurrentTime(Date.from(NOW));

    Mocks.register("registerLicenceSale", recording("registerLicenceSale", execution -> {
      execution.setVariable("contractNumber", CONTRACT);
      execution.setProcessBusinessKey(CONTRACT);
      execution.removeVariables(ContractProcessDelegates.SALE_FORM_FIELDS);
    }));
    Mocks.register("planContractPeriod", recording("planContractPeriod", execution -> {
      calls.add("reminderDaysBeforeDeadline=" + execution.getVariable("reminderDaysBeforeDeadline"));
      execution.setVariable("reminderAt", at(Duration.ofDays(240)));
      execution.setVariable("periodOverAt", at(Duration.ofDays(365)));
      execution.setVariable("contractEnds", endsWithCurrentPeriod);
    }));
    Mocks.register("recordCancellation", recording("recordCancellation", execution -> {
      calls.add("received " + execution.getVariable("cancellationReceivedOn") + " by "
          + execution.getVariable("cancellationChannel"));
      endsWithCurrentPeriod = true;
      execution.setVariable("contractEnds", true);
    }));
    Mocks.register("sendReinstatementQuote", recording("sendReinstatementQuote", execution -> {
      calls.add("fee " + execution.getVariable("reinstatementFee") + " valid "
          + execution.getVariable("quoteValidDays"));
      execution.setVariable("quoteExpiresAt", at(Duration.ofDays(31)));
    }));
    Mocks.register("nameAfterCase", new CaseNames(List.of()));
    Mocks.register("loadContractFacts", (TaskListener) task -> task.setVariableLocal("contract",
        SpinValues.jsonValue("{\"contractNumber\":\"" + CONTRACT + "\"}").create()));
    for (String bean : List.of("sendRenewalReminder", "renewContract", "produceProofOfRenewal",
        "mailProofOfRenewal", "confirmCancellation", "recordLapse", "reinstateContract",
        "expireReinstatementQuote")) {
      Mocks.register(bean, recording(bean, execution -> { }));
    }
  }

  @AfterEach
  void resetTestDoubles() {
    Mocks.reset();
    ClockUtil.reset();
  }

  @Test
  @DisplayName("C1.1-C1.3: a sale registered by the API waits for the reminder, renews with a proof mailed, "
      + "and the administration invoices while the next period is planned")
  void renewsEveryYearWithProofAndInvoice() {
    ProcessInstance contract = startedByApi();

    assertThat(contract).isWaitingAt("Event_RenewalReminderDue").hasBusinessKey(CONTRACT)
        .hasPassed("Task_PlanContractPeriod").hasNotPassed("Task_RegisterLicenceSale");
    assertThat(calls).contains("reminderDaysBeforeDeadline=30");
    assertThat(job("Event_RenewalReminderDue", contract).getDuedate()).isEqualTo(at(Duration.ofDays(240)));

    execute(job("Event_RenewalReminderDue", contract));
    execute(job("Task_SendRenewalReminder", contract));
    assertThat(contract).isWaitingAt("Event_PeriodOver");
    assertThat(job("Event_PeriodOver", contract).getDuedate()).isEqualTo(at(Duration.ofDays(365)));
    execute(job("Event_PeriodOver", contract));
    execute(job("Task_MailProofOfRenewal", contract));

    assertThat(contract).isWaitingAt("Task_InvoiceRenewal", "Event_RenewalReminderDue");
    Task invoice = task("Task_InvoiceRenewal", contract);
    assertThat(invoice).hasCandidateGroup("administration");
    assertThat(formOf(invoice)).isEqualTo("invoice-renewal");
    assertThat(taskService().getVariableLocal(invoice.getId(), "contract")).isNotNull();
    complete(invoice, withVariables("invoiceNumber", "F-2027-0113"));

    assertThat(contract).hasPassed("Event_RenewalInvoiced").isWaitingAt("Event_RenewalReminderDue");
    assertThat(calls).containsSubsequence("planContractPeriod@Task_PlanContractPeriod",
        "sendRenewalReminder@Task_SendRenewalReminder", "renewContract@Task_RenewContract",
        "produceProofOfRenewal@Task_ProduceProofOfRenewal", "mailProofOfRenewal@Task_MailProofOfRenewal",
        "planContractPeriod@Task_PlanContractPeriod");
  }

  @Test
  @DisplayName("C1.1: started from Tasklist's start form, the sale is stored first and the contract number "
      + "becomes the business key; the form's fields leave the process")
  void startedFromTasklistForm() {
    ProcessInstance contract = runtimeService().startProcessInstanceByKey(ContractService.PROCESS_KEY, Map.of(
        "customerVat", "BE0706762091", "product", "EDGECAM", "licenceNumber", "EC-500001", "hostId", "HOST-1",
        "purchaseDate", "2026-03-02"));

    assertThat(contract).hasPassedInOrder("Task_RegisterLicenceSale", "Task_PlanContractPeriod")
        .isWaitingAt("Event_RenewalReminderDue");
    assertThat(runtimeService().createProcessInstanceQuery().processInstanceBusinessKey(CONTRACT).count())
        .isEqualTo(1);
    assertThat(runtimeService().getVariables(contract.getId())).containsKey("contractNumber")
        .doesNotContainKeys("customerVat", "licenceNumber", "purchaseDate");
  }

  @Test
  @DisplayName("C1.4, C3: a cancellation is recorded and confirmed without interrupting the period; "
      + "at the period's end the contract lapses (C1.5)")
  void cancelledThenLapses() {
    ProcessInstance contract = startedByApi();

    runtimeService().createMessageCorrelation(ContractService.CANCELLATION_RECEIVED)
        .processInstanceBusinessKey(CONTRACT)
        .setVariablesLocal(Map.of("cancellationReceivedOn", "2026-09-01", "cancellationChannel", "MAIL"))
        .correlate();
    execute(job("Task_ConfirmCancellation", contract));

    assertThat(contract).hasPassed("Task_RecordCancellation", "Event_CancellationConfirmed")
        .isWaitingAt("Event_RenewalReminderDue");
    assertThat(calls).contains("received 2026-09-01 by MAIL");

    execute(job("Event_RenewalReminderDue", contract));
    execute(job("Task_SendRenewalReminder", contract));
    execute(job("Event_PeriodOver", contract));

    assertThat(contract).hasPassed("Task_RecordLapse", "Event_ContractLapsed").hasNotPassed("Task_RenewContract")
        .isEnded();
  }

  @Test
  @DisplayName("C1.5: a lapsed customer's reinstatement: fee from the decision table, checked by the administration, "
      + "quote sent; on acceptance a new period starts and the loop goes on")
  void reinstatedOnAcceptance() {
    ProcessInstance contract = reinstatementRequested("EDGECAM", 3);

    assertThat(contract).hasBusinessKey(CONTRACT).isWaitingAt("Task_PrepareReinstatementQuote");
    assertThat(contract).variables().containsEntry("reinstatementFee", 900);
    Task quote = task("Task_PrepareReinstatementQuote", contract);
    assertThat(quote).hasCandidateGroup("administration");
    assertThat(formOf(quote)).isEqualTo("prepare-reinstatement-quote");
    complete(quote, withVariables("reinstatementFee", 850L));
    execute(job("Task_SendReinstatementQuote", contract));
    assertThat(calls).contains("fee 850 valid 30");
    assertThat(contract).isWaitingAt("Gateway_QuoteAnswer");

    runtimeService().createMessageCorrelation(ContractService.QUOTE_ACCEPTED).processInstanceBusinessKey(CONTRACT)
        .correlate();

    assertThat(contract).hasPassedInOrder("Task_ReinstateContract", "Task_PlanContractPeriod")
        .isWaitingAt("Event_RenewalReminderDue");
  }

  @Test
  @DisplayName("C1.5: a quote not accepted in time expires and the contract stays lapsed")
  void quoteExpires() {
    ProcessInstance contract = reinstatementRequested("VISI", 14);
    assertThat(contract).variables().containsEntry("reinstatementFee", 2400);
    complete(task("Task_PrepareReinstatementQuote", contract));
    execute(job("Task_SendReinstatementQuote", contract));

    assertThat(job("Event_QuoteExpired", contract).getDuedate()).isEqualTo(at(Duration.ofDays(31)));
    execute(job("Event_QuoteExpired", contract));

    assertThat(contract).hasPassed("Task_ExpireReinstatementQuote", "Event_QuoteExpiredEnd")
        .hasNotPassed("Task_ReinstateContract").isEnded();
  }

  private ProcessInstance startedByApi() {
    return runtimeService().startProcessInstanceByKey(ContractService.PROCESS_KEY, CONTRACT,
        Map.of("contractNumber", CONTRACT));
  }

  private ProcessInstance reinstatementRequested(String product, int monthsSinceLapse) {
    return runtimeService().createMessageCorrelation(ContractService.REINSTATEMENT_REQUESTED)
        .processInstanceBusinessKey(CONTRACT)
        .setVariables(Map.of("contractNumber", CONTRACT, "product", product, "monthsSinceLapse", monthsSinceLapse))
        .correlateStartMessage();
  }

  private static String formOf(Task task) {
    return taskService().createTaskQuery().taskId(task.getId()).initializeFormKeys().singleResult()
        .getCamundaFormRef().getKey();
  }

  private JavaDelegate recording(String bean, JavaDelegate behaviour) {
    return execution -> {
      calls.add(bean + "@" + execution.getCurrentActivityId());
      behaviour.execute(execution);
    };
  }

  private static Date at(Duration fromNow) {
    return Date.from(NOW.plus(fromNow));
  }
}
