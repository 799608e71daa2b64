package ai.archbuilder.support.ticket.process;

import static ai.archbuilder.support.ticket.TicketLifecycle.DOCUMENT_IN_KB;
import static ai.archbuilder.support.ticket.TicketLifecycle.ESCALATION_REASON;
import static ai.archbuilder.support.ticket.TicketLifecycle.JUSTIFICATION;
import static ai.archbuilder.support.ticket.TicketLifecycle.KB_ARTICLE;
import static ai.archbuilder.support.ticket.TicketLifecycle.OUTCOME;
import static ai.archbuilder.support.ticket.TicketLifecycle.REPLY;
import static ai.archbuilder.support.ticket.process.TaskInput.choice;
import static ai.archbuilder.support.ticket.process.TaskInput.invalid;
import static ai.archbuilder.support.ticket.process.TaskInput.required;

import ai.archbuilder.support.escalation.EscalationContext;
import ai.archbuilder.support.escalation.EscalationReason;
import ai.archbuilder.support.system.Now;
import ai.archbuilder.support.ticket.HistoryEvent;
import ai.archbuilder.support.ticket.SlaPlanner;
import ai.archbuilder.support.ticket.TicketConversation;
import ai.archbuilder.support.ticket.TicketHistory;
import ai.archbuilder.support.ticket.TicketLifecycle.Outcome;
import ai.archbuilder.support.ticket.TicketStatus;
import ai.archbuilder.support.ticket.TicketStore;
import ai.archbuilder.support.ticket.TicketStore.Column;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Takes what the agent decided in triage or in the work task: propose a solution, ask the
 * customer for information (both are public replies), or escalate with a reason. The reply text
 * moves into the conversation table; it does not stay a process variable.
 */
@Component("recordAgentOutcomeDelegate")
class RecordAgentOutcomeDelegate implements JavaDelegate {

  private final TicketStore tickets;
  private final TicketHistory history;
  private final TicketConversation conversation;
  private final SlaPlanner planner;

  RecordAgentOutcomeDelegate(
      TicketStore tickets, TicketHistory history, TicketConversation conversation, SlaPlanner planner) {
    this.tickets = tickets;
    this.history = history;
    this.conversation = conversation;
    this.planner = planner;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var t = tickets.get(execution.getProcessBusinessKey());
    var agent = Actors.of(execution);
    // the triage's own action, after the re-assessment its corrections called for
    ParkedTriageAction.takeBack(execution);
    var outcome = choice(Outcome.class, OUTCOME.get(execution), "outcome");
    var kb = execution.getVariable(DOCUMENT_IN_KB.name());
    if (kb != null && !(kb instanceof Boolean)) {
      // a wrong type fails the task now, not the next task's creation later
      throw invalid("documentInKb", "documentInKb must be true or false, not " + kb);
    }
    if (outcome != Outcome.ESCALATE) {
      EscalationContext.clear(execution); // sent with another outcome, a reason would steer the next escalation
    }
    var now = Now.instant();
    switch (outcome) {
      case RESOLVE -> {
        conversation.agentReplied(t, agent, required(REPLY.get(execution), "reply (the proposed solution)"));
        boolean document = DOCUMENT_IN_KB.getOr(execution, false);
        String article = KB_ARTICLE.get(execution);
        // a solution already linked to an article needs no new documentation (policy §6)
        DOCUMENT_IN_KB.set(execution, document && (article == null || article.isBlank()));
        tickets
            .change(t.id())
            .set(Column.STATUS, TicketStatus.RESOLVED)
            .set(Column.RESOLVED_AT, now)
            .set(Column.DOCUMENT_IN_KB, document)
            .set(Column.KB_ARTICLE, article == null || article.isBlank() ? null : article)
            .apply();
        history.record(t.id(), HistoryEvent.SOLUTION_PROPOSED, agent, "Solution proposed; awaiting the customer's verification");
        planner.pause(tickets.get(t.key()), now);
      }
      case REQUEST_INFORMATION -> {
        conversation.agentReplied(t, agent, required(REPLY.get(execution), "reply (the question to the customer)"));
        tickets.change(t.id()).set(Column.STATUS, TicketStatus.WAITING_FOR_CUSTOMER).apply();
        history.record(t.id(), HistoryEvent.INFORMATION_REQUESTED, agent, "Waiting for the customer");
        planner.pause(tickets.get(t.key()), now);
      }
      case ESCALATE -> {
        var reason = choice(EscalationReason.class, required(ESCALATION_REASON.get(execution), "escalationReason"), "escalationReason");
        if (reason == EscalationReason.CUSTOMER_REQUEST) {
          throw invalid("escalationReason", "An agent escalates with one of the manual reasons");
        }
        required(JUSTIFICATION.get(execution), "justification");
        history.record(t.id(), HistoryEvent.ESCALATION_REQUESTED, agent, reason + ": " + JUSTIFICATION.get(execution));
      }
      case CONTINUE -> throw invalid("outcome", "CONTINUE is a triage outcome only");
    }
    REPLY.set(execution, null);
  }
}
