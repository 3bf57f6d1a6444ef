package com.produsoft.supportdesk.demo;

import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.produsoft.supportdesk.platform.security.AccessRights;
import com.produsoft.supportdesk.platform.security.Roles;

/**
 * The demo logins listed in the README. They exist only with demo data ({@code support.demo-data.enabled}),
 * never in production, where the first administrator is created in Camunda Admin's set-up page.
 */
@Component
@Order(AccessRights.ORDER + 1)
@ConditionalOnProperty(name = "support.demo-data.enabled", havingValue = "true")
public class DemoUsers implements ApplicationRunner {

  public static final String PASSWORD = "demo";

  /** A demo login; alert mails go to {@link #email()}, e.g. an.maes@produsoft.com (a mailbox of the embedded server). */
  public record DemoUser(String id, String firstName, String lastName, String groupId) {

    public String email() {
      return (firstName + "." + lastName).toLowerCase(Locale.ROOT).replace(' ', '.') + "@produsoft.com";
    }
  }

  public static final List<DemoUser> USERS = List.of(
      new DemoUser("engineer.visi", "Lies", "Peeters", "support-visi"),
      new DemoUser("engineer.worknc", "Tom", "Janssens", "support-worknc"),
      new DemoUser("engineer.edgecam", "An", "Maes", "support-edgecam"),
      new DemoUser("engineer.radan", "Pieter", "Claes", "support-radan"),
      new DemoUser("engineer.peps", "Sofie", "Wouters", "support-peps"),
      new DemoUser("engineer.spaceclaim", "Koen", "Willems", "support-spaceclaim"),
      new DemoUser("lead", "Els", "Goossens", Roles.SUPPORT_LEADS),
      new DemoUser("manager", "Marc", "Dubois", Roles.MANAGERS),
      new DemoUser("clerk", "Nathalie", "Lambert", Roles.ADMINISTRATION),
      new DemoUser("coordinator", "Hilde", "Vandenberghe", Roles.TRAINING),
      new DemoUser("designer", "Bart", "Vermeulen", Roles.PROCESS_DESIGNERS),
      new DemoUser("admin", "Camunda", "Administrator", Roles.CAMUNDA_ADMIN));

  private final IdentityService identityService;

  public DemoUsers(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public void run(ApplicationArguments args) {
    for (DemoUser demo : USERS) {
      User existing = identityService.createUserQuery().userId(demo.id()).singleResult();
      if (existing != null) {
        // Demo desks created before the alert mails had <login>@produsoft.com, which no mailbox holds.
        if (!demo.email().equals(existing.getEmail())) {
          existing.setEmail(demo.email());
          identityService.saveUser(existing);
        }
        continue;
      }
      User user = identityService.newUser(demo.id());
      user.setFirstName(demo.firstName());
      user.setLastName(demo.lastName());
      user.setEmail(demo.email());
      user.setPassword(PASSWORD);
      identityService.saveUser(user);
      identityService.createMembership(demo.id(), demo.groupId());
    }
  }
}
