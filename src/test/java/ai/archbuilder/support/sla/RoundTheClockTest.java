package ai.archbuilder.support.sla;

import static ai.archbuilder.support.sla.SlaTestTimes.la;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RoundTheClockTest {

  private final RoundTheClock clock = new RoundTheClock(Coverage.EMERGENCY_24_7);

  @Test
  void standsForItsCoverage() {
    assertThat(clock.coverage()).isEqualTo(Coverage.EMERGENCY_24_7);
    assertThat(new RoundTheClock(Coverage.PREMIUM_24_7).coverage()).isEqualTo(Coverage.PREMIUM_24_7);
  }

  @Test
  void refusesStandardCoverage() {
    assertThatThrownBy(() -> new RoundTheClock(Coverage.STANDARD))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyHourCounts() {
    assertThat(clock.plus(la("2026-11-20T17:30"), Duration.ofHours(24)))
        .isEqualTo(la("2026-11-21T17:30"));
    assertThat(clock.plus(la("2026-11-21T03:00"), Duration.ofHours(1)))
        .isEqualTo(la("2026-11-21T04:00"));
    assertThat(clock.plus(la("2026-11-25T23:30"), Duration.ofHours(4)))
        .isEqualTo(la("2026-11-26T03:30"));
    assertThat(clock.plus(la("2026-11-20T17:30"), Duration.ofHours(168)))
        .isEqualTo(la("2026-11-27T17:30"));
  }

  @Test
  void plus24hAcrossSpringForwardIs24RealHours() {
    Instant start = la("2026-03-07T12:00");
    Instant due = clock.plus(start, Duration.ofHours(24));
    assertThat(due).isEqualTo(la("2026-03-08T13:00"));
    assertThat(Duration.between(start, due)).isEqualTo(Duration.ofHours(24));
  }

  @Test
  void plus24hAcrossFallBackIs24RealHours() {
    Instant start = la("2026-10-31T12:00");
    Instant due = clock.plus(start, Duration.ofHours(24));
    assertThat(due).isEqualTo(la("2026-11-01T11:00"));
    assertThat(Duration.between(start, due)).isEqualTo(Duration.ofHours(24));
  }

  @Test
  void fractionalAndZeroDurations() {
    Instant start = la("2026-11-21T23:50");
    assertThat(clock.plus(start, Duration.ZERO)).isEqualTo(start);
    assertThat(clock.plus(start, Duration.ofMinutes(45))).isEqualTo(la("2026-11-22T00:35"));
    assertThat(clock.plus(start, Duration.ofHours(4).multipliedBy(3).dividedBy(4)))
        .isEqualTo(la("2026-11-22T02:50"));
  }

  @Test
  void negativeDurationIsRejected() {
    assertThatThrownBy(() -> clock.plus(la("2026-11-21T10:00"), Duration.ofMinutes(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void betweenIsElapsedRealTime() {
    assertThat(clock.between(la("2026-03-07T12:00"), la("2026-03-08T13:00")))
        .isEqualTo(Duration.ofHours(24));
    assertThat(clock.between(la("2026-10-31T12:00"), la("2026-11-01T11:00")))
        .isEqualTo(Duration.ofHours(24));
    assertThat(clock.between(la("2026-11-20T17:30"), la("2026-11-25T14:30")))
        .isEqualTo(Duration.ofMinutes(117 * 60));
    Instant t = la("2026-11-20T17:30");
    assertThat(clock.between(t, t)).isEqualTo(Duration.ZERO);
    assertThat(clock.between(t, t.minusSeconds(1))).isEqualTo(Duration.ZERO);
    assertThat(clock.between(t, clock.plus(t, Duration.ofMinutes(45))))
        .isEqualTo(Duration.ofMinutes(45));
  }

  @Test
  void workingDaysAre24RealHours() {
    Instant start = la("2026-03-07T12:00");
    Instant due = clock.plusWorkingDays(start, 5);
    assertThat(due).isEqualTo(start.plus(Duration.ofHours(120)));
    assertThat(due).isEqualTo(la("2026-03-12T13:00"));
    assertThat(clock.plusWorkingDays(start, 0)).isEqualTo(start);
    assertThatThrownBy(() -> clock.plusWorkingDays(start, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void alwaysOpen() {
    Instant sundayNight = la("2026-11-22T03:00");
    assertThat(clock.isOpen(sundayNight)).isTrue();
    assertThat(clock.nextOpen(sundayNight)).isEqualTo(sundayNight);
  }
}
