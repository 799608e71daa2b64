package ai.archbuilder.support.ticket;

/** Ticket categories of policy §2. */
public enum Category {
  TECHNICAL,
  BILLING,
  FEATURE_REQUEST,
  TRAINING
}
