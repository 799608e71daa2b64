package ai.archbuilder.support.mail.inbound;

import ai.archbuilder.support.system.ProcessVariable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import org.springframework.stereotype.Component;

/**
 * Tells the support managers of each message kept aside: {@code bpmn/MailQuarantineReviewProcess.bpmn}
 * gives them a task in Tasklist, which processing the message again or discarding it closes. Both
 * happen in the quarantine's own transaction, each in a savepoint of its own ({@link
 * ReviewSavepoint}): a review that cannot start or close (its definition suspended or removed, a
 * process owner's broken version) is logged and left out, and the message is kept aside, processed
 * again or discarded as before (a quarantine that failed with its review would leave the message
 * failing at every poll, and stop the polls' messages after it).
 */
@Component
public class QuarantineReview {

  static final String PROCESS_KEY = "MailQuarantineReviewProcess";
  static final String HANDLED = "QuarantineHandled";
  static final ProcessVariable<Long> QUARANTINE_ID = new ProcessVariable<>("quarantineId", Long.class);
  /** What the form and the managers' Tasklist filter show. */
  public static final ProcessVariable<String> FROM = ProcessVariable.string("mailFrom");
  public static final ProcessVariable<String> SUBJECT = ProcessVariable.string("mailSubject");
  static final ProcessVariable<String> REASON = ProcessVariable.string("mailReason");
  static final ProcessVariable<String> RECEIVED = ProcessVariable.string("mailReceived");

  private static final DateTimeFormatter RECEIVED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private final ReviewSavepoint reviews;

  QuarantineReview(ReviewSavepoint reviews) {
    this.reviews = reviews;
  }

  static String businessKey(long quarantineId) {
    return "quarantine-" + quarantineId;
  }

  /** Starts the review of quarantine entry {@code id}, in a savepoint: failing, it is logged and the entry commits without it. */
  void open(long id, String from, String subject, String reason, Instant received) {
    var variables = new HashMap<String, Object>();
    variables.put(QUARANTINE_ID.name(), id);
    variables.put(FROM.name(), from == null ? "(unknown sender)" : cut(from));
    variables.put(SUBJECT.name(), subject == null ? "(no subject)" : cut(subject));
    variables.put(REASON.name(), cut(reason));
    variables.put(RECEIVED.name(), at(received));
    reviews.start(
        PROCESS_KEY,
        businessKey(id),
        variables,
        "Could not start %s for quarantined message %d: it is kept aside and listed, but nobody gets a task for it".formatted(PROCESS_KEY, id),
        "No %s deployed: nobody gets a task for quarantined message %d".formatted(PROCESS_KEY, id));
  }

  /**
   * Ends the review of entry {@code id}: it was processed again, discarded or fetched at last. None
   * open: nothing to do. In a savepoint: failing, it is logged and the entry's change commits
   * without it (a manager completes the task that stays).
   */
  void close(long id) {
    reviews.close(
        HANDLED,
        businessKey(id),
        "Could not close %s %s, whose message left the quarantine: its task stays until a manager completes it"
            .formatted(PROCESS_KEY, businessKey(id)));
  }

  /** A moment as the managers' forms show it. */
  static String at(Instant moment) {
    return RECEIVED_AT.format(moment);
  }

  /** A text as long as a string variable may be. */
  static String cut(String text) {
    return text.length() <= ProcessVariable.MAX_TEXT ? text : text.substring(0, ProcessVariable.MAX_TEXT);
  }
}
