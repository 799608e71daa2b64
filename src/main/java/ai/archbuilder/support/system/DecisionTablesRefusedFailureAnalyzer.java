package ai.archbuilder.support.system;

import ai.archbuilder.support.system.DecisionTableCheck.DecisionTablesRefusedException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * Turns a start whose release's decision tables the deployment check refused into Spring Boot's
 * one-screen report: Description (each finding, naming file, decision, rule and what is wrong) and
 * Action, instead of the findings buried in a stack trace. Registered in {@code
 * META-INF/spring.factories}, before Spring's own analyzers.
 */
class DecisionTablesRefusedFailureAnalyzer extends AbstractFailureAnalyzer<DecisionTablesRefusedException> implements Ordered {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, DecisionTablesRefusedException cause) {
    return new FailureAnalysis(
        cause.getMessage(),
        "Correct the decision tables named above in dmn/ (README, \"Changing the policy in the Modeler\", says what each "
            + "table must answer) and start again. Nothing of this release was deployed; the versions deployed before stay in use.",
        cause);
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
