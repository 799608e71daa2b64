package ai.archbuilder.support.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.archbuilder.support.SupportDeskApplication;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;

/** The prod profile starts only with a strong admin password, and then has that admin. */
class ProductionAdminTest {

  /** Starts the application with the prod profile; arguments as on the command line (they win over the yml). */
  private static ConfigurableApplicationContext prod(String... args) {
    return start("prod-" + UUID.randomUUID(), new String[] {"test", "prod"}, args);
  }

  /** Starts the application on the in-memory database {@code database}, which outlives the context. */
  private static ConfigurableApplicationContext start(String database, String[] profiles, String... args) {
    // a database of its own: as a command-line argument, so it wins over the test profile's
    // (a default property would lose, and the demo users of other tests would show up here)
    var all = new java.util.ArrayList<>(java.util.List.of(args));
    all.add("--spring.datasource.url=jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1");
    all.add("--server.port=0");
    all.add("--camunda.bpm.generate-unique-process-engine-name=true");
    return new SpringApplicationBuilder(SupportDeskApplication.class)
        .profiles(profiles)
        .run(all.toArray(String[]::new));
  }

  @Test
  void refusesToStartTogetherWithTheDemoProfile() {
    assertThatThrownBy(() -> start("prod-" + UUID.randomUUID(), new String[] {"test", "prod", "demo"},
            "--support.admin.password=correct-horse-battery-7").close())
        .satisfies(e -> assertThat(NestedExceptionUtils.getMostSpecificCause(e).getMessage())
            .isEqualTo("The prod profile cannot run with the demo profile: its users all have the password \"demo\""));
  }

  @Test
  void refusesPostgresWithTheDefaultDatabasePassword() {
    assertThat(ProductionAdmin.databasePasswordProblem("jdbc:postgresql://db:5432/support", "support"))
        .isEqualTo("The prod profile needs a database password of its own: POSTGRES_PASSWORD (spring.datasource.password) is the default \"support\"");
    assertThat(ProductionAdmin.databasePasswordProblem("jdbc:postgresql://db:5432/support", "s3cret-of-our-own")).isNull();
    assertThat(ProductionAdmin.databasePasswordProblem("jdbc:h2:file:./data/support", "")).isNull();
  }

  @Test
  void locksOutTheUsersOfAnEarlierDemoRun() {
    var database = "was-demo-" + UUID.randomUUID();
    try (var demo = start(database, new String[] {"test", "demo"})) {
      var identity = demo.getBean(IdentityService.class);
      assertThat(identity.checkPassword("tier1", "demo")).isTrue();
      // one of them was made a real user: her own password, which the next start must not touch
      var manager = identity.createUserQuery().userId("manager").singleResult();
      manager.setPassword("mona-real-password-42");
      identity.saveUser(manager);
    }
    try (var app = start(database, new String[] {"test", "prod"}, "--support.admin.username=root", "--support.admin.password=correct-horse-battery-7")) {
      var identity = app.getBean(IdentityService.class);
      assertThat(identity.checkPassword("root", "correct-horse-battery-7")).isTrue();
      // at once: checking her against "demo" must not have counted as a failed login (a login delay)
      assertThat(identity.checkPassword("manager", "mona-real-password-42")).isTrue();
      for (String id : java.util.List.of("admin", "tier1", "owner", "alice", "mail-gateway")) {
        assertThat(identity.createUserQuery().userId(id).count()).as(id).isEqualTo(1);
        assertThat(identity.checkPassword(id, "demo")).as(id + " still logs in with demo").isFalse();
      }
    }
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {" ", "demo", "admin", "Password", "CHANGEME", "camunda", "short-pw-11"})
  void weakPasswordsAreNamed(String password) {
    assertThat(ProductionAdmin.weakness(password)).isNotNull();
  }

  @Test
  void aLongPasswordIsAccepted() {
    assertThat(ProductionAdmin.weakness("twelve-chars")).isNull();
  }

  @Test
  void refusesToStartWithADefaultPassword() {
    assertThatThrownBy(() -> prod("--support.admin.password=changeme").close())
        .satisfies(e -> assertThat(NestedExceptionUtils.getMostSpecificCause(e).getMessage())
            .isEqualTo("The prod profile needs a strong admin password: support.admin.password (SUPPORT_ADMIN_PASSWORD) is a default value"));
  }

  @Test
  void refusesToStartWithoutAPassword() {
    assertThatThrownBy(() -> prod().close())
        .satisfies(e -> assertThat(NestedExceptionUtils.getMostSpecificCause(e).getMessage())
            .endsWith("support.admin.password (SUPPORT_ADMIN_PASSWORD) is missing"));
  }

  @Test
  void startsWithAStrongPasswordAndCreatesTheAdmin() {
    try (var app = prod("--support.admin.username=root", "--support.admin.password=correct-horse-battery-7")) {
      var identity = app.getBean(IdentityService.class);
      assertThat(identity.checkPassword("root", "correct-horse-battery-7")).isTrue();
      assertThat(identity.createUserQuery().userId("root").memberOfGroup(Groups.CAMUNDA_ADMIN).count()).isEqualTo(1);
      assertThat(identity.createUserQuery().userId("tier1").count()).as("no demo users").isZero();
    }
  }
}
