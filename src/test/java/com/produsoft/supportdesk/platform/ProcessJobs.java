package com.produsoft.supportdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;

import org.camunda.bpm.engine.ManagementService;

/**
 * Waits for the job executor (on in the Spring tests) to run a process instance's jobs that are due now, such as a
 * ticket's confirmation mail. A test that then completes a task, as an engineer in Tasklist, no longer races that
 * job: ending the confirmation's parallel path reshapes the instance's executions, so whichever of the two commits
 * second fails on the engine's optimistic lock. In production the job executor retries a job that lost that race
 * (its retry cycle) and Tasklist's user submits again; a test that checks something else must not depend on it.
 */
public final class ProcessJobs {

  private static final Duration PATIENCE = Duration.ofSeconds(20);

  private ProcessJobs() {
  }

  /** Returns once no job of the instance is due any more; fails if one is still due after twenty seconds. */
  public static void settle(ManagementService managementService, String processInstanceId) {
    Instant giveUp = Instant.now().plus(PATIENCE);
    while (dueJobs(managementService, processInstanceId) > 0 && Instant.now().isBefore(giveUp)) {
      LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
    }
    assertThat(dueJobs(managementService, processInstanceId)).as("jobs due now of process instance %s",
        processInstanceId).isZero();
  }

  private static long dueJobs(ManagementService managementService, String processInstanceId) {
    return managementService.createJobQuery().processInstanceId(processInstanceId).executable().count();
  }
}
