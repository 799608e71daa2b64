package ai.archbuilder.support.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A 24/7 coverage clock: every real (elapsed) hour counts, whatever the wall clock says. */
public final class RoundTheClock implements CoverageClock {

  private static final Duration DAY = Duration.ofHours(24);

  private final Coverage coverage;

  /**
   * @param coverage a round-the-clock coverage ({@link Coverage#roundTheClock()})
   * @throws IllegalArgumentException for {@link Coverage#STANDARD}
   */
  public RoundTheClock(Coverage coverage) {
    Objects.requireNonNull(coverage, "coverage");
    if (!coverage.roundTheClock()) {
      throw new IllegalArgumentException(coverage + " is not a 24/7 coverage");
    }
    this.coverage = coverage;
  }

  @Override
  public Instant plus(Instant start, Duration coverageTime) {
    Objects.requireNonNull(start, "start");
    Checks.notNegative(coverageTime);
    return start.plus(coverageTime);
  }

  @Override
  public Duration between(Instant from, Instant to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    return to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO;
  }

  @Override
  public Instant plusWorkingDays(Instant start, int days) {
    Objects.requireNonNull(start, "start");
    Checks.notNegative(days);
    return start.plus(DAY.multipliedBy(days));
  }

  @Override
  public boolean isOpen(Instant at) {
    Objects.requireNonNull(at, "at");
    return true;
  }

  @Override
  public Instant nextOpen(Instant at) {
    return Objects.requireNonNull(at, "at");
  }

  @Override
  public Coverage coverage() {
    return coverage;
  }

  @Override
  public String toString() {
    return "RoundTheClock[" + coverage + "]";
  }
}
