package ai.archbuilder.support.system;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * One user store for everything: HTTP Basic on {@code /api} and {@code /engine-rest} checks the
 * same Camunda identity users the webapps log in with. Groups become authorities {@code GROUP_x}.
 */
@Component
public class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  public static final String GROUP_PREFIX = "GROUP_";

  /** The Camunda groups of an authenticated caller, read back from her authorities. */
  public static java.util.List<String> groupsOf(Authentication authentication) {
    return authentication.getAuthorities().stream()
        .map(org.springframework.security.core.GrantedAuthority::getAuthority)
        .filter(a -> a.startsWith(GROUP_PREFIX))
        .map(a -> a.substring(GROUP_PREFIX.length()))
        .toList();
  }

  private final IdentityService identity;

  CamundaIdentityAuthenticationProvider(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    try {
      return check(authentication);
    } catch (RuntimeException e) {
      if (e instanceof org.springframework.security.core.AuthenticationException || !DatabaseFailures.isDatabaseAway(e)) {
        throw e;
      }
      // the user store is the database: when it is away, the entry point answers 503, not 401 or 500
      throw new InternalAuthenticationServiceException(ProblemDetailsAdvice.DATABASE_AWAY, e);
    }
  }

  private Authentication check(Authentication authentication) {
    var user = authentication.getName();
    var password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
    if (user == null || user.isBlank() || !identity.checkPassword(user, password)) {
      throw new BadCredentialsException("Bad credentials");
    }
    return authenticated(identity, user);
  }

  /** The authentication of a Camunda user whose identity is established, her groups read now. */
  static Authentication authenticated(IdentityService identity, String user) {
    List<SimpleGrantedAuthority> authorities =
        identity.createGroupQuery().groupMember(user).list().stream()
            .map(Group::getId)
            .map(g -> new SimpleGrantedAuthority(GROUP_PREFIX + g))
            .toList();
    return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
