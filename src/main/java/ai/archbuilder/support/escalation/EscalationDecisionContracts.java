package ai.archbuilder.support.escalation;

import static ai.archbuilder.support.system.DecisionContract.decision;
import static ai.archbuilder.support.ticket.TicketLifecycle.ACTION;
import static ai.archbuilder.support.ticket.TicketLifecycle.TARGET_TIER;

import ai.archbuilder.support.system.DecisionContract;
import ai.archbuilder.support.system.DecisionContracts;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The escalation decision: its action picks a path of {@code bpmn/EscalationProcess.bpmn} (one per
 * {@link Escalations.Action}, no default flow) and its target tier the group that gets the ticket.
 */
@Component
class EscalationDecisionContracts implements DecisionContracts {

  @Override
  public List<DecisionContract> decisions() {
    return List.of(decision("escalationTarget").oneOf(ACTION.name(), Escalations.Action.class).tier(TARGET_TIER.name()));
  }
}
