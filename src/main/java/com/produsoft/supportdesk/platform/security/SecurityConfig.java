package com.produsoft.supportdesk.platform.security;

import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.session.NullAuthenticatedSessionStrategy;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import com.produsoft.supportdesk.catalogue.Catalogue;


/**
 * Who may reach what. Camunda's identity service is the one user store: the webapps log in against it
 * themselves, {@code /engine-rest} checks HTTP Basic credentials against it (Camunda's own filter, so the
 * engine's authorizations apply to every REST call), and Spring Security asks it for {@code /api} and
 * {@code /actuator} through {@link CamundaIdentityAuthenticationProvider}.
 */
@Configuration
public class SecurityConfig {

  /** The API's pages (Swagger UI, errors) load only their own scripts; nothing here may be framed. */
  static final String API_CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
      + "frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'";

  /** Server-rendered pages: their own files only, posted to themselves, never framed. */
  static final String PAGES_CSP =
      "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'";

  /** Camunda's webapps and REST API authenticate and authorize themselves; Spring Security steps aside. */
  @Bean
  @Order(1)
  SecurityFilterChain camundaChain(HttpSecurity http) throws Exception {
    // Path patterns, not MVC matchers: these paths are served by Camunda's own servlets, not Spring MVC.
    RequestMatcher engineRest = PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**");
    return http
        .securityMatcher(new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/camunda/**"),
            engineRest))
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        // The webapps carry their own CSRF filter; engine-rest is stateless Basic auth.
        .csrf(csrf -> csrf.disable())
        // The webapps set their CSP (with a nonce) and nosniff themselves (camunda.bpm.webapp.header-security);
        // framing and Referer are ours, and engine-rest's JSON gets the API's headers.
        .headers(headers -> headers.defaultsDisabled()
            .frameOptions(frame -> frame.deny())
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
            .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(engineRest,
                new XContentTypeOptionsHeaderWriter()))
            .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(engineRest,
                new StaticHeadersWriter("Content-Security-Policy", API_CSP))))
        .build();
  }

  /**
   * The customers' web form and status pages (C5.1, C8.1): public, without a session. Their forms carry a CSRF
   * token in a hidden field, checked against a cookie; the status link's token must not leak through Referer.
   */
  @Bean
  @Order(2)
  SecurityFilterChain customerPagesChain(HttpSecurity http,
      @Value("${support.security.secure-cookies:false}") boolean secureCookies) throws Exception {
    return http
        // "/support/**" matches "/support" itself too. Static files stay out: every request here loads the token,
        // and a request without the cookie (its path is /support) would replace it.
        .securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/support/**"))
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .csrf(csrf -> csrf.csrfTokenRepository(csrfCookie("SUPPORT-CSRF", "/support", secureCookies))
            .csrfTokenRequestHandler(tokenInPage()))
        .exceptionHandling(exceptions -> exceptions.accessDeniedHandler(new RefusedFormPost()))
        .headers(headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives(PAGES_CSP))
            .frameOptions(frame -> frame.deny())
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
        .build();
  }

  /** A page's CSRF token cookie; HttpOnly: the token reaches the page in a hidden field, never through JavaScript. */
  private static CookieCsrfTokenRepository csrfCookie(String name, String path, boolean secure) {
    CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
    tokens.setCookieName(name);
    tokens.setCookiePath(path);
    tokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax").httpOnly(true).secure(secure));
    return tokens;
  }

  private static XorCsrfTokenRequestAttributeHandler tokenInPage() {
    XorCsrfTokenRequestAttributeHandler tokenInPage = new XorCsrfTokenRequestAttributeHandler();
    // Not deferred: the cookie must be set before Thymeleaf starts streaming the page.
    tokenInPage.setCsrfRequestAttributeName(null);
    return tokenInPage;
  }

  /**
   * The staff pages (alert preferences): signed in with the Camunda webapps' session, as Tasklist is; no login of
   * their own, no session of their own. Their forms carry a CSRF token checked against a cookie; a browser without a
   * webapp login is sent to a page that explains how to sign in.
   */
  @Bean
  @Order(3)
  SecurityFilterChain staffPagesChain(HttpSecurity http, CamundaIdentityAuthenticationProvider identities,
      ProcessEngine engine, Catalogue catalogue,
      @Value("${support.security.secure-cookies:false}") boolean secureCookies) throws Exception {
    RequestMatcher staffPages = PathPatternRequestMatcher.withDefaults().matcher("/staff/**");
    return http
        .securityMatcher(staffPages)
        .addFilterBefore(new WebappSessionAuthentication(engine, identities, staffPages),
            AnonymousAuthenticationFilter.class)
        .authorizeHttpRequests(requests -> requests
            .requestMatchers("/staff/sign-in").permitAll()
            // The customer register (issue 18): administration and leads change it, engineers read it.
            .requestMatchers("/staff/customers/new", "/staff/customers/import", "/staff/customers/import/**")
            .hasAnyAuthority(authorities(Roles.REGISTER_EDITORS))
            .requestMatchers(HttpMethod.GET, "/staff/customers", "/staff/customers/**")
            .hasAnyAuthority(registerReaders(catalogue))
            .requestMatchers("/staff/customers", "/staff/customers/**")
            .hasAnyAuthority(authorities(Roles.REGISTER_EDITORS))
            .anyRequest().authenticated())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
            .sessionFixation(fixation -> fixation.none()))
        .requestCache(cache -> cache.disable())
        // The user is authenticated afresh from the webapps' session on every request; Spring's default would take
        // that for a login and renew the CSRF token each time, so that a form in a second tab (or any page opened
        // since) came back "expired" with what was typed lost. The token lives as long as its cookie instead.
        .csrf(csrf -> csrf.csrfTokenRepository(csrfCookie("STAFF-CSRF", "/staff", secureCookies))
            .csrfTokenRequestHandler(tokenInPage())
            .sessionAuthenticationStrategy(new NullAuthenticatedSessionStrategy()))
        .exceptionHandling(exceptions -> exceptions
            .authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/staff/sign-in"))
            .accessDeniedHandler(new RefusedFormPost()))
        .headers(headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives(PAGES_CSP))
            .frameOptions(frame -> frame.deny())
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
        .build();
  }

  @Bean
  @Order(4)
  SecurityFilterChain applicationChain(HttpSecurity http, CamundaIdentityAuthenticationProvider identities,
      ProcessEngine engine, Catalogue catalogue) throws Exception {
    return http
        .authenticationProvider(identities)
        // The Cockpit dashboard reads /api/reports with the webapps' session (GET only).
        .addFilterAfter(new WebappSessionAuthentication(engine, identities,
            WebappSessionAuthentication.READS_OF_REPORTS), BasicAuthenticationFilter.class)
        .authorizeHttpRequests(requests -> requests
            .requestMatchers("/", "/error", "/favicon.ico", "/css/**", "/webjars/**").permitAll()
            .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
            .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
            // The website's support form posts registrations here (RegistrationGuard limits abuse).
            .requestMatchers(HttpMethod.POST, "/api/tickets").permitAll()
            // A ticket is read by its team, the leads, managers and admins, and changed by all but the managers;
            // TicketController refuses the engineers of other teams.
            .requestMatchers(HttpMethod.GET, "/api/tickets/**").hasAnyAuthority(ticketStaff(catalogue, Roles.MANAGERS))
            .requestMatchers("/api/tickets/**").hasAnyAuthority(ticketStaff(catalogue))
            // C3.2: releases are registered by the administration.
            .requestMatchers(HttpMethod.POST, "/api/releases").hasAnyAuthority(Roles.authority(Roles.ADMINISTRATION), Roles.authority(Roles.CAMUNDA_ADMIN))
            .requestMatchers("/actuator/**").hasAnyAuthority(Roles.authority(Roles.MANAGERS), Roles.authority(Roles.CAMUNDA_ADMIN))
            // Contracts (C1): the administration and admins write; managers read too.
            .requestMatchers(HttpMethod.GET, "/api/contracts/**").hasAnyAuthority(
                Roles.authority(Roles.ADMINISTRATION), Roles.authority(Roles.MANAGERS), Roles.authority(Roles.CAMUNDA_ADMIN))
            // The managers' figures (issue 9): managers, leads, admins; the contract figures for administration too.
            .requestMatchers(HttpMethod.GET, "/api/reports/contracts/**").hasAnyAuthority(
                Roles.authority(Roles.ADMINISTRATION), Roles.authority(Roles.MANAGERS),
                Roles.authority(Roles.SUPPORT_LEADS), Roles.authority(Roles.CAMUNDA_ADMIN))
            .requestMatchers("/api/reports/**").hasAnyAuthority(Roles.authority(Roles.MANAGERS),
                Roles.authority(Roles.SUPPORT_LEADS), Roles.authority(Roles.CAMUNDA_ADMIN))
            .requestMatchers("/api/contracts/**").hasAnyAuthority(Roles.authority(Roles.ADMINISTRATION),
                Roles.authority(Roles.CAMUNDA_ADMIN))
            // Trainings and user days (C11): the coordinator organises; administration and leads register too.
            .requestMatchers("/api/user-days/**").hasAnyAuthority(Roles.authority(Roles.TRAINING),
                Roles.authority(Roles.CAMUNDA_ADMIN))
            .requestMatchers("/api/trainings/**").hasAnyAuthority(Roles.authority(Roles.TRAINING),
                Roles.authority(Roles.ADMINISTRATION), Roles.authority(Roles.SUPPORT_LEADS),
                Roles.authority(Roles.CAMUNDA_ADMIN))
            // C10: licence moves and the licence register are staff work.
            .requestMatchers("/api/licence-requests/**", "/api/licences/**").hasAnyAuthority(licenceStaff(catalogue))
            .anyRequest().authenticated())
        .httpBasic(Customizer.withDefaults())
        // Never a session of its own; and the webapps' session, read for /api/reports, keeps its id.
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
            .sessionFixation(fixation -> fixation.none()))
        // The JSON API is called with Basic credentials, never with a browser session cookie.
        .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"))
        .headers(headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives(API_CSP))
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
        .build();
  }

  /** The product teams (the catalogue's), the leads and the admins, and the groups named. */
  private static String[] ticketStaff(Catalogue catalogue, String... more) {
    return teamsAnd(catalogue, Stream.concat(Stream.of(Roles.SUPPORT_LEADS, Roles.CAMUNDA_ADMIN), Stream.of(more)));
  }

  private static String[] licenceStaff(Catalogue catalogue) {
    return teamsAnd(catalogue, Stream.of(Roles.SUPPORT_LEADS, Roles.ADMINISTRATION, Roles.CAMUNDA_ADMIN));
  }

  /** Who reads the customer register: its editors, the product teams' engineers and the managers. */
  private static String[] registerReaders(Catalogue catalogue) {
    return teamsAnd(catalogue, Stream.concat(Roles.REGISTER_EDITORS.stream(), Stream.of(Roles.MANAGERS)));
  }

  private static String[] teamsAnd(Catalogue catalogue, Stream<String> groups) {
    return Stream.concat(catalogue.teamGroups().stream(), groups).map(Roles::authority).toArray(String[]::new);
  }

  private static String[] authorities(List<String> groups) {
    return groups.stream().map(Roles::authority).toArray(String[]::new);
  }

  /** Every /engine-rest call must carry credentials of a Camunda user (Camunda Modeler's deploy button too). */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("camunda-engine-rest-authentication");
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 1);
    return registration;
  }
}
