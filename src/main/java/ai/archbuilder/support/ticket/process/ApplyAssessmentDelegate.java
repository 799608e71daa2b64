package ai.archbuilder.support.ticket.process;

import static ai.archbuilder.support.ticket.TicketLifecycle.COVERAGE;
import static ai.archbuilder.support.ticket.TicketLifecycle.ENTRY_TIER;
import static ai.archbuilder.support.ticket.TicketLifecycle.ISSUE_TYPE;
import static ai.archbuilder.support.ticket.TicketLifecycle.MAX_TIER;
import static ai.archbuilder.support.ticket.TicketLifecycle.PRIORITY;
import static ai.archbuilder.support.ticket.TicketLifecycle.TIER;
import static ai.archbuilder.support.ticket.TicketLifecycle.TRIGGER;

import ai.archbuilder.support.escalation.EscalationTrigger;
import ai.archbuilder.support.sla.Coverage;
import ai.archbuilder.support.ticket.HistoryEvent;
import ai.archbuilder.support.ticket.IssueType;
import ai.archbuilder.support.ticket.Priority;
import ai.archbuilder.support.ticket.TicketHistory;
import ai.archbuilder.support.ticket.TicketStatus;
import ai.archbuilder.support.ticket.TicketStore;
import ai.archbuilder.support.ticket.TicketStore.Column;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Writes the decisions of the assessment (priority, issue type, coverage, ceiling) to the ticket
 * and, on first assessment, routes it to its entry tier. A re-assessment after triage that makes
 * the ticket critical asks for a move to the entry tier (trigger CRITICAL_PRIORITY).
 */
@Component("applyAssessmentDelegate")
class ApplyAssessmentDelegate implements JavaDelegate {

  private final TicketStore tickets;
  private final TicketHistory history;

  ApplyAssessmentDelegate(TicketStore tickets, TicketHistory history) {
    this.tickets = tickets;
    this.history = history;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var t = tickets.get(execution.getProcessBusinessKey());
    var priority = Priority.valueOf(PRIORITY.get(execution));
    var coverage = Coverage.valueOf(COVERAGE.get(execution));
    int entryTier = ENTRY_TIER.get(execution);
    int maxTier = MAX_TIER.get(execution);
    var change =
        tickets
            .change(t.id())
            .set(Column.PRIORITY, priority)
            .set(Column.ISSUE_TYPE, IssueType.valueOf(ISSUE_TYPE.get(execution)))
            .set(Column.COVERAGE, coverage)
            .set(Column.MAX_TIER, maxTier);
    history.record(
        t.id(),
        HistoryEvent.ASSESSED,
        Actors.of(execution),
        "%s, issue type %s, %s coverage, entry tier %d, ceiling tier %d"
            .formatted(priority, ISSUE_TYPE.get(execution), coverage, entryTier, maxTier));
    Integer tier = TIER.get(execution);
    if (tier == null) {
      TIER.set(execution, entryTier);
      change
          .set(Column.TIER, entryTier)
          .set(Column.STATUS, entryTier == 1 ? TicketStatus.TRIAGE : TicketStatus.IN_PROGRESS);
      history.record(t.id(), HistoryEvent.ROUTED, "system", "Routed to Tier " + entryTier);
    } else if (entryTier > tier) {
      TRIGGER.set(execution, EscalationTrigger.CRITICAL_PRIORITY.name());
    }
    change.apply();
  }
}
