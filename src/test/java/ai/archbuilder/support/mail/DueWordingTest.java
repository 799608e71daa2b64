package ai.archbuilder.support.mail;

import static org.assertj.core.api.Assertions.assertThat;

import ai.archbuilder.support.sla.BusinessCalendarProperties;
import ai.archbuilder.support.sla.BusinessHoursClock;
import ai.archbuilder.support.sla.RoundTheClock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Due dates in the customer's coverage terms. */
class DueWordingTest {

  private static final ZoneId LA = ZoneId.of("America/Los_Angeles");
  private final DueWording wording = new DueWording(LA);

  @Test
  void standardCoverageCountsBusinessHours() {
    var clock = new BusinessHoursClock(BusinessCalendarProperties.standard());
    var now = LocalDateTime.parse("2026-11-27T17:00:00").atZone(LA).toInstant(); // Friday 17:00
    var due = clock.plus(now, Duration.ofHours(4)); // Monday 12:00
    var words = wording.of(due, now, clock);
    assertThat(words.get("phrase")).isEqualTo("within 4 business hours (by Mon 30 Nov 12:00 PST)");
  }

  @Test
  void roundTheClockCoverageCountsEveryHour() {
    var clock = new RoundTheClock(ai.archbuilder.support.sla.Coverage.PREMIUM_24_7);
    var now = LocalDateTime.parse("2026-11-27T17:00:00").atZone(LA).toInstant();
    var words = wording.of(now.plus(Duration.ofMinutes(90)), now, clock);
    assertThat(words.get("phrase")).isEqualTo("within 1 hour and 30 minutes (by Fri 27 Nov 18:30 PST)");
    assertThat(wording.of(now.minusSeconds(60), now, clock).get("within")).isEqualTo("as soon as possible");
  }

  @Test
  void amounts() {
    assertThat(DueWording.amount(Duration.ofMinutes(45), false)).isEqualTo("45 business minutes");
    assertThat(DueWording.amount(Duration.ofHours(1), true)).isEqualTo("1 hour");
    assertThat(DueWording.amount(Duration.ofMinutes(150), false)).isEqualTo("2 business hours and 30 minutes");
  }
}
