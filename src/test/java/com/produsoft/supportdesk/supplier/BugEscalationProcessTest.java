package com.produsoft.supportdesk.supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.ExecutionListener;
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
import com.produsoft.supportdesk.ticket.TicketProcessTest;

/**
 * Every path of the bug escalation (processes/bug-escalation.bpmn) against charter C7.2 and C3.2, with the
 * delegates replaced by recording test doubles. The coverage extension fails the class unless every flow node and
 * sequence flow of BugEscalationProcess was passed.
 */
@Deployment(resources = "processes/bug-escalation.bpmn")
class BugEscalationProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .assertClassCoverageAtLeast(1.0)
      .build();

  private static final String EON = "EON-2026-00042";
  private static final String REFERENCE = "ESC-2026-0012";
  private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

  private final List<String> calls = new ArrayList<>();
  private boolean mailServerDown;

  @BeforeEach
  void registerTestDoubles() {
    BpmnAwareTests.init(engine.getProcessEngine());
    ClockUtil.setCurrentTime(Date.from(NOW));
    Mocks.register("openEscalation", recording("openEscalation", execution -> {
      execution.setVariable("escalationReference", REFERENCE);
      execution.setVariable("supplierBugId", execution.getVariable("supplierBugId"));
    }));
    Mocks.register("reportBugToSupplier", recording("reportBugToSupplier", execution -> {
      if (mailServerDown) {
        throw new IllegalStateException("Mail server connection refused");
      }
    }));
    Mocks.register("recordFixReleased", recording("recordFixReleased",
        execution -> execution.setVariable("escalationOutcome", "FIXED")));
    Mocks.register("informCustomerRejected", recording("informCustomerRejected",
        execution -> execution.setVariable("escalationOutcome", "REJECTED")));
    Mocks.register("pauseResolutionClock", (ExecutionListener) execution -> calls.add("pauseResolutionClock"));
    Mocks.register("resumeResolutionClock", (ExecutionListener) execution -> calls.add("resumeResolutionClock"));
    for (String bean : List.of("recordBugReport", "sendWorkaround", "linkToSupplierBug", "recordSupplierAnswer")) {
      Mocks.register(bean, recording(bean, execution -> { }));
    }
    Mocks.register("nameAfterCase", new CaseNames(List.of()));
    Mocks.register("loadTicketFacts", (TaskListener) task -> task.setVariableLocal("ticket",
        SpinValues.jsonValue("{\"eonNumber\":\"" + EON + "\",\"knownBugs\":[]}").create()));
    Mocks.register("officeHours", new TicketProcessTest.OfficeHoursDouble());
  }

  @AfterEach
  void resetTestDoubles() {
    Mocks.reset();
    ClockUtil.reset();
  }

  @Test
  @DisplayName("C7.2, C3.2: documented, workaround mailed, reported once; the supplier's reply correlated by our reference says 'fixed in 2026.1'; the release ends it as FIXED")
  void reportedThenFixedInARelease() {
    ProcessInstance escalation = reportNewBug();

    supplierAnswers("FIX_PLANNED", Map.of("supplierReference", "HXGN-77812", "targetVersion", "2026.1"));
    assertThat(escalation).hasPassed("Gateway_AnswerReadable", "Gateway_SupplierOutcome")
        .isWaitingAt("Task_WaitForFixRelease");

    runtimeService().createMessageCorrelation("FixReleased")
        .processInstanceVariableEquals("escalationReference", REFERENCE).correlate();
    execute(job("Task_RecordFixReleased", escalation));

    assertThat(escalation).hasPassed("Event_BugFixed", "Event_WorkaroundSent").isEnded();
    assertThat(escalation).variables().containsEntry("escalationOutcome", "FIXED");
    assertThat(calls).containsSubsequence("openEscalation", "recordBugReport", "sendWorkaround",
        "reportBugToSupplier", "recordFixReleased");
    assertThat(calls).as("the resolution clock stands still during each supplier wait")
        .containsSubsequence("reportBugToSupplier", "pauseResolutionClock", "resumeResolutionClock",
            "pauseResolutionClock", "resumeResolutionClock", "recordFixReleased");
  }

  @Test
  @DisplayName("C7.2: five office days without answer the engineer follows up; an unrecognised answer is read by the engineer; 'needs more information' sends the completed report again; then the supplier rejects it and the customer is told")
  void followUpMoreInformationThenRejected() {
    ProcessInstance escalation = reportNewBug();

    assertThat(job("Event_FollowUpDue", escalation).getDuedate()).isEqualTo(Date.from(NOW.plus(Duration.ofDays(5))));
    execute(job("Event_FollowUpDue", escalation));
    Task followUp = task("Task_FollowUpSupplier", escalation);
    assertThat(followUp).hasCandidateGroup("support-edgecam");
    complete(followUp, withVariables("supplierOutcome", "NONE", "supplierReference", "HXGN-77812"));
    assertThat(escalation).isWaitingAt("Task_WaitForSupplierAnswer");

    supplierAnswers("UNREAD", Map.of("supplierAnswer", "Please send the postprocessor file."));
    complete(task("Task_ReadSupplierAnswer", escalation), withVariables("supplierOutcome", "MORE_INFO"));
    complete(task("Task_CompleteBugReport", escalation), withVariables("additionalInformation", "post.pst attached"));
    execute(job("Task_ReportBugToSupplier", escalation));
    assertThat(escalation).isWaitingAt("Task_WaitForSupplierAnswer");

    supplierAnswers("UNREAD", Map.of("supplierAnswer", "Works as designed."));
    complete(task("Task_ReadSupplierAnswer", escalation), withVariables("supplierOutcome", "REJECTED"));
    execute(job("Task_InformCustomerRejected", escalation));

    assertThat(escalation).hasPassed("Event_BugRejected").isEnded();
    assertThat(escalation).variables().containsEntry("escalationOutcome", "REJECTED");
    assertThat(calls.stream().filter("reportBugToSupplier"::equals)).hasSize(2);
    assertThat(calls.stream().filter("recordSupplierAnswer"::equals)).hasSize(3);
  }

  @Test
  @DisplayName("C7.2: a second ticket about a bug the supplier knows is linked to it, not reported again; the supplier's rejection of that bug ends its waiting")
  void secondTicketLinkedToKnownBugWithoutSecondReport() {
    ProcessInstance escalation = start(7L);
    documentAndGiveWorkaround(escalation);

    assertThat(escalation).hasPassed("Task_LinkToSupplierBug").isWaitingAt("Task_WaitForFixRelease");
    assertThat(calls).doesNotContain("reportBugToSupplier");

    runtimeService().createMessageCorrelation("SupplierBugRejected")
        .processInstanceVariableEquals("escalationReference", REFERENCE).correlate();
    execute(job("Task_InformCustomerRejected", escalation));
    assertThat(escalation).hasPassed("Event_SupplierBugRejected", "Event_BugRejected").isEnded();
    assertThat(calls).doesNotContain("reportBugToSupplier");
  }

  @Test
  @DisplayName("C3.2: a release that fixes the bug before the supplier answered ends the waiting too")
  void fixReleasedBeforeTheSupplierAnswered() {
    ProcessInstance escalation = reportNewBug();

    runtimeService().createMessageCorrelation("FixReleased")
        .processInstanceVariableEquals("escalationReference", REFERENCE).correlate();
    execute(job("Task_RecordFixReleased", escalation));

    assertThat(escalation).hasPassed("Event_FixReleasedWhileWaiting", "Event_BugFixed").isEnded();
  }

  @Test
  @DisplayName("C7.2: a failing supplier mail retries, then is an incident in Cockpit; the report is not lost")
  void failingSupplierMailBecomesIncident() {
    mailServerDown = true;
    ProcessInstance escalation = start(null);
    documentAndGiveWorkaround(escalation);

    for (int attempt = 1; attempt <= 5; attempt++) {
      String jobId = job("Task_ReportBugToSupplier", escalation).getId();
      assertThatThrownBy(() -> managementService().executeJob(jobId)).hasMessageContaining("refused");
    }
    assertThat(runtimeService().createIncidentQuery().processInstanceId(escalation.getId())
        .activityId("Task_ReportBugToSupplier").count()).isEqualTo(1);

    mailServerDown = false;
    managementService().setJobRetries(job("Task_ReportBugToSupplier", escalation).getId(), 1);
    execute(job("Task_ReportBugToSupplier", escalation));
    assertThat(escalation).isWaitingAt("Task_WaitForSupplierAnswer");
  }

  private ProcessInstance reportNewBug() {
    ProcessInstance escalation = start(null);
    documentAndGiveWorkaround(escalation);
    execute(job("Task_ReportBugToSupplier", escalation));
    assertThat(escalation).hasPassed("Gateway_ReportJoin").isWaitingAt("Task_WaitForSupplierAnswer");
    return escalation;
  }

  private ProcessInstance start(Long supplierBugId) {
    Map<String, Object> variables = new java.util.HashMap<>(withVariables("eonNumber", EON, "product", "EDGECAM",
        "team", "support-edgecam", "taskPriority", 75, "resolutionDueAt", Date.from(NOW.plus(Duration.ofDays(2)))));
    variables.put("supplierBugId", supplierBugId);
    ProcessInstance escalation = runtimeService().startProcessInstanceByKey("BugEscalationProcess", EON, variables);
    assertThat(escalation).hasPassed("Task_OpenEscalation").isWaitingAt("Task_ReproduceBug")
        .variables().containsEntry("escalationReference", REFERENCE);
    return escalation;
  }

  /** C7.2: the engineer documents the bug and gives the workaround, which is mailed on a path of its own. */
  private void documentAndGiveWorkaround(ProcessInstance escalation) {
    Task reproduce = task("Task_ReproduceBug", escalation);
    assertThat(reproduce).hasCandidateGroup("support-edgecam").hasDueDate(Date.from(NOW.plus(Duration.ofDays(2))));
    complete(reproduce, withVariables("bugSummary", "Toolpath gouges on 5-axis swarf", "reproductionSteps",
        "1. Open part 2. Swarf cut", "affectedVersions", "Edgecam 2025.1"));
    complete(task("Task_ProvideWorkaround", escalation), withVariables("workaround", "Use the 2024.2 strategy"));
    execute(job("Task_SendWorkaround", escalation));
    assertThat(escalation).hasPassed("Event_WorkaroundSent", "Task_RecordBugReport", "Gateway_KnownToSupplier");
  }

  private void supplierAnswers(String outcome, Map<String, Object> details) {
    runtimeService().createMessageCorrelation("SupplierAnswered")
        .processInstanceVariableEquals("escalationReference", REFERENCE)
        .setVariable("supplierOutcome", outcome).setVariables(details).correlate();
  }

  private JavaDelegate recording(String bean, JavaDelegate behaviour) {
    return execution -> {
      calls.add(bean);
      behaviour.execute(execution);
    };
  }
}
