package ai.archbuilder.support.sla;

import ai.archbuilder.support.system.RefusedConfigurationException;
import java.time.DayOfWeek;
import java.time.Period;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The business calendar of {@link Coverage#STANDARD} coverage ({@code support.business-hours.*}).
 * Every value that is not configured falls back to policy section 1: Monday–Friday 09:00–18:00 in
 * {@code America/Los_Angeles}, no holidays.
 *
 * @param zone the zone in which all calendar arithmetic happens
 * @param opens opening time on a working day
 * @param closes closing time on a working day (after {@code opens}; no overnight hours)
 * @param workingDays the weekdays that are open (not empty)
 * @param holidays dates that are closed or have reduced hours (at most one entry per date)
 * @param holidaysPlannedUntil the last date up to which {@code holidays} are complete (the
 *     company's holidays up to it are all listed); by default the last holiday's date, none when
 *     there are no holidays
 * @param holidaysWarnAhead how long before {@code holidaysPlannedUntil} the application warns that
 *     the next holidays are missing ({@link HolidayPlanning})
 */
@ConfigurationProperties("support.business-hours")
public record BusinessCalendarProperties(
    @DefaultValue(DEFAULT_ZONE) ZoneId zone,
    @DefaultValue(DEFAULT_OPENS) LocalTime opens,
    @DefaultValue(DEFAULT_CLOSES) LocalTime closes,
    @DefaultValue({"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"})
        Set<DayOfWeek> workingDays,
    @DefaultValue List<Holiday> holidays,
    LocalDate holidaysPlannedUntil,
    @DefaultValue(DEFAULT_WARN_AHEAD) Period holidaysWarnAhead) {

  static final String DEFAULT_ZONE = "America/Los_Angeles";
  static final String DEFAULT_OPENS = "09:00";
  static final String DEFAULT_CLOSES = "18:00";
  static final String DEFAULT_WARN_AHEAD = "P30D";

  public BusinessCalendarProperties {
    zone = zone == null ? ZoneId.of(DEFAULT_ZONE) : zone;
    opens = opens == null ? LocalTime.parse(DEFAULT_OPENS) : opens;
    closes = closes == null ? LocalTime.parse(DEFAULT_CLOSES) : closes;
    if (!opens.isBefore(closes)) {
      throw new RefusedConfigurationException(
          "support.business-hours: opens " + opens + " must be before closes " + closes,
          "Set support.business-hours.opens (SUPPORT_BUSINESS_HOURS_OPENS) before support.business-hours.closes"
              + " (SUPPORT_BUSINESS_HOURS_CLOSES) on the same day, e.g. 09:00 and 18:00; hours over midnight are not supported.");
    }
    if (workingDays == null) {
      workingDays = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    } else if (workingDays.isEmpty()) {
      throw new RefusedConfigurationException(
          "support.business-hours: working-days must not be empty",
          "List at least one weekday in support.business-hours.working-days (SUPPORT_BUSINESS_HOURS_WORKING_DAYS), e.g."
              + " MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY, or leave it out for Monday to Friday.");
    }
    workingDays = Collections.unmodifiableSet(EnumSet.copyOf(workingDays));
    holidays = holidays == null ? List.of() : List.copyOf(holidays);
    Set<LocalDate> seen = new HashSet<>();
    for (Holiday holiday : holidays) {
      if (!seen.add(holiday.date())) {
        throw new RefusedConfigurationException(
            "support.business-hours: more than one holiday on " + holiday.date(),
            "Keep one entry for " + holiday.date() + " in support.business-hours.holidays: closed all day, or with opens and"
                + " closes for reduced hours.");
      }
    }
    var lastHoliday = holidays.stream().map(Holiday::date).max(LocalDate::compareTo).orElse(null);
    if (holidaysPlannedUntil == null) {
      holidaysPlannedUntil = lastHoliday;
    } else if (lastHoliday != null && lastHoliday.isAfter(holidaysPlannedUntil)) {
      throw new RefusedConfigurationException(
          "support.business-hours: holidays-planned-until " + holidaysPlannedUntil + " is before a configured holiday ("
              + lastHoliday + ")",
          "Set support.business-hours.holidays-planned-until to " + lastHoliday
              + " or later (the last date up to which the holidays are listed), or leave it out.");
    }
    holidaysWarnAhead = holidaysWarnAhead == null ? Period.parse(DEFAULT_WARN_AHEAD) : holidaysWarnAhead;
    if (holidaysWarnAhead.isNegative()) {
      throw new RefusedConfigurationException(
          "support.business-hours: holidays-warn-ahead must not be negative",
          "Set support.business-hours.holidays-warn-ahead to a period such as P30D, or leave it out.");
    }
  }

  /** Policy section 1 standard hours (Mon–Fri 09:00–18:00 Los Angeles) without holidays. */
  public static BusinessCalendarProperties standard() {
    return new BusinessCalendarProperties(null, null, null, null, null, null, null);
  }

  /** Policy section 1 standard hours with the given holidays. */
  public static BusinessCalendarProperties standard(Holiday... holidays) {
    return new BusinessCalendarProperties(null, null, null, null, List.of(holidays), null, null);
  }
}
