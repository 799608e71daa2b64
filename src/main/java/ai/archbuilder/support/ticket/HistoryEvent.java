package ai.archbuilder.support.ticket;

/** One row of a ticket's history. Staff see every row; a customer sees her part of it (CustomerFacing). */
public enum HistoryEvent {
  CREATED,
  CATEGORIZED,
  ASSESSED,
  ROUTED,
  TRIAGED,
  CLASSIFICATION_CORRECTED,
  CUSTOMER_MESSAGE,
  REPLIED,
  FIRST_RESPONSE,
  INFORMATION_REQUESTED,
  CLOCKS_PAUSED,
  CLOCKS_RESUMED,
  SOLUTION_PROPOSED,
  SOLUTION_REJECTED,
  SOLUTION_CONFIRMED,
  RETURNED_TO_WORK,
  RESOLVED,
  ESCALATION_REQUESTED,
  ESCALATED,
  OVERSIGHT,
  BREACHED,
  SLA_WARNING,
  STATUS_UPDATE,
  MAIL_QUEUED,
  MAIL_SENT,
  CLOSED,
  SURVEY_SENT,
  FEEDBACK,
  SURVEY_EXPIRED,
  REOPENED,
  KB_DOCUMENTED,
  LINKED,
  /** Support staff wrote to the ticket internally (e.g. answered a hand-over by e-mail). */
  INTERNAL_NOTE
}
