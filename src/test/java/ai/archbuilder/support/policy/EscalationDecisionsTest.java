package ai.archbuilder.support.policy;

import static ai.archbuilder.support.policy.PolicyDecisions.evaluate;
import static org.assertj.core.api.Assertions.assertThat;

import ai.archbuilder.support.policy.PolicyDecisions.Outcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** §1/§5 escalation target, §5 failed attempts and dissatisfaction, §6 lifecycle deadlines. */
class EscalationDecisionsTest {

  @ParameterizedTest(name = "{0}/{1} in Tier {2} (max {3}, entry {4}) → {5} Tier {6}")
  @CsvSource(nullValues = "null", textBlock = """
      CRITICAL_PRIORITY, null,                  1, 1, 3, ESCALATE,  3, escalationTarget_critical
      CRITICAL_PRIORITY, null,                  1, 4, 4, ESCALATE,  4, escalationTarget_critical
      MANUAL,            PRODUCT_DEFECT,        1, 1, 1, ESCALATE,  4, escalationTarget_productDefect
      MANUAL,            PRODUCT_DEFECT,        2, 2, 1, ESCALATE,  4, escalationTarget_productDefect
      MANUAL,            PRODUCT_DEFECT,        3, 4, 3, ESCALATE,  4, escalationTarget_productDefect
      MANUAL,            PRODUCT_DEFECT,        4, 4, 3, OVERSIGHT, 4, escalationTarget_oversight
      TIME_IN_TIER,      null,                  1, 2, 1, ESCALATE,  2, escalationTarget_oneUp
      TIME_IN_TIER,      null,                  2, 4, 1, ESCALATE,  3, escalationTarget_oneUp
      TIME_IN_TIER,      null,                  3, 4, 3, ESCALATE,  4, escalationTarget_oneUp
      RESPONSE_BREACH,   null,                  1, 4, 1, ESCALATE,  2, escalationTarget_oneUp
      RESOLUTION_BREACH, null,                  2, 4, 1, ESCALATE,  3, escalationTarget_oneUp
      CUSTOMER_REQUEST,  CUSTOMER_REQUEST,      1, 2, 1, ESCALATE,  2, escalationTarget_oneUp
      FAILED_ATTEMPTS,   null,                  1, 2, 1, ESCALATE,  2, escalationTarget_oneUp
      DISSATISFACTION,   null,                  2, 4, 1, ESCALATE,  3, escalationTarget_oneUp
      MANUAL,            COMPLEX_ISSUE,         1, 2, 1, ESCALATE,  2, escalationTarget_oneUp
      MANUAL,            VIP_CUSTOMER,          2, 4, 1, ESCALATE,  3, escalationTarget_oneUp
      MANUAL,            RESOURCE_REQUIREMENTS, 1, 4, 1, ESCALATE,  2, escalationTarget_oneUp
      TIME_IN_TIER,      null,                  1, 1, 1, OVERSIGHT, 1, escalationTarget_oversight
      TIME_IN_TIER,      null,                  2, 2, 1, OVERSIGHT, 2, escalationTarget_oversight
      RESPONSE_BREACH,   null,                  4, 4, 3, OVERSIGHT, 4, escalationTarget_oversight
      MANUAL,            COMPLEX_ISSUE,         2, 2, 1, OVERSIGHT, 2, escalationTarget_oversight
      """)
  void escalationTarget(String trigger, String reason, int tier, int maxTier, int entryTier,
      String action, int targetTier, String rule) {
    Outcome outcome = evaluate("escalationTarget", "escalationTarget", "trigger", trigger,
        "escalationReason", reason, "tier", tier, "maxTier", maxTier, "entryTier", entryTier);

    assertThat(outcome.get("action")).isEqualTo(action);
    assertThat(outcome.get("targetTier")).isEqualTo(targetTier);
    assertThat(outcome.rule("escalationTarget")).isEqualTo(rule);
  }

  @ParameterizedTest(name = "{0} failed attempts → escalate {1}")
  @CsvSource(nullValues = "null", textBlock = """
      0,    false, rejectionHandling_first
      1,    false, rejectionHandling_first
      2,    true,  rejectionHandling_second
      3,    true,  rejectionHandling_second
      null, false, rejectionHandling_first
      """)
  void rejectionHandling(Integer failedAttempts, boolean escalate, String rule) {
    Outcome outcome = evaluate("rejectionHandling", "rejectionHandling", "failedAttemptsInTier", failedAttempts);

    assertThat(outcome.get("escalateAfterRejection")).isEqualTo(escalate);
    assertThat(outcome.rule("rejectionHandling")).isEqualTo(rule);
  }

  @ParameterizedTest(name = "CSAT {0} → reopen one tier up {1}")
  @CsvSource(nullValues = "null", textBlock = """
      1,    true,  feedbackFollowUp_dissatisfied
      2,    true,  feedbackFollowUp_dissatisfied
      3,    false, feedbackFollowUp_satisfied
      4,    false, feedbackFollowUp_satisfied
      5,    false, feedbackFollowUp_satisfied
      null, false, feedbackFollowUp_satisfied
      """)
  void feedbackFollowUp(Integer csat, boolean reopen, String rule) {
    Outcome outcome = evaluate("feedbackFollowUp", "feedbackFollowUp", "csat", csat);

    assertThat(outcome.get("reopenOneTierUp")).isEqualTo(reopen);
    assertThat(outcome.rule("feedbackFollowUp")).isEqualTo(rule);
  }

  @ParameterizedTest(name = "{0} on {1} → {2} {3}")
  @CsvSource(textBlock = """
      VERIFICATION,  STANDARD,        5, WORKING_DAYS, lifecycleDeadlines_verificationStandard
      VERIFICATION,  PREMIUM_24_7,    5, DAYS,         lifecycleDeadlines_verification247
      VERIFICATION,  EMERGENCY_24_7,  5, DAYS,         lifecycleDeadlines_verification247
      SURVEY,        STANDARD,        7, DAYS,         lifecycleDeadlines_survey
      SURVEY,        EMERGENCY_24_7,  7, DAYS,         lifecycleDeadlines_survey
      REOPEN_WINDOW, STANDARD,       14, DAYS,         lifecycleDeadlines_reopenWindow
      REOPEN_WINDOW, PREMIUM_24_7,   14, DAYS,         lifecycleDeadlines_reopenWindow
      """)
  void lifecycleDeadlines(String deadline, String coverage, int amount, String unit, String rule) {
    Outcome outcome = evaluate("lifecycleDeadlines", "lifecycleDeadlines", "deadline", deadline, "coverage", coverage);

    assertThat(outcome.get("amount")).isEqualTo(amount);
    assertThat(outcome.get("unit")).isEqualTo(unit);
    assertThat(outcome.rule("lifecycleDeadlines")).isEqualTo(rule);
  }

  @AfterAll
  static void everyRuleFired() {
    for (String file : new String[] {"escalationTarget", "rejectionHandling", "feedbackFollowUp", "lifecycleDeadlines"}) {
      PolicyDecisions.assertEveryRuleFired(file);
    }
  }
}
