package ai.archbuilder.support.ticket;

import java.sql.DriverManager;
import java.sql.SQLException;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The idempotency race on PostgreSQL, where a waiting insert blocks until the winner commits.
 * It runs on a database of its own ({@code support_it_idempotency}), not on {@code support_it}:
 * the lifecycle test's context stays cached and alive while this one runs, and dropping its
 * database under it would break it (and it would break this one).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo", "postgres", "pgtest"})
@ContextConfiguration(initializers = IdempotencyOnPostgresTest.OwnDatabase.class)
class IdempotencyOnPostgresTest extends IdempotencyScenarios {

  /** Makes {@code support_it_idempotency} anew on the local server and points the context at it. */
  static class OwnDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String DATABASE = "support_it_idempotency";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
      try (var c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
          var s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        s.execute("CREATE DATABASE " + DATABASE);
      } catch (SQLException e) {
        throw new IllegalStateException("The local PostgreSQL (127.0.0.1:5432) is needed for this test", e);
      }
      TestPropertyValues.of("spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/" + DATABASE).applyTo(context);
    }
  }
}
