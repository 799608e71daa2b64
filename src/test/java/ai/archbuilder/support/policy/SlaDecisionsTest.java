package ai.archbuilder.support.policy;

import static ai.archbuilder.support.policy.PolicyDecisions.evaluate;
import static org.assertj.core.api.Assertions.assertThat;

import ai.archbuilder.support.policy.PolicyDecisions.Outcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** §4 SLA targets and tier response times, §5 escalation matrix, Tier 1 windows, time in tier, status updates. */
class SlaDecisionsTest {

  private static final String TIME_IN_TIER = "timeInTierLimit";

  @ParameterizedTest(name = "{0}: first response {1} h, resolution {2} h")
  @CsvSource(textBlock = """
      P1,  1,   4
      P2,  4,  24
      P3, 24,  72
      P4, 72, 168
      """)
  void slaTargets(String priority, double firstResponse, double resolution) {
    Outcome outcome = evaluate("slaTargets", "slaTargets", "priority", priority);

    assertThat(outcome.get("firstResponseHours")).isEqualTo(firstResponse);
    assertThat(outcome.get("resolutionHours")).isEqualTo(resolution);
    assertThat(outcome.rule("slaTargets")).isEqualTo("slaTargets_" + priority.toLowerCase());
  }

  @ParameterizedTest(name = "Tier {0}: response within {1} h")
  @CsvSource({"1, 24", "2, 8", "3, 4", "4, 2"})
  void tierResponseTime(int tier, double hours) {
    Outcome outcome = evaluate("tierResponseTime", "tierResponseTime", "tier", tier);

    assertThat(outcome.get("tierResponseHours")).isEqualTo(hours);
    assertThat(outcome.rule("tierResponseTime")).isEqualTo("tierResponseTime_tier" + tier);
  }

  @ParameterizedTest(name = "{0} Tier {1} → {2} h")
  @CsvSource(textBlock = """
      TECHNICAL,   1, 24
      TECHNICAL,   2,  8
      TECHNICAL,   3,  4
      PERFORMANCE, 1,  8
      PERFORMANCE, 2,  4
      PERFORMANCE, 3,  2
      INTEGRATION, 1, 12
      INTEGRATION, 2,  6
      INTEGRATION, 3,  3
      SECURITY,    1,  2
      SECURITY,    2,  1
      SECURITY,    3,  0.5
      BILLING,     1, 48
      BILLING,     2, 24
      BILLING,     3, 12
      """)
  void escalationMatrix(String issueType, int tier, double hours) {
    Outcome outcome = evaluate(TIME_IN_TIER, "escalationMatrix", "issueType", issueType, "tier", tier);

    assertThat(outcome.get("matrixHours")).isEqualTo(hours);
    assertThat(outcome.rule("escalationMatrix")).isEqualTo("escalationMatrix_" + issueType.toLowerCase() + tier);
  }

  @Test
  void escalationMatrixHasNoTier4() {
    assertThat(evaluate(TIME_IN_TIER, "escalationMatrix", "issueType", "TECHNICAL", "tier", 4).result()).isEmpty();
  }

  @ParameterizedTest(name = "Tier 1 window {0} → {1}")
  @CsvSource(nullValues = "null", textBlock = """
      P1, null
      P2, 8
      P3, 48
      P4, 168
      """)
  void tier1PriorityWindow(String priority, Double hours) {
    Outcome outcome = evaluate(TIME_IN_TIER, "tier1PriorityWindow", "priority", priority);

    assertThat(outcome.get("windowHours")).isEqualTo(hours);
    // P1's "no window" is a rule of its own too: a deleted row is refused at deployment, not read as none
    assertThat(outcome.rule("tier1PriorityWindow")).isEqualTo("tier1PriorityWindow_" + priority.toLowerCase());
  }

  @ParameterizedTest(name = "Tier {0}, {1}, {2} → {3} h")
  @CsvSource(nullValues = "null", textBlock = """
      1, TECHNICAL,   P2,    8,   timeInTierLimit_tier1Window
      1, TECHNICAL,   P3,   24,   timeInTierLimit_tier1Window
      1, TECHNICAL,   P4,   24,   timeInTierLimit_tier1Window
      1, BILLING,     P3,   48,   timeInTierLimit_tier1Window
      1, BILLING,     P4,   48,   timeInTierLimit_tier1Window
      1, BILLING,     P2,    8,   timeInTierLimit_tier1Window
      1, SECURITY,    P2,    2,   timeInTierLimit_tier1Window
      1, PERFORMANCE, P3,    8,   timeInTierLimit_tier1Window
      1, INTEGRATION, P2,    8,   timeInTierLimit_tier1Window
      1, TECHNICAL,   P1,   24,   timeInTierLimit_tier1NoWindow
      2, TECHNICAL,   P2,    8,   timeInTierLimit_tier2or3
      2, BILLING,     P4,   24,   timeInTierLimit_tier2or3
      3, SECURITY,    P1,    0.5, timeInTierLimit_tier2or3
      3, INTEGRATION, P3,    3,   timeInTierLimit_tier2or3
      4, TECHNICAL,   P1,   null, timeInTierLimit_tier4
      4, SECURITY,    P2,   null, timeInTierLimit_tier4
      """)
  void timeInTierLimit(int tier, String issueType, String priority, Double hours, String rule) {
    Outcome outcome = evaluate(TIME_IN_TIER, TIME_IN_TIER, "tier", tier, "issueType", issueType, "priority", priority);

    assertThat(outcome.get("timeInTierHours")).isEqualTo(hours);
    assertThat(outcome.rule(TIME_IN_TIER)).isEqualTo(rule);
  }

  @ParameterizedTest(name = "Tier {0} {1} → every {2} h")
  @CsvSource(nullValues = "null", textBlock = """
      2, P1,  1,   statusUpdateCadence_p1
      3, P1,  1,   statusUpdateCadence_p1
      4, P1,  1,   statusUpdateCadence_p1
      2, P2,  4,   statusUpdateCadence_p2
      4, P2,  4,   statusUpdateCadence_p2
      2, P3, 24,   statusUpdateCadence_p3
      3, P3, 24,   statusUpdateCadence_p3
      2, P4, null, statusUpdateCadence_p4
      4, P4, null, statusUpdateCadence_p4
      1, P1, null, statusUpdateCadence_tier1
      1, P2, null, statusUpdateCadence_tier1
      1, P4, null, statusUpdateCadence_tier1
      """)
  void statusUpdateCadence(int tier, String priority, Double hours, String rule) {
    Outcome outcome = evaluate("statusUpdateCadence", "statusUpdateCadence", "tier", tier, "priority", priority);

    assertThat(outcome.get("statusUpdateHours")).isEqualTo(hours);
    assertThat(outcome.rule("statusUpdateCadence")).isEqualTo(rule);
  }

  @AfterAll
  static void everyRuleFired() {
    for (String file : new String[] {"slaTargets", "tierResponseTime", TIME_IN_TIER, "statusUpdateCadence"}) {
      PolicyDecisions.assertEveryRuleFired(file);
    }
  }
}
