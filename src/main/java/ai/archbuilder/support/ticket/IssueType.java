package ai.archbuilder.support.ticket;

/** The issue type that selects the escalation matrix row (policy §2, DMN issueType). */
public enum IssueType {
  TECHNICAL,
  PERFORMANCE,
  INTEGRATION,
  SECURITY,
  BILLING
}
