package com.produsoft.supportdesk.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.produsoft.supportdesk.platform.CaseNames;

/**
 * Every path of processes/training-registration.bpmn against charter C11, with the delegates replaced by recording
 * test doubles. The coverage extension fails the class unless every flow node and sequence flow was passed.
 */
@Deployment(resources = {"processes/training-registration.bpmn", "processes/forms/plan-update-training.form",
    "processes/forms/organise-user-day.form"})
class TrainingProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .assertClassCoverageAtLeast(1.0)
      .build();

  private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
  private static final Date SESSION_STARTS = Date.from(Instant.parse("2026-04-13T22:00:00Z"));

  /** "bean@activity" (and what the bean was given) for every delegate call, in order. */
  private final List<String> calls = new ArrayList<>();

  @BeforeEach
  void registerTestDoubles() {
    BpmnAwareTests.init(engine.getProcessEngine());
    ClockUtil.setCurrentTime(Date.from(NOW));
    JavaDelegate opens = execution -> {
      calls.add(execution.getCurrentActivityId() + " " + execution.getVariables().keySet().stream().sorted().toList());
      execution.setVariable("sessionId", 7L);
      execution.setVariable("registrationsCloseAt", SESSION_STARTS);
    };
    Mocks.register("openUpdateTraining", opens);
    Mocks.register("registerUserDay", opens);
    Mocks.register("listContractCustomers", (JavaDelegate) execution -> execution.setVariable("inviteeIds",
        new ArrayList<>(List.of(3L, 5L))));
    for (String bean : List.of("inviteContractCustomer", "closeRegistrations", "confirmTrainingRegistration",
        "confirmFreedSeat")) {
      Mocks.register(bean, (JavaDelegate) execution -> calls.add(bean + "@" + execution.getCurrentActivityId()
          + (execution.hasVariable("registrationId") ? " #" + execution.getVariable("registrationId") : "")
          + (execution.hasVariable("customerId") ? " customer " + execution.getVariable("customerId") : "")));
    }
    Mocks.register("nameAfterCase", new CaseNames(List.of()));
  }

  @AfterEach
  void resetTestDoubles() {
    Mocks.reset();
    ClockUtil.reset();
  }

  private static ProcessInstance released() {
    return runtimeService().startProcessInstanceByMessage(TrainingService.UPDATE_TRAINING_TO_PLAN, "EDGECAM 2027.1",
        Map.of("product", "EDGECAM", "version", "2027.1", "releasedOn", "2026-03-02"));
  }

  @Test
  @DisplayName("C11.1: a release asks the coordinator to plan the update training; the offer goes out "
      + "asynchronously and registrations close when the session starts")
  void releasePlannedOfferedAndClosed() {
    ProcessInstance training = released();

    assertThat(training).hasBusinessKey("EDGECAM 2027.1").isWaitingAt("Task_PlanUpdateTraining");
    Task plan = task("Task_PlanUpdateTraining", training);
    assertThat(plan).hasCandidateGroup("training").hasName("EDGECAM 2027.1 · Plan update training");
    assertThat(taskService().createTaskQuery().taskId(plan.getId()).initializeFormKeys().singleResult()
        .getCamundaFormRef().getKey()).isEqualTo("plan-update-training");
    complete(plan, withVariables("kind", "CLASSROOM", "firstDay", "2026-04-14", "days", 2L, "seats", 8L,
        "place", "Produsoft, Kortrijk"));

    assertThat(training).hasPassed("Task_OpenUpdateTraining").isWaitingAt("Task_InviteContractCustomers");
    assertThat(calls).contains("Task_OpenUpdateTraining [days, firstDay, kind, place, product, releasedOn, seats, "
        + "version]");
    execute(job("Task_InviteContractCustomers", training));
    assertThat(calls).as("issue 16: each customer is invited in a job of its own, so a failed mail retries only its"
        + " customer").endsWith("inviteContractCustomer@Task_InviteContractCustomers customer 3");
    assertThat(training).isWaitingAt("Task_InviteContractCustomers");
    execute(job("Task_InviteContractCustomers", training));
    assertThat(calls).endsWith("inviteContractCustomer@Task_InviteContractCustomers customer 5");
    assertThat(training).isWaitingAt("Event_RegistrationsClose");
    assertThat(job("Event_RegistrationsClose", training).getDuedate()).isEqualTo(SESSION_STARTS);

    execute(job("Event_RegistrationsClose", training));
    assertThat(training).hasPassedInOrder("Task_CloseRegistrations", "Event_SessionClosed").isEnded();
    assertThat(calls).containsSubsequence("inviteContractCustomer@Task_InviteContractCustomers customer 5",
        "closeRegistrations@Task_CloseRegistrations");
  }

  @Test
  @DisplayName("C11.3: the coordinator's start form organises a user day; invitations go out asynchronously")
  void userDayOrganisedFromTasklist() {
    ProcessInstance userDay = runtimeService().startProcessInstanceByKey(TrainingService.PROCESS_KEY, Map.of(
        "day", "2026-05-21", "place", "Kortrijk Xpo", "programme", "News of every product", "seats", 60L,
        "feeForOthers", 95.0));

    assertThat(userDay).hasPassed("Event_OrganiseUserDay", "Task_RegisterUserDay")
        .hasNotPassed("Task_PlanUpdateTraining").isWaitingAt("Task_InviteContractCustomers");
    inviteAll(userDay);
    assertThat(userDay).isWaitingAt("Event_RegistrationsClose");
  }

  @Test
  @DisplayName("C11.2: each registration and each seat freed for the waiting list mails its registrant "
      + "asynchronously, while the session stays open")
  void registrationsAndFreedSeatsAreMailed() {
    ProcessInstance training = released();
    complete(task("Task_PlanUpdateTraining", training), withVariables("kind", "COMPANY_SPECIFIC",
        "firstDay", "2026-04-14", "days", 1L, "seats", 3L, "place", "At the customer"));
    inviteAll(training);

    for (long registrationId : new long[] {11L, 13L}) {
      runtimeService().createMessageCorrelation(TrainingService.REGISTRATION_RECEIVED)
          .processInstanceVariableEquals("sessionId", 7L)
          .setVariable("registrationId", Variables.longValue(registrationId, true)).correlate();
    }
    BpmnAwareTests.jobQuery().activityId("Task_ConfirmRegistration").list().forEach(BpmnAwareTests::execute);
    runtimeService().createMessageCorrelation(TrainingService.SEAT_FREED)
        .processInstanceVariableEquals("sessionId", 7L).setVariable("registrationId", Variables.longValue(12L, true)).correlate();
    execute(job("Task_ConfirmFreedSeat", training));

    assertThat(training).hasPassed("Event_RegistrationConfirmed", "Event_FreedSeatConfirmed")
        .isWaitingAt("Event_RegistrationsClose");
    // Two registrations received before either mail went out: each mail has its own registration.
    assertThat(calls).contains("confirmTrainingRegistration@Task_ConfirmRegistration #11",
        "confirmTrainingRegistration@Task_ConfirmRegistration #13", "confirmFreedSeat@Task_ConfirmFreedSeat #12");
    assertThat(runtimeService().getVariables(training.getId())).doesNotContainKey("registrationId");
  }

  /** Runs the invitations' jobs, one per customer, one after the other. */
  private static void inviteAll(ProcessInstance training) {
    while (BpmnAwareTests.jobQuery().processInstanceId(training.getId()).activityId("Task_InviteContractCustomers")
        .count() > 0) {
      execute(job("Task_InviteContractCustomers", training));
    }
  }
}
