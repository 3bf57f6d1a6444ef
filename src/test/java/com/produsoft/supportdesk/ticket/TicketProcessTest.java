package com.produsoft.supportdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.produsoft.supportdesk.platform.CaseNames;

/**
 * Every path of the support ticket process (processes/support-ticket.bpmn) against the support charter,
 * with the Java delegates replaced by recording test doubles and BugEscalationProcess by a stub whose outcome the
 * test sets (BugEscalationProcessTest covers the real one). The coverage extension fails the class unless every
 * flow node and sequence flow of TicketProcess was passed.
 */
@Deployment(resources = {"processes/support-ticket.bpmn", "processes/ticket-priority.dmn",
    "stubs/bug-escalation-stub.bpmn"})
public class TicketProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .assertClassCoverageAtLeast(1.0)
      .build();

  private static final String EON = "EON-2025-0042";
  private static final Instant NOW = Instant.parse("2025-03-03T09:00:00Z");

  /** "bean@activity" or "bean@activity:parameter" for every delegate call, in order. */
  private final List<String> calls = new ArrayList<>();
  private boolean newBreach = true;
  private boolean mailServerDown;
  private String companyName = "Mouldmakers NV";
  private boolean underContract = true;
  /** What the double of "Send message to customer" answers: the appointment's time, null for an update. */
  private Date appointmentAt;

  @BeforeEach
  void registerTestDoubles() {
    BpmnAwareTests.init(engine.getProcessEngine());
    ClockUtil.setCurrentTime(Date.from(NOW));

    Mocks.register("checkEntitlement", recording("checkEntitlement", execution -> {
      execution.setVariable("underContract", underContract);
      execution.setVariable("entitlementWarning", underContract ? null : "C1 unknown customer");
    }));
    Mocks.register("startSlaClocks", recording("startSlaClocks", execution -> {
      @SuppressWarnings("unchecked")
      Map<String, Object> decision = (Map<String, Object>) execution.getVariable("priorityDecision");
      execution.setVariable("priority", decision.get("priority"));
      execution.setVariable("taskPriority", decision.get("taskPriority"));
      execution.setVariable("firstResponseWarningAt", at(Duration.ofHours(3)));
      execution.setVariable("firstResponseDueAt", at(Duration.ofHours(4)));
      execution.setVariable("resolutionWarningAt", at(Duration.ofHours(20)));
      execution.setVariable("resolutionDueAt", at(Duration.ofHours(24)));
      execution.setVariable("firstResponseGiven", false);
    }));
    Mocks.register("loadTicketFacts", (TaskListener) task -> task.setVariableLocal("ticket",
        SpinValues.jsonValue("{\"eonNumber\":\"" + EON + "\",\"companyName\":\"Mouldmakers NV\"}").create()));
    Mocks.register("askCustomer", recording("askCustomer", execution -> execution.setVariable("firstResponseGiven", true)));
    Mocks.register("remindCustomer", recording("remindCustomer", execution -> execution.setVariable("remindersSent",
        ((Number) execution.getVariable("remindersSent")).longValue() + 1)));
    Mocks.register("recordSlaBreach", recording("recordSlaBreach", execution -> execution.setVariable("newBreach", newBreach)));
    Mocks.register("startNextUpdateClock", recording("startNextUpdateClock",
        execution -> execution.setVariableLocal("nextUpdateDueAt", at(Duration.ofHours(8)))));
    Mocks.register("sendConfirmation", recording("sendConfirmation", execution -> {
      if (mailServerDown) {
        throw new IllegalStateException("Mail server connection refused");
      }
    }));
    for (String bean : List.of("recordTriage", "recordAnswer", "registerSuggestion",
        "resumeSlaClocks", "sendSolution", "reopenTicket", "closeTicket", "warnAssignee", "notifyAssignee",
        "changePriority")) {
      Mocks.register(bean, recording(bean, execution -> { }));
    }
    Mocks.register("moveTicket", recording("moveTicket", execution -> execution.setVariables(Map.of(
        "product", execution.getVariable("newProduct"),
        "team", "support-" + ((String) execution.getVariable("newProduct")).toLowerCase()))));
    Mocks.register("correctPriority", recording("correctPriority", execution -> {
      @SuppressWarnings("unchecked")
      Map<String, Object> decision = (Map<String, Object>) execution.getVariable("priorityDecision");
      execution.setVariable("priority", decision.get("priority"));
      execution.setVariable("taskPriority", decision.get("taskPriority"));
      execution.removeVariable("correctedPriority");
    }));
    Mocks.register("sendCustomerMessage", recording("sendCustomerMessage", execution -> {
      execution.setVariableLocal("appointmentAt", appointmentAt);
      execution.setVariableLocal("appointmentSummary", "Call-back 04-03-2025 10:00");
      execution.setVariable("firstResponseGiven", true);
    }));
    Mocks.register("saveAppointmentOutcome", recording("saveAppointmentOutcome",
        execution -> execution.removeVariable("appointmentOutcome")));
    Mocks.register("officeHours", new OfficeHoursDouble());
    Mocks.register("nameAfterCase", new CaseNames(List.of(CaseNames.CaseReference.of(List.of("TicketProcess"),
        task -> List.of((String) task.getVariable("eonNumber"), companyName)))));
  }

  @AfterEach
  void resetTestDoubles() {
    Mocks.reset();
    ClockUtil.reset();
  }

  @Test
  @DisplayName("C5.1, C3.4, C6, C7.1, C5.4: a contract customer's web question is triaged, answered, and closed when the reopen period is over")
  void supportQuestionAnsweredAndClosed() {
    ProcessInstance ticket = registerTicket("SUPPORT", "WEB");

    assertThat(ticket).isWaitingAt("Task_TriageTicket")
        .hasPassedInOrder("Task_CheckEntitlement", "Task_DecidePriority", "Task_StartSlaClocks",
            "Task_SendConfirmation", "Event_CustomerConfirmed");
    assertThat(ticket).variables().containsEntry("priority", 2).containsEntry("taskPriority", 75);
    Task triage = task("Task_TriageTicket", ticket);
    assertThat(triage).hasCandidateGroup("support-edgecam");
    assertThat(triage.getName()).isEqualTo(EON + " · Mouldmakers NV · Triage ticket");
    assertThat(formOf(triage)).isEqualTo("triage-ticket");
    assertThat(triage.getPriority()).isEqualTo(75);
    assertThat(triage.getDueDate()).isEqualTo(at(Duration.ofHours(4)));
    assertThat(taskService().getVariableLocal(triage.getId(), "ticket")).isNotNull();
    assertThat(job("Event_FirstResponseDueSoon", ticket).getDuedate()).isEqualTo(at(Duration.ofHours(3)));
    assertThat(job("Event_ResolutionOverdue", ticket).getDuedate()).isEqualTo(at(Duration.ofHours(24)));

    triage(ticket, "HANDLE", "SUPPORT");
    Task answer = task("Task_AnswerQuestion", ticket);
    assertThat(answer.getDueDate()).isEqualTo(at(Duration.ofHours(24)));
    complete(answer, withVariables("answer", "Regenerate the toolpath", "answerChannel", "MAIL"));

    sendSolution(ticket);
    ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofDays(6))));
    execute(job("Event_ReopenPeriodOver", ticket));
    execute(job("Task_CloseSolved", ticket));

    assertThat(ticket).hasPassed("Task_RecordAnswer", "Event_SolutionReady").isEnded();
    assertThat(calls).contains("closeTicket@Task_CloseSolved:SOLVED");
  }

  @Test
  @DisplayName("Tasklist: a long company name is cut so that the task's name keeps its model name and fits Camunda's 255 characters")
  void longCompanyNameIsCut() {
    companyName = "Metaalconstructie en Precisiebewerking ".repeat(8);
    ProcessInstance ticket = registerTicket("SUPPORT", "WEB");

    Task triage = task("Task_TriageTicket", ticket);
    assertThat(triage.getName()).isEqualTo(EON + " · Metaalconstructie en Precisiebewerking… · Triage ticket");
    taskService().setAssignee(triage.getId(), "engineer.edgecam");
    assertThat(task("Task_TriageTicket", ticket).getName()).as("kept when reassigned").isEqualTo(triage.getName());
  }

  @Test
  @DisplayName("C5.2: with the mail server down the confirmation retries, then becomes an incident; the work goes on")
  void confirmationRetriesWhileMailServerIsDown() {
    mailServerDown = true;
    ProcessInstance ticket = startTicket("SUPPORT", "MAIL");
    assertThat(ticket).isWaitingAt("Task_TriageTicket", "Task_SendConfirmation");

    for (int attempt = 1; attempt <= 5; attempt++) {
      String jobId = job("Task_SendConfirmation", ticket).getId();
      assertThatThrownBy(() -> managementService().executeJob(jobId))
          .hasMessageContaining("Mail server connection refused");
      assertThat(job("Task_SendConfirmation", ticket).getRetries()).isEqualTo(5 - attempt);
    }
    assertThat(runtimeService().createIncidentQuery().processInstanceId(ticket.getId()).activityId(
        "Task_SendConfirmation").count()).isEqualTo(1);

    mailServerDown = false;
    managementService().setJobRetries(job("Task_SendConfirmation", ticket).getId(), 1);
    execute(job("Task_SendConfirmation", ticket));
    assertThat(ticket).hasPassed("Event_CustomerConfirmed").isWaitingAt("Task_TriageTicket");
  }

  @Test
  @DisplayName("C7.2, C3.2, C8.1: a bug is escalated to the supplier; its fix released is sent as the solution; the customer reopens it and work starts again with a triage")
  void bugFixedByReleaseThenReopened() {
    ProcessInstance ticket = registerTicket("BUG", "MAIL");
    complete(task("Task_TriageTicket", ticket), withVariables("triageOutcome", "HANDLE", "category", "BUG",
        "supplierBugId", 7L));

    ProcessInstance escalation = escalationOf(ticket);
    assertThat(escalation.getBusinessKey()).isEqualTo(EON);
    assertThat(escalation).variables().containsEntry("eonNumber", EON).containsEntry("team", "support-edgecam")
        .containsEntry("taskPriority", 75).containsEntry("supplierBugId", 7L).containsKey("resolutionDueAt");
    complete(task("Task_StubSupplierOutcome", escalation), withVariables("escalationOutcome", "FIXED"));

    sendSolution(ticket);
    runtimeService().createMessageCorrelation("TicketReopened").processInstanceBusinessKey(EON).correlate();

    assertThat(ticket).hasPassed("CallActivity_EscalateBug", "Event_SolutionReady", "Task_ReopenTicket")
        .isWaitingAt("Task_TriageTicket");
  }

  @Test
  @DisplayName("C7.2, C7.1: a bug the supplier rejects continues as a support question")
  void bugRejectedContinuesAsSupport() {
    ProcessInstance ticket = registerTicket("BUG", "WEB");
    triage(ticket, "HANDLE", "BUG");
    complete(task("Task_StubSupplierOutcome", escalationOf(ticket)), withVariables("escalationOutcome", "REJECTED"));

    assertThat(ticket).hasPassed("Gateway_EscalationOutcome").isWaitingAt("Task_AnswerQuestion");
  }

  @Test
  @DisplayName("C7.3, C3.2: a suggestion is registered on the wish list and the customer is told")
  void suggestionRegisteredOnWishList() {
    ProcessInstance ticket = registerTicket("SUGGESTION", "WEB");
    triage(ticket, "HANDLE", "SUGGESTION");

    assertThat(ticket).hasPassed("Task_RegisterSuggestion", "Event_SolutionReady").isWaitingAt("Task_SendSolution");
  }

  @ParameterizedTest(name = "{0} closes the ticket as {0}")
  @CsvSource({"DUPLICATE, Event_DuplicateFound", "OUT_OF_SCOPE, Event_OutOfScope", "NO_ACTION, Event_NoActionNeeded"})
  @DisplayName("C4.3, C9.1: a duplicate merged into an earlier call, personalised software out of scope, or a registration that needs no action closes the ticket without handling")
  void closedWithoutHandling(String outcome, String closeEvent) {
    ProcessInstance ticket = registerTicket("SUPPORT", "WEB");
    complete(task("Task_TriageTicket", ticket), withVariables("triageOutcome", outcome, "category", "SUPPORT",
        "duplicateOf", "EON-2024-0999", "triageNote", "Reason for the journal"));
    execute(job("Task_CloseWithoutHandling", ticket));

    assertThat(ticket).hasPassed(closeEvent).hasPassed("Event_TicketClosedWithoutHandling").isEnded();
    assertThat(calls).contains("closeTicket@Task_CloseWithoutHandling:" + outcome);
  }

  @Test
  @DisplayName("C5.4 correction: a ticket moved to another product goes back to triage, now for the new team; the SLA timers run on")
  void ticketMovedToAnotherTeamIsTriagedByIt() {
    ProcessInstance ticket = registerTicket("SUPPORT", "WEB");
    Date resolutionDue = job("Event_ResolutionOverdue", ticket).getDuedate();

    complete(task("Task_TriageTicket", ticket), withVariables("triageOutcome", "MOVE", "category", "SUPPORT",
        "newProduct", "VISI", "triageNote", "Customer works with VISI Modelling"));

    assertThat(ticket).hasPassedInOrder("Task_RecordTriage", "Task_MoveTicket", "Gateway_TriageJoin")
        .isWaitingAt("Task_TriageTicket");
    assertThat(calls).contains("moveTicket@Task_MoveTicket");
    Task triage = task("Task_TriageTicket", ticket);
    assertThat(triage).hasCandidateGroup("support-visi");
    assertThat(taskService().createTaskQuery().taskCandidateGroup("support-edgecam").processInstanceId(ticket.getId())
        .count()).isZero();
    assertThat(job("Event_ResolutionOverdue", ticket).getDuedate()).isEqualTo(resolutionDue);
    assertThat(ticket).variables().containsEntry("product", "VISI");
  }

  @Test
  @DisplayName("C6.4 correction: an engineer raises the priority on the triage form and lowers it on the answer's, each with a reason: the targets are decided and applied once each, work goes on")
  void engineerSetsThePriority() {
    ProcessInstance ticket = registerTicket("SUPPORT", "MAIL");
    assertThat(ticket).variables().containsEntry("priority", 3);

    complete(task("Task_TriageTicket", ticket), withVariables("triageOutcome", "HANDLE", "category", "SUPPORT",
        "correctedPriority", "1", "priorityReason", "Their only machine stands still after all"));

    assertThat(ticket).hasPassedInOrder("Event_PrioritySetByEngineer", "Task_DecideCorrectedPriority",
        "Task_CorrectPriority", "Event_PriorityCorrected").isWaitingAt("Task_AnswerQuestion");
    @SuppressWarnings("unchecked")
    Map<String, Object> decision = (Map<String, Object>) runtimeService().getVariable(ticket.getId(), "priorityDecision");
    assertThat(decision).containsEntry("priority", 1).containsEntry("resolutionTarget", "PT8H");
    assertThat(task("Task_AnswerQuestion", ticket).getPriority()).isEqualTo(100);
    assertThat(ticket).variables().doesNotContainKey("correctedPriority");
    assertThat(calls).containsOnlyOnce("correctPriority@Task_CorrectPriority");

    complete(task("Task_AnswerQuestion", ticket), withVariables("answer", "Restart the controller", "answerChannel",
        "PHONE", "correctedPriority", "4", "priorityReason", "Not urgent after all: a spare machine runs"));

    @SuppressWarnings("unchecked")
    Map<String, Object> lowered = (Map<String, Object>) runtimeService().getVariable(ticket.getId(), "priorityDecision");
    assertThat(lowered).containsEntry("priority", 4).containsEntry("resolutionTarget", "PT80H");
    assertThat(calls).filteredOn("correctPriority@Task_CorrectPriority"::equals).hasSize(2);
    assertThat(ticket).isWaitingAt("Task_SendSolution");
  }

  @Test
  @DisplayName("C4, C5.4, C6: missing information is asked (first response), the clocks pause, and the reply starts a new triage")
  void customerAskedRepliesAndTicketIsTriagedAgain() {
    ProcessInstance ticket = registerTicket("SUPPORT", "WEB");
    askCustomer(ticket);
    assertThat(ticket).isWaitingAt("Task_WaitForCustomer").variables()
        .containsEntry("remindersSent", 0L).containsEntry("firstResponseGiven", true);

    runtimeService().createMessageCorrelation("CustomerReplied").processInstanceBusinessKey(EON).correlate();

    assertThat(ticket).hasPassed("Task_ResumeSlaClocks").isWaitingAt("Task_TriageTicket");
  }

  @Test
  @DisplayName("C4: a customer who does not reply gets two reminders, three office days apart, then the ticket is closed")
  void noReplyAfterTwoRemindersClosesTheTicket() {
    ProcessInstance ticket = registerTicket("SUPPORT", "WEB");
    askCustomer(ticket);
    assertThat(job("Event_NoReply", ticket).getDuedate()).isEqualTo(at(Duration.ofDays(3)));

    for (int reminder = 1; reminder <= 2; reminder++) {
      execute(job("Event_NoReply", ticket));
      execute(job("Task_RemindCustomer", ticket));
      assertThat(ticket).isWaitingAt("Task_WaitForCustomer").variables().containsEntry("remindersSent", (long) reminder);
    }
    execute(job("Event_NoReply", ticket));
    execute(job("Task_CloseNoReply", ticket));

    assertThat(ticket).hasPassed("Event_TicketClosedNoReply").isEnded();
    assertThat(calls).containsSubsequence("remindCustomer@Task_RemindCustomer", "remindCustomer@Task_RemindCustomer",
        "closeTicket@Task_CloseNoReply:NO_REPLY");
  }

  @Test
  @DisplayName("C6.4: the assignee is warned when the first response is due soon and not given")
  void firstResponseDueSoonWarnsAssignee() {
    ProcessInstance ticket = registerTicket("SUPPORT", "WEB");
    execute(job("Event_FirstResponseDueSoon", ticket));
    execute(job("Task_WarnAssigneeFirstResponse", ticket));

    assertThat(ticket).hasPassed("Event_AssigneeWarnedFirstResponse").isWaitingAt("Task_TriageTicket");
    assertThat(calls).contains("warnAssignee@Task_WarnAssigneeFirstResponse:FIRST_RESPONSE");
  }

  @Test
  @DisplayName("C6.4: no warning when the first response was already given")
  void firstResponseDueSoonButGiven() {
    ProcessInstance ticket = registerTicket("SUPPORT", "WEB");
    runtimeService().setVariable(ticket.getId(), "firstResponseGiven", true);
    execute(job("Event_FirstResponseDueSoon", ticket));

    assertThat(ticket).hasPassed("Event_FirstResponseGivenAtWarning").isWaitingAt("Task_TriageTicket");
    assertThat(calls).noneMatch(call -> call.startsWith("warnAssignee"));
  }

  @Test
  @DisplayName("C6.4: a missed first response is recorded and a support lead reviews the overdue ticket")
  void firstResponseOverdueIsReviewedByLeads() {
    ProcessInstance ticket = registerTicket("SUPPORT", "WEB");
    execute(job("Event_FirstResponseOverdue", ticket));

    Task review = task("Task_ReviewOverdueTicket", ticket);
    assertThat(review).hasCandidateGroup("support-leads");
    assertThat(formOf(review)).isEqualTo("review-overdue-ticket");
    complete(review, withVariables("reviewNote", "Called the customer back"));
    assertThat(ticket).hasPassed("Event_OverdueTicketReviewed").isWaitingAt("Task_TriageTicket");
    assertThat(calls).contains("recordSlaBreach@Task_RecordFirstResponseBreach:FIRST_RESPONSE");
  }

  @Test
  @DisplayName("C6.4: a breach already recorded for this clock is not reviewed twice")
  void firstResponseOverdueAlreadyKnown() {
    newBreach = false;
    ProcessInstance ticket = registerTicket("SUPPORT", "WEB");
    execute(job("Event_FirstResponseOverdue", ticket));

    assertThat(ticket).hasPassed("Event_BreachAlreadyKnown").isWaitingAt("Task_TriageTicket");
  }

  @Test
  @DisplayName("C6.4: no breach when the first response was given before the deadline")
  void firstResponseOverdueButGiven() {
    ProcessInstance ticket = registerTicket("SUPPORT", "WEB");
    runtimeService().setVariable(ticket.getId(), "firstResponseGiven", true);
    execute(job("Event_FirstResponseOverdue", ticket));

    assertThat(ticket).hasPassed("Event_FirstResponseGivenAtDeadline").isWaitingAt("Task_TriageTicket");
    assertThat(calls).noneMatch(call -> call.startsWith("recordSlaBreach"));
  }

  @Test
  @DisplayName("C6.4: the assignee is warned when the resolution is due soon")
  void resolutionDueSoonWarnsAssignee() {
    ProcessInstance ticket = registerTicket("SUPPORT", "WEB");
    execute(job("Event_ResolutionDueSoon", ticket));
    execute(job("Task_WarnAssigneeResolution", ticket));

    assertThat(ticket).hasPassed("Event_AssigneeWarnedResolution");
    assertThat(calls).contains("warnAssignee@Task_WarnAssigneeResolution:RESOLUTION");
  }

  @Test
  @DisplayName("C6.4: a missed resolution is recorded and reviewed by a support lead")
  void resolutionOverdueIsReviewedByLeads() {
    ProcessInstance ticket = registerTicket("SUPPORT", "WEB");
    execute(job("Event_ResolutionOverdue", ticket));

    assertThat(ticket).isWaitingAt("Task_TriageTicket", "Task_ReviewOverdueTicket");
    assertThat(calls).contains("recordSlaBreach@Task_RecordResolutionBreach:RESOLUTION");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"MORE_FREQUENT", "INFO"})
  @DisplayName("C8.1, C6.4: the assignee is notified and a missed follow-up is reviewed by a support lead")
  void updateNotifiesAssigneeAndStartsNextUpdateClock(String updateType) {
    ProcessInstance ticket = registerTicket("SUPPORT", "WEB");
    customerUpdate(updateType, false);
    execute(job("Task_NotifyAssignee", ticket));

    assertThat(job("Event_NextUpdateDue", ticket).getDuedate()).isEqualTo(at(Duration.ofHours(8)));
    execute(job("Event_NextUpdateDue", ticket));
    Task review = task("Task_ReviewOverdueUpdate", ticket);
    assertThat(review).hasCandidateGroup("support-leads");
    complete(review, withVariables("reviewNote", "Sent the customer a status"));

    assertThat(ticket).hasPassed("Event_OverdueUpdateReviewed").isWaitingAt("Task_TriageTicket");
    assertThat(calls).contains("notifyAssignee@Task_NotifyAssignee",
        "recordSlaBreach@Task_RecordNextUpdateBreach:NEXT_UPDATE");
  }

  @Test
  @DisplayName("C8.1, C6.4: a critical update decides the priority again and moves the task priority and due date")
  void criticalUpdateDecidesPriorityAgain() {
    newBreach = false;
    ProcessInstance ticket = registerTicket("SUPPORT", "MAIL");
    assertThat(ticket).variables().containsEntry("priority", 3);

    customerUpdate("CRITICAL", true);

    @SuppressWarnings("unchecked")
    Map<String, Object> decision = (Map<String, Object>) runtimeService().getVariable(ticket.getId(), "priorityDecision");
    assertThat(decision).containsEntry("priority", 1).containsEntry("firstResponseTarget", "PT1H");
    assertThat(calls).contains("changePriority@Task_ChangePriority");
    execute(job("Event_NextUpdateDue", ticket));
    assertThat(ticket).hasPassed("Event_UpdateBreachAlreadyKnown").isWaitingAt("Task_TriageTicket");
  }

  @Test
  @DisplayName("Issue 18, C2.1, C3.4: an unknown sender linked to a contract customer: entitlement and priority are decided again and the tasks move; the triage goes on")
  void senderIdentifiedDecidesEntitlementAndPriorityAgain() {
    underContract = false;
    ProcessInstance ticket = registerTicket("SUPPORT", "MAIL");
    assertThat(ticket).variables().containsEntry("priority", 4).containsEntry("underContract", false);

    underContract = true;
    runtimeService().createMessageCorrelation("SenderIdentified").processInstanceBusinessKey(EON).correlate();

    assertThat(ticket).hasPassedInOrder("Event_SenderIdentified", "Task_CheckSenderEntitlement",
        "Task_DecideSenderPriority", "Task_ChangeSenderPriority", "Event_SenderPriorityMoved")
        .isWaitingAt("Task_TriageTicket");
    assertThat(ticket).variables().containsEntry("underContract", true);
    @SuppressWarnings("unchecked")
    Map<String, Object> decision = (Map<String, Object>) runtimeService().getVariable(ticket.getId(), "priorityDecision");
    assertThat(decision).as("C5.2, C3.4: a contract customer's mail question").containsEntry("priority", 3)
        .containsEntry("taskPriority", 50);
    assertThat(calls).containsSubsequence("checkEntitlement@Task_CheckSenderEntitlement",
        "changePriority@Task_ChangeSenderPriority");
  }

  @Test
  @DisplayName("C8.1: the customer solved it: all work stops and the ticket is closed")
  void customerSolvedTicket() {
    ProcessInstance ticket = registerTicket("SUPPORT", "WEB");
    runtimeService().createMessageCorrelation("CustomerSolvedTicket").processInstanceBusinessKey(EON).correlate();
    execute(job("Task_CloseSolvedByCustomer", ticket));

    assertThat(ticket).hasPassed("Event_TicketClosedByCustomer").isEnded();
    assertThat(calls).contains("closeTicket@Task_CloseSolvedByCustomer:SOLVED_BY_CUSTOMER");
  }

  @Test
  @DisplayName("Issue 17, C6.4: an intermediate update written on the dossier is mailed on its own path (first response given); the work goes on")
  void updateWrittenOnDossierIsSentWhileWorkGoesOn() {
    ProcessInstance ticket = registerTicket("SUPPORT", "WEB");

    writeMessage(7L);
    assertThat(ticket).isWaitingAt("Task_TriageTicket", "Task_SendCustomerMessage");
    execute(job("Task_SendCustomerMessage", ticket));

    assertThat(ticket).hasPassedInOrder("Event_CustomerMessageWritten", "Task_SendCustomerMessage",
        "Gateway_AppointmentPlanned", "Event_CustomerUpdated").isWaitingAt("Task_TriageTicket");
    assertThat(ticket).variables().containsEntry("firstResponseGiven", true).doesNotContainKey("customerMessageId");
    assertThat(calls).contains("sendCustomerMessage@Task_SendCustomerMessage");
  }

  @Test
  @DisplayName("Issue 17, C5.4: a planned call-back is mailed, and when it is due the team gets the task to record how it went")
  void appointmentWrittenOnDossierGivesTheTaskWhenDue() {
    appointmentAt = at(Duration.ofHours(25));
    ProcessInstance ticket = registerTicket("SUPPORT", "WEB");

    writeMessage(8L);
    execute(job("Task_SendCustomerMessage", ticket));
    assertThat(ticket).hasPassed("Gateway_AppointmentPlanned").isWaitingAt("Task_TriageTicket", "Event_AppointmentDue");
    assertThat(job("Event_AppointmentDue", ticket).getDuedate()).isEqualTo(appointmentAt);
    execute(job("Event_AppointmentDue", ticket));

    Task record = task("Task_RecordAppointment", ticket);
    assertThat(record).hasCandidateGroup("support-edgecam");
    assertThat(formOf(record)).isEqualTo("record-appointment");
    assertThat(record.getName()).isEqualTo(EON + " · Mouldmakers NV · Record appointment outcome");
    assertThat(record.getDueDate()).isEqualTo(appointmentAt);
    assertThat(taskService().getVariable(record.getId(), "customerMessageId")).isEqualTo(8L);
    complete(record, withVariables("appointmentOutcome", "Called back: the postprocessor runs again"));

    assertThat(ticket).hasPassedInOrder("Task_RecordAppointment", "Task_SaveAppointmentOutcome",
        "Event_AppointmentRecorded").isWaitingAt("Task_TriageTicket");
    assertThat(calls).contains("saveAppointmentOutcome@Task_SaveAppointmentOutcome");
  }

  @Test
  @DisplayName("Issue 17, C4: a question written on the dossier ends the work as the triage's question does: the open task ends, the question is mailed and the ticket waits for the reply")
  void questionWrittenOnDossierEndsTheWork() {
    ProcessInstance ticket = registerTicket("SUPPORT", "WEB");

    runtimeService().createMessageCorrelation("QuestionWritten").processInstanceBusinessKey(EON)
        .setVariable("customerMessageId", 9L).setVariable("questionToCustomer", "Which postprocessor?").correlate();

    assertThat(ticket).hasPassedInOrder("Event_QuestionWritten", "Gateway_QuestionAsked")
        .isWaitingAt("Task_AskCustomer");
    assertThat(taskService().createTaskQuery().processInstanceId(ticket.getId()).count()).isZero();
    execute(job("Task_AskCustomer", ticket));
    assertThat(ticket).isWaitingAt("Task_WaitForCustomer");
  }

  @Test
  @DisplayName("Issue 17, C7, C8.1: a solution written on the dossier ends the work and is mailed; the reopen period starts")
  void solutionWrittenOnDossierStartsTheReopenPeriod() {
    ProcessInstance ticket = registerTicket("SUPPORT", "WEB");
    triage(ticket, "HANDLE", "SUPPORT");

    runtimeService().createMessageCorrelation("SolutionWritten").processInstanceBusinessKey(EON)
        .setVariable("customerMessageId", 10L).correlate();

    assertThat(ticket).hasPassedInOrder("Event_SolutionWritten", "Gateway_SolutionSent")
        .isWaitingAt("Task_SendSolution");
    assertThat(taskService().createTaskQuery().processInstanceId(ticket.getId()).count()).isZero();
    sendSolution(ticket);
    assertThat(calls).contains("sendSolution@Task_SendSolution");
  }

  private void writeMessage(long customerMessageId) {
    runtimeService().createMessageCorrelation("CustomerMessageWritten").processInstanceBusinessKey(EON)
        .setVariablesToTriggeredScope(Map.of("customerMessageId", customerMessageId)).correlate();
  }

  private void customerUpdate(String updateType, boolean critical) {
    runtimeService().createMessageCorrelation("CustomerUpdateReceived").processInstanceBusinessKey(EON)
        .setVariable("updateType", updateType).setVariable("critical", critical).correlate();
  }

  /** A registered ticket whose confirmation went out: work has started. */
  private ProcessInstance registerTicket(String category, String channel) {
    ProcessInstance ticket = startTicket(category, channel);
    execute(job("Task_SendConfirmation", ticket));
    return ticket;
  }

  private ProcessInstance startTicket(String category, String channel) {
    return runtimeService().startProcessInstanceByKey("TicketProcess", EON, withVariables(
        "eonNumber", EON, "product", "EDGECAM", "team", "support-edgecam", "category", category,
        "channel", channel, "productionStopped", false, "critical", false));
  }

  private void triage(ProcessInstance ticket, String outcome, String category) {
    complete(task("Task_TriageTicket", ticket), withVariables("triageOutcome", outcome, "category", category,
        "triageNote", "Studied the registration"));
  }

  private void askCustomer(ProcessInstance ticket) {
    complete(task("Task_TriageTicket", ticket), withVariables("triageOutcome", "ASK_CUSTOMER", "category", "SUPPORT",
        "questionToCustomer", "Which Edgecam version and postprocessor?"));
    assertThat(ticket).hasPassed("Event_InformationRequested").isWaitingAt("Task_AskCustomer");
    execute(job("Task_AskCustomer", ticket));
  }

  private void sendSolution(ProcessInstance ticket) {
    execute(job("Task_SendSolution", ticket));
    assertThat(ticket).isWaitingAt("Gateway_CustomerReacts");
    assertThat(job("Event_ReopenPeriodOver", ticket).getDuedate()).isEqualTo(at(Duration.ofDays(5)));
  }

  private static ProcessInstance escalationOf(ProcessInstance ticket) {
    return runtimeService().createProcessInstanceQuery().superProcessInstanceId(ticket.getId()).singleResult();
  }

  private static String formOf(Task task) {
    return taskService().createTaskQuery().taskId(task.getId()).initializeFormKeys().singleResult()
        .getCamundaFormRef().getKey();
  }

  private JavaDelegate recording(String bean, JavaDelegate behaviour) {
    return execution -> {
      Object parameter = execution.hasVariableLocal("resolution") ? execution.getVariableLocal("resolution")
          : execution.getVariableLocal("clock");
      calls.add(bean + "@" + execution.getCurrentActivityId() + (parameter == null ? "" : ":" + parameter));
      behaviour.execute(execution);
    };
  }

  private static Date at(Duration fromNow) {
    return Date.from(NOW.plus(fromNow));
  }

  /** Test double of the office-hours calendar bean: an office day is a calendar day here. */
  public static class OfficeHoursDouble {
    public Date afterOfficeDays(int days) {
      return Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(days)));
    }
  }
}
