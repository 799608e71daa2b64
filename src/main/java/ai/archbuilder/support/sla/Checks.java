package ai.archbuilder.support.sla;

import java.time.Duration;
import java.util.Objects;

/** Argument checks shared by the clocks. */
final class Checks {

  private Checks() {}

  static Duration notNegative(Duration duration) {
    Objects.requireNonNull(duration, "coverageTime");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("coverage time must not be negative: " + duration);
    }
    return duration;
  }

  static int notNegative(int days) {
    if (days < 0) {
      throw new IllegalArgumentException("days must not be negative: " + days);
    }
    return days;
  }
}
