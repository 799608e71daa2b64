package ai.archbuilder.support.policy;

import static ai.archbuilder.support.policy.PolicyDecisions.evaluate;
import static org.assertj.core.api.Assertions.assertThat;

import ai.archbuilder.support.policy.PolicyDecisions.Outcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** §1 coverage and tier ceiling, §2 issue type, §5 entry tier. */
class RoutingDecisionsTest {

  @ParameterizedTest(name = "security={0} {1}/{2} → {3}")
  @CsvSource(nullValues = "null", textBlock = """
      true,  TECHNICAL,       SOFTWARE_BUG,        SECURITY,    issueType_security
      true,  BILLING,         PAYMENT,             SECURITY,    issueType_security
      true,  TECHNICAL,       PERFORMANCE,         SECURITY,    issueType_security
      false, TECHNICAL,       PERFORMANCE,         PERFORMANCE, issueType_performance
      null,  TECHNICAL,       PERFORMANCE,         PERFORMANCE, issueType_performance
      false, TECHNICAL,       INTEGRATION,         INTEGRATION, issueType_integration
      false, FEATURE_REQUEST, INTEGRATION_REQUEST, INTEGRATION, issueType_integration
      false, BILLING,         REFUND,              BILLING,     issueType_billing
      null,  BILLING,         null,                BILLING,     issueType_billing
      false, TECHNICAL,       SOFTWARE_BUG,        TECHNICAL,   issueType_technical
      false, TRAINING,        MIGRATION,           TECHNICAL,   issueType_technical
      false, FEATURE_REQUEST, NEW_FEATURE,         TECHNICAL,   issueType_technical
      null,  TECHNICAL,       null,                TECHNICAL,   issueType_technical
      """)
  void issueType(Boolean security, String category, String subcategory, String expected, String rule) {
    Outcome outcome = evaluate("issueType", "issueType",
        "security", security, "category", category, "subcategory", subcategory);

    assertThat(outcome.get("issueType")).isEqualTo(expected);
    assertThat(outcome.rule("issueType")).isEqualTo(rule);
  }

  @ParameterizedTest(name = "{0} on {1} → {2}")
  @CsvSource(textBlock = """
      P1, BASIC,        EMERGENCY_24_7, supportCoverage_p1
      P1, PROFESSIONAL, EMERGENCY_24_7, supportCoverage_p1
      P1, ENTERPRISE,   EMERGENCY_24_7, supportCoverage_p1
      P2, BASIC,        STANDARD,       supportCoverage_basic
      P4, BASIC,        STANDARD,       supportCoverage_basic
      P2, PROFESSIONAL, STANDARD,       supportCoverage_professional
      P3, ENTERPRISE,   PREMIUM_24_7,   supportCoverage_enterprise
      """)
  void supportCoverage(String priority, String plan, String expected, String rule) {
    Outcome outcome = evaluate("supportCoverage", "supportCoverage", "priority", priority, "plan", plan);

    assertThat(outcome.get("coverage")).isEqualTo(expected);
    assertThat(outcome.rule("supportCoverage")).isEqualTo(rule);
  }

  @ParameterizedTest(name = "{0} security={1} → Tier {2}")
  @CsvSource(nullValues = "null", textBlock = """
      P1, true,  4, entryTier_p1Security
      P1, false, 3, entryTier_p1
      P1, null,  3, entryTier_p1
      P2, true,  1, entryTier_triage
      P2, false, 1, entryTier_triage
      P3, null,  1, entryTier_triage
      P4, false, 1, entryTier_triage
      """)
  void entryTier(String priority, Boolean security, int expected, String rule) {
    Outcome outcome = evaluate("entryTier", "entryTier", "priority", priority, "security", security);

    assertThat(outcome.get("entryTier")).isEqualTo(expected);
    assertThat(outcome.rule("entryTier")).isEqualTo(rule);
  }

  @ParameterizedTest(name = "{0} security={1} {2} → max Tier {3}")
  @CsvSource(nullValues = "null", textBlock = """
      P1, false, BASIC,        4, tierCeiling_p1
      P1, null,  PROFESSIONAL, 4, tierCeiling_p1
      P2, true,  BASIC,        4, tierCeiling_security
      P4, true,  PROFESSIONAL, 4, tierCeiling_security
      P2, false, BASIC,        2, tierCeiling_basicP2
      P2, null,  BASIC,        2, tierCeiling_basicP2
      P3, false, BASIC,        1, tierCeiling_basic
      P4, null,  BASIC,        1, tierCeiling_basic
      P2, false, PROFESSIONAL, 2, tierCeiling_professional
      P3, false, PROFESSIONAL, 2, tierCeiling_professional
      P2, false, ENTERPRISE,   4, tierCeiling_enterprise
      P4, null,  ENTERPRISE,   4, tierCeiling_enterprise
      """)
  void tierCeiling(String priority, Boolean security, String plan, int expected, String rule) {
    Outcome outcome = evaluate("tierCeiling", "tierCeiling", "priority", priority, "security", security, "plan", plan);

    assertThat(outcome.get("maxTier")).isEqualTo(expected);
    assertThat(outcome.rule("tierCeiling")).isEqualTo(rule);
  }

  @AfterAll
  static void everyRuleFired() {
    for (String file : new String[] {"issueType", "supportCoverage", "entryTier", "tierCeiling"}) {
      PolicyDecisions.assertEveryRuleFired(file);
    }
  }
}
