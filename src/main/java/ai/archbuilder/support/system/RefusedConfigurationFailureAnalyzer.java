package ai.archbuilder.support.system;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * Turns a start refused for a setting ({@link RefusedConfigurationException}, wherever it is in the
 * chain of causes) into Spring Boot's one-screen report: Description (the reason) and Action (what
 * to set). Registered in {@code META-INF/spring.factories}. First of all analyzers: a refusal in a
 * {@code @ConfigurationProperties} record arrives wrapped in a bind failure, whose own analyzer
 * would print Spring's wording of it instead of our action.
 */
class RefusedConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<RefusedConfigurationException> implements Ordered {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, RefusedConfigurationException cause) {
    return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
