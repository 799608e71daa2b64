package ai.archbuilder.support.ticket.process;

import ai.archbuilder.support.ticket.HistoryEvent;
import ai.archbuilder.support.ticket.TicketHistory;
import ai.archbuilder.support.ticket.TicketStore;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Writes one history row. A process owner places it with the "Record a history event" element
 * template: input {@code event} (a {@link HistoryEvent} name), optional input {@code detail}.
 */
@Component("recordHistoryDelegate")
class RecordHistoryDelegate implements JavaDelegate {

  private final TicketStore tickets;
  private final TicketHistory history;

  RecordHistoryDelegate(TicketStore tickets, TicketHistory history) {
    this.tickets = tickets;
    this.history = history;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var event = HistoryEvent.valueOf((String) execution.getVariableLocal("event"));
    var detail = (String) execution.getVariableLocal("detail");
    var t = tickets.get(execution.getProcessBusinessKey());
    history.record(t.id(), event, Actors.of(execution), detail);
  }
}
