package ai.archbuilder.support.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.archbuilder.support.SupportDeskApplication;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
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

  /**
   * The moment the server accepts connections (Boot publishes this event right after it opened the
   * port), the demo users and the admin's old password are already refused: requests over real
   * HTTP from inside that moment, through the same filters and provider as any later request.
   */
  @Test
  void noRequestIsAuthenticatedWithAnOldPasswordOnceTheServerListens() {
    var database = "was-demo-" + UUID.randomUUID();
    start(database, new String[] {"test", "demo"}).close();
    var statuses = new java.util.concurrent.ConcurrentHashMap<String, Integer>();
    ApplicationListener<ServletWebServerInitializedEvent> firstRequests =
        event -> {
          int port = event.getWebServer().getPort();
          // the admin's right password first: a wrong one delays her next login (login-delay-*)
          for (var login : List.of("admin:correct-horse-battery-7", "admin:demo", "tier1:demo", "alice:demo")) {
            statuses.put(login, get(port, "/api/tickets", login));
          }
        };
    var args = new String[] {
        "--support.admin.password=correct-horse-battery-7",
        "--spring.datasource.url=jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1",
        "--server.port=0",
        "--camunda.bpm.generate-unique-process-engine-name=true"};
    try (var app = new SpringApplicationBuilder(SupportDeskApplication.class).profiles("test", "prod").listeners(firstRequests).run(args)) {
      assertThat(statuses)
          .containsEntry("tier1:demo", 401)
          .containsEntry("alice:demo", 401)
          .containsEntry("admin:demo", 401)
          .hasEntrySatisfying("admin:correct-horse-battery-7", status -> assertThat(status).isNotEqualTo(401));
    }
  }

  private static int get(int port, String path, String login) {
    var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(login.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .build();
    try {
      return java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Nodes starting on one database at the same moment all set up the admin and lock out the demo
   * users: each creates the admin, saves the same users. The ones that collide try again and start.
   */
  @Test
  void nodesSettingUpTheAdminAtOnceAllStart() throws Exception {
    try (var app = prod("--support.admin.password=correct-horse-battery-7")) {
      var identity = app.getBean(IdentityService.class);
      var setUp = app.getBean(ProductionAdmin.class);
      for (int round = 0; round < 3; round++) {
        // as on a database the demo profile ran on before the first production start
        identity.deleteUser("admin");
        for (String id : List.of("tier1", "tier2", "manager", "alice")) {
          if (identity.createUserQuery().userId(id).count() == 0) {
            identity.saveUser(identity.newUser(id));
          }
          var user = identity.createUserQuery().userId(id).singleResult();
          user.setPassword("demo");
          identity.saveUser(user);
        }
        NodesStarting.together(4, setUp::afterSingletonsInstantiated);
        assertThat(identity.checkPassword("admin", "correct-horse-battery-7")).isTrue();
        assertThat(identity.createUserQuery().userId("admin").memberOfGroup(Groups.CAMUNDA_ADMIN).count()).isEqualTo(1);
        for (String id : List.of("tier1", "tier2", "manager", "alice")) {
          assertThat(identity.checkPassword(id, "demo")).as(id + " still logs in with demo").isFalse();
        }
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
