package ai.archbuilder.support.mail.inbound;

import ai.archbuilder.support.system.EngineAccess;
import ai.archbuilder.support.system.ProcessVariable;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Tells the support managers of a customer's reply that waits unread in the mailbox because its
 * ticket is on hold (its process suspended in Cockpit): {@code bpmn/HeldReplyReviewProcess.bpmn}
 * gives them a task in Tasklist when the reply is first held, which its delivery closes. Both
 * happen in the transaction of the held note and of the delivery, each in a savepoint of its own
 * ({@link ReviewSavepoint}): a review that cannot start or close (its definition suspended or
 * removed, a process owner's broken version) is logged and left out, and the reply is noted, listed
 * and delivered as before. A review left open for a reply that no longer waits (its close failed,
 * or another node delivered the reply while this one was noting it) is closed at the next poll
 * ({@link #openReviews()}).
 *
 * <p>A diagram of its own rather than a second way into the quarantine review: it ends on another
 * event (the reply delivered, once an administrator lifts the hold, not a manager's action on the
 * quarantine), shows the ticket, and a process owner can change or remove one without the other.
 */
@Component
public class HeldReplyReview {

  static final String PROCESS_KEY = "HeldReplyReviewProcess";
  static final String RELEASED = "HeldReplyReleased";
  private static final String PREFIX = "held-";
  static final ProcessVariable<Long> HELD_ID = new ProcessVariable<>("heldId", Long.class);
  /** The ticket on hold, for the form and the managers' Tasklist filter. */
  public static final ProcessVariable<String> TICKET = ProcessVariable.string("heldTicket");
  static final ProcessVariable<String> SINCE = ProcessVariable.string("heldSince");

  private final RuntimeService runtime;
  private final ReviewSavepoint reviews;

  HeldReplyReview(RuntimeService runtime, ReviewSavepoint reviews) {
    this.runtime = runtime;
    this.reviews = reviews;
  }

  static String businessKey(long heldId) {
    return PREFIX + heldId;
  }

  /**
   * Starts the review of the reply just held (its first note), in a savepoint: failing, it is
   * logged and the note commits without it.
   */
  void open(InboundMailStore.Held held) {
    var variables = new HashMap<String, Object>();
    variables.put(HELD_ID.name(), held.id());
    variables.put(TICKET.name(), held.ticketKey());
    variables.put(QuarantineReview.FROM.name(), held.sender() == null ? "(unknown sender)" : QuarantineReview.cut(held.sender()));
    variables.put(QuarantineReview.SUBJECT.name(), held.subject() == null ? "(no subject)" : QuarantineReview.cut(held.subject()));
    variables.put(SINCE.name(), QuarantineReview.at(held.since().toInstant()));
    reviews.start(
        PROCESS_KEY,
        businessKey(held.id()),
        variables,
        "Could not start %s for the reply %s held for %s: it is held and listed, but nobody gets a task for it"
            .formatted(PROCESS_KEY, held.messageKey(), held.ticketKey()),
        "No %s deployed: nobody gets a task for the reply %s held for %s, which is on hold"
            .formatted(PROCESS_KEY, held.messageKey(), held.ticketKey()));
  }

  /**
   * Ends the review of held note {@code heldId}: the reply no longer waits (delivered, or kept aside
   * in the quarantine). None open: nothing to do. In a savepoint: failing, it is logged, the delivery
   * commits without it, and the next poll tries again.
   */
  void close(long heldId) {
    reviews.close(
        RELEASED,
        businessKey(heldId),
        "Could not close %s %s (held note %d), whose reply no longer waits: the next poll tries again"
            .formatted(PROCESS_KEY, businessKey(heldId), heldId));
  }

  /** The held notes whose review is open (active), as their business keys name them. */
  List<Long> openReviews() {
    return EngineAccess.privileged(
        () ->
            runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).processInstanceBusinessKeyLike(PREFIX + "%").active().list()
                .stream()
                .map(p -> heldId(p.getBusinessKey()))
                .flatMap(Optional::stream)
                .toList());
  }

  private static Optional<Long> heldId(String businessKey) {
    try {
      return Optional.of(Long.parseLong(businessKey.substring(PREFIX.length())));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
