package ai.archbuilder.support.mail.inbound;

import ai.archbuilder.support.system.EngineAccess;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
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
  private final RuntimeService runtime;
  private final RepositoryService repository;

  ReviewSavepoint(PlatformTransactionManager transactions, RuntimeService runtime, RepositoryService repository) {
    this.runtime = runtime;
    this.repository = repository;
    this.nested = new TransactionTemplate(transactions);
    this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /**
   * Starts a review, {@code processKey} with {@code businessKey} and {@code variables}, in a
   * savepoint ({@link #run}); with no such definition deployed (a process owner removed it), logs
   * {@code notDeployed} and starts nothing.
   */
  void start(String processKey, String businessKey, Map<String, Object> variables, String failure, String notDeployed) {
    run(failure, () -> EngineAccess.privileged(() -> {
      if (repository.createProcessDefinitionQuery().processDefinitionKey(processKey).latestVersion().count() == 0) {
        log.warn(notDeployed);
        return null;
      }
      return runtime.startProcessInstanceByKey(processKey, businessKey, variables);
    }));
  }

  /** Closes the reviews with {@code businessKey} by {@code message}, in a savepoint ({@link #run}); none open: nothing to do. */
  void close(String message, String businessKey, String failure) {
    run(failure, () -> EngineAccess.privileged(
        () -> runtime.createMessageCorrelation(message).processInstanceBusinessKey(businessKey).correlateAllWithResult()));
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
