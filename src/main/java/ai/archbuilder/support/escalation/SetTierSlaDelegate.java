package ai.archbuilder.support.escalation;

import static ai.archbuilder.support.ticket.TicketLifecycle.FIRST_RESPONSE_HOURS;
import static ai.archbuilder.support.ticket.TicketLifecycle.RESOLUTION_HOURS;
import static ai.archbuilder.support.ticket.TicketLifecycle.TIER_RESPONSE_HOURS;
import static ai.archbuilder.support.ticket.TicketLifecycle.TIME_IN_TIER_HOURS;

import ai.archbuilder.support.system.Now;
import ai.archbuilder.support.ticket.SlaPlanner;
import ai.archbuilder.support.ticket.TicketStore;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The new tier's SLA (policy §4): response due, time-in-tier due, and a new resolution target if the old one passed. */
@Component("setTierSlaDelegate")
class SetTierSlaDelegate implements JavaDelegate {

  private final TicketStore tickets;
  private final SlaPlanner planner;

  SetTierSlaDelegate(TicketStore tickets, SlaPlanner planner) {
    this.tickets = tickets;
    this.planner = planner;
  }

  @Override
  public void execute(DelegateExecution execution) {
    planner.enterTier(
        tickets.get(execution.getProcessBusinessKey()),
        Now.instant(),
        TIER_RESPONSE_HOURS.get(execution),
        FIRST_RESPONSE_HOURS.get(execution),
        RESOLUTION_HOURS.get(execution),
        TIME_IN_TIER_HOURS.get(execution));
  }
}
