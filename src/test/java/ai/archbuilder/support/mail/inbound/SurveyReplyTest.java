package ai.archbuilder.support.mail.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The survey e-mail asks for the scores first, then a comment: what counts as such an answer. */
class SurveyReplyTest {

  @ParameterizedTest(name = "\"{0}\" → {1}")
  @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
      5, 9, 7 - quick and friendly          | 5 9 7 quick and friendly
      5 9 7 quick and friendly              | 5 9 7 quick and friendly
      4/8/6                                 | 4 8 6 null
      3; 6                                  | 3 6 null null
      5 10 great                            | 5 10 null great
      4                                     | 4 null null null
      2 - too slow                          | 2 null null too slow
      1: nobody answered for a week         | 1 null null nobody answered for a week
      5.                                    | 5 null null null
      2 more problems came up               | none
      3 days later it broke again           | none
      6, 9, 7                               | none
      5, 11, 7                              | none
      5, 9, 8                               | none
      0                                     | none
      5 9abc                                | none
      It prints at 1:200 again              | none
      ''                                    | none
      """)
  void scoresFirstThenAComment(String body, String expected) {
    var parsed = SurveyReply.parse(body);
    if (expected == null) {
      assertThat(parsed).isEmpty();
    } else {
      assertThat(parsed).get()
          .extracting(r -> r.csat() + " " + r.nps() + " " + r.ces() + " " + r.comment())
          .isEqualTo(expected);
    }
  }

  @org.junit.jupiter.api.Test
  void theCommentGoesOnOverTheNextLinesAndIsCutToWhatTheTableKeeps() {
    var reply = SurveyReply.parse("4, 8, 5\nThe agent was kind.\nThe wait was long.").orElseThrow();
    assertThat(reply.comment()).isEqualTo("The agent was kind.\nThe wait was long.");
    var longOne = SurveyReply.parse("5 - " + "x".repeat(5000)).orElseThrow();
    assertThat(longOne.comment()).hasSize(SurveyReply.MAX_COMMENT);
  }
}
