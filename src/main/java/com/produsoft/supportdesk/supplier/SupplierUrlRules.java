package com.produsoft.supportdesk.supplier;

import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

import com.produsoft.supportdesk.platform.security.Roles;
import com.produsoft.supportdesk.platform.security.UrlRules;

/** Who registers product releases. */
@Component
class SupplierUrlRules implements UrlRules {

  @Override
  public void api(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
    requests
        // C3.2: releases are registered by the administration.
        .requestMatchers(HttpMethod.POST, "/api/releases").hasAnyAuthority(
            UrlRules.authorities(List.of(Roles.ADMINISTRATION, Roles.CAMUNDA_ADMIN)));
  }
}
