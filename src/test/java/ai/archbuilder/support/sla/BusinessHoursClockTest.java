package ai.archbuilder.support.sla;

import static ai.archbuilder.support.sla.SlaTestTimes.la;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BusinessHoursClockTest {

  private final BusinessHoursClock clock = SlaTestTimes.standardWithHolidays();
  private final BusinessHoursClock noHolidays =
      new BusinessHoursClock(BusinessCalendarProperties.standard());

  private static Duration hours(long h) {
    return Duration.ofHours(h);
  }

  @Test
  void coverageIsStandard() {
    assertThat(clock.coverage()).isEqualTo(Coverage.STANDARD);
    assertThat(clock.zone()).isEqualTo(SlaTestTimes.LA);
  }

  // ---- Plus ----
  @Test
  void policyExampleFridayEveningPlus24hIsWednesdayAfternoon() {
    // 0.5 h Friday + 9 h Monday + 9 h Tuesday + 5.5 h Wednesday
    assertThat(clock.plus(la("2026-11-20T17:30"), hours(24))).isEqualTo(la("2026-11-25T14:30"));
  }

  @Test
  void startOnSaturdayCountsFromMondayOpening() {
    assertThat(clock.plus(la("2026-11-21T11:00"), hours(1))).isEqualTo(la("2026-11-23T10:00"));
  }

  @Test
  void startAfterClosingCountsFromNextMorning() {
    assertThat(clock.plus(la("2026-11-23T20:00"), hours(4))).isEqualTo(la("2026-11-24T13:00"));
  }

  @Test
  void startBeforeOpeningCountsFromOpening() {
    assertThat(clock.plus(la("2026-11-24T07:00"), hours(1))).isEqualTo(la("2026-11-24T10:00"));
  }

  @Test
  void durationEndingExactlyAtClosingIsDueAtClosing() {
    assertThat(clock.plus(la("2026-11-23T09:00"), hours(9))).isEqualTo(la("2026-11-23T18:00"));
    assertThat(clock.plus(la("2026-11-23T17:00"), hours(1))).isEqualTo(la("2026-11-23T18:00"));
    assertThat(clock.plus(la("2026-11-20T17:00"), hours(1))).isEqualTo(la("2026-11-20T18:00"));
  }

  @Test
  void oneSecondPastClosingRollsToNextOpening() {
    assertThat(clock.plus(la("2026-11-23T17:00"), hours(1).plusSeconds(1)))
        .isEqualTo(la("2026-11-24T09:00:01"));
    assertThat(clock.plus(la("2026-11-20T17:00"), hours(1).plusSeconds(1)))
        .isEqualTo(la("2026-11-23T09:00:01"));
  }

  @Test
  void startExactlyAtClosingCountsFromNextOpening() {
    assertThat(clock.plus(la("2026-11-23T18:00"), hours(1))).isEqualTo(la("2026-11-24T10:00"));
  }

  @Test
  void oneHourWithinTheDay() {
    assertThat(clock.plus(la("2026-11-18T10:00"), hours(1))).isEqualTo(la("2026-11-18T11:00"));
  }

  @Test
  void fourHoursOverNight() {
    // 2 h Wednesday + 2 h Thursday
    assertThat(clock.plus(la("2026-11-18T16:00"), hours(4))).isEqualTo(la("2026-11-19T11:00"));
  }

  @Test
  void seventyTwoHours() {
    // 8 h Mon 11-02, 36 h Tue–Fri, 27 h Mon–Wed, 1 h Thu 11-12
    assertThat(clock.plus(la("2026-11-02T10:00"), hours(72))).isEqualTo(la("2026-11-12T10:00"));
  }

  @Test
  void oneHundredSixtyEightHoursAcrossThanksgiving() {
    // 18 working days (Thanksgiving 11-26 skipped) = 162 h, then 6 h on Fri 12-11
    assertThat(clock.plus(la("2026-11-16T09:00"), hours(168))).isEqualTo(la("2026-12-11T15:00"));
    assertThat(noHolidays.plus(la("2026-11-16T09:00"), hours(168)))
        .isEqualTo(la("2026-12-10T15:00"));
  }

  @Test
  void closedHolidayInTheMiddleIsSkipped() {
    assertThat(clock.plus(la("2026-11-25T17:00"), hours(2))).isEqualTo(la("2026-11-27T10:00"));
    assertThat(noHolidays.plus(la("2026-11-25T17:00"), hours(2)))
        .isEqualTo(la("2026-11-26T10:00"));
  }

  @Test
  void startOnClosedHolidayCountsFromNextWorkingDay() {
    assertThat(clock.plus(la("2026-11-26T11:00"), hours(1))).isEqualTo(la("2026-11-27T10:00"));
  }

  @Test
  void reducedDayCountsOnlyItsReducedHours() {
    // 1 h Wed 12-23, then Christmas Eve 10:00–14:00
    assertThat(clock.plus(la("2026-12-23T17:00"), hours(4))).isEqualTo(la("2026-12-24T13:00"));
    assertThat(clock.plus(la("2026-12-23T17:00"), hours(5))).isEqualTo(la("2026-12-24T14:00"));
    // 1 h Wed + 4 h Thu (reduced) + Christmas Day closed + weekend + 1 h Mon 12-28
    assertThat(clock.plus(la("2026-12-23T17:00"), hours(6))).isEqualTo(la("2026-12-28T10:00"));
  }

  @Test
  void startOnReducedDayBeforeItsOpeningOrAfterItsClosing() {
    assertThat(clock.plus(la("2026-12-24T09:30"), hours(1))).isEqualTo(la("2026-12-24T11:00"));
    assertThat(clock.plus(la("2026-12-24T16:00"), hours(1))).isEqualTo(la("2026-12-28T10:00"));
  }

  @Test
  void newYearHolidayAcrossTheYearEnd() {
    assertThat(clock.plus(la("2026-12-31T17:00"), hours(2))).isEqualTo(la("2027-01-04T10:00"));
  }

  @Test
  void springForwardWeekend() {
    // Fri 17:00 PST + 1 h Fri + 1 h Mon = Mon 10:00 PDT (17:00 UTC)
    Instant due = clock.plus(la("2026-03-06T17:00"), hours(2));
    assertThat(due).isEqualTo(la("2026-03-09T10:00")).isEqualTo(Instant.parse("2026-03-09T17:00:00Z"));
    // a start inside the Sunday gap counts from Monday's opening
    assertThat(clock.plus(Instant.parse("2026-03-08T10:30:00Z"), hours(1)))
        .isEqualTo(Instant.parse("2026-03-09T17:00:00Z"));
  }

  @Test
  void fallBackWeekend() {
    // Fri 17:00 PDT + 1 h Fri + 1 h Mon = Mon 10:00 PST (18:00 UTC)
    Instant due = clock.plus(la("2026-10-30T17:00"), hours(2));
    assertThat(due).isEqualTo(la("2026-11-02T10:00")).isEqualTo(Instant.parse("2026-11-02T18:00:00Z"));
    // Sunday 01:30 happens twice; either way counting starts Monday 09:00 PST
    assertThat(clock.plus(Instant.parse("2026-11-01T08:30:00Z"), hours(1)))
        .isEqualTo(Instant.parse("2026-11-02T18:00:00Z"));
    assertThat(clock.plus(Instant.parse("2026-11-01T09:30:00Z"), hours(1)))
        .isEqualTo(Instant.parse("2026-11-02T18:00:00Z"));
  }

  @Test
  void dstWeekKeepsNineHourDays() {
    // 24 h from Fri 17:30 PST before spring-forward: Wed 03-11 14:30 PDT
    assertThat(clock.plus(la("2026-03-06T17:30"), hours(24)))
        .isEqualTo(la("2026-03-11T14:30")).isEqualTo(Instant.parse("2026-03-11T21:30:00Z"));
    assertThat(clock.plus(la("2026-10-30T17:30"), hours(24)))
        .isEqualTo(la("2026-11-04T14:30")).isEqualTo(Instant.parse("2026-11-04T22:30:00Z"));
  }

  @Test
  void fractionalDurations() {
    assertThat(clock.plus(la("2026-11-20T17:30"), Duration.ofMinutes(45)))
        .isEqualTo(la("2026-11-23T09:15"));
    assertThat(clock.plus(la("2026-11-20T17:45"), Duration.ofMinutes(30)))
        .isEqualTo(la("2026-11-23T09:15"));
    Duration threeQuartersOfFour = hours(4).multipliedBy(3).dividedBy(4);
    assertThat(clock.plus(la("2026-11-23T16:00"), threeQuartersOfFour))
        .isEqualTo(la("2026-11-24T10:00"));
    Duration threeQuartersOfTwentyFour = hours(24).multipliedBy(3).dividedBy(4);
    // 0.5 h Fri + 9 h Mon + 8.5 h Tue
    assertThat(clock.plus(la("2026-11-20T17:30"), threeQuartersOfTwentyFour))
        .isEqualTo(la("2026-11-24T17:30"));
    // 0.5 h of a security matrix window
    assertThat(clock.plus(la("2026-11-23T17:50"), Duration.ofMinutes(30)))
        .isEqualTo(la("2026-11-24T09:20"));
  }

  @Test
  void zeroDurationReturnsStartWhenOpenElseNextOpening() {
    assertThat(clock.plus(la("2026-11-23T11:11:11"), Duration.ZERO))
        .isEqualTo(la("2026-11-23T11:11:11"));
    assertThat(clock.plus(la("2026-11-21T11:00"), Duration.ZERO)).isEqualTo(la("2026-11-23T09:00"));
    assertThat(clock.plus(la("2026-11-23T18:00"), Duration.ZERO)).isEqualTo(la("2026-11-24T09:00"));
  }

  @Test
  void negativeDurationIsRejected() {
    assertThatThrownBy(() -> clock.plus(la("2026-11-23T10:00"), hours(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void longDurationsDoNotLoopMinuteByMinute() {
    Instant start = la("2026-01-05T09:00");
    // 10 years of 9 h days: about 2 600 working days
    Duration tenYears = hours(9L * 5 * 52 * 10);
    long t0 = System.nanoTime();
    Instant due = noHolidays.plus(start, tenYears);
    assertThat(noHolidays.between(start, due)).isEqualTo(tenYears);
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));
    // 2600 working days of 9 h from Monday 09:00 end on a Friday 18:00
    assertThat(due.atZone(SlaTestTimes.LA).toLocalTime()).hasToString("18:00");
  }

  // ---- Between ----
  @Test
  void policyExample() {
    assertThat(clock.between(la("2026-11-20T17:30"), la("2026-11-25T14:30"))).isEqualTo(hours(24));
  }

  @Test
  void closedTimeDoesNotCount() {
    assertThat(clock.between(la("2026-11-21T00:00"), la("2026-11-23T09:00")))
        .isEqualTo(Duration.ZERO);
    assertThat(clock.between(la("2026-11-23T18:00"), la("2026-11-24T09:00")))
        .isEqualTo(Duration.ZERO);
    assertThat(clock.between(la("2026-11-26T00:00"), la("2026-11-27T00:00")))
        .isEqualTo(Duration.ZERO);
    assertThat(clock.between(la("2026-12-24T00:00"), la("2026-12-25T00:00"))).isEqualTo(hours(4));
  }

  @Test
  void zeroWhenToIsNotAfterFrom() {
    Instant t = la("2026-11-23T12:00");
    assertThat(clock.between(t, t)).isEqualTo(Duration.ZERO);
    assertThat(clock.between(t, t.minusSeconds(3600))).isEqualTo(Duration.ZERO);
  }

  @Test
  void partialDays() {
    assertThat(clock.between(la("2026-11-23T07:00"), la("2026-11-23T09:45")))
        .isEqualTo(Duration.ofMinutes(45));
    assertThat(clock.between(la("2026-11-23T17:15"), la("2026-11-23T23:00")))
        .isEqualTo(Duration.ofMinutes(45));
    assertThat(clock.between(la("2026-11-20T17:00"), la("2026-11-23T10:00"))).isEqualTo(hours(2));
  }

  @Test
  void acrossDstWeekendsOnlyOpenHoursCount() {
    // 64 real hours, of which 2 open
    assertThat(clock.between(la("2026-03-06T17:00"), la("2026-03-09T10:00"))).isEqualTo(hours(2));
    assertThat(clock.between(la("2026-10-30T17:00"), la("2026-11-02T10:00"))).isEqualTo(hours(2));
    assertThat(clock.between(la("2026-03-02T09:00"), la("2026-03-14T00:00"))).isEqualTo(hours(90));
    assertThat(clock.between(la("2026-10-26T09:00"), la("2026-11-07T00:00"))).isEqualTo(hours(90));
  }

  static Stream<Arguments> roundTrips() {
    return Stream.of(
        Arguments.of("2026-11-20T17:30", hours(24)),
        Arguments.of("2026-11-21T11:00", hours(1)),
        Arguments.of("2026-11-23T20:00", hours(4)),
        Arguments.of("2026-11-24T07:00", hours(1)),
        Arguments.of("2026-11-23T09:00", hours(9)),
        Arguments.of("2026-11-23T18:00", hours(1)),
        Arguments.of("2026-11-18T10:00", hours(1)),
        Arguments.of("2026-11-18T16:00", hours(4)),
        Arguments.of("2026-11-02T10:00", hours(72)),
        Arguments.of("2026-11-16T09:00", hours(168)),
        Arguments.of("2026-11-25T17:00", hours(2)),
        Arguments.of("2026-12-23T17:00", hours(6)),
        Arguments.of("2026-12-31T17:00", hours(2)),
        Arguments.of("2026-03-06T17:00", hours(2)),
        Arguments.of("2026-03-06T17:30", hours(168)),
        Arguments.of("2026-10-30T17:00", hours(2)),
        Arguments.of("2026-10-30T17:30", hours(168)),
        Arguments.of("2026-11-20T17:30", Duration.ofMinutes(45)),
        Arguments.of("2026-11-23T16:00", hours(3)),
        Arguments.of("2026-11-23T11:00", Duration.ZERO));
  }

  @ParameterizedTest(name = "{0} + {1}")
  @MethodSource("roundTrips")
  void betweenStartAndPlusIsTheDuration(String start, Duration duration) {
    Instant from = la(start);
    assertThat(clock.between(from, clock.plus(from, duration))).isEqualTo(duration);
  }

  // ---- WorkingDays ----
  @Test
  void fiveWorkingDaysFromThursdayAcrossWeekendAndHoliday() {
    // Fri 20, Mon 23, Tue 24, Wed 25, (Thanksgiving 26 closed), Fri 27
    assertThat(clock.plusWorkingDays(la("2026-11-19T15:00"), 5)).isEqualTo(la("2026-11-27T15:00"));
    assertThat(noHolidays.plusWorkingDays(la("2026-11-19T15:00"), 5))
        .isEqualTo(la("2026-11-26T15:00"));
  }

  @Test
  void reducedDayCountsAsWorkingDayClosedDoesNot() {
    // Fri 18, Mon 21, Tue 22, Wed 23, Thu 24 (reduced hours, counts)
    assertThat(clock.plusWorkingDays(la("2026-12-17T11:00"), 5)).isEqualTo(la("2026-12-24T11:00"));
    // ... then Christmas Day closed, weekend, Mon 28
    assertThat(clock.plusWorkingDays(la("2026-12-17T11:00"), 6)).isEqualTo(la("2026-12-28T11:00"));
  }

  @Test
  void fromSaturdayCountsFromMondayOpening() {
    // Mon 23 09:00, then Tue 24, Wed 25, (Thu 26 closed), Fri 27, Mon 30, Tue Dec 1
    assertThat(clock.plusWorkingDays(la("2026-11-21T10:00"), 5)).isEqualTo(la("2026-12-01T09:00"));
  }

  @Test
  void fromAfterClosingCountsFromNextOpening() {
    assertThat(clock.plusWorkingDays(la("2026-11-23T19:00"), 1)).isEqualTo(la("2026-11-25T09:00"));
  }

  @Test
  void keepsWallClockTimeAcrossDst() {
    assertThat(clock.plusWorkingDays(la("2026-03-06T17:00"), 1))
        .isEqualTo(la("2026-03-09T17:00")).isEqualTo(Instant.parse("2026-03-10T00:00:00Z"));
    assertThat(clock.plusWorkingDays(la("2026-10-30T17:00"), 1))
        .isEqualTo(la("2026-11-02T17:00")).isEqualTo(Instant.parse("2026-11-03T01:00:00Z"));
  }

  @Test
  void zeroDaysIsNextOpening() {
    assertThat(clock.plusWorkingDays(la("2026-11-23T10:00"), 0)).isEqualTo(la("2026-11-23T10:00"));
    assertThat(clock.plusWorkingDays(la("2026-11-21T10:00"), 0)).isEqualTo(la("2026-11-23T09:00"));
  }

  @Test
  void negativeDaysAreRejected() {
    assertThatThrownBy(() -> clock.plusWorkingDays(la("2026-11-23T10:00"), -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // ---- OpenHours ----
  @Test
  void openFromOpeningUntilJustBeforeClosing() {
    assertThat(clock.isOpen(la("2026-11-23T08:59:59"))).isFalse();
    assertThat(clock.isOpen(la("2026-11-23T09:00"))).isTrue();
    assertThat(clock.isOpen(la("2026-11-23T17:59:59.999"))).isTrue();
    assertThat(clock.isOpen(la("2026-11-23T18:00"))).isFalse();
  }

  @Test
  void closedOnWeekendsAndClosedHolidays() {
    assertThat(clock.isOpen(la("2026-11-21T12:00"))).isFalse();
    assertThat(clock.isOpen(la("2026-11-22T12:00"))).isFalse();
    assertThat(clock.isOpen(la("2026-11-26T12:00"))).isFalse();
    assertThat(noHolidays.isOpen(la("2026-11-26T12:00"))).isTrue();
    assertThat(clock.isOpen(la("2027-01-01T12:00"))).isFalse();
  }

  @Test
  void reducedDayIsOpenOnlyDuringItsHours() {
    assertThat(clock.isOpen(la("2026-12-24T09:30"))).isFalse();
    assertThat(clock.isOpen(la("2026-12-24T10:00"))).isTrue();
    assertThat(clock.isOpen(la("2026-12-24T13:59"))).isTrue();
    assertThat(clock.isOpen(la("2026-12-24T14:00"))).isFalse();
    assertThat(clock.isOpen(la("2026-12-24T16:00"))).isFalse();
  }

  @Test
  void nextOpenIsTheInstantItselfWhenOpen() {
    Instant open = la("2026-11-23T12:34:56.789");
    assertThat(clock.nextOpen(open)).isEqualTo(open);
    assertThat(clock.nextOpen(la("2026-11-23T09:00"))).isEqualTo(la("2026-11-23T09:00"));
  }

  @Test
  void nextOpenWhenClosed() {
    assertThat(clock.nextOpen(la("2026-11-23T06:00"))).isEqualTo(la("2026-11-23T09:00"));
    assertThat(clock.nextOpen(la("2026-11-23T18:00"))).isEqualTo(la("2026-11-24T09:00"));
    assertThat(clock.nextOpen(la("2026-11-20T18:00"))).isEqualTo(la("2026-11-23T09:00"));
    assertThat(clock.nextOpen(la("2026-11-22T23:59"))).isEqualTo(la("2026-11-23T09:00"));
    assertThat(clock.nextOpen(la("2026-11-25T20:00"))).isEqualTo(la("2026-11-27T09:00"));
    assertThat(clock.nextOpen(la("2026-12-24T09:00"))).isEqualTo(la("2026-12-24T10:00"));
    assertThat(clock.nextOpen(la("2026-12-24T14:00"))).isEqualTo(la("2026-12-28T09:00"));
    assertThat(clock.nextOpen(la("2026-12-31T18:00"))).isEqualTo(la("2027-01-04T09:00"));
  }

  @Test
  void nextOpenAcrossDst() {
    assertThat(clock.nextOpen(la("2026-03-06T18:00")))
        .isEqualTo(Instant.parse("2026-03-09T16:00:00Z"));
    assertThat(clock.nextOpen(la("2026-10-30T18:00")))
        .isEqualTo(Instant.parse("2026-11-02T17:00:00Z"));
  }
}
