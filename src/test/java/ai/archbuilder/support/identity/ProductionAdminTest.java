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
    // a database of its own: as a command-line argument, so it wins over the test profile's
    // (a default property would lose, and the demo users of other tests would show up here)
    var all = new java.util.ArrayList<>(java.util.List.of(args));
    all.add("--spring.datasource.url=jdbc:h2:mem:prod-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    all.add("--server.port=0");
    return new SpringApplicationBuilder(SupportDeskApplication.class)
        .profiles("test", "prod")
        .run(all.toArray(String[]::new));
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
