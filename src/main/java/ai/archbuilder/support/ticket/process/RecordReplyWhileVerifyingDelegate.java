package ai.archbuilder.support.ticket.process;

import ai.archbuilder.support.system.Now;
import ai.archbuilder.support.ticket.HistoryEvent;
import ai.archbuilder.support.ticket.SlaPlanner;
import ai.archbuilder.support.ticket.TicketHistory;
import ai.archbuilder.support.ticket.TicketStore;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The customer wrote while the proposed solution waited for her verification, neither confirming
 * nor rejecting it (a question, "it works but…"): she answered, so her silence cannot count as a
 * confirmation later. Back to work in the same tier with her message, the clocks running again;
 * not a failed attempt.
 */
@Component("recordReplyWhileVerifyingDelegate")
class RecordReplyWhileVerifyingDelegate implements JavaDelegate {

  private final TicketStore tickets;
  private final TicketHistory history;
  private final SlaPlanner planner;

  RecordReplyWhileVerifyingDelegate(TicketStore tickets, TicketHistory history, SlaPlanner planner) {
    this.tickets = tickets;
    this.history = history;
    this.planner = planner;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var t = tickets.get(execution.getProcessBusinessKey());
    planner.backToWork(t, Now.instant()).apply();
    history.record(t.id(), HistoryEvent.RETURNED_TO_WORK, "customer",
        "She wrote while the solution waited for her verification: back to Tier %d".formatted(t.tier()));
  }
}
