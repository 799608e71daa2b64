package ai.archbuilder.support.sla;

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
    Objects.requireNonNull(date, "holiday date");
    name = name == null ? "" : name;
    if ((opens == null) != (closes == null)) {
      throw new IllegalArgumentException(
          "holiday " + date + ": give both opens and closes (reduced hours) or neither (closed)");
    }
    if (opens != null && !opens.isBefore(closes)) {
      throw new IllegalArgumentException(
          "holiday " + date + ": opens " + opens + " must be before closes " + closes);
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
