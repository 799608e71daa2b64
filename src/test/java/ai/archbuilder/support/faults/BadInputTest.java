package ai.archbuilder.support.faults;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Bad input on H2. The engine's REST API finds the engine named {@code default}: this context has
 * its own in-memory database and engine of that name, and is closed afterwards (see SecurityTest).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "camunda.bpm.generate-unique-process-engine-name=false",
      "camunda.bpm.process-engine-name=default",
      "spring.datasource.url=jdbc:h2:mem:support-bad-input;DB_CLOSE_DELAY=-1"
    })
@ActiveProfiles({"test", "demo"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class BadInputTest extends BadInputScenarios {}
