package ai.archbuilder.support.policy;

import static ai.archbuilder.support.policy.PolicyDecisions.evaluate;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** §6/§7: the first line of a customer's e-mail reply confirms or rejects a proposed solution. */
class ReplyIntentDecisionTest {

  @ParameterizedTest(name = "\"{0}\" → {1}")
  @CsvSource(delimiter = '|', textBlock = """
      yes, solved. thank you!                  | CONFIRM | replyIntent_confirmed
      that fixed it                            | CONFIRM | replyIntent_confirmed
      works now, you can close the ticket      | CONFIRM | replyIntent_confirmed
      not solved, the export still fails       | REJECT  | replyIntent_rejected
      no, this is still broken                 | REJECT  | replyIntent_rejected
      sorry, that did not help                 | REJECT  | replyIntent_rejected
      it still doesn't work after the update   | REJECT  | replyIntent_rejected
      it is not yet resolved                   | REJECT  | replyIntent_rejected
      the export isn't fixed                   | REJECT  | replyIntent_rejected
      i haven't solved it with that            | REJECT  | replyIntent_rejected
      no, same error as before                 | REJECT  | replyIntent_rejected
      i tried, no luck                         | REJECT  | replyIntent_rejected
      thanks, i will try it tomorrow           | NONE    | replyIntent_none
      ''                                       | NONE    | replyIntent_none
      """)
  void firstLineDecides(String text, String intent, String rule) {
    var outcome = evaluate("replyIntent", "replyIntent", "text", text);
    assertThat(outcome.result().getSingleResult().<String>getEntry("intent")).isEqualTo(intent);
    assertThat(outcome.matchedRules().get("replyIntent")).containsExactly(rule);
  }

  @AfterAll
  static void everyRuleFired() {
    PolicyDecisions.assertEveryRuleFired("replyIntent");
  }
}
