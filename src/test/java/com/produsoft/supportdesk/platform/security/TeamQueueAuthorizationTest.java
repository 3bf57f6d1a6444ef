package com.produsoft.supportdesk.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Which task queries skip the per-task authorization check: only those whose every task has a candidate link to one
 * of the caller's groups (issue 20). The cells of AuthorizationMatrixTest show the same through the REST API.
 */
class TeamQueueAuthorizationTest {

  private static final List<String> EDGECAM_ENGINEER = List.of("support-edgecam");
  private static final List<String> LEAD_AND_TRAINER = List.of("support-leads", "training");

  private static TaskQueryImpl query() {
    return new TaskQueryImpl();
  }

  @Test
  @DisplayName("The team's own queue, with or without assigned tasks, and several own groups: checked by membership")
  void ownGroups() {
    assertThat(TeamQueueAuthorization.ownCandidateGroupsOnly(
        (TaskQueryImpl) query().taskCandidateGroup("support-edgecam").includeAssignedTasks(), EDGECAM_ENGINEER))
        .isTrue();
    assertThat(TeamQueueAuthorization.ownCandidateGroupsOnly(
        (TaskQueryImpl) query().taskCandidateGroup("support-edgecam").dueBefore(new Date()),
        EDGECAM_ENGINEER)).isTrue();
    assertThat(TeamQueueAuthorization.ownCandidateGroupsOnly(
        (TaskQueryImpl) query().taskCandidateGroupIn(LEAD_AND_TRAINER), LEAD_AND_TRAINER)).isTrue();
  }

  @Test
  @DisplayName("Another team's group, or one beside the own, keeps the per-task check")
  void otherGroups() {
    assertThat(TeamQueueAuthorization.ownCandidateGroupsOnly(
        (TaskQueryImpl) query().taskCandidateGroup("support-visi"), EDGECAM_ENGINEER)).isFalse();
    assertThat(TeamQueueAuthorization.ownCandidateGroupsOnly(
        (TaskQueryImpl) query().taskCandidateGroupIn(List.of("support-edgecam", "support-visi")), EDGECAM_ENGINEER))
        .isFalse();
    assertThat(TeamQueueAuthorization.ownCandidateGroupsOnly(
        (TaskQueryImpl) query().taskCandidateGroup("support-edgecam"), null)).isFalse();
  }

  @Test
  @DisplayName("No candidate group, a candidate user, a group pattern or an OR branch keeps the per-task check")
  void otherShapes() {
    assertThat(TeamQueueAuthorization.ownCandidateGroupsOnly(
        (TaskQueryImpl) query().taskAssignee("engineer.edgecam"), EDGECAM_ENGINEER)).isFalse();
    assertThat(TeamQueueAuthorization.ownCandidateGroupsOnly(
        (TaskQueryImpl) query().taskCandidateUser("engineer.edgecam"), EDGECAM_ENGINEER)).isFalse();
    assertThat(TeamQueueAuthorization.ownCandidateGroupsOnly(
        (TaskQueryImpl) query().taskCandidateGroupLike("support-%"), EDGECAM_ENGINEER)).isFalse();
    assertThat(TeamQueueAuthorization.ownCandidateGroupsOnly(
        (TaskQueryImpl) query().taskCandidateGroup("support-edgecam").or().taskAssignee("engineer.visi").endOr(),
        EDGECAM_ENGINEER)).isFalse();
  }

  @Test
  @DisplayName("The plugin replaces the engine's authorization manager and keeps other custom sessions")
  void replacesTheAuthorizationManager() {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    SessionFactory other = new GenericManagerFactory(AuthorizationManager.class);
    configuration.setCustomSessionFactories(List.of(other));
    new TeamQueueAuthorization().preInit(configuration);
    assertThat(configuration.getCustomSessionFactories()).hasSize(2).startsWith(other);
    SessionFactory ours = configuration.getCustomSessionFactories().get(1);
    assertThat(ours.getSessionType()).isEqualTo(AuthorizationManager.class);
    assertThat(ours.openSession()).isInstanceOf(TeamQueueAuthorization.TeamQueueAuthorizationManager.class);
  }
}
