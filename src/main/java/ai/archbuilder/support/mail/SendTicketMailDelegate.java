package ai.archbuilder.support.mail;

import ai.archbuilder.support.system.Now;
import ai.archbuilder.support.ticket.HistoryEvent;
import ai.archbuilder.support.ticket.TicketHistory;
import ai.archbuilder.support.ticket.TicketLifecycle;
import ai.archbuilder.support.ticket.TicketStore;
import ai.archbuilder.support.ticket.TicketStore.Column;
import java.util.HashMap;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Send a ticket e-mail" (element template): input {@code template}. Queues the message in the
 * outbox; it never fails for a mail server being away.
 */
@Component("sendTicketMailDelegate")
class SendTicketMailDelegate implements JavaDelegate {

  private final TicketStore tickets;
  private final TicketHistory history;
  private final TicketMailer mailer;

  SendTicketMailDelegate(TicketStore tickets, TicketHistory history, TicketMailer mailer) {
    this.tickets = tickets;
    this.history = history;
    this.mailer = mailer;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var template = (String) execution.getVariableLocal("template");
    var t = tickets.get(execution.getProcessBusinessKey());
    var details = new HashMap<String, Object>();
    if (template.equals("escalation") || template.equals("handover") || template.equals("manager-notification")) {
      // what the escalation was asked for with (the trigger stays set after the escalation)
      var trigger = TicketLifecycle.TRIGGER.get(execution);
      if (trigger != null) {
        details.put("trigger", trigger);
      }
    }
    mailer.queue(t, template, details);
    switch (template) {
      case "status-update" -> {
        tickets.change(t.id()).set(Column.LAST_STATUS_UPDATE_AT, Now.instant()).apply();
        history.record(t.id(), HistoryEvent.STATUS_UPDATE, "system", "Status update sent");
      }
      case "survey" -> history.record(t.id(), HistoryEvent.SURVEY_SENT, "system", "Satisfaction survey sent");
      default -> {}
    }
  }
}
