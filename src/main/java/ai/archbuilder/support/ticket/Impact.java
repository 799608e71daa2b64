package ai.archbuilder.support.ticket;

/** Business impact of policy §3; with urgency it gives the priority (DMN ticketPriority). */
public enum Impact {
  SYSTEM_DOWN,
  DATA_LOSS,
  SECURITY_BREACH,
  MAJOR,
  MINOR,
  COSMETIC,
  QUESTION
}
