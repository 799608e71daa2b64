package ai.archbuilder.support.mail.inbound;

import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/** Plain text from an HTML mail body: block elements become line breaks, tags go, entities are decoded. */
final class HtmlText {

  private static final Pattern INVISIBLE =
      Pattern.compile("(?is)<(script|style|head|title)\\b[^>]*>.*?</\\1\\s*>|<!--.*?-->");
  private static final Pattern LINE_BREAK = Pattern.compile("(?i)<br\\s*/?>|</?(p|div|tr|h[1-6]|blockquote|pre|table|ul|ol)\\b[^>]*>");
  private static final Pattern LIST_ITEM = Pattern.compile("(?i)<li\\b[^>]*>");
  private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
  private static final Pattern SPACES = Pattern.compile("[ \\t\\x0B\\f\\u00A0]+");
  private static final Pattern BLANK_LINES = Pattern.compile("\\n\\s*\\n(\\s*\\n)+");

  private HtmlText() {}

  static String of(String html) {
    if (html == null) {
      return "";
    }
    var s = INVISIBLE.matcher(html).replaceAll("");
    s = s.replace("\r", "").replace("\n", " ");
    s = LINE_BREAK.matcher(s).replaceAll("\n");
    s = LIST_ITEM.matcher(s).replaceAll("\n- ");
    s = TAG.matcher(s).replaceAll("");
    s = HtmlUtils.htmlUnescape(s);
    s = SPACES.matcher(s).replaceAll(" ");
    var lines = new StringBuilder();
    for (var line : s.split("\n", -1)) {
      lines.append(line.strip()).append('\n');
    }
    return BLANK_LINES.matcher(lines.toString()).replaceAll("\n\n").strip();
  }
}
