package ai.archbuilder.support.escalation;

import static ai.archbuilder.support.ticket.TicketLifecycle.RESOLUTION_HOURS;

import ai.archbuilder.support.escalation.Escalations.Action;
import ai.archbuilder.support.escalation.Escalations.Escalation;
import ai.archbuilder.support.system.Now;
import ai.archbuilder.support.ticket.HistoryEvent;
import ai.archbuilder.support.ticket.SlaPlanner;
import ai.archbuilder.support.ticket.TicketHistory;
import ai.archbuilder.support.ticket.TicketStore;
import ai.archbuilder.support.ticket.TicketStore.Column;
import ai.archbuilder.support.mail.TicketMailer;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The ticket is at its ceiling (policy §1): it does not move; the breach or request is recorded
 * for the support managers' oversight, and the clock that ran out stops (or, for resolution,
 * gets a new target) so the ticket does not bounce back here at once.
 */
@Component("recordOversightDelegate")
class RecordOversightDelegate implements JavaDelegate {

  private final TicketStore tickets;
  private final TicketHistory history;
  private final Escalations escalations;
  private final SlaPlanner planner;
  private final TicketMailer mailer;

  RecordOversightDelegate(
      TicketStore tickets, TicketHistory history, Escalations escalations, SlaPlanner planner, TicketMailer mailer) {
    this.tickets = tickets;
    this.history = history;
    this.escalations = escalations;
    this.planner = planner;
    this.mailer = mailer;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var t = tickets.get(execution.getProcessBusinessKey());
    var context = EscalationContext.of(execution);
    var now = Now.instant();
    boolean breached = context.breach() || context.trigger() == EscalationTrigger.TIME_IN_TIER;
    if (breached) {
      history.record(t.id(), HistoryEvent.BREACHED, "system", context.trigger() + " in Tier " + t.tier());
    }
    escalations.record(
        t.id(),
        new Escalation(now, t.tier(), t.tier(), context.trigger(), context.reason(), context.justification(), Action.OVERSIGHT));
    var change = tickets.change(t.id());
    switch (context.trigger()) {
      case TIME_IN_TIER -> change.set(Column.ESCALATION_DUE_AT, null);
      case RESPONSE_BREACH -> change.set(Column.RESPONSE_BREACHED, true);
      case RESOLUTION_BREACH -> planner.renewResolutionTarget(t, now, RESOLUTION_HOURS.get(execution), change);
      default -> {}
    }
    change.apply();
    history.record(
        t.id(),
        HistoryEvent.OVERSIGHT,
        "system",
        "Tier %d is the ceiling for this ticket: support managers notified (%s)".formatted(t.tier(), context.describe()));
    if (breached) {
      // the tier keeps the ticket: it hears of the breach (the dates in the message are the ones missed)
      mailer.queue(
          t,
          "sla-breach",
          Map.of("tier", t.tier(), "trigger", context.trigger().name(), "outcome", "stays in Tier " + t.tier() + ", its ceiling; the support managers oversee it"));
    }
    EscalationContext.clear(execution);
  }
}
