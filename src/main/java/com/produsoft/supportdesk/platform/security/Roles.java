package com.produsoft.supportdesk.platform.security;

import java.util.List;

import org.camunda.bpm.engine.authorization.Groups;

/** The groups of Camunda's identity service that carry rights in the support desk. */
public final class Roles {

  public static final String SUPPORT_LEADS = "support-leads";
  public static final String MANAGERS = "managers";
  public static final String ADMINISTRATION = "administration";
  public static final String PROCESS_DESIGNERS = "process-designers";
  /** The training coordinator: plans update trainings and organises user days (C11). */
  public static final String TRAINING = "training";
  public static final String CAMUNDA_ADMIN = Groups.CAMUNDA_ADMIN;

  /** Prefix of a product team's group: {@code support-visi}, {@code support-edgecam}, ... */
  public static final String TEAM_PREFIX = "support-";

  /** The product teams, one per product of the charter (C6.2 lists their mailboxes). */
  public static final List<String> PRODUCT_TEAMS = List.of(
      "support-visi", "support-worknc", "support-edgecam", "support-radan", "support-peps", "support-spaceclaim");

  private Roles() {
  }

  /** The Spring Security authority of a member of the given Camunda group. */
  public static String authority(String groupId) {
    return "GROUP_" + groupId;
  }
}
