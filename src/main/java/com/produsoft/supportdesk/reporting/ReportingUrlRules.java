package com.produsoft.supportdesk.reporting;

import java.util.List;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

import com.produsoft.supportdesk.platform.security.Roles;
import com.produsoft.supportdesk.platform.security.UrlRules;

/** Who reads the managers' figures (issue 9): managers, leads, admins. */
@Component
class ReportingUrlRules implements UrlRules {

  @Override
  public void api(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
    requests
        .requestMatchers("/api/reports/**").hasAnyAuthority(
            UrlRules.authorities(List.of(Roles.MANAGERS, Roles.SUPPORT_LEADS, Roles.CAMUNDA_ADMIN)));
  }
}
