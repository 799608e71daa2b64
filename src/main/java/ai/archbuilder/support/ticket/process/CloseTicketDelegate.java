package ai.archbuilder.support.ticket.process;

import ai.archbuilder.support.system.Now;
import ai.archbuilder.support.ticket.HistoryEvent;
import ai.archbuilder.support.ticket.TicketHistory;
import ai.archbuilder.support.ticket.TicketStatus;
import ai.archbuilder.support.ticket.TicketStore;
import ai.archbuilder.support.ticket.TicketStore.Column;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The solution holds: the ticket is resolved and closed; the follow-up begins. */
@Component("closeTicketDelegate")
class CloseTicketDelegate implements JavaDelegate {

  private final TicketStore tickets;
  private final TicketHistory history;

  CloseTicketDelegate(TicketStore tickets, TicketHistory history) {
    this.tickets = tickets;
    this.history = history;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var t = tickets.get(execution.getProcessBusinessKey());
    var now = Now.instant();
    tickets
        .change(t.id())
        .set(Column.STATUS, TicketStatus.CLOSED)
        .set(Column.CLOSED_AT, now)
        .set(Column.PAUSED_AT, null)
        .apply();
    history.record(t.id(), HistoryEvent.RESOLVED, "system", "Resolved in Tier " + t.tier());
    history.record(t.id(), HistoryEvent.CLOSED, "system", "Closed");
  }
}
