package com.produsoft.supportdesk.contract;

import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

import com.produsoft.supportdesk.platform.security.Roles;
import com.produsoft.supportdesk.platform.security.UrlRules;

/**
 * Who reaches the contracts' JSON API and the contract figures; before the reporting module's rules, since
 * /api/reports/contracts lies under its /api/reports.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ContractUrlRules implements UrlRules {

  @Override
  public void api(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
    requests
        // Contracts (C1): the administration and admins write; managers read too.
        .requestMatchers(HttpMethod.GET, "/api/contracts/**").hasAnyAuthority(
            UrlRules.authorities(List.of(Roles.ADMINISTRATION, Roles.MANAGERS, Roles.CAMUNDA_ADMIN)))
        // The contract figures (issue 9): like the managers' figures, and for the administration too.
        .requestMatchers(HttpMethod.GET, "/api/reports/contracts/**").hasAnyAuthority(UrlRules.authorities(
            List.of(Roles.ADMINISTRATION, Roles.MANAGERS, Roles.SUPPORT_LEADS, Roles.CAMUNDA_ADMIN)))
        .requestMatchers("/api/contracts/**").hasAnyAuthority(
            UrlRules.authorities(List.of(Roles.ADMINISTRATION, Roles.CAMUNDA_ADMIN)));
  }
}
