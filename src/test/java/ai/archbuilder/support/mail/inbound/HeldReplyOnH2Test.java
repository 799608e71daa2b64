package ai.archbuilder.support.mail.inbound;

import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@Import(ProcessEngineCoverageConfiguration.class)
class HeldReplyOnH2Test extends HeldReplyScenarios {

  @Override
  long notesWaiting() {
    // H2 shows no blocker for a row lock: the session is still running the insert
    return jdbc.sql("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE EXECUTING_STATEMENT LIKE 'INSERT INTO inbound_mail_held%'")
        .query(Long.class).single();
  }
}
