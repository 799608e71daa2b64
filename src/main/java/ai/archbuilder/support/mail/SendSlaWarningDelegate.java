package ai.archbuilder.support.mail;

import ai.archbuilder.support.ticket.HistoryEvent;
import ai.archbuilder.support.ticket.TicketHistory;
import ai.archbuilder.support.ticket.TicketStore;
import ai.archbuilder.support.ticket.TicketStore.Column;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Warns the tier at 75 % of a window (input {@code window}: RESPONSE or RESOLUTION), once per
 * window: re-entering a tier after a pause re-arms the timer, not the warning.
 */
@Component("sendSlaWarningDelegate")
class SendSlaWarningDelegate implements JavaDelegate {

  private final TicketStore tickets;
  private final TicketHistory history;
  private final TicketMailer mailer;

  SendSlaWarningDelegate(TicketStore tickets, TicketHistory history, TicketMailer mailer) {
    this.tickets = tickets;
    this.history = history;
    this.mailer = mailer;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var window = (String) execution.getVariableLocal("window");
    var t = tickets.get(execution.getProcessBusinessKey());
    boolean response = "RESPONSE".equals(window);
    if (response ? t.responseWarned() : t.resolutionWarned()) {
      return;
    }
    tickets.change(t.id()).set(response ? Column.RESPONSE_WARNED : Column.RESOLUTION_WARNED, true).apply();
    history.record(t.id(), HistoryEvent.SLA_WARNING, "system", window + " window 75 % used");
    mailer.queue(t, "sla-warning", Map.of("window", window));
  }
}
