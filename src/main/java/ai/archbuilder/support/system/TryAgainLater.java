package ai.archbuilder.support.system;

/**
 * The request met a state that will pass (a process an administrator suspended, a process that
 * moved on at the same moment): it is rolled back whole, nothing of it is saved, and the same
 * request sent again later is handled. The API answers 409 with {@code Retry-After}; the mailbox
 * leaves the e-mail unseen for its next poll without counting it towards the quarantine.
 */
public class TryAgainLater extends RuntimeException {

  private final int retryAfterSeconds;

  public TryAgainLater(String message, int retryAfterSeconds) {
    super(message);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public int retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
