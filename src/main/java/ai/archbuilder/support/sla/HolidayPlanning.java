package ai.archbuilder.support.sla;

import ai.archbuilder.support.system.Now;
import java.time.LocalDate;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Holidays are dates, not rules: someone has to add next year's. From
 * {@code support.business-hours.holidays-warn-ahead} before the end of the configured plan
 * ({@code holidays-planned-until}) the log warns at start and every morning, so that standard
 * coverage's clocks never quietly count a holiday as a working day.
 */
@Component
class HolidayPlanning {

  private static final Logger log = LoggerFactory.getLogger(HolidayPlanning.class);

  private final BusinessCalendarProperties calendar;

  HolidayPlanning(BusinessCalendarProperties calendar) {
    this.calendar = calendar;
  }

  /** The warning for {@code today}, when the holidays planned end within the warning period (or ended). */
  Optional<String> warning(LocalDate today) {
    var plannedUntil = calendar.holidaysPlannedUntil();
    if (plannedUntil == null || today.plus(calendar.holidaysWarnAhead()).isBefore(plannedUntil)) {
      return Optional.empty();
    }
    var consequence =
        today.isAfter(plannedUntil)
            ? "standard coverage's SLA clocks count every working day since then as open"
            : "from " + plannedUntil.plusDays(1) + " standard coverage's SLA clocks will count every working day as open";
    return Optional.of(
        "The holidays are planned up to " + plannedUntil + " (support.business-hours.holidays-planned-until): "
            + consequence + ". Add the company's next holidays to support.business-hours.holidays and move "
            + "holidays-planned-until to the last date they cover.");
  }

  @EventListener(ApplicationReadyEvent.class)
  @Scheduled(cron = "0 0 8 * * *", zone = "${support.business-hours.zone:America/Los_Angeles}")
  void warnWhenDue() {
    warning(LocalDate.ofInstant(Now.instant(), calendar.zone())).ifPresent(log::warn);
  }
}
