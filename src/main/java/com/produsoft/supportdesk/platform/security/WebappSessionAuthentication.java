package com.produsoft.supportdesk.platform.security;

import java.io.IOException;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Authenticates a request with the session of the Camunda webapps: the user logged into Cockpit or Tasklist is
 * authenticated here with the authorities {@link CamundaIdentityAuthenticationProvider} gives to Basic credentials,
 * read afresh from the engine, so the same rules decide and a user removed from a group loses its rights at once.
 * Two uses, each limited by its matcher: the Cockpit dashboard reads {@code /api/reports} (GET and HEAD only: a
 * session cookie that can only read can't be abused for a cross-site write, so no CSRF token is needed there), and
 * the staff pages {@code /staff/**} (any method: their forms carry a CSRF token). Cross-site reads stay blocked by
 * the same-origin policy. Never creates a session; explicit Basic credentials win.
 */
class WebappSessionAuthentication extends OncePerRequestFilter {

  private static final String REPORTS = "/api/reports/**";

  /** The Cockpit dashboard's reads of the managers' figures. */
  static final RequestMatcher READS_OF_REPORTS = new OrRequestMatcher(
      PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, REPORTS),
      PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.HEAD, REPORTS));

  private final RequestMatcher requests;
  // Kept for the request only, so that an error page rendered for this request knows the user too.
  private final SecurityContextRepository contexts = new RequestAttributeSecurityContextRepository();
  private final String engineName;
  private final CamundaIdentityAuthenticationProvider identities;

  WebappSessionAuthentication(ProcessEngine engine, CamundaIdentityAuthenticationProvider identities,
      RequestMatcher requests) {
    this.requests = requests;
    this.engineName = engine.getName();
    this.identities = identities;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !requests.matches(request);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    if (session != null && SecurityContextHolder.getContext().getAuthentication() == null
        && AuthenticationUtil.getAuthsFromSession(session)
            .getAuthenticationForProcessEngine(engineName) instanceof UserAuthentication user) {
      SecurityContext context = SecurityContextHolder.createEmptyContext();
      context.setAuthentication(identities.authenticated(user.getName()));
      SecurityContextHolder.setContext(context);
      contexts.saveContext(context, request, response);
    }
    chain.doFilter(request, response);
  }
}
