package ai.archbuilder.support.ticket;

import ai.archbuilder.support.PostgresDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo", "pgtest"})
@ContextConfiguration(initializers = PostgresDatabase.class)
class TicketLifecycleOnPostgresTest extends TicketLifecycleScenarios {}
