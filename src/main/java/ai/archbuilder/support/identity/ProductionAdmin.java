package ai.archbuilder.support.identity;

import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The {@code prod} profile's administrator: {@code support.admin.username} (default admin) with
 * the password {@code support.admin.password}, member of camunda-admin. The application refuses
 * to start without a password or with a default or weak one; a changed password is applied at
 * the next start.
 */
@Component
@Profile("prod")
class ProductionAdmin {

  static final int MIN_LENGTH = 12;
  static final Set<String> DEFAULTS = Set.of("demo", "admin", "password", "changeme", "camunda");

  private final IdentityService identity;
  private final String username;
  private final String password;

  ProductionAdmin(
      IdentityService identity,
      @Value("${support.admin.username:admin}") String username,
      @Value("${support.admin.password:}") String password) {
    this.identity = identity;
    this.username = username;
    this.password = password;
    var problem = weakness(password);
    if (problem != null) {
      throw new IllegalStateException(
          "The prod profile needs a strong admin password: support.admin.password (SUPPORT_ADMIN_PASSWORD) " + problem);
    }
  }

  /** Why the password is not acceptable, or null. */
  static String weakness(String password) {
    if (password == null || password.isBlank()) {
      return "is missing";
    }
    if (DEFAULTS.contains(password.trim().toLowerCase(Locale.ROOT))) {
      return "is a default value";
    }
    if (password.length() < MIN_LENGTH) {
      return "is shorter than " + MIN_LENGTH + " characters";
    }
    return null;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(1) // after AccessPolicy made camunda-admin
  void ensureAdmin() {
    var user = identity.createUserQuery().userId(username).singleResult();
    if (user == null) {
      user = identity.newUser(username);
      user.setFirstName("Support");
      user.setLastName("Administrator");
    }
    if (user.getPassword() == null || !identity.checkPassword(username, password)) {
      user.setPassword(password);
      identity.saveUser(user);
    }
    if (identity.createUserQuery().userId(username).memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0) {
      identity.createMembership(username, Groups.CAMUNDA_ADMIN);
    }
  }
}
