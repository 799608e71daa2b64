package ai.archbuilder.support;

import java.sql.DriverManager;
import java.sql.SQLException;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Gives a PostgreSQL test context a fresh database of its own on the local server
 * (127.0.0.1:5432, trust auth, user postgres): {@code support_it_<pid>}, made anew for the test
 * JVM and dropped when it exits, so parallel runs on one machine do not disturb each other.
 */
public class PostgresDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";
  static final String NAME = "support_it_" + ProcessHandle.current().pid();
  private static boolean created;

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    create();
    TestPropertyValues.of(
            "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/" + NAME,
            "spring.datasource.username=postgres",
            "spring.datasource.password=")
        .applyTo(context);
  }

  private static synchronized void create() {
    if (created) {
      return;
    }
    execute("DROP DATABASE IF EXISTS " + NAME + " WITH (FORCE)");
    execute("CREATE DATABASE " + NAME);
    created = true;
    Runtime.getRuntime().addShutdownHook(new Thread(() -> execute("DROP DATABASE IF EXISTS " + NAME + " WITH (FORCE)")));
  }

  private static void execute(String sql) {
    try (var c = DriverManager.getConnection(SERVER, "postgres", "");
        var s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("The local PostgreSQL (127.0.0.1:5432) is needed for this test", e);
    }
  }
}
