package ai.archbuilder.support.system;

import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who is calling: the Spring Security principal, with the groups and e-mail from Camunda's identity
 * service. Only administrators change a user's e-mail: users read their own profile
 * (OwnProfileReadOnly), so a customer cannot take another customer's address and her tickets.
 */
@Component
public class CurrentUsers {

  private final IdentityService identity;

  CurrentUsers(IdentityService identity) {
    this.identity = identity;
  }

  public CurrentUser current() {
    var auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !auth.isAuthenticated()) {
      throw new ApiException(org.springframework.http.HttpStatus.UNAUTHORIZED, "Log in first", null);
    }
    Set<String> groups = Set.copyOf(CamundaIdentityAuthenticationProvider.groupsOf(auth));
    var caller = new CurrentUser(auth.getName(), null, groups);
    if (!caller.customer()) {
      // only a customer's e-mail means something here (it ties her to her tickets): one query less per call
      return caller;
    }
    var user = identity.createUserQuery().userId(auth.getName()).singleResult();
    return new CurrentUser(auth.getName(), user == null ? null : user.getEmail(), groups);
  }
}
