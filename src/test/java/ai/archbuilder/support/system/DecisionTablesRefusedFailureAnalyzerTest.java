package ai.archbuilder.support.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.archbuilder.support.SupportDeskApplication;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A release whose decision tables the deployment check refuses does not start, and says why on one
 * screen: each finding and what to do, no stack trace. The release here is one table of {@code
 * src/test/resources/refused-release/dmn/}: {@code slaTargets.dmn} with its P3 rule asking for a
 * "P5" no ticket has.
 */
@ExtendWith(OutputCaptureExtension.class)
class DecisionTablesRefusedFailureAnalyzerTest {

  @Test
  void aReleaseWithARefusedTableStopsWithTheFindingsOnOneScreen(CapturedOutput output) {
    assertThatThrownBy(() -> new SpringApplicationBuilder(SupportDeskApplication.class)
        .profiles("test")
        .run("--spring.datasource.url=jdbc:h2:mem:refused-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
            "--server.port=0",
            "--camunda.bpm.generate-unique-process-engine-name=true",
            "--camunda.bpm.deployment-resource-pattern=classpath*:refused-release/dmn/*.dmn")
        .close());

    var out = output.getOut();
    assertThat(out).contains("APPLICATION FAILED TO START");
    var report = out.substring(out.indexOf("APPLICATION FAILED TO START"));
    assertThat(report).containsSubsequence(
        "Description:",
        "Deployment refused: the application cannot use these answers of its decision tables (nothing was deployed)",
        "dmn/slaTargets.dmn, decision slaTargets, rule 3 (p3): input priority \"P5\" is never asked",
        "Action:",
        "Correct the decision tables named above in dmn/");
    assertThat(output.getAll()).as("no stack trace").doesNotContain("\tat ").doesNotContain("Application run failed");
  }
}
