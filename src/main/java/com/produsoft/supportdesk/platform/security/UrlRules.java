package com.produsoft.supportdesk.platform.security;

import java.util.Collection;
import java.util.stream.Stream;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A module's own URL rules (issue 19): who may call its part of the JSON API ({@code /api/**}) and of the staff
 * pages ({@code /staff/**}). {@link SecurityConfig} applies the rules of every module (a bean of this type each)
 * after the platform's own and before its catch-all "signed in". The first matching rule wins: a module's rules cover
 * its own paths only; where they lie under another module's prefix ({@code /api/reports/contracts} under
 * {@code /api/reports}), its bean carries an {@code @Order} before the other's.
 */
public interface UrlRules {

  /** Rules of the JSON API chain (HTTP Basic, stateless). */
  default void api(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
  }

  /** Rules of the staff pages chain (the Camunda webapps' session, CSRF-checked forms). */
  default void staffPages(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
  }

  /** The authorities of the members of the given groups. */
  static String[] authorities(Collection<String> groups) {
    return groups.stream().map(Roles::authority).toArray(String[]::new);
  }

  /** The authorities of the product teams' members and of the given groups'. */
  static String[] teamsAnd(Collection<String> teamGroups, String... groups) {
    return Stream.concat(teamGroups.stream(), Stream.of(groups)).map(Roles::authority).toArray(String[]::new);
  }
}
