package ai.archbuilder.support.policy;

import static ai.archbuilder.support.policy.PolicyDecisions.evaluate;
import static org.assertj.core.api.Assertions.assertThat;

import ai.archbuilder.support.policy.PolicyDecisions.Outcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** §3: base priority from impact (and FEATURE_REQUEST), then urgency. File dmn/ticketPriority.dmn. */
class PriorityDecisionsTest {

  private static final String FILE = "ticketPriority";

  private static Outcome priority(String impact, String category, String urgency) {
    return evaluate(FILE, "ticketPriority", "impact", impact, "category", category, "urgency", urgency);
  }

  @ParameterizedTest(name = "{0} / {1} → base {2}")
  @CsvSource(nullValues = "null", textBlock = """
      SYSTEM_DOWN,     TECHNICAL,       P1, basePriority_critical
      DATA_LOSS,       TECHNICAL,       P1, basePriority_critical
      SECURITY_BREACH, TECHNICAL,       P1, basePriority_critical
      SYSTEM_DOWN,     BILLING,         P1, basePriority_critical
      SYSTEM_DOWN,     FEATURE_REQUEST, P1, basePriority_critical
      MAJOR,           TECHNICAL,       P2, basePriority_major
      MAJOR,           BILLING,         P2, basePriority_major
      MINOR,           TECHNICAL,       P3, basePriority_minor
      MINOR,           TRAINING,        P3, basePriority_minor
      COSMETIC,        TECHNICAL,       P4, basePriority_low
      QUESTION,        TRAINING,        P4, basePriority_low
      MAJOR,           FEATURE_REQUEST, P4, basePriority_featureRequest
      MINOR,           FEATURE_REQUEST, P4, basePriority_featureRequest
      QUESTION,        FEATURE_REQUEST, P4, basePriority_featureRequest
      null,            TECHNICAL,       P3, basePriority_noImpact
      """)
  void basePriorityFromImpact(String impact, String category, String expected, String rule) {
    Outcome base = evaluate(FILE, "basePriority", "impact", impact, "category", category);

    assertThat(base.get("basePriority")).isEqualTo(expected);
    assertThat(base.rule("basePriority")).isEqualTo(rule);
  }

  @ParameterizedTest(name = "base {0} + urgency {1} → {2}")
  @CsvSource(nullValues = "null", textBlock = """
      SYSTEM_DOWN, HIGH,   P1, ticketPriority_unchanged
      SYSTEM_DOWN, MEDIUM, P1, ticketPriority_unchanged
      SYSTEM_DOWN, LOW,    P1, ticketPriority_unchanged
      MAJOR,       HIGH,   P2, ticketPriority_unchanged
      MAJOR,       MEDIUM, P2, ticketPriority_unchanged
      MAJOR,       LOW,    P3, ticketPriority_lowP2
      MINOR,       HIGH,   P2, ticketPriority_highP3
      MINOR,       MEDIUM, P3, ticketPriority_unchanged
      MINOR,       LOW,    P3, ticketPriority_unchanged
      COSMETIC,    HIGH,   P3, ticketPriority_highP4
      COSMETIC,    MEDIUM, P4, ticketPriority_unchanged
      QUESTION,    LOW,    P4, ticketPriority_unchanged
      MAJOR,       null,   P2, ticketPriority_unchanged
      MINOR,       null,   P3, ticketPriority_unchanged
      COSMETIC,    null,   P4, ticketPriority_unchanged
      """)
  void urgencyAdjustsThePriority(String impact, String urgency, String expected, String rule) {
    Outcome outcome = priority(impact, "TECHNICAL", urgency);

    assertThat(outcome.get("priority")).isEqualTo(expected);
    assertThat(outcome.rule("ticketPriority")).isEqualTo(rule);
  }

  @Test
  void securityBreachOnASecurityTicketIsP1() {
    Outcome outcome = evaluate(FILE, "ticketPriority",
        "impact", "SECURITY_BREACH", "category", "TECHNICAL", "urgency", "LOW", "security", true);

    assertThat(outcome.get("priority")).isEqualTo("P1");
    assertThat(outcome.rule("basePriority")).isEqualTo("basePriority_critical");
  }

  @ParameterizedTest(name = "FEATURE_REQUEST with {0} impact and {1} urgency → {2}")
  @CsvSource(textBlock = """
      MAJOR,    MEDIUM, P4
      MINOR,    LOW,    P4
      COSMETIC, MEDIUM, P4
      MAJOR,    HIGH,   P3
      """)
  void featureRequestsAreP4BeforeUrgency(String impact, String urgency, String expected) {
    assertThat(priority(impact, "FEATURE_REQUEST", urgency).get("priority")).isEqualTo(expected);
  }

  @ParameterizedTest(name = "impact {0}: HIGH urgency never gives P1")
  @CsvSource({"MAJOR", "MINOR", "COSMETIC", "QUESTION"})
  void onlyImpactMakesAP1(String impact) {
    assertThat(priority(impact, "TECHNICAL", "HIGH").get("priority")).isNotEqualTo("P1");
    assertThat(priority(impact, "TECHNICAL", "HIGH").get("priority")).isIn("P2", "P3");
  }

  @Test
  void mediumUrgencyAndNoUrgencyChangeNothing() {
    for (String impact : new String[] {"SYSTEM_DOWN", "MAJOR", "MINOR", "COSMETIC"}) {
      Object base = evaluate(FILE, "basePriority", "impact", impact, "category", "TECHNICAL").get("basePriority");
      assertThat(priority(impact, "TECHNICAL", "MEDIUM").get("priority")).isEqualTo(base);
      assertThat(priority(impact, "TECHNICAL", null).get("priority")).isEqualTo(base);
    }
  }

  @AfterAll
  static void everyRuleFired() {
    PolicyDecisions.assertEveryRuleFired(FILE);
  }
}
