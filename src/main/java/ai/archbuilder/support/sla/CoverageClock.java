package ai.archbuilder.support.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * A clock that counts only the time during which support is covered: business hours for
 * {@link Coverage#STANDARD}, every hour for the 24/7 coverages.
 *
 * <p>Open periods are half-open intervals {@code [opening, closing)}: the closing instant itself is
 * not open, but a duration that ends exactly at closing time is due at the closing instant.
 */
public interface CoverageClock {

  /**
   * The instant at which {@code coverageTime} of open time has elapsed after {@code start}. If
   * {@code start} is outside open hours, counting begins at the next opening; with a zero duration
   * the result is therefore {@link #nextOpen(Instant) nextOpen(start)}.
   *
   * @throws IllegalArgumentException if {@code coverageTime} is negative
   */
  Instant plus(Instant start, Duration coverageTime);

  /** Open time elapsed between {@code from} and {@code to}; zero if {@code to} is not after {@code from}. */
  Duration between(Instant from, Instant to);

  /**
   * On business hours: the same local wall-clock time on the {@code days}-th following working day
   * (a configured working weekday that is not a closed holiday; reduced-hours days count), counted
   * from {@link #nextOpen(Instant) nextOpen(start)}. On 24/7 clocks: {@code start + days * 24h}.
   *
   * @throws IllegalArgumentException if {@code days} is negative
   */
  Instant plusWorkingDays(Instant start, int days);

  /** Whether support is covered at {@code at}. */
  boolean isOpen(Instant at);

  /** {@code at} itself when open, else the next opening after it. */
  Instant nextOpen(Instant at);

  /** The coverage this clock stands for. */
  Coverage coverage();
}
