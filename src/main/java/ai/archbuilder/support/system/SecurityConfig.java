package ai.archbuilder.support.system;

import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Security on by default. {@code /api} and {@code /engine-rest}: HTTP Basic against Camunda's
 * users, no sessions, nothing anonymous; only the calls of our Cockpit pages ({@code GET
 * /api/reports/**}, {@code /api/inbound-mail/quarantine/**}, {@code GET /api/inbound-mail/held})
 * also take the webapps' session with its CSRF token ({@link WebappSessionAuthentication}). The webapps ({@code /camunda}) keep their own login and
 * CSRF filter (Camunda's), with the same users. Only the health endpoint is open.
 */
@Configuration
class SecurityConfig {

  @Bean
  AuthenticationManager authenticationManager(CamundaIdentityAuthenticationProvider provider) {
    return new ProviderManager(provider);
  }

  @Bean
  @Order(1)
  SecurityFilterChain apiSecurity(HttpSecurity http, AuthenticationManager manager, ProcessEngine engine) throws Exception {
    AuthenticationEntryPoint unauthorized =
        (request, response, e) -> {
          if (e instanceof InternalAuthenticationServiceException && DatabaseFailures.isDatabaseAway(e)) {
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setHeader("Retry-After", "5");
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,\"detail\":\""
                    + ProblemDetailsAdvice.DATABASE_AWAY + "\"}");
            return;
          }
          response.setStatus(HttpStatus.UNAUTHORIZED.value());
          // a webapp page calling with its session (and CSRF token) shows its own message: no
          // browser password dialog for it
          if (request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME) == null) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"ArchBuilder.AI Support\"");
          }
          response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
          response.setCharacterEncoding(StandardCharsets.UTF_8.name());
          response.getWriter()
              .write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"Log in with HTTP Basic\"}");
        };
    AccessDeniedHandler denied =
        (request, response, e) -> {
          response.setStatus(HttpStatus.FORBIDDEN.value());
          response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
          response.setCharacterEncoding(StandardCharsets.UTF_8.name());
          response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403}");
        };
    // Path matchers on the whole path: the String variant builds Spring MVC matchers, which look at
    // the path inside the DispatcherServlet and so never matched /engine-rest (Jersey's servlet);
    // the engine's REST API then fell through to the open chain below
    var paths = PathPatternRequestMatcher.withDefaults();
    return http.securityMatcher(new OrRequestMatcher(paths.matcher("/api/**"), paths.matcher("/engine-rest/**")))
        .authenticationManager(manager)
        .authorizeHttpRequests(a -> a.anyRequest().authenticated())
        .httpBasic(b -> b.authenticationEntryPoint(unauthorized))
        // Cockpit's SLA report page reads /api/reports with the webapp session (GET and CSRF token only)
        .addFilterBefore(new WebappSessionAuthentication(engine, unauthorized), BasicAuthenticationFilter.class)
        // a browser's cached Basic credentials must not carry another site's form posts
        .addFilterBefore(new CrossSiteWriteGuard(), WebappSessionAuthentication.class)
        .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(denied))
        // no session of ours; and the webapps' session a report request brings keeps its id (session
        // fixation protection would change it under Cockpit's own requests, which then fail with 401)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS).sessionFixation(f -> f.none()))
        // stateless, credentials in every request, no cookies: CSRF cannot ride on them
        .csrf(c -> c.disable())
        .build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain webappSecurity(HttpSecurity http) throws Exception {
    return http.authorizeHttpRequests(a -> a
            // Camunda's first-admin page: open to anyone while camunda-admin has no member (a start
            // without the demo or prod profile). Our admins come from those profiles only.
            .requestMatchers(PathPatternRequestMatcher.withDefaults().matcher("/camunda/api/admin/setup/**")).denyAll()
            .anyRequest().permitAll())
        // the Camunda webapps authenticate with their own login and protect themselves with
        // Camunda's CSRF filter (camunda.bpm.webapp.csrf); Spring's would break their requests
        .csrf(c -> c.disable())
        .headers(h -> h.frameOptions(f -> f.sameOrigin()))
        .build();
  }

  @Bean
  FilterRegistrationBean<EngineRestAuthenticationFilter> engineRestAuthentication(IdentityService identity) {
    var registration = new FilterRegistrationBean<>(new EngineRestAuthenticationFilter(identity));
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(0); // after Spring Security's filter chain (-100)
    return registration;
  }
}
