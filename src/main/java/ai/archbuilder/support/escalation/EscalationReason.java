package ai.archbuilder.support.escalation;

/** Reasons for an escalation asked for by a person: the customer, or an agent (manual). */
public enum EscalationReason {
  CUSTOMER_REQUEST,
  COMPLEX_ISSUE,
  RESOURCE_REQUIREMENTS,
  VIP_CUSTOMER,
  PRODUCT_DEFECT;

  public EscalationTrigger trigger() {
    return this == CUSTOMER_REQUEST ? EscalationTrigger.CUSTOMER_REQUEST : EscalationTrigger.MANUAL;
  }
}
