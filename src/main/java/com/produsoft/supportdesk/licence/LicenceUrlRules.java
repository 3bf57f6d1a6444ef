package com.produsoft.supportdesk.licence;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

import com.produsoft.supportdesk.catalogue.Catalogue;
import com.produsoft.supportdesk.platform.security.Roles;
import com.produsoft.supportdesk.platform.security.UrlRules;

/** C10: the licence register is staff work (the product teams, leads, administration). */
@Component
class LicenceUrlRules implements UrlRules {

  private final Catalogue catalogue;

  LicenceUrlRules(Catalogue catalogue) {
    this.catalogue = catalogue;
  }

  @Override
  public void api(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
    requests
        .requestMatchers("/api/licences/**").hasAnyAuthority(UrlRules.teamsAnd(catalogue.teamGroups(),
            Roles.SUPPORT_LEADS, Roles.ADMINISTRATION, Roles.CAMUNDA_ADMIN));
  }
}
