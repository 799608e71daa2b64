package ai.archbuilder.support.mail.inbound;

import ai.archbuilder.support.PostgresDatabase;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo", "postgres", "pgtest"})
@ContextConfiguration(initializers = PostgresDatabase.class)
@Import(ProcessEngineCoverageConfiguration.class)
class HeldReplyOnPostgresTest extends HeldReplyScenarios {

  @Override
  long notesWaiting() {
    return jdbc.sql(
            """
            SELECT COUNT(*) FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'INSERT INTO inbound_mail_held%'
            """)
        .query(Long.class).single();
  }
}
