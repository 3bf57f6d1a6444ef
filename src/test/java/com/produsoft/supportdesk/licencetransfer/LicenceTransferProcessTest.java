package com.produsoft.supportdesk.licencetransfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
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
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.produsoft.supportdesk.licence.LicenceBinding.EndedBecause;
import com.produsoft.supportdesk.platform.CaseNames;

/**
 * Every path of the licence move (processes/licence-transfer.bpmn) against charter C10, C3.5, C3.6 and C3.8, with
 * the delegates replaced by recording test doubles. The coverage extension fails the class unless every flow node
 * and sequence flow of LicenceTransferProcess was passed.
 */
@Deployment(resources = "processes/licence-transfer.bpmn")
class LicenceTransferProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .assertClassCoverageAtLeast(1.0)
      .build();

  private static final String NUMBER = "LTR-7";
  private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
  private static final Date APPOINTMENT = Date.from(Instant.parse("2026-03-04T09:30:00Z"));

  private final List<String> calls = new ArrayList<>();
  private boolean freeOfCharge;

  /** Office days as calendar days: the process test checks the flow, OfficeHoursTest the calendar. */
  public static class OfficeHoursDouble {
    public Date afterOfficeDays(int days) {
      return afterOfficeDays(ClockUtil.getCurrentTime(), days);
    }

    public Date afterOfficeDays(Date start, int days) {
      return Date.from(start.toInstant().plus(Duration.ofDays(days)));
    }
  }

  @BeforeEach
  void registerTestDoubles() {
    BpmnAwareTests.init(engine.getProcessEngine());
    ClockUtil.setCurrentTime(Date.from(NOW));
    Mocks.register("registerLicenceRequest", recording("registerLicenceRequest", execution -> {
      execution.setProcessBusinessKey(NUMBER);
      execution.setVariable("requestId", 7L);
      execution.setVariable("freeOfCharge", freeOfCharge);
      execution.setVariable("teamGroup", "support-edgecam");
    }));
    for (String bean : List.of("sendLicenceQuote", "sendLicenceQuoteReminder", "closeUnansweredLicenceRequest",
        "sendLicenceAppointment", "moveLicenceBinding", "askLicenceConfirmation", "completeLicenceRequest")) {
      Mocks.register(bean, recording(bean, execution -> { }));
    }
    Mocks.register("checkLicenceAppointment", (TaskListener) task -> calls.add("checkLicenceAppointment"));
    Mocks.register("officeHours", new OfficeHoursDouble());
    Mocks.register("nameAfterCase", new CaseNames(List.of()));
  }

  @AfterEach
  void resetTestDoubles() {
    Mocks.reset();
    ClockUtil.reset();
  }

  private JavaDelegate recording(String name, JavaDelegate behaviour) {
    return execution -> {
      calls.add(name);
      behaviour.execute(execution);
    };
  }

  private ProcessInstance request(boolean underContract, TransferReason reason) {
    freeOfCharge = underContract;
    return runtimeService().startProcessInstanceByKey(LicenceRequests.PROCESS, Map.of("contactEmail",
        "jan.vandamme@vandamme.example", "licenceNumbers", "EC-418207", "reason", reason.name(),
        "oldHardware", "HOST-7F3A21", "newHardware", "HOST-NEW"));
  }

  /** C10.3, C10.2: the engineer plans; the appointment mail goes; the administration issues; the time comes. */
  private void planAndMove(ProcessInstance move, String reinstalledBy) {
    assertThat(task("Task_PlanLicenceMove", move)).hasCandidateGroup("support-edgecam")
        .hasName(NUMBER + " · Plan licence move");
    complete(task("Task_PlanLicenceMove", move), withVariables("appointment", APPOINTMENT,
        "reinstalledBy", reinstalledBy));
    execute(job("Task_SendAppointment", move));
    assertThat(task("Task_IssueNewLicence", move)).hasCandidateGroup("administration");
    complete(task("Task_IssueNewLicence", move));
    assertThat(move).isWaitingAt("Event_AppointmentReached");
    assertThat(job("Event_AppointmentReached", move).getDuedate()).isEqualTo(APPOINTMENT);
    execute(job("Event_AppointmentReached", move));
  }

  private void confirmedByCustomer() {
    runtimeService().createMessageCorrelation(LicenceRequests.MOVE_CONFIRMED).processInstanceBusinessKey(NUMBER)
        .correlate();
  }

  @Test
  @DisplayName("C3.5, C10.2, C10.3: under contract the move is free; planned, the customer reinstalls and confirms")
  void underContractCustomerReinstallsAndConfirms() {
    ProcessInstance move = request(true, TransferReason.NEW_COMPUTER);

    planAndMove(move, "CUSTOMER");
    assertThat(move).hasNotPassed("Task_Reinstall");
    execute(job("Task_AskConfirmation", move));
    assertThat(move).isWaitingAt("Task_AwaitConfirmation");
    confirmedByCustomer();

    assertThat(move).hasPassed("Event_LicenceMoved").isEnded();
    assertThat(calls).containsExactly("registerLicenceRequest", "checkLicenceAppointment", "sendLicenceAppointment",
        "moveLicenceBinding", "askLicenceConfirmation", "completeLicenceRequest");
  }

  @Test
  @DisplayName("C3.8, C10.2: Produsoft reinstalls after a server replacement; the planned day passes without confirmation: the engineer is reminded")
  void produsoftReinstallsAndThePlannedDatePasses() {
    ProcessInstance move = request(true, TransferReason.SERVER_REPLACEMENT);

    planAndMove(move, "PRODUSOFT_REMOTE");
    assertThat(task("Task_Reinstall", move)).hasCandidateGroup("support-edgecam");
    complete(task("Task_Reinstall", move));
    execute(job("Task_AskConfirmation", move));
    assertThat(job("Event_ConfirmationOverdue", move).getDuedate())
        .isEqualTo(Date.from(APPOINTMENT.toInstant().plus(Duration.ofDays(1))));
    execute(job("Event_ConfirmationOverdue", move));
    assertThat(task("Task_CheckWithCustomer", move)).hasCandidateGroup("support-edgecam");
    complete(task("Task_CheckWithCustomer", move));

    assertThat(move).hasPassed("Task_Reinstall", "Event_ConfirmationOverdue", "Event_LicenceMoved")
        .isEnded();
  }

  @ParameterizedTest
  @EnumSource(TransferReason.class)
  @DisplayName("C3.5, C3.6, C10: every reason takes the same planned procedure; theft, fire and loss block the old binding")
  void everyReasonIsPlannedTheSameWay(TransferReason reason) {
    ProcessInstance move = request(true, reason);

    planAndMove(move, "PRODUSOFT_ON_SITE");
    complete(task("Task_Reinstall", move));
    execute(job("Task_AskConfirmation", move));
    confirmedByCustomer();

    assertThat(move).hasPassed("Task_MoveLicenceBinding").isEnded();
    assertThat(reason.oldBindingEnds()).isEqualTo(switch (reason) {
      case THEFT, FIRE, LOST_DONGLE -> EndedBecause.BLOCKED;
      default -> EndedBecause.RELEASED;
    });
  }

  @Test
  @DisplayName("C3.6 without contract: the administration quotes a lost dongle's replacement; nothing moves until the customer accepts")
  void withoutContractQuoteAccepted() {
    ProcessInstance move = request(false, TransferReason.LOST_DONGLE);

    assertThat(task("Task_PrepareLicenceQuote", move)).hasCandidateGroup("administration");
    complete(task("Task_PrepareLicenceQuote", move), withVariables("quoteEuros", 350));
    execute(job("Task_SendLicenceQuote", move));
    assertThat(move).isWaitingAt("Gateway_QuoteAnswer");
    assertThat(calls).doesNotContain("moveLicenceBinding");

    runtimeService().createMessageCorrelation(LicenceRequests.QUOTE_ACCEPTED).processInstanceBusinessKey(NUMBER)
        .correlate();
    assertThat(move).hasPassed("Task_PrepareLicenceQuote", "Event_QuoteAccepted").isWaitingAt("Task_PlanLicenceMove");
    planAndMove(move, "CUSTOMER");
    execute(job("Task_AskConfirmation", move));
    confirmedByCustomer();
    assertThat(move).isEnded();
  }

  @Test
  @DisplayName("C3.5 without contract: the customer refuses the quote; the request ends, the licence stays")
  void quoteRefused() {
    ProcessInstance move = request(false, TransferReason.OS_REINSTALLATION);
    complete(task("Task_PrepareLicenceQuote", move), withVariables("quoteEuros", 180));
    execute(job("Task_SendLicenceQuote", move));

    runtimeService().createMessageCorrelation(LicenceRequests.QUOTE_REFUSED).processInstanceBusinessKey(NUMBER)
        .correlate();

    assertThat(move).hasPassed("Event_QuoteRefused", "Event_RequestRefused").isEnded();
    assertThat(calls).doesNotContain("sendLicenceAppointment", "moveLicenceBinding");
  }

  @Test
  @DisplayName("Without an answer the customer is reminded after 5 office days, and the request closes 5 office days later")
  void quoteUnansweredRemindedThenClosed() {
    ProcessInstance move = request(false, TransferReason.DEFECT);
    complete(task("Task_PrepareLicenceQuote", move), withVariables("quoteEuros", 180));
    execute(job("Task_SendLicenceQuote", move));

    assertThat(job("Event_QuoteAnswerOverdue", move).getDuedate()).isEqualTo(Date.from(NOW.plus(Duration.ofDays(5))));
    execute(job("Event_QuoteAnswerOverdue", move));
    execute(job("Task_SendLicenceQuoteReminder", move));
    assertThat(move).isWaitingAt("Gateway_QuoteAnswer").variables().containsEntry("quoteReminders", 1L);
    execute(job("Event_QuoteAnswerOverdue", move));

    assertThat(move).hasPassed("Task_SendLicenceQuoteReminder", "Task_CloseUnansweredRequest", "Event_RequestClosedNoAnswer").isEnded();
    assertThat(calls).containsSubsequence("sendLicenceQuote", "sendLicenceQuoteReminder",
        "closeUnansweredLicenceRequest");
  }
}
