package ai.archbuilder.support.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hands the user Spring Security authenticated to the engine for the request, so that the
 * engine's authorizations apply to every {@code /engine-rest} call (CAMUNDA-NOTES: without it the
 * engine checks nothing).
 */
public class EngineRestAuthenticationFilter extends OncePerRequestFilter {

  private final IdentityService identity;

  public EngineRestAuthenticationFilter(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var auth = SecurityContextHolder.getContext().getAuthentication();
    // an anonymous token counts as "authenticated" in Spring Security: it must not reach the engine,
    // which would run its commands without any authorization check
    if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      response.setHeader("WWW-Authenticate", "Basic realm=\"ArchBuilder.AI Support\"");
      response.setContentType("application/problem+json");
      response.setCharacterEncoding("UTF-8");
      response.getWriter()
          .write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"Log in with HTTP Basic\"}");
      return;
    }
    identity.setAuthentication(auth.getName(), CamundaIdentityAuthenticationProvider.groupsOf(auth));
    try {
      chain.doFilter(request, response);
    } finally {
      identity.clearAuthentication();
    }
  }
}
