package ai.archbuilder.support;

import java.sql.DriverManager;
import java.sql.SQLException;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Gives a PostgreSQL test context a fresh database {@code support_it} on the local server
 * (127.0.0.1:5432, trust auth, user postgres), so every run starts from an empty schema.
 */
public class PostgresDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    try (var c = DriverManager.getConnection(SERVER, "postgres", "");
        var s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS support_it WITH (FORCE)");
      s.execute("CREATE DATABASE support_it");
    } catch (SQLException e) {
      throw new IllegalStateException("The local PostgreSQL (127.0.0.1:5432) is needed for this test", e);
    }
  }
}
