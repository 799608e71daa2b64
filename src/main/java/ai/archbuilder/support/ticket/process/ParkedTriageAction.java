package ai.archbuilder.support.ticket.process;

import static ai.archbuilder.support.ticket.TicketLifecycle.ESCALATION_REASON;
import static ai.archbuilder.support.ticket.TicketLifecycle.JUSTIFICATION;
import static ai.archbuilder.support.ticket.TicketLifecycle.OUTCOME;
import static ai.archbuilder.support.ticket.TicketLifecycle.TRIAGE_ACTION;
import static ai.archbuilder.support.ticket.TicketLifecycle.TRIAGE_ESCALATION_REASON;
import static ai.archbuilder.support.ticket.TicketLifecycle.TRIAGE_JUSTIFICATION;

import ai.archbuilder.support.escalation.EscalationContext;
import ai.archbuilder.support.ticket.TicketLifecycle.Outcome;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * A triage that corrected the classification and chose to act at once: its action (with an
 * escalation's reason and justification) waits while the ticket is re-assessed, the triage hands
 * on as CONTINUE, and "Record outcome" takes the action back after the re-assessment.
 */
final class ParkedTriageAction {

  private ParkedTriageAction() {}

  static void park(DelegateExecution execution, Outcome action) {
    TRIAGE_ACTION.set(execution, action.name());
    OUTCOME.set(execution, Outcome.CONTINUE.name());
    if (action == Outcome.ESCALATE) {
      // kept apart, so that an escalation of the re-assessment's own neither takes nor clears them
      TRIAGE_ESCALATION_REASON.set(execution, ESCALATION_REASON.get(execution));
      TRIAGE_JUSTIFICATION.set(execution, JUSTIFICATION.get(execution));
      EscalationContext.clear(execution);
    }
  }

  /** Puts a parked action back as the outcome (with its reason and justification), if there is one. */
  static void takeBack(DelegateExecution execution) {
    var action = TRIAGE_ACTION.get(execution);
    if (action == null) {
      return;
    }
    OUTCOME.set(execution, action);
    TRIAGE_ACTION.set(execution, null);
    if (Outcome.ESCALATE.name().equals(action)) {
      ESCALATION_REASON.set(execution, TRIAGE_ESCALATION_REASON.get(execution));
      JUSTIFICATION.set(execution, TRIAGE_JUSTIFICATION.get(execution));
      TRIAGE_ESCALATION_REASON.set(execution, null);
      TRIAGE_JUSTIFICATION.set(execution, null);
    }
  }
}
