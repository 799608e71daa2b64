package ai.archbuilder.support.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Period;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class HolidayPlanningTest {

  private static final Holiday NEW_YEAR = Holiday.closed(LocalDate.of(2028, 1, 1), "New Year's Day");

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private static HolidayPlanning planning(LocalDate plannedUntil, Period warnAhead, Holiday... holidays) {
    return new HolidayPlanning(new BusinessCalendarProperties(null, null, null, null, List.of(holidays), plannedUntil, warnAhead));
  }

  @Test
  void warnsFromThirtyDaysBeforeThePlanEnds() {
    var planning = planning(LocalDate.of(2027, 12, 31), null, Holiday.closed(LocalDate.of(2027, 12, 25), "Christmas Day"));

    assertThat(planning.warning(LocalDate.of(2027, 11, 30))).isEmpty();
    assertThat(planning.warning(LocalDate.of(2027, 12, 1)))
        .hasValueSatisfying(w -> assertThat(w)
            .contains("planned up to 2027-12-31")
            .contains("from 2028-01-01 standard coverage's SLA clocks will count every working day as open")
            .contains("support.business-hours.holidays"));
    assertThat(planning.warning(LocalDate.of(2028, 2, 1)))
        .hasValueSatisfying(w -> assertThat(w).contains("count every working day since then as open"));
  }

  @Test
  void warningPeriodIsConfigurable() {
    var planning = planning(LocalDate.of(2027, 12, 31), Period.ofDays(90));

    assertThat(planning.warning(LocalDate.of(2027, 10, 1))).isEmpty();
    assertThat(planning.warning(LocalDate.of(2027, 10, 2))).isPresent();
  }

  @Test
  void planEndsWithTheLastHolidayUnlessConfigured() {
    var christmasEve = Holiday.reduced(LocalDate.of(2027, 12, 24), "Christmas Eve", LocalTime.of(10, 0), LocalTime.of(14, 0));
    var calendar = BusinessCalendarProperties.standard(NEW_YEAR, christmasEve);

    assertThat(calendar.holidaysPlannedUntil()).isEqualTo(NEW_YEAR.date());
    assertThat(calendar.holidaysWarnAhead()).isEqualTo(Period.ofDays(30));
    assertThat(new HolidayPlanning(calendar).warning(LocalDate.of(2027, 12, 1))).isEmpty();
    assertThat(new HolidayPlanning(calendar).warning(LocalDate.of(2027, 12, 2))).isPresent();
  }

  @Test
  void withoutHolidaysThereIsNothingToPlan() {
    var planning = new HolidayPlanning(BusinessCalendarProperties.standard());

    assertThat(BusinessCalendarProperties.standard().holidaysPlannedUntil()).isNull();
    assertThat(planning.warning(LocalDate.of(2030, 1, 1))).isEmpty();
  }

  @Test
  void planMustCoverItsHolidays() {
    assertThatThrownBy(() -> planning(LocalDate.of(2027, 12, 31), null, NEW_YEAR))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("holidays-planned-until 2027-12-31 is before a configured holiday");
    assertThatThrownBy(() -> planning(null, Period.ofDays(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("holidays-warn-ahead");
  }

  @Test
  void logsTheWarningByTheEngineClock(CapturedOutput output) {
    var planning = planning(LocalDate.of(2027, 12, 31), null);

    ClockUtil.setCurrentTime(Date.from(SlaTestTimes.la("2027-11-20T08:00")));
    planning.warnWhenDue();
    assertThat(output).doesNotContain("The holidays are planned up to");

    ClockUtil.setCurrentTime(Date.from(SlaTestTimes.la("2027-12-10T08:00")));
    planning.warnWhenDue();
    assertThat(output).contains("WARN").contains("The holidays are planned up to 2027-12-31");
  }
}
