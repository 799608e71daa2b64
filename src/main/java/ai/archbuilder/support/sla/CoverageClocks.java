package ai.archbuilder.support.sla;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

/** Hands out the coverage clock of each {@link Coverage}, built from the business calendar. */
@Component
public class CoverageClocks {

  private final Map<Coverage, CoverageClock> clocks = new EnumMap<>(Coverage.class);

  public CoverageClocks(BusinessCalendarProperties calendar) {
    for (Coverage coverage : Coverage.values()) {
      clocks.put(coverage, coverage.roundTheClock()
          ? new RoundTheClock(coverage)
          : new BusinessHoursClock(calendar));
    }
  }

  /** A {@link BusinessHoursClock} for STANDARD, a {@link RoundTheClock} for the 24/7 coverages. */
  public CoverageClock forCoverage(Coverage coverage) {
    return clocks.get(Objects.requireNonNull(coverage, "coverage"));
  }
}
