package ai.archbuilder.support.mail.inbound;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a managers' review call (starting or closing {@code MailQuarantineReviewProcess} or {@code
 * HeldReplyReviewProcess}) in a savepoint of the caller's transaction, a transaction of its own when
 * there is none. The engine works in Spring's transaction, so the savepoint holds its rows too: when
 * the call fails (the review's definition suspended, a process owner's broken version, another node
 * closing the same review), only the call rolls back, a WARN says what was not done, and the
 * caller's work (a held note, a delivery, a quarantine) commits without it. A review is a courtesy to
 * the managers; it never decides whether a message is noted, delivered or kept aside.
 */
@Component
class ReviewSavepoint {

  private static final Logger log = LoggerFactory.getLogger(ReviewSavepoint.class);

  private final TransactionTemplate nested;

  ReviewSavepoint(PlatformTransactionManager transactions) {
    this.nested = new TransactionTemplate(transactions);
    this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /**
   * Runs {@code call}; false when it failed and was rolled back to the savepoint, logged as
   * {@code failure} with the engine's reason.
   */
  boolean run(String failure, Runnable call) {
    try {
      nested.executeWithoutResult(status -> call.run());
      return true;
    } catch (RuntimeException e) {
      log.warn("{}: {}", failure, e.toString());
      return false;
    }
  }
}
