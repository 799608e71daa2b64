package ai.archbuilder.support.ticket;

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
class TicketLifecycleOnPostgresTest extends TicketLifecycleScenarios {}
