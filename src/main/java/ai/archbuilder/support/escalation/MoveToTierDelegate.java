package ai.archbuilder.support.escalation;

import static ai.archbuilder.support.ticket.TicketLifecycle.FAILED_ATTEMPTS_IN_TIER;
import static ai.archbuilder.support.ticket.TicketLifecycle.TARGET_TIER;
import static ai.archbuilder.support.ticket.TicketLifecycle.TIER;

import ai.archbuilder.support.escalation.Escalations.Action;
import ai.archbuilder.support.escalation.Escalations.Escalation;
import ai.archbuilder.support.system.Now;
import ai.archbuilder.support.ticket.HistoryEvent;
import ai.archbuilder.support.ticket.TicketHistory;
import ai.archbuilder.support.ticket.TicketStatus;
import ai.archbuilder.support.ticket.TicketStore;
import ai.archbuilder.support.ticket.TicketStore.Column;
import ai.archbuilder.support.mail.TicketMailer;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Moves the ticket to the tier the escalation decision chose and records why. */
@Component("moveToTierDelegate")
class MoveToTierDelegate implements JavaDelegate {

  private final TicketStore tickets;
  private final TicketHistory history;
  private final Escalations escalations;
  private final TicketMailer mailer;

  MoveToTierDelegate(TicketStore tickets, TicketHistory history, Escalations escalations, TicketMailer mailer) {
    this.tickets = tickets;
    this.history = history;
    this.escalations = escalations;
    this.mailer = mailer;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var t = tickets.get(execution.getProcessBusinessKey());
    var context = EscalationContext.of(execution);
    int from = t.tier();
    int to = TARGET_TIER.get(execution);
    var now = Now.instant();
    if (context.breach()) {
      history.record(t.id(), HistoryEvent.BREACHED, "system", context.trigger() + " in Tier " + from);
    }
    escalations.record(
        t.id(), new Escalation(now, from, to, context.trigger(), context.reason(), context.justification(), Action.ESCALATE));
    tickets
        .change(t.id())
        .set(Column.TIER, to)
        .set(Column.STATUS, TicketStatus.IN_PROGRESS)
        .set(Column.FAILED_ATTEMPTS_IN_TIER, 0)
        .set(Column.PAUSED_AT, null)
        .apply();
    TIER.set(execution, to);
    FAILED_ATTEMPTS_IN_TIER.set(execution, 0);
    history.record(
        t.id(), HistoryEvent.ESCALATED, "system", "Tier %d → Tier %d: %s".formatted(from, to, context.describe()));
    if (context.breach()) {
      // the tier that missed the target hears of it (the new tier gets the hand-over)
      mailer.queue(t, "sla-breach", Map.of("tier", from, "trigger", context.trigger().name(), "outcome", "escalated to Tier " + to));
    }
    EscalationContext.clear(execution);
  }
}
