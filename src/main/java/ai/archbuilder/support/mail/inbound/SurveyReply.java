package ai.archbuilder.support.mail.inbound;

import ai.archbuilder.support.ticket.TicketService;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A customer's e-mail answer to the satisfaction survey (policy §6), as the survey e-mail asks for
 * it: the scores first, in its order, then any comment, e.g. {@code "5, 9, 7 - quick and friendly"}.
 * One number is the satisfaction (1–5), two add the recommendation (0–10), three add the effort
 * (1–7). A lone number must end the line or be followed by a separator ({@code "4 - fine"}), so
 * that "2 more problems came up" stays a message. Anything else is no survey answer: a reply that
 * says the problem is back reopens the ticket as before.
 */
record SurveyReply(int csat, Integer nps, Integer ces, String comment) {

  /** The longest comment the feedback table keeps. */
  static final int MAX_COMMENT = TicketService.FEEDBACK_COMMENT_MAX;

  private static final String BETWEEN = "(?:\\s*[,;/]\\s*|\\s+)";
  private static final Pattern SCORES =
      Pattern.compile("^(\\d{1,2})(?:" + BETWEEN + "(\\d{1,2}))?(?:" + BETWEEN + "(\\d{1,2}))?(.*)$");
  /** What may follow the scores before a comment: punctuation ("5 - great", "5, thanks"). */
  private static final Pattern PUNCTUATION = Pattern.compile("^\\s*[-\u2013\u2014:,;.!)]+");

  static Optional<SurveyReply> parse(String body) {
    if (body == null) {
      return Optional.empty();
    }
    var text = body.strip();
    var lineEnd = text.indexOf('\n');
    var first = (lineEnd < 0 ? text : text.substring(0, lineEnd)).strip();
    var rest = lineEnd < 0 ? "" : text.substring(lineEnd + 1);
    var m = SCORES.matcher(first);
    if (!m.matches()) {
      return Optional.empty();
    }
    int count = m.group(3) != null ? 3 : m.group(2) != null ? 2 : 1;
    var tail = m.group(4);
    boolean tailOk =
        tail.isBlank()
            || PUNCTUATION.matcher(tail).lookingAt()
            || (count > 1 && Character.isWhitespace(tail.charAt(0)));
    if (!tailOk) {
      return Optional.empty(); // "2 more problems came up", "5 9abc": a message, not scores
    }
    int csat = Integer.parseInt(m.group(1));
    Integer nps = count > 1 ? Integer.valueOf(m.group(2)) : null;
    Integer ces = count > 2 ? Integer.valueOf(m.group(3)) : null;
    if (csat < 1 || csat > 5 || (nps != null && nps > 10) || (ces != null && (ces < 1 || ces > 7))) {
      return Optional.empty();
    }
    var comment = (PUNCTUATION.matcher(tail).replaceFirst("") + "\n" + rest).strip();
    if (comment.length() > MAX_COMMENT) {
      comment = comment.substring(0, MAX_COMMENT);
    }
    return Optional.of(new SurveyReply(csat, nps, ces, comment.isEmpty() ? null : comment));
  }
}
