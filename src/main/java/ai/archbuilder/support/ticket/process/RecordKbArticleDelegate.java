package ai.archbuilder.support.ticket.process;

import static ai.archbuilder.support.ticket.TicketLifecycle.KB_ARTICLE;

import ai.archbuilder.support.ticket.HistoryEvent;
import ai.archbuilder.support.ticket.TicketHistory;
import ai.archbuilder.support.ticket.TicketStore;
import ai.archbuilder.support.ticket.TicketStore.Column;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Links the knowledge-base article Tier 1 wrote for the solution. */
@Component("recordKbArticleDelegate")
class RecordKbArticleDelegate implements JavaDelegate {

  private final TicketStore tickets;
  private final TicketHistory history;

  RecordKbArticleDelegate(TicketStore tickets, TicketHistory history) {
    this.tickets = tickets;
    this.history = history;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var t = tickets.get(execution.getProcessBusinessKey());
    var article = TaskInput.required(KB_ARTICLE.get(execution), "kbArticle (the article's link)");
    tickets.change(t.id()).set(Column.KB_ARTICLE, article).apply();
    history.record(t.id(), HistoryEvent.KB_DOCUMENTED, Actors.of(execution), article);
  }
}
