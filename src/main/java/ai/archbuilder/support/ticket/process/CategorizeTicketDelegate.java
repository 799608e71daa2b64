package ai.archbuilder.support.ticket.process;

import static ai.archbuilder.support.ticket.TicketLifecycle.CATEGORY;
import static ai.archbuilder.support.ticket.TicketLifecycle.IMPACT;
import static ai.archbuilder.support.ticket.TicketLifecycle.SUBCATEGORY;

import ai.archbuilder.support.ticket.HistoryEvent;
import ai.archbuilder.support.ticket.TicketClassifier;
import ai.archbuilder.support.ticket.TicketHistory;
import ai.archbuilder.support.ticket.TicketStore;
import ai.archbuilder.support.ticket.TicketStore.Column;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Intake: fills in the category and impact the submitter did not give, and says so on the ticket. */
@Component("categorizeTicketDelegate")
class CategorizeTicketDelegate implements JavaDelegate {

  private final TicketStore tickets;
  private final TicketHistory history;
  private final TicketClassifier classifier;

  CategorizeTicketDelegate(TicketStore tickets, TicketHistory history, TicketClassifier classifier) {
    this.tickets = tickets;
    this.history = history;
    this.classifier = classifier;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var t = tickets.get(execution.getProcessBusinessKey());
    var change = tickets.change(t.id());
    var inferred = new StringBuilder();
    if (t.category() == null) {
      var c = classifier.categorize(t.subject(), t.description());
      CATEGORY.set(execution, c.category().name());
      SUBCATEGORY.set(execution, c.subcategory() == null ? null : c.subcategory().name());
      change
          .set(Column.CATEGORY, c.category())
          .set(Column.SUBCATEGORY, c.subcategory())
          .set(Column.CATEGORY_INFERRED, true);
      inferred.append("category ").append(c.category()).append('/').append(c.subcategory());
    }
    if (t.impact() == null) {
      var impact = classifier.inferImpact(t.subject(), t.description());
      IMPACT.set(execution, impact.name());
      change.set(Column.IMPACT, impact).set(Column.IMPACT_INFERRED, true);
      inferred.append(inferred.isEmpty() ? "" : ", ").append("impact ").append(impact);
    }
    change.apply();
    if (!inferred.isEmpty()) {
      history.record(t.id(), HistoryEvent.CATEGORIZED, "system", "Inferred from the text: " + inferred);
    }
  }
}
