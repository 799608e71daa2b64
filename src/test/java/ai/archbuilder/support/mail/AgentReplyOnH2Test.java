package ai.archbuilder.support.mail;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    // a database of its own: jobs of other test classes' tickets must not send mail here
    properties = "spring.datasource.url=jdbc:h2:mem:support-reply-test;DB_CLOSE_DELAY=-1")
@ActiveProfiles({"test", "demo"})
class AgentReplyOnH2Test extends AgentReplyScenarios {}
