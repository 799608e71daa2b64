package ai.archbuilder.support.mail;

import ai.archbuilder.support.sla.CoverageClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Says when something is due in the customer's coverage terms: on Standard hours "within 4
 * business hours" (only open hours count), on 24/7 "within 4 hours"; and the time itself, "Tue 1
 * Dec 14:30 PST", in the business calendar's zone.
 */
final class DueWording {

  private final DateTimeFormatter format;

  DueWording(ZoneId zone) {
    this.format = DateTimeFormatter.ofPattern("EEE d MMM HH:mm zzz", Locale.US).withZone(zone);
  }

  String time(Instant at) {
    return at == null ? null : format.format(at);
  }

  /**
   * The template variables of a due date: {@code within} ("within 4 business hours"), {@code by}
   * ("by Tue 1 Dec 14:30 PST"), {@code time}, {@code phrase} (both), {@code overdue}; null if
   * nothing is due.
   */
  Map<String, Object> of(Instant due, Instant now, CoverageClock clock) {
    if (due == null) {
      return null;
    }
    var due24 = clock == null || clock.coverage().roundTheClock();
    var left = clock == null ? Duration.between(now, due) : clock.between(now, due);
    boolean overdue = !due.isAfter(now);
    var within = overdue ? "as soon as possible" : "within " + amount(left, due24);
    var by = "by " + time(due);
    var wording = new LinkedHashMap<String, Object>();
    wording.put("within", within);
    wording.put("by", by);
    wording.put("time", time(due));
    wording.put("overdue", overdue);
    wording.put("phrase", overdue ? within + " (it was due " + time(due) + ")" : within + " (" + by + ")");
    return wording;
  }

  static String amount(Duration left, boolean roundTheClock) {
    long minutes = (left.getSeconds() + 59) / 60;
    long hours = minutes / 60;
    long rest = minutes % 60;
    var hourWord = roundTheClock ? "hour" : "business hour";
    var minuteWord = roundTheClock ? "minute" : "business minute";
    if (hours == 0) {
      return plural(rest, minuteWord);
    }
    return rest == 0 ? plural(hours, hourWord) : plural(hours, hourWord) + " and " + plural(rest, "minute");
  }

  private static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
