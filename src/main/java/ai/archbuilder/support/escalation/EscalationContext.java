package ai.archbuilder.support.escalation;

import static ai.archbuilder.support.ticket.TicketLifecycle.ESCALATION_REASON;
import static ai.archbuilder.support.ticket.TicketLifecycle.JUSTIFICATION;
import static ai.archbuilder.support.ticket.TicketLifecycle.TRIGGER;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** What an escalation was asked for with: trigger, reason and justification, read once and cleared. */
public record EscalationContext(EscalationTrigger trigger, EscalationReason reason, String justification) {

  static EscalationContext of(DelegateExecution execution) {
    var reason = ESCALATION_REASON.get(execution);
    return new EscalationContext(
        EscalationTrigger.valueOf(TRIGGER.get(execution)),
        reason == null || reason.isBlank() ? null : EscalationReason.valueOf(reason),
        JUSTIFICATION.get(execution));
  }

  /**
   * Set to null rather than removed: the call activity copies all variables back to the ticket's
   * process, and a stale reason (say PRODUCT_DEFECT) must not steer the next escalation.
   */
  public static void clear(DelegateExecution execution) {
    ESCALATION_REASON.set(execution, null);
    JUSTIFICATION.set(execution, null);
  }

  String describe() {
    return trigger + (reason == null ? "" : " (" + reason + ")") + (justification == null ? "" : ": " + justification);
  }

  boolean breach() {
    return trigger == EscalationTrigger.RESPONSE_BREACH || trigger == EscalationTrigger.RESOLUTION_BREACH;
  }
}
