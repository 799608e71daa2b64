package ai.archbuilder.support.system;

import java.time.Instant;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The application's one source of "now": the engine's clock, so that process tests that move
 * time with {@code ClockUtil} move our timestamps and due dates with it.
 */
public final class Now {

  private Now() {}

  public static Instant instant() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
