package ai.archbuilder.support.system;

/**
 * A setting the application refuses to start with: its message says what is wrong, {@link #action()}
 * what to set instead. {@link RefusedConfigurationFailureAnalyzer} prints both as Spring Boot's
 * "APPLICATION FAILED TO START" report, without a stack trace. An {@link IllegalArgumentException},
 * as a wrong value given to a constructor is elsewhere.
 */
public class RefusedConfigurationException extends IllegalArgumentException {

  private final String action;

  /**
   * @param reason what is wrong, naming the property (and its environment variable where there is one)
   * @param action what to set instead
   */
  public RefusedConfigurationException(String reason, String action) {
    super(reason);
    this.action = action;
  }

  /** What to set instead. */
  public String action() {
    return action;
  }
}
