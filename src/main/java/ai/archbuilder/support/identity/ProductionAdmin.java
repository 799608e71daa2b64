package ai.archbuilder.support.identity;

import ai.archbuilder.support.system.RefusedConfigurationException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The {@code prod} profile's administrator: {@code support.admin.username} (default admin) with
 * the password {@code support.admin.password}, member of camunda-admin. The application refuses
 * to start without a password or with a default or weak one, together with the demo profile, or
 * on PostgreSQL with the default database password; a changed password is applied at the next
 * start. Demo users left in the database by an earlier demo run are locked out. Both happen before
 * the web server accepts a connection.
 */
@Component
@Profile("prod")
class ProductionAdmin implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(ProductionAdmin.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  static final int MIN_LENGTH = 12;
  static final Set<String> DEFAULTS = Set.of("demo", "admin", "password", "changeme", "camunda");
  /** The postgres profile's default database password (application-postgres.yml, docker-compose.yml). */
  static final String DEFAULT_DATABASE_PASSWORD = "support";

  private final IdentityService identity;
  private final ProcessEngineConfigurationImpl engine;
  private final AccessPolicy accessPolicy;
  private final String username;
  private final String password;

  ProductionAdmin(
      IdentityService identity,
      ProcessEngineConfigurationImpl engine,
      AccessPolicy accessPolicy,
      Environment environment,
      @Value("${support.admin.username:admin}") String username,
      @Value("${support.admin.password:}") String password,
      @Value("${spring.datasource.url:}") String databaseUrl,
      @Value("${spring.datasource.password:}") String databasePassword) {
    this.identity = identity;
    this.engine = engine;
    this.accessPolicy = accessPolicy;
    this.username = username;
    this.password = password;
    if (environment.matchesProfiles("demo")) {
      throw new RefusedConfigurationException(
          "The prod profile cannot run with the demo profile: its users all have the password \"demo\"",
          "Start with the profiles postgres,prod (SPRING_PROFILES_ACTIVE), without demo.");
    }
    var problem = weakness(password);
    if (problem != null) {
      throw new RefusedConfigurationException(
          "The prod profile needs a strong admin password: support.admin.password (SUPPORT_ADMIN_PASSWORD) " + problem,
          "Set SUPPORT_ADMIN_PASSWORD to a password of at least " + MIN_LENGTH + " characters that is not one of the defaults ("
              + String.join(", ", DEFAULTS.stream().sorted().toList()) + ").");
    }
    var database = databasePasswordProblem(databaseUrl, databasePassword);
    if (database != null) {
      throw new RefusedConfigurationException(
          database,
          "Give the database user a password of its own (ALTER ROLE ... PASSWORD ...) and set it in POSTGRES_PASSWORD"
              + " (or SPRING_DATASOURCE_PASSWORD).");
    }
  }

  /** Why the database password is not acceptable in production, or null. */
  static String databasePasswordProblem(String databaseUrl, String databasePassword) {
    if (databaseUrl != null && databaseUrl.startsWith("jdbc:postgresql:") && DEFAULT_DATABASE_PASSWORD.equals(databasePassword)) {
      return "The prod profile needs a database password of its own: POSTGRES_PASSWORD (spring.datasource.password) is the default \""
          + DEFAULT_DATABASE_PASSWORD + "\"";
    }
    return null;
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

  /**
   * Sets up the admin and locks out the demo users before the web server starts: Spring Boot binds
   * the server's port only when the context's lifecycle starts, after every singleton is made and
   * this has run. Any login, through our HTTP Basic or the webapps' own login, meets the new
   * passwords from its first request. (On {@code ApplicationReadyEvent}, as before, the server had
   * already served requests for about a second, and "demo" had worked in them.)
   *
   * <p>Several nodes starting on one database all do this at the same moment ({@link ConcurrentStarts}).
   */
  @Override
  public void afterSingletonsInstantiated() {
    ConcurrentStarts.retried("Setting up the admin", this::ensureAdmin);
  }

  void ensureAdmin() {
    accessPolicy.ensureAdminGroup();
    var user = identity.createUserQuery().userId(username).singleResult();
    if (user == null) {
      user = identity.newUser(username);
      user.setFirstName("Support");
      user.setLastName("Administrator");
    }
    if (user.getPassword() == null || !hasPassword(user, password)) {
      user.setPassword(password);
      identity.saveUser(user);
    }
    if (identity.createUserQuery().userId(username).memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0) {
      identity.createMembership(username, Groups.CAMUNDA_ADMIN);
    }
    lockOutDemoUsers();
  }

  /**
   * A database that once ran with the demo profile keeps its users and their password "demo" (the
   * admin among them, when this profile's admin has another name). They get a random password
   * nobody knows; an administrator gives them real ones (Camunda Admin) if they are to stay.
   */
  private void lockOutDemoUsers() {
    var locked = new ArrayList<String>();
    for (String id : DemoData.userIds()) {
      var user = id.equals(username) ? null : identity.createUserQuery().userId(id).singleResult();
      if (user != null && hasPassword(user, DemoData.PASSWORD)) {
        user.setPassword(randomPassword());
        identity.saveUser(user);
        locked.add(id);
      }
    }
    if (!locked.isEmpty()) {
      log.warn("Demo users still on the password \"demo\" were given a random password nobody knows: {}", locked);
    }
  }

  /**
   * Whether the user's stored password is this one, compared as the engine compares it but without
   * its login bookkeeping: {@code IdentityService.checkPassword} counts a mismatch as a failed login
   * and delays that user's next one, so every start would have slowed down a real user who happens
   * to have a demo user's name.
   */
  private boolean hasPassword(User user, String candidate) {
    if (!(user instanceof UserEntity entity) || entity.getPassword() == null) {
      return false;
    }
    return engine.getPasswordManager().check(EncryptionUtil.saltPassword(candidate, entity.getSalt()), entity.getPassword());
  }

  private static String randomPassword() {
    var bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
