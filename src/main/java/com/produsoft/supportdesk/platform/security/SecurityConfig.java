package com.produsoft.supportdesk.platform.security;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
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



/**
 * Who may reach what. Camunda's identity service is the one user store: the webapps log in against it
 * themselves, {@code /engine-rest} checks HTTP Basic credentials against it (Camunda's own filter, so the
 * engine's authorizations apply to every REST call), and Spring Security asks it for {@code /api} and
 * {@code /actuator} through {@link CamundaIdentityAuthenticationProvider}. Which groups reach a module's part of
 * {@code /api} and {@code /staff} is that module's own {@link UrlRules} (issue 19); the chains here hold what all
 * share: sessions, CSRF, headers, the public and actuator paths.
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
      ProcessEngine engine, List<UrlRules> moduleRules,
      @Value("${support.security.secure-cookies:false}") boolean secureCookies) throws Exception {
    RequestMatcher staffPages = PathPatternRequestMatcher.withDefaults().matcher("/staff/**");
    return http
        .securityMatcher(staffPages)
        .addFilterBefore(new WebappSessionAuthentication(engine, identities, staffPages),
            AnonymousAuthenticationFilter.class)
        .authorizeHttpRequests(requests -> {
          requests.requestMatchers("/staff/sign-in").permitAll();
          // Each module's own pages (the customer register's, issue 18), then any page for a signed-in user.
          moduleRules.forEach(rules -> rules.staffPages(requests));
          requests.anyRequest().authenticated();
        })
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
      ProcessEngine engine, List<UrlRules> moduleRules) throws Exception {
    return http
        .authenticationProvider(identities)
        // The Cockpit dashboard reads /api/reports with the webapps' session (GET only).
        .addFilterAfter(new WebappSessionAuthentication(engine, identities,
            WebappSessionAuthentication.READS_OF_REPORTS), BasicAuthenticationFilter.class)
        .authorizeHttpRequests(requests -> {
          requests
              .requestMatchers("/", "/error", "/favicon.ico", "/css/**", "/webjars/**").permitAll()
              .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
              .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
              .requestMatchers("/actuator/**").hasAnyAuthority(
                  UrlRules.authorities(List.of(Roles.MANAGERS, Roles.CAMUNDA_ADMIN)));
          // Each module's own part of /api (tickets, releases, contracts, reports, trainings, licences).
          moduleRules.forEach(rules -> rules.api(requests));
          requests.anyRequest().authenticated();
        })
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
