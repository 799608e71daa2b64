package ai.archbuilder.support.mail;

import ai.archbuilder.support.PostgresDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo", "postgres", "pgtest"})
@ContextConfiguration(initializers = PostgresDatabase.class)
class AgentReplyOnPostgresTest extends AgentReplyScenarios {}
