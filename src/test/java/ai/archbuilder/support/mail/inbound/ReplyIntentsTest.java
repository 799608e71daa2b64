package ai.archbuilder.support.mail.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the reply-intent table is given: the first line that says something, plain and lower case. */
class ReplyIntentsTest {

  @Test
  void theFirstNonBlankLineInLowerCaseWithPlainApostrophes() {
    assertThat(ReplyIntents.firstLine("\n   \n  It Doesn\u2019t work\nThe rest of the mail")).isEqualTo("it doesn't work");
    assertThat(ReplyIntents.firstLine("\u2018Solved\u2019, thanks")).isEqualTo("'solved', thanks");
    assertThat(ReplyIntents.firstLine("  \n ")).isEmpty();
    assertThat(ReplyIntents.firstLine(null)).isEmpty();
  }
}
