package ai.archbuilder.support.ticket.process;

import static ai.archbuilder.support.ticket.TicketLifecycle.CATEGORY;
import static ai.archbuilder.support.ticket.TicketLifecycle.IMPACT;
import static ai.archbuilder.support.ticket.TicketLifecycle.OUTCOME;
import static ai.archbuilder.support.ticket.TicketLifecycle.SECURITY;
import static ai.archbuilder.support.ticket.TicketLifecycle.SUBCATEGORY;
import static ai.archbuilder.support.ticket.TicketLifecycle.TRIAGED;
import static ai.archbuilder.support.ticket.TicketLifecycle.URGENCY;
import static ai.archbuilder.support.ticket.process.TaskInput.choice;
import static ai.archbuilder.support.ticket.process.TaskInput.invalid;

import ai.archbuilder.support.escalation.EscalationContext;
import ai.archbuilder.support.ticket.Category;
import ai.archbuilder.support.ticket.ClassificationCorrections;
import ai.archbuilder.support.ticket.HistoryEvent;
import ai.archbuilder.support.ticket.Impact;
import ai.archbuilder.support.ticket.Subcategory;
import ai.archbuilder.support.ticket.TicketHistory;
import ai.archbuilder.support.ticket.TicketLifecycle.Outcome;
import ai.archbuilder.support.ticket.TicketStatus;
import ai.archbuilder.support.ticket.TicketStore;
import ai.archbuilder.support.ticket.TicketStore.Column;
import ai.archbuilder.support.ticket.Urgency;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Takes Tier 1's triage: the confirmed or corrected category, subcategory, impact, urgency and
 * security flag. Every correction is kept (training data for the classifier).
 */
@Component("recordTriageDelegate")
class RecordTriageDelegate implements JavaDelegate {

  private final TicketStore tickets;
  private final TicketHistory history;
  private final ClassificationCorrections corrections;

  RecordTriageDelegate(TicketStore tickets, TicketHistory history, ClassificationCorrections corrections) {
    this.tickets = tickets;
    this.history = history;
    this.corrections = corrections;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var t = tickets.get(execution.getProcessBusinessKey());
    var agent = Actors.of(execution);
    var category = choice(Category.class, CATEGORY.get(execution), "category");
    var subcategoryName = SUBCATEGORY.get(execution);
    var subcategory =
        subcategoryName == null || subcategoryName.isBlank()
            ? null
            : choice(Subcategory.class, subcategoryName, "subcategory");
    if (subcategory != null && subcategory.category() != category) {
      throw invalid(
          "subcategory", "Subcategory %s does not belong to category %s".formatted(subcategory, category));
    }
    var impact = choice(Impact.class, IMPACT.get(execution), "impact");
    var urgency = choice(Urgency.class, URGENCY.get(execution), "urgency");
    boolean security = SECURITY.getOr(execution, false);
    // a typo must fail the task, not the process later
    var outcome = choice(Outcome.class, OUTCOME.get(execution), "outcome");
    boolean corrected =
        t.category() != category
            || t.subcategory() != subcategory
            || t.impact() != impact
            || t.urgency() != urgency
            || t.security() != security;
    if (outcome != Outcome.ESCALATE) {
      EscalationContext.clear(execution); // sent with another outcome, a reason would steer a later escalation
    }
    // priority, tier, ceiling and SLA follow the corrected classification before the action does
    boolean reassessFirst = corrected && outcome != Outcome.CONTINUE;
    if (reassessFirst) {
      ParkedTriageAction.park(execution, outcome);
    }

    corrections.record(t, "category", t.category(), category, t.categoryInferred(), agent);
    corrections.record(t, "subcategory", t.subcategory(), subcategory, t.categoryInferred(), agent);
    corrections.record(t, "impact", t.impact(), impact, t.impactInferred(), agent);
    corrections.record(t, "urgency", t.urgency(), urgency, false, agent);
    corrections.record(t, "security", t.security(), security, false, agent);

    SUBCATEGORY.set(execution, subcategory == null ? null : subcategory.name());
    SECURITY.set(execution, security);
    TRIAGED.set(execution, true);
    tickets
        .change(t.id())
        .set(Column.CATEGORY, category)
        .set(Column.SUBCATEGORY, subcategory)
        .set(Column.IMPACT, impact)
        .set(Column.URGENCY, urgency)
        .set(Column.SECURITY, security)
        .set(Column.STATUS, TicketStatus.IN_PROGRESS)
        .apply();
    history.record(
        t.id(),
        HistoryEvent.TRIAGED,
        agent,
        "%s/%s, impact %s, urgency %s%s"
            .formatted(category, Objects.toString(subcategory, "-"), impact, urgency, security ? ", security" : "")
            + (reassessFirst ? "; re-assessed before " + outcome : ""));
  }
}
