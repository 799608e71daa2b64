package ai.archbuilder.support.sla;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

/** Test helpers: wall-clock times in Los Angeles and the test holidays. */
final class SlaTestTimes {

  static final ZoneId LA = ZoneId.of("America/Los_Angeles");

  static final Holiday THANKSGIVING = Holiday.closed(LocalDate.of(2026, 11, 26), "Thanksgiving");
  static final Holiday CHRISTMAS_EVE = Holiday.reduced(LocalDate.of(2026, 12, 24), "Christmas Eve",
      LocalTime.of(10, 0), LocalTime.of(14, 0));
  static final Holiday CHRISTMAS = Holiday.closed(LocalDate.of(2026, 12, 25), "Christmas Day");
  static final Holiday NEW_YEAR = Holiday.closed(LocalDate.of(2027, 1, 1), "New Year's Day");

  private SlaTestTimes() {}

  /** A Los Angeles wall-clock time such as {@code 2026-11-20T17:30} (must not fall in a DST gap). */
  static Instant la(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(LA).toInstant();
  }

  static BusinessHoursClock standardWithHolidays() {
    return new BusinessHoursClock(
        BusinessCalendarProperties.standard(THANKSGIVING, CHRISTMAS_EVE, CHRISTMAS, NEW_YEAR));
  }
}
