package ai.archbuilder.support.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses writes to {@code /api} and {@code /engine-rest} that a browser sends on behalf of
 * another site ({@code Sec-Fetch-Site: cross-site}). Both APIs take HTTP Basic, and a browser
 * that once asked for the password sends it again with any request to this host, a form posted
 * from another site's page included: {@code /engine-rest/deployment/create} takes
 * {@code multipart/form-data}, which a plain HTML form can send. Clients that are not browsers
 * (scripts, the Modeler, mail gateways) send no such header; reads stay allowed.
 */
class CrossSiteWriteGuard extends OncePerRequestFilter {

  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!SAFE.contains(request.getMethod()) && "cross-site".equalsIgnoreCase(request.getHeader("Sec-Fetch-Site"))) {
      response.setStatus(HttpStatus.FORBIDDEN.value());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding("UTF-8");
      response.getWriter()
          .write("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,"
              + "\"detail\":\"A write sent by a browser from another site is refused\"}");
      return;
    }
    chain.doFilter(request, response);
  }
}
