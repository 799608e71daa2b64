package ai.archbuilder.support.identity;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.springframework.stereotype.Component;

/**
 * A new user reads her own profile and changes nothing of it. Camunda grants every new user ALL on
 * herself, so she could change her own e-mail address over /engine-rest or in Tasklist: the
 * address is what ties a customer to her tickets (CurrentUsers, TicketService), where an agent's
 * SLA warnings go, and how an e-mail from staff is told from a customer's. Administrators
 * (camunda-admin) manage profiles and passwords. Users created before get the same at start
 * (AccessPolicy).
 */
@Component
class OwnProfileReadOnly extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new Provider());
  }

  /** The engine's default grants, with a new user's grant on herself narrowed to READ. */
  static class Provider extends DefaultAuthorizationProvider {

    @Override
    public AuthorizationEntity[] newUser(User user) {
      var grants = super.newUser(user);
      for (var grant : grants) {
        grant.setPermissions(new Permissions[] {Permissions.READ});
      }
      return grants;
    }
  }
}
