package ai.archbuilder.support.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The {@link Coverage#STANDARD} clock: only the open hours of the business calendar count.
 *
 * <p>Every calculation is done in the calendar's zone with {@link ZonedDateTime}: a day's open
 * period runs from its local opening time to its local closing time, turned into instants by the
 * zone rules of that very day, so daylight-saving changes are handled by java.time. Durations are
 * real elapsed time. Calculations step one day at a time, never minute by minute.
 */
public final class BusinessHoursClock implements CoverageClock {

  /** Longest stretch of closed days searched for the next opening (guards misconfiguration). */
  private static final int MAX_CLOSED_DAYS = 3660;

  private final ZoneId zone;
  private final LocalTime opens;
  private final LocalTime closes;
  private final Set<DayOfWeek> workingDays;
  private final Map<LocalDate, Holiday> holidays;

  public BusinessHoursClock(BusinessCalendarProperties calendar) {
    Objects.requireNonNull(calendar, "calendar");
    this.zone = calendar.zone();
    this.opens = calendar.opens();
    this.closes = calendar.closes();
    this.workingDays = calendar.workingDays();
    Map<LocalDate, Holiday> byDate = new HashMap<>();
    calendar.holidays().forEach(h -> byDate.put(h.date(), h));
    this.holidays = Map.copyOf(byDate);
  }

  @Override
  public Coverage coverage() {
    return Coverage.STANDARD;
  }

  /** The zone of the business calendar. */
  public ZoneId zone() {
    return zone;
  }

  @Override
  public boolean isOpen(Instant at) {
    Objects.requireNonNull(at, "at");
    OpenPeriod period = openPeriod(localDate(at));
    return period != null && period.contains(at);
  }

  @Override
  public Instant nextOpen(Instant at) {
    Objects.requireNonNull(at, "at");
    return openPeriodFrom(at).start;
  }

  @Override
  public Instant plus(Instant start, Duration coverageTime) {
    Objects.requireNonNull(start, "start");
    Checks.notNegative(coverageTime);
    Duration remaining = coverageTime;
    OpenPeriod period = openPeriodFrom(start);
    while (true) {
      Duration available = Duration.between(period.start, period.end);
      if (remaining.compareTo(available) <= 0) {
        return period.start.plus(remaining);
      }
      remaining = remaining.minus(available);
      period = openPeriodFrom(period.end);
    }
  }

  @Override
  public Duration between(Instant from, Instant to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!to.isAfter(from)) {
      return Duration.ZERO;
    }
    Duration total = Duration.ZERO;
    LocalDate last = localDate(to);
    for (LocalDate day = localDate(from); !day.isAfter(last); day = day.plusDays(1)) {
      OpenPeriod period = openPeriod(day);
      if (period == null) {
        continue;
      }
      Instant start = max(from, period.start);
      Instant end = min(to, period.end);
      if (end.isAfter(start)) {
        total = total.plus(Duration.between(start, end));
      }
    }
    return total;
  }

  @Override
  public Instant plusWorkingDays(Instant start, int days) {
    Objects.requireNonNull(start, "start");
    Checks.notNegative(days);
    ZonedDateTime from = nextOpen(start).atZone(zone);
    LocalDate day = from.toLocalDate();
    int left = days;
    while (left > 0) {
      day = day.plusDays(1);
      if (isWorkingDay(day)) {
        left--;
      }
    }
    return ZonedDateTime.of(day, from.toLocalTime(), zone).toInstant();
  }

  /** A configured working weekday that is not closed all day by a holiday. */
  boolean isWorkingDay(LocalDate day) {
    if (!workingDays.contains(day.getDayOfWeek())) {
      return false;
    }
    Holiday holiday = holidays.get(day);
    return holiday == null || !holiday.closedAllDay();
  }

  /** The open period of a local date, or null if the date is closed. */
  OpenPeriod openPeriod(LocalDate day) {
    if (!isWorkingDay(day)) {
      return null;
    }
    Holiday holiday = holidays.get(day);
    LocalTime dayOpens = holiday == null ? opens : holiday.opens();
    LocalTime dayCloses = holiday == null ? closes : holiday.closes();
    Instant start = ZonedDateTime.of(day, dayOpens, zone).toInstant();
    Instant end = ZonedDateTime.of(day, dayCloses, zone).toInstant();
    return end.isAfter(start) ? new OpenPeriod(start, end) : null;
  }

  /**
   * The remaining part of the open period containing {@code at}, or else the next open period
   * after it.
   */
  private OpenPeriod openPeriodFrom(Instant at) {
    LocalDate day = localDate(at);
    for (int i = 0; i <= MAX_CLOSED_DAYS; i++, day = day.plusDays(1)) {
      OpenPeriod period = openPeriod(day);
      if (period != null && at.isBefore(period.end)) {
        return new OpenPeriod(max(at, period.start), period.end);
      }
    }
    throw new IllegalStateException(
        "business calendar has no open hours within " + MAX_CLOSED_DAYS + " days after " + at);
  }

  private LocalDate localDate(Instant at) {
    return at.atZone(zone).toLocalDate();
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  @Override
  public String toString() {
    return "BusinessHoursClock[" + zone + " " + opens + "-" + closes + " " + workingDays
        + ", " + holidays.size() + " holidays]";
  }

  /** A half-open interval {@code [start, end)} of open time. */
  record OpenPeriod(Instant start, Instant end) {
    boolean contains(Instant at) {
      return !at.isBefore(start) && at.isBefore(end);
    }
  }
}
