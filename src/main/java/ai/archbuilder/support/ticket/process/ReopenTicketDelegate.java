package ai.archbuilder.support.ticket.process;

import static ai.archbuilder.support.ticket.TicketLifecycle.FIRST_RESPONSE_HOURS;
import static ai.archbuilder.support.ticket.TicketLifecycle.REOPEN_REASON;
import static ai.archbuilder.support.ticket.TicketLifecycle.RESOLUTION_HOURS;
import static ai.archbuilder.support.ticket.TicketLifecycle.TIME_IN_TIER_HOURS;
import static ai.archbuilder.support.ticket.TicketLifecycle.TRIGGER;

import ai.archbuilder.support.escalation.EscalationTrigger;
import ai.archbuilder.support.system.Now;
import ai.archbuilder.support.ticket.HistoryEvent;
import ai.archbuilder.support.ticket.SlaPlanner;
import ai.archbuilder.support.ticket.TicketHistory;
import ai.archbuilder.support.ticket.TicketStatus;
import ai.archbuilder.support.ticket.TicketStore;
import ai.archbuilder.support.ticket.TicketStore.Column;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A closed ticket comes back: the customer replied within the window (same tier) or was
 * dissatisfied (one tier up, through the escalation diagram). A new response is owed.
 */
@Component("reopenTicketDelegate")
class ReopenTicketDelegate implements JavaDelegate {

  private final TicketStore tickets;
  private final TicketHistory history;
  private final SlaPlanner planner;

  ReopenTicketDelegate(TicketStore tickets, TicketHistory history, SlaPlanner planner) {
    this.tickets = tickets;
    this.history = history;
    this.planner = planner;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var t = tickets.get(execution.getProcessBusinessKey());
    var reason = REOPEN_REASON.get(execution);
    var now = Now.instant();
    tickets
        .change(t.id())
        .set(Column.STATUS, TicketStatus.REOPENED)
        .set(Column.RESOLVED_AT, null)
        .set(Column.FAILED_ATTEMPTS_IN_TIER, 0)
        .apply();
    planner.reopen(
        tickets.get(t.key()),
        now,
        t.resolvedAt(),
        FIRST_RESPONSE_HOURS.get(execution),
        RESOLUTION_HOURS.get(execution),
        TIME_IN_TIER_HOURS.get(execution));
    boolean dissatisfied = EscalationTrigger.DISSATISFACTION.name().equals(reason);
    if (dissatisfied) {
      TRIGGER.set(execution, EscalationTrigger.DISSATISFACTION.name());
    }
    history.record(
        t.id(),
        HistoryEvent.REOPENED,
        dissatisfied ? "system" : "customer",
        dissatisfied ? "Customer dissatisfied: reopened one tier up" : "Customer replied within the reopen window");
  }
}
