package ai.archbuilder.support.mail.inbound;

import java.util.regex.Pattern;

/** The new part of a reply: the text above the quoted earlier message. */
final class ReplyText {

  private static final Pattern QUOTE_HEADER =
      Pattern.compile(
          "(?im)^(on .{3,300}wrote:|am .{3,300}schrieb .{1,200}:|-{2,}\\s*original message\\s*-{2,}|_{5,}|from:\\s.+\\n\\s*sent:\\s.+)\\s*$");

  private ReplyText() {}

  static String withoutQuote(String text) {
    if (text == null) {
      return "";
    }
    var cut = text;
    var header = QUOTE_HEADER.matcher(cut);
    if (header.find() && header.start() > 0) {
      cut = cut.substring(0, header.start());
    }
    var kept = new StringBuilder();
    for (var line : cut.split("\n", -1)) {
      if (!line.startsWith(">")) {
        kept.append(line).append('\n');
      }
    }
    var result = kept.toString().strip();
    return result.isEmpty() ? text.strip() : result;
  }
}
