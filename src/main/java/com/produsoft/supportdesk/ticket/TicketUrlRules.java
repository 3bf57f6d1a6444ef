package com.produsoft.supportdesk.ticket;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

import com.produsoft.supportdesk.catalogue.Catalogue;
import com.produsoft.supportdesk.platform.security.Roles;
import com.produsoft.supportdesk.platform.security.UrlRules;

/** Who reaches the tickets' JSON API. */
@Component
class TicketUrlRules implements UrlRules {

  private final Catalogue catalogue;

  TicketUrlRules(Catalogue catalogue) {
    this.catalogue = catalogue;
  }

  @Override
  public void api(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
    requests
        // The website's support form posts registrations here (RegistrationGuard limits abuse).
        .requestMatchers(HttpMethod.POST, "/api/tickets").permitAll()
        // A ticket is read by its team, the leads, managers and admins, and changed by all but the managers;
        // TicketController refuses the engineers of other teams.
        .requestMatchers(HttpMethod.GET, "/api/tickets/**").hasAnyAuthority(
            UrlRules.teamsAnd(catalogue.teamGroups(), Roles.SUPPORT_LEADS, Roles.CAMUNDA_ADMIN, Roles.MANAGERS))
        .requestMatchers("/api/tickets/**").hasAnyAuthority(
            UrlRules.teamsAnd(catalogue.teamGroups(), Roles.SUPPORT_LEADS, Roles.CAMUNDA_ADMIN));
  }
}
