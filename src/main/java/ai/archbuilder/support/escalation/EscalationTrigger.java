package ai.archbuilder.support.escalation;

/** What set an escalation off (policy §5). The names are the BPMN escalation codes. */
public enum EscalationTrigger {
  TIME_IN_TIER,
  RESPONSE_BREACH,
  RESOLUTION_BREACH,
  CUSTOMER_REQUEST,
  FAILED_ATTEMPTS,
  DISSATISFACTION,
  MANUAL,
  CRITICAL_PRIORITY
}
