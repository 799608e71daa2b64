package ai.archbuilder.support.sla;

/**
 * Whose clock an SLA runs on (policy section 1).
 *
 * <p>{@link #STANDARD} counts only the configured business hours; the other two count every hour
 * of every day.
 */
public enum Coverage {
  /** Business hours of the configured business calendar, holidays excluded. */
  STANDARD(false),
  /** ENTERPRISE plan: 24/7. */
  PREMIUM_24_7(true),
  /** Every P1 ticket, whatever the plan: 24/7. */
  EMERGENCY_24_7(true);

  private final boolean roundTheClock;

  Coverage(boolean roundTheClock) {
    this.roundTheClock = roundTheClock;
  }

  /** Whether every hour counts (24/7) rather than only business hours. */
  public boolean roundTheClock() {
    return roundTheClock;
  }
}
