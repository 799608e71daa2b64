package ai.archbuilder.support.ticket.process;

import static ai.archbuilder.support.ticket.TicketLifecycle.FAILED_ATTEMPTS_IN_TIER;
import static ai.archbuilder.support.ticket.TicketLifecycle.TRIGGER;

import ai.archbuilder.support.escalation.EscalationTrigger;
import ai.archbuilder.support.system.Now;
import ai.archbuilder.support.ticket.HistoryEvent;
import ai.archbuilder.support.ticket.SlaPlanner;
import ai.archbuilder.support.ticket.TicketHistory;
import ai.archbuilder.support.ticket.TicketStore;
import ai.archbuilder.support.ticket.TicketStore.Column;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The customer rejected the solution: back to work in the same tier, one failed attempt more. */
@Component("recordRejectionDelegate")
class RecordRejectionDelegate implements JavaDelegate {

  private final TicketStore tickets;
  private final TicketHistory history;
  private final SlaPlanner planner;

  RecordRejectionDelegate(TicketStore tickets, TicketHistory history, SlaPlanner planner) {
    this.tickets = tickets;
    this.history = history;
    this.planner = planner;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var t = tickets.get(execution.getProcessBusinessKey());
    int inTier = t.failedAttemptsInTier() + 1;
    planner
        .backToWork(t, Now.instant())
        .set(Column.FAILED_ATTEMPTS, t.failedAttempts() + 1)
        .set(Column.FAILED_ATTEMPTS_IN_TIER, inTier)
        .apply();
    FAILED_ATTEMPTS_IN_TIER.set(execution, inTier);
    TRIGGER.set(execution, EscalationTrigger.FAILED_ATTEMPTS.name());
    history.record(
        t.id(), HistoryEvent.SOLUTION_REJECTED, "customer", "Failed attempt %d in Tier %d".formatted(inTier, t.tier()));
  }
}
