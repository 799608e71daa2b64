package ai.archbuilder.support.identity;

import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up work on the shared database that every node of a cluster does when it starts. Nodes
 * starting together collide (a user or a grant created twice, the same row saved twice: a
 * duplicate key, an OptimisticLockingException); the work reads before it writes, so the node that
 * lost tries again a moment later, finds it done and starts, instead of failing its start.
 */
final class ConcurrentStarts {

  private static final Logger log = LoggerFactory.getLogger(ConcurrentStarts.class);

  /** Tries before the start fails. */
  static final int ATTEMPTS = 5;

  private ConcurrentStarts() {}

  static void retried(String what, Runnable work) {
    for (int attempt = 1; ; attempt++) {
      try {
        work.run();
        return;
      } catch (RuntimeException e) {
        if (attempt == ATTEMPTS || !collision(e)) {
          throw e;
        }
        log.info("{} collided with another node's start on the same database ({}); trying again ({} of {})", what, e.toString(),
            attempt + 1, ATTEMPTS);
        pause(attempt);
      }
    }
  }

  /**
   * Another node's start got there first: the engine's revision check failed, or a row it inserted
   * too broke a unique key (SQL state class 23, integrity constraint violation). Anything else (the
   * database away, a refused write) is not retried.
   */
  static boolean collision(Throwable e) {
    for (var cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof OptimisticLockingException) {
        return true;
      }
      if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
        return true;
      }
    }
    return false;
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(100L * attempt + ThreadLocalRandom.current().nextInt(100));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted during start-up", e);
    }
  }
}
