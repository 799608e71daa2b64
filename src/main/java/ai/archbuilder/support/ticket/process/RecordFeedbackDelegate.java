package ai.archbuilder.support.ticket.process;

import static ai.archbuilder.support.ticket.TicketLifecycle.CSAT;

import ai.archbuilder.support.ticket.HistoryEvent;
import ai.archbuilder.support.ticket.TicketHistory;
import ai.archbuilder.support.ticket.TicketStore;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The survey came back (the answers themselves are in the feedback table). */
@Component("recordFeedbackDelegate")
class RecordFeedbackDelegate implements JavaDelegate {

  private final TicketStore tickets;
  private final TicketHistory history;

  RecordFeedbackDelegate(TicketStore tickets, TicketHistory history) {
    this.tickets = tickets;
    this.history = history;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var t = tickets.get(execution.getProcessBusinessKey());
    history.record(t.id(), HistoryEvent.FEEDBACK, "customer", "CSAT " + CSAT.get(execution) + " of 5");
  }
}
