package ai.archbuilder.support.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;

/** Only another node's start is tried again; any other failure fails the start at once. */
class ConcurrentStartsTest {

  @Test
  void aRevisionConflictOrABrokenUniqueKeyIsACollisionAnythingElseIsNot() {
    assertThat(ConcurrentStarts.collision(new OptimisticLockingException("saved by another node"))).isTrue();
    assertThat(ConcurrentStarts.collision(new ProcessEngineException("insert failed",
        new RuntimeException("batch", new SQLException("duplicate key value violates unique constraint", "23505"))))).isTrue();
    assertThat(ConcurrentStarts.collision(new ProcessEngineException("insert failed", new SQLException("connection refused", "08001"))))
        .isFalse();
    assertThat(ConcurrentStarts.collision(new IllegalStateException("a bug"))).isFalse();
  }

  @Test
  void aCollisionIsTriedAgainUntilItSucceedsOtherFailuresAreNot() {
    var tries = new AtomicInteger();
    ConcurrentStarts.retried("test", () -> {
      if (tries.incrementAndGet() < 3) {
        throw new OptimisticLockingException("saved by another node");
      }
    });
    assertThat(tries).hasValue(3);

    var failures = new AtomicInteger();
    assertThatThrownBy(() -> ConcurrentStarts.retried("test", () -> {
      failures.incrementAndGet();
      throw new ProcessEngineException("database away", new SQLException("connection refused", "08001"));
    })).hasMessage("database away");
    assertThat(failures).as("not tried again").hasValue(1);

    var collisions = new AtomicInteger();
    assertThatThrownBy(() -> ConcurrentStarts.retried("test", () -> {
      collisions.incrementAndGet();
      throw new OptimisticLockingException("always another node");
    })).isInstanceOf(OptimisticLockingException.class);
    assertThat(collisions).hasValue(ConcurrentStarts.ATTEMPTS);
  }
}
