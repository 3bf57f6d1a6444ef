package com.produsoft.supportdesk.platform.security;

import java.util.List;

import org.camunda.bpm.engine.authorization.Groups;

/**
 * The groups of Camunda's identity service that carry rights in the support desk, besides the product teams: each
 * product's team group is the catalogue's ({@code Catalogue.teamGroups()}, issue 19).
 */
public final class Roles {

  public static final String SUPPORT_LEADS = "support-leads";
  public static final String MANAGERS = "managers";
  public static final String ADMINISTRATION = "administration";
  public static final String PROCESS_DESIGNERS = "process-designers";
  /** The training coordinator: plans update trainings and organises user days (C11). */
  public static final String TRAINING = "training";
  public static final String CAMUNDA_ADMIN = Groups.CAMUNDA_ADMIN;

  /** Who changes the customer register on its staff pages (issue 18): the administration, the leads, the admins. */
  public static final List<String> REGISTER_EDITORS = List.of(ADMINISTRATION, SUPPORT_LEADS, CAMUNDA_ADMIN);

  private Roles() {
  }

  /** The Spring Security authority of a member of the given Camunda group. */
  public static String authority(String groupId) {
    return "GROUP_" + groupId;
  }
}
