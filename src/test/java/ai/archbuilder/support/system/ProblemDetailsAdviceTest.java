package ai.archbuilder.support.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/**
 * A request that loses a race with a timer or another request on the same ticket (the engine's
 * optimistic locking rolls it back) is a 409 to send again, not a 500 "something went wrong":
 * nothing of it was saved.
 */
class ProblemDetailsAdviceTest {

  private final ProblemDetailsAdvice advice = new ProblemDetailsAdvice();

  @Test
  void aConcurrentChangeIsAConflictToRetry() {
    var answer = advice.unexpected(new OptimisticLockingException("ENGINE-03005 Execution of 'UPDATE ExecutionEntity' failed"));
    assertThat(answer.getStatusCode().value()).isEqualTo(409);
    assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
    assertThat(answer.getBody().getDetail()).isEqualTo(ProblemDetailsAdvice.CONCURRENT_CHANGE);
  }

  @Test
  void alsoWhenTheEngineWrapsIt() {
    var wrapped = new ProcessEngineException("correlation failed", new OptimisticLockingException("ENGINE-03005"));
    assertThat(advice.unexpected(wrapped).getStatusCode().value()).isEqualTo(409);
    assertThat(advice.unexpected(new IllegalStateException("a bug")).getStatusCode().value()).isEqualTo(500);
  }
}
