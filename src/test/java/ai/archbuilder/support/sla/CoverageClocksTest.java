package ai.archbuilder.support.sla;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CoverageClocksTest {

  private final CoverageClocks clocks = new CoverageClocks(BusinessCalendarProperties.standard());

  @Test
  void coverageRoundTheClockFlag() {
    assertThat(Coverage.STANDARD.roundTheClock()).isFalse();
    assertThat(Coverage.PREMIUM_24_7.roundTheClock()).isTrue();
    assertThat(Coverage.EMERGENCY_24_7.roundTheClock()).isTrue();
  }

  @Test
  void standardGetsBusinessHours() {
    CoverageClock clock = clocks.forCoverage(Coverage.STANDARD);
    assertThat(clock).isInstanceOf(BusinessHoursClock.class);
    assertThat(clock.coverage()).isEqualTo(Coverage.STANDARD);
  }

  @Test
  void otherCoveragesGetRoundTheClock() {
    for (Coverage coverage : new Coverage[] {Coverage.PREMIUM_24_7, Coverage.EMERGENCY_24_7}) {
      CoverageClock clock = clocks.forCoverage(coverage);
      assertThat(clock).isInstanceOf(RoundTheClock.class);
      assertThat(clock.coverage()).isEqualTo(coverage);
    }
  }
}
