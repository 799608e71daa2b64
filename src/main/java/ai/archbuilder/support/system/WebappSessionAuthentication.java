package ai.archbuilder.support.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets the webapps' own pages (Cockpit's "SLA report" and "Mail quarantine") call {@code /api} as
 * the user logged into Cockpit, without asking for her password again. Everything else under
 * {@code /api} stays HTTP Basic only.
 *
 * <p>It accepts a session only for {@code GET /api/reports/**}, {@code /api/inbound-mail/quarantine/**} and
 * {@code GET /api/inbound-mail/held}
 * (which the API keeps to managers and admins), and only with the session's CSRF
 * token of Camunda's webapps in {@code X-XSRF-TOKEN}: another site can make a browser send the
 * session cookie, but cannot read the token. The groups come from the identity service on every
 * request, not from the session's copy, so a user removed from a group loses the reports at once;
 * a user deleted since she logged in is not authenticated at all.
 */
class WebappSessionAuthentication extends OncePerRequestFilter {

  private static final RequestMatcher PAGES_CALLS =
      new OrRequestMatcher(
          PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/api/reports/**"),
          PathPatternRequestMatcher.withDefaults().matcher("/api/inbound-mail/quarantine/**"),
          PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/api/inbound-mail/held"));

  private final ProcessEngine engine;
  private final AuthenticationEntryPoint entryPoint;

  /** {@code entryPoint} answers when the database, the user store, is away (503). */
  WebappSessionAuthentication(ProcessEngine engine, AuthenticationEntryPoint entryPoint) {
    this.engine = engine;
    this.entryPoint = entryPoint;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !PAGES_CALLS.matches(request) || request.getHeader("Authorization") != null;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var user = sessionUser(request);
    if (user != null) {
      try {
        authenticate(user);
      } catch (RuntimeException e) {
        if (!DatabaseFailures.isDatabaseAway(e)) {
          throw e;
        }
        entryPoint.commence(request, response, new InternalAuthenticationServiceException(ProblemDetailsAdvice.DATABASE_AWAY, e));
        return;
      }
    }
    chain.doFilter(request, response);
  }

  private void authenticate(String user) {
    var identity = engine.getIdentityService();
    if (identity.createUserQuery().userId(user).count() != 1) {
      return;
    }
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(CamundaIdentityAuthenticationProvider.authenticated(identity, user));
    SecurityContextHolder.setContext(context);
  }

  /** The user this session logged into the webapps, when the request carries the session's CSRF token. */
  private String sessionUser(HttpServletRequest request) {
    var session = request.getSession(false);
    var token = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
    if (session == null || token == null) {
      return null;
    }
    Object expected;
    try {
      expected = session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
    } catch (IllegalStateException invalidated) {
      return null;
    }
    if (!(expected instanceof String known)
        || !MessageDigest.isEqual(known.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
      return null;
    }
    var authentications = AuthenticationUtil.getAuthsFromSession(session);
    if (authentications == null) {
      return null;
    }
    return authentications.getAuthenticationForProcessEngine(engine.getName()) instanceof UserAuthentication signedIn
        ? signedIn.getIdentityId()
        : null;
  }
}
