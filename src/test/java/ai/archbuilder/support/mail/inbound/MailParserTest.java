package ai.archbuilder.support.mail.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The parts of reading a message that need no application: headers, auto-reply signs, texts. */
class MailParserTest {

  private final MailParser parser = new MailParser();

  private static byte[] raw(String headers, String body) {
    return ("From: Tom <tom@example.com>\r\nSubject: Hi\r\n" + headers + "\r\n" + body + "\r\n").getBytes(StandardCharsets.UTF_8);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Auto-Submitted: auto-replied                                  | Auto-Submitted: auto-replied
      Auto-Submitted: auto-generated                                | Auto-Submitted: auto-generated
      Precedence: bulk                                              | Precedence: bulk
      Precedence: junk                                              | Precedence: junk
      Precedence: list                                              | Precedence: list
      X-Autoreply: yes                                              | X-Autoreply header
      X-Autorespond: true                                           | X-Autorespond header
      Content-Type: multipart/report; report-type=delivery-status   | Delivery or read report (multipart/report)
      """)
  void autoReplies(String header, String reason) throws Exception {
    assertThat(parser.parse(raw(header + "\r\n", "x")).autoReply()).isEqualTo(reason);
  }

  @Test
  void aPersonsMessageIsNoAutoReply() throws Exception {
    var mail = parser.parse(raw("Auto-Submitted: no\r\nMessage-ID: <a@b>\r\nIn-Reply-To: <x@y>\r\nReferences: <r@s> <x@y>\r\n", "Hello"));
    assertThat(mail.autoReply()).isNull();
    assertThat(mail.messageKey()).isEqualTo("<a@b>");
    assertThat(mail.threadIds()).containsExactly("<x@y>", "<r@s>");
    assertThat(mail.from()).isEqualTo("tom@example.com");
    assertThat(mail.fromName()).isEqualTo("Tom");
    assertThat(mail.text()).isEqualTo("Hello");
  }

  @Test
  void bouncesBySender() throws Exception {
    var bounce = "From: Mail Delivery System <MAILER-DAEMON@mx.example.com>\r\nSubject: Undelivered\r\n\r\nx\r\n";
    assertThat(parser.parse(bounce.getBytes(StandardCharsets.UTF_8)).autoReply()).isEqualTo("Sent by mailer-daemon@mx.example.com");
  }

  @Test
  void withoutMessageIdTheKeyIsAHashOfTheBytes() throws Exception {
    var once = parser.parse(raw("", "Hello")).messageKey();
    assertThat(once).startsWith("sha256:").isEqualTo(parser.parse(raw("", "Hello")).messageKey());
    assertThat(parser.parse(raw("", "Hello!")).messageKey()).isNotEqualTo(once);
  }

  @Test
  void malformedMessagesSayWhy() {
    assertThatThrownBy(() -> parser.parse(new byte[0])).hasMessage("Empty message");
    assertThatThrownBy(() -> parser.parse("Subject: x\r\n\r\nbody".getBytes(StandardCharsets.UTF_8))).hasMessage("No From address");
    assertThatThrownBy(() -> parser.parse("From: not an address@@\r\n\r\nbody".getBytes(StandardCharsets.UTF_8)))
        .hasMessageStartingWith("Invalid From address");
  }

  @Test
  void replyTextLeavesTheQuoteOut() {
    assertThat(ReplyText.withoutQuote("Thanks, works.\n\nOn Mon, 23 Nov 2026 at 10:00, Support <s@x> wrote:\n> Try this"))
        .isEqualTo("Thanks, works.");
    assertThat(ReplyText.withoutQuote("Fine\n> quoted\nmore")).isEqualTo("Fine\nmore");
    assertThat(ReplyText.withoutQuote("> only a quote")).isEqualTo("> only a quote");
  }

  @Test
  void htmlBecomesText() {
    assertThat(HtmlText.of("<div>Hello&nbsp;<b>world</b><br>line two</div><script>alert(1)</script>")).isEqualTo("Hello world\nline two");
  }

  @Test
  void newTicketSubjectsLoseTicketTags() {
    assertThat(InboundMailProcessor.subject("Re: [TCK-000042] Export")).isEqualTo("Re: Export");
    assertThat(InboundMailProcessor.subject("  ")).isEqualTo("(no subject)");
  }
}
