package ai.archbuilder.support.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.archbuilder.support.SupportDeskApplication;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A start refused for a setting ends in one screen: what is wrong and what to set, no stack trace. */
@ExtendWith(OutputCaptureExtension.class)
class RefusedConfigurationFailureAnalyzerTest {

  @Test
  void findsTheRefusalAmongTheCausesAndReportsItsReasonAndAction() {
    var refusal = new RefusedConfigurationException("support.x is wrong", "Set support.x to y.");
    var failure = new BeanCreationException("someBean", "Error creating bean", new IllegalStateException("wrapped", refusal));

    var analysis = new RefusedConfigurationFailureAnalyzer().analyze(failure);

    assertThat(analysis).isNotNull();
    assertThat(analysis.getDescription()).isEqualTo("support.x is wrong");
    assertThat(analysis.getAction()).isEqualTo("Set support.x to y.");
    assertThat(analysis.getCause()).isSameAs(refusal);
  }

  @Test
  void leavesOtherFailuresToTheOtherAnalyzers() {
    assertThat(new RefusedConfigurationFailureAnalyzer().analyze(new BeanCreationException("someBean", "Error creating bean",
        new IllegalArgumentException("not ours")))).isNull();
  }

  @Test
  void aDefaultAdminPasswordInProductionIsReportedOnOneScreen(CapturedOutput output) {
    assertThatThrownBy(() -> start(new String[] {"test", "prod"}, "--support.admin.password=demo"));

    assertReport(output,
        "The prod profile needs a strong admin password: support.admin.password (SUPPORT_ADMIN_PASSWORD) is a default value",
        "Set SUPPORT_ADMIN_PASSWORD to a password of at least 12 characters");
  }

  @Test
  void aShortAdminPasswordInProductionIsReportedOnOneScreen(CapturedOutput output) {
    assertThatThrownBy(() -> start(new String[] {"test", "prod"}, "--support.admin.password=short-pw-11"));

    assertReport(output,
        "support.admin.password (SUPPORT_ADMIN_PASSWORD) is shorter than 12 characters",
        "Set SUPPORT_ADMIN_PASSWORD to a password of at least 12 characters");
  }

  /** A refusal in a {@code @ConfigurationProperties} record comes wrapped in Spring's bind failure. */
  @Test
  void wrongBusinessHoursAreReportedWithOurActionNotSpringsBindFailure(CapturedOutput output) {
    assertThatThrownBy(() -> start(new String[] {"test"}, "--support.business-hours.opens=19:00"));

    assertReport(output,
        "support.business-hours: opens 19:00 must be before closes 18:00",
        "Set support.business-hours.opens (SUPPORT_BUSINESS_HOURS_OPENS) before support.business-hours.closes");
    assertThat(output.getOut()).doesNotContain("Failed to bind properties");
  }

  private static void assertReport(CapturedOutput output, String description, String action) {
    var out = output.getOut();
    assertThat(out).contains("APPLICATION FAILED TO START");
    var report = out.substring(out.indexOf("APPLICATION FAILED TO START"));
    assertThat(report).containsSubsequence("Description:", description, "Action:", action);
    assertThat(output.getAll()).as("no stack trace").doesNotContain("\tat ").doesNotContain("Application run failed");
  }

  private static void start(String[] profiles, String... args) {
    var all = new java.util.ArrayList<>(java.util.List.of(args));
    all.add("--spring.datasource.url=jdbc:h2:mem:refused-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    all.add("--server.port=0");
    all.add("--camunda.bpm.generate-unique-process-engine-name=true");
    new SpringApplicationBuilder(SupportDeskApplication.class).profiles(profiles).run(all.toArray(String[]::new)).close();
  }
}
