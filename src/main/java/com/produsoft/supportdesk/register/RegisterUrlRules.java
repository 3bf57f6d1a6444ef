package com.produsoft.supportdesk.register;

import java.util.List;
import java.util.stream.Stream;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

import com.produsoft.supportdesk.catalogue.Catalogue;
import com.produsoft.supportdesk.platform.security.Roles;
import com.produsoft.supportdesk.platform.security.UrlRules;

/** The customer register's pages (issue 18): administration and leads change it, engineers and managers read it. */
@Component
class RegisterUrlRules implements UrlRules {

  private final Catalogue catalogue;

  RegisterUrlRules(Catalogue catalogue) {
    this.catalogue = catalogue;
  }

  @Override
  public void staffPages(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
    String[] editors = UrlRules.authorities(Roles.REGISTER_EDITORS);
    String[] readers = UrlRules.teamsAnd(catalogue.teamGroups(),
        Stream.concat(Roles.REGISTER_EDITORS.stream(), Stream.of(Roles.MANAGERS)).toArray(String[]::new));
    requests
        .requestMatchers("/staff/customers/new", "/staff/customers/import", "/staff/customers/import/**")
        .hasAnyAuthority(editors)
        .requestMatchers(HttpMethod.GET, "/staff/customers", "/staff/customers/**").hasAnyAuthority(readers)
        .requestMatchers("/staff/customers", "/staff/customers/**").hasAnyAuthority(editors);
  }
}
