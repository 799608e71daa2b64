package ai.archbuilder.support.ticket.process;

import static ai.archbuilder.support.ticket.TicketLifecycle.FIRST_RESPONSE_HOURS;
import static ai.archbuilder.support.ticket.TicketLifecycle.RESOLUTION_HOURS;
import static ai.archbuilder.support.ticket.TicketLifecycle.TIME_IN_TIER_HOURS;

import ai.archbuilder.support.ticket.SlaPlanner;
import ai.archbuilder.support.ticket.TicketStore;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sets the first-response, resolution and time-in-tier due dates, counted from creation. */
@Component("startSlaClocksDelegate")
class StartSlaClocksDelegate implements JavaDelegate {

  private final TicketStore tickets;
  private final SlaPlanner planner;

  StartSlaClocksDelegate(TicketStore tickets, SlaPlanner planner) {
    this.tickets = tickets;
    this.planner = planner;
  }

  @Override
  public void execute(DelegateExecution execution) {
    planner.startClocks(
        tickets.get(execution.getProcessBusinessKey()),
        FIRST_RESPONSE_HOURS.get(execution),
        RESOLUTION_HOURS.get(execution),
        TIME_IN_TIER_HOURS.get(execution));
  }
}
