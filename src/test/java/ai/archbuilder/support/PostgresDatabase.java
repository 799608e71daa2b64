package ai.archbuilder.support;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Gives a PostgreSQL test context a fresh database of its own on the local server
 * (127.0.0.1:5432, trust auth, user postgres): {@code support_it_<pid>}, made anew for the test
 * JVM, so parallel runs on one machine do not disturb each other. The next run drops the
 * databases of test JVMs that have ended.
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
    // the databases of test JVMs that are gone; not dropped at exit, where the drop raced the
    // application's own shutdown (its pool then waited 30 s for a connection to a dropped database)
    for (var stale : staleDatabases()) {
      execute("DROP DATABASE IF EXISTS " + stale + " WITH (FORCE)");
    }
    execute("DROP DATABASE IF EXISTS " + NAME + " WITH (FORCE)");
    execute("CREATE DATABASE " + NAME);
    created = true;
  }

  private static List<String> staleDatabases() {
    var stale = new ArrayList<String>();
    try (var c = DriverManager.getConnection(SERVER, "postgres", "");
        var rs = c.createStatement().executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'support\\_it\\_%'")) {
      while (rs.next()) {
        var name = rs.getString(1);
        var pid = name.substring("support_it_".length());
        if (pid.chars().allMatch(Character::isDigit) && ProcessHandle.of(Long.parseLong(pid)).isEmpty()) {
          stale.add(name);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("The local PostgreSQL (127.0.0.1:5432) is needed for this test", e);
    }
    return stale;
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
