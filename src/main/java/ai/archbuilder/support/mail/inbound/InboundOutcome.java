package ai.archbuilder.support.mail.inbound;

/** What became of an inbound message. */
public enum InboundOutcome {
  /** A new ticket (channel EMAIL). */
  NEW_TICKET,
  /** Added to its ticket's conversation. */
  ADDED_TO_TICKET,
  /** The customer's answer to an information request: the ticket goes back to work. */
  ANSWERED_INFORMATION_REQUEST,
  /** Neither "solved" nor "not solved" to a proposed solution: the ticket goes back to the agent. */
  RETURNED_TO_AGENT,
  /** "Yes, solved" to a proposed solution. */
  SOLUTION_CONFIRMED,
  /** "Not solved" to a proposed solution. */
  SOLUTION_REJECTED,
  /** The customer's scores in answer to the satisfaction survey (a closed ticket stays closed). */
  FEEDBACK_RECORDED,
  /**
   * Scores in answer to a survey that has expired: kept in the conversation, not counted, and the
   * closed ticket neither reopens nor gets a follow-up.
   */
  LATE_SURVEY_ANSWER,
  /** A reply within the reopen window reopened the closed ticket. */
  REOPENED,
  /** A new ticket that links the one the message replied to (late reply, or a sender foreign to it). */
  NEW_TICKET_LINKED,
  /** Support staff answering an internal e-mail: a note in the ticket's history, nothing else. */
  INTERNAL_REPLY,
  /** Auto-reply, bounce or loop: recorded, nothing else. */
  IGNORED_AUTO_REPLY,
  /** Could not be read: kept aside with the reason. */
  QUARANTINED,
  /** Processed before (same Message-ID): nothing done. */
  DUPLICATE
}
