package ai.archbuilder.support.faults;

import java.sql.DriverManager;
import java.sql.SQLException;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/** Bad input on PostgreSQL (text there cannot hold NUL), on a database of its own. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"camunda.bpm.generate-unique-process-engine-name=false", "camunda.bpm.process-engine-name=default"})
@ActiveProfiles({"test", "demo", "postgres", "pgtest"})
@ContextConfiguration(initializers = BadInputOnPostgresTest.OwnDatabase.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class BadInputOnPostgresTest extends BadInputScenarios {

  static class OwnDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String DATABASE = "support_it_bad_input_" + ProcessHandle.current().pid();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
      execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
      execute("CREATE DATABASE " + DATABASE);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)")));
      TestPropertyValues.of(
              "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/" + DATABASE,
              "spring.datasource.username=postgres",
              "spring.datasource.password=")
          .applyTo(context);
    }

    private static void execute(String sql) {
      try (var c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
          var s = c.createStatement()) {
        s.execute(sql);
      } catch (SQLException e) {
        throw new IllegalStateException("The local PostgreSQL (127.0.0.1:5432) is needed for this test", e);
      }
    }
  }
}
