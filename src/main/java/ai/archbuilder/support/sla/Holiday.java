package ai.archbuilder.support.sla;

import ai.archbuilder.support.system.RefusedConfigurationException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;

/**
 * A date of the business calendar with special hours: closed all day when {@code opens} and
 * {@code closes} are both null, otherwise open only from {@code opens} to {@code closes} (reduced
 * hours). A holiday only changes a configured working day; a date that is not a working day stays
 * closed.
 */
public record Holiday(LocalDate date, String name, LocalTime opens, LocalTime closes) {

  public Holiday {
    if (date == null) {
      throw new RefusedConfigurationException(
          "support.business-hours.holidays: a holiday" + (name == null || name.isBlank() ? "" : " (" + name + ")") + " has no date",
          "Give every entry of support.business-hours.holidays a date (yyyy-MM-dd).");
    }
    name = name == null ? "" : name;
    if ((opens == null) != (closes == null)) {
      throw new RefusedConfigurationException(
          "support.business-hours.holidays: holiday " + date + " has only one of opens and closes",
          "Give the holiday on " + date + " both opens and closes (reduced hours) or neither (closed all day).");
    }
    if (opens != null && !opens.isBefore(closes)) {
      throw new RefusedConfigurationException(
          "support.business-hours.holidays: holiday " + date + ": opens " + opens + " must be before closes " + closes,
          "Set the holiday's opens before its closes on the same day, or leave both out to close all day.");
    }
  }

  /** A date closed all day. */
  public static Holiday closed(LocalDate date, String name) {
    return new Holiday(date, name, null, null);
  }

  /** A date open only from {@code opens} to {@code closes}. */
  public static Holiday reduced(LocalDate date, String name, LocalTime opens, LocalTime closes) {
    return new Holiday(date, name, Objects.requireNonNull(opens, "opens"),
        Objects.requireNonNull(closes, "closes"));
  }

  /** Whether the date is closed all day (as opposed to reduced hours). */
  public boolean closedAllDay() {
    return opens == null;
  }
}
