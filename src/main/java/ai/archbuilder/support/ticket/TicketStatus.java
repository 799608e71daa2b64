package ai.archbuilder.support.ticket;

/** Lifecycle states of policy §6. */
public enum TicketStatus {
  NEW,
  TRIAGE,
  IN_PROGRESS,
  WAITING_FOR_CUSTOMER,
  RESOLVED,
  CLOSED,
  REOPENED
}
