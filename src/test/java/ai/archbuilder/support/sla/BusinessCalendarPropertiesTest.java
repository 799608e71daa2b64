package ai.archbuilder.support.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class BusinessCalendarPropertiesTest {

  private static final Set<DayOfWeek> MON_FRI = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(BusinessCalendarProperties.class)
  static class Config {}

  @Test
  void standardFactoryIsPolicySectionOne() {
    BusinessCalendarProperties standard = BusinessCalendarProperties.standard();
    assertThat(standard.zone()).isEqualTo(ZoneId.of("America/Los_Angeles"));
    assertThat(standard.opens()).isEqualTo(LocalTime.of(9, 0));
    assertThat(standard.closes()).isEqualTo(LocalTime.of(18, 0));
    assertThat(standard.workingDays()).isEqualTo(MON_FRI);
    assertThat(standard.holidays()).isEmpty();
  }

  @Test
  void bindsDefaultsWhenNothingIsConfigured() {
    Binder binder = new Binder(List.of(new MapConfigurationPropertySource()), null,
        ApplicationConversionService.getSharedInstance());
    BusinessCalendarProperties bound =
        binder.bindOrCreate("support.business-hours", BusinessCalendarProperties.class);
    assertThat(bound).isEqualTo(BusinessCalendarProperties.standard());
  }

  @Test
  void bindsPartialConfigurationKeepingOtherDefaults() {
    Binder binder = new Binder(List.of(new MapConfigurationPropertySource(Map.of(
        "support.business-hours.closes", "17:30",
        "support.business-hours.holidays[0].date", "2026-07-03",
        "support.business-hours.holidays[0].name", "Independence Day (observed)"))),
        null, ApplicationConversionService.getSharedInstance());
    BusinessCalendarProperties bound =
        binder.bindOrCreate("support.business-hours", BusinessCalendarProperties.class);
    assertThat(bound.opens()).isEqualTo(LocalTime.of(9, 0));
    assertThat(bound.closes()).isEqualTo(LocalTime.of(17, 30));
    assertThat(bound.workingDays()).isEqualTo(MON_FRI);
    assertThat(bound.holidays()).containsExactly(
        Holiday.closed(LocalDate.of(2026, 7, 3), "Independence Day (observed)"));
  }

  @Test
  void bindsApplicationYml() {
    new ApplicationContextRunner()
        .withInitializer(new ConfigDataApplicationContextInitializer())
        .withUserConfiguration(Config.class)
        .run(context -> {
          assertThat(context).hasNotFailed();
          BusinessCalendarProperties bound = context.getBean(BusinessCalendarProperties.class);
          assertThat(bound.zone()).isEqualTo(ZoneId.of("America/Los_Angeles"));
          assertThat(bound.opens()).isEqualTo(LocalTime.of(9, 0));
          assertThat(bound.closes()).isEqualTo(LocalTime.of(18, 0));
          assertThat(bound.workingDays()).isEqualTo(MON_FRI);
          assertThat(bound.holidays()).contains(
              Holiday.reduced(LocalDate.of(2026, 12, 24), "Christmas Eve",
                  LocalTime.of(10, 0), LocalTime.of(14, 0)),
              Holiday.closed(LocalDate.of(2026, 12, 25), "Christmas Day"),
              Holiday.closed(LocalDate.of(2027, 1, 1), "New Year's Day"),
              Holiday.reduced(LocalDate.of(2027, 12, 24), "Christmas Eve",
                  LocalTime.of(10, 0), LocalTime.of(14, 0)));
          assertThat(bound.holidaysPlannedUntil()).isEqualTo(LocalDate.of(2027, 12, 31));
          assertThat(bound.holidaysWarnAhead()).isEqualTo(java.time.Period.ofDays(30));
          CoverageClock standard = new CoverageClocks(bound).forCoverage(Coverage.STANDARD);
          assertThat(standard.isOpen(SlaTestTimes.la("2026-12-25T12:00"))).isFalse();
          assertThat(standard.isOpen(SlaTestTimes.la("2026-12-24T12:00"))).isTrue();
        });
  }

  @Test
  void rejectsInconsistentConfiguration() {
    ZoneId la = SlaTestTimes.LA;
    assertThatThrownBy(() -> new BusinessCalendarProperties(la, LocalTime.of(18, 0),
        LocalTime.of(9, 0), MON_FRI, List.of(), null, null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BusinessCalendarProperties(la, null, null, Set.of(), List.of(), null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BusinessCalendarProperties.standard(
        Holiday.closed(LocalDate.of(2026, 12, 25), "a"),
        Holiday.closed(LocalDate.of(2026, 12, 25), "b")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Holiday(LocalDate.of(2026, 12, 24), "x", LocalTime.of(10, 0), null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Holiday(LocalDate.of(2026, 12, 24), "x",
        LocalTime.of(14, 0), LocalTime.of(10, 0))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void isImmutable() {
    BusinessCalendarProperties standard = BusinessCalendarProperties.standard();
    assertThatThrownBy(() -> standard.workingDays().add(DayOfWeek.SATURDAY))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> standard.holidays().add(Holiday.closed(LocalDate.now(), "x")))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void customCalendarInAnotherZone() {
    BusinessHoursClock berlin = new BusinessHoursClock(new BusinessCalendarProperties(
        ZoneId.of("Europe/Berlin"), LocalTime.of(8, 0), LocalTime.of(16, 0),
        EnumSet.of(DayOfWeek.SATURDAY), List.of(), null, null));
    // Saturday 2026-03-28 15:00 CET + 2 h: 1 h that day, 1 h the next Saturday (after Europe's
    // spring-forward on 2026-03-29), 09:00 CEST = 07:00 UTC
    assertThat(berlin.plus(Instant.parse("2026-03-28T14:00:00Z"), Duration.ofHours(2)))
        .isEqualTo(Instant.parse("2026-04-04T07:00:00Z"));
  }
}
