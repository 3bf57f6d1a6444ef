package com.produsoft.supportdesk.platform.security;

import java.util.List;
import java.util.stream.Stream;

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

  /** Who changes the customer register on its staff pages (issue 18): the administration, the leads, the admins. */
  public static final List<String> REGISTER_EDITORS = List.of(ADMINISTRATION, SUPPORT_LEADS, CAMUNDA_ADMIN);

  /** Who reads the customer register: its editors, the product teams' engineers and the managers. */
  public static final List<String> REGISTER_READERS = Stream.of(REGISTER_EDITORS, PRODUCT_TEAMS, List.of(MANAGERS))
      .flatMap(List::stream).toList();

  private Roles() {
  }

  /** The Spring Security authority of a member of the given Camunda group. */
  public static String authority(String groupId) {
    return "GROUP_" + groupId;
  }
}
