package com.produsoft.supportdesk.licencetransfer;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

import com.produsoft.supportdesk.catalogue.Catalogue;
import com.produsoft.supportdesk.platform.security.Roles;
import com.produsoft.supportdesk.platform.security.UrlRules;

/** C10: licence moves are staff work (the product teams, leads, administration). */
@Component
class LicenceTransferUrlRules implements UrlRules {

  private final Catalogue catalogue;

  LicenceTransferUrlRules(Catalogue catalogue) {
    this.catalogue = catalogue;
  }

  @Override
  public void api(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
    requests
        .requestMatchers("/api/licence-requests/**").hasAnyAuthority(UrlRules.teamsAnd(catalogue.teamGroups(),
            Roles.SUPPORT_LEADS, Roles.ADMINISTRATION, Roles.CAMUNDA_ADMIN));
  }
}
