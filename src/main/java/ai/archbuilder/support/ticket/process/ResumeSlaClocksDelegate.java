package ai.archbuilder.support.ticket.process;

import ai.archbuilder.support.system.Now;
import ai.archbuilder.support.ticket.SlaPlanner;
import ai.archbuilder.support.ticket.TicketStatus;
import ai.archbuilder.support.ticket.TicketStore;
import ai.archbuilder.support.ticket.TicketStore.Column;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The customer answered: the clocks run again and every due date moves by the paused time. */
@Component("resumeSlaClocksDelegate")
class ResumeSlaClocksDelegate implements JavaDelegate {

  private final TicketStore tickets;
  private final SlaPlanner planner;

  ResumeSlaClocksDelegate(TicketStore tickets, SlaPlanner planner) {
    this.tickets = tickets;
    this.planner = planner;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var t = tickets.get(execution.getProcessBusinessKey());
    planner.resume(t, Now.instant());
    tickets.change(t.id()).set(Column.STATUS, TicketStatus.IN_PROGRESS).apply();
  }
}
