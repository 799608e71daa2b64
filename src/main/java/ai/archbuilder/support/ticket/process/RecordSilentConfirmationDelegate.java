package ai.archbuilder.support.ticket.process;

import static ai.archbuilder.support.ticket.TicketLifecycle.ACCEPTED;

import ai.archbuilder.support.ticket.HistoryEvent;
import ai.archbuilder.support.ticket.TicketHistory;
import ai.archbuilder.support.ticket.TicketStore;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** No answer within the verification deadline counts as confirmed (policy §6). */
@Component("recordSilentConfirmationDelegate")
class RecordSilentConfirmationDelegate implements JavaDelegate {

  private final TicketStore tickets;
  private final TicketHistory history;

  RecordSilentConfirmationDelegate(TicketStore tickets, TicketHistory history) {
    this.tickets = tickets;
    this.history = history;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var t = tickets.get(execution.getProcessBusinessKey());
    ACCEPTED.set(execution, true);
    history.record(t.id(), HistoryEvent.SOLUTION_CONFIRMED, "system", "No answer in time: counted as confirmed");
  }
}
