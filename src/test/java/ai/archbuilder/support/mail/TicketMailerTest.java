package ai.archbuilder.support.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TicketMailerTest {

  @Test
  void referencesAreTheChainTrimmedInTheMiddleWhenLong() {
    assertThat(TicketMailer.references(null, "<a@x>")).isEqualTo("<a@x>");
    assertThat(TicketMailer.references("<a@x>", "<b@x>")).isEqualTo("<a@x> <b@x>");
    var long_ = IntStream.range(0, 200).mapToObj(i -> "<tck-000001.%036d@archbuilder.app>".formatted(i)).collect(Collectors.joining(" "));
    var trimmed = TicketMailer.references(long_, "<last@x>");
    assertThat(trimmed.length()).isLessThanOrEqualTo(3000);
    assertThat(trimmed).startsWith("<tck-000001.%036d@archbuilder.app>".formatted(0)).endsWith(" <last@x>");
  }

  @Test
  void aSubjectIsOneLine() {
    assertThat(TicketMailer.singleLine("Help\r\nBcc: evil@example.com\tnow")).isEqualTo("Help Bcc: evil@example.com now");
  }
}
