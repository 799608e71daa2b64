package ai.archbuilder.support.escalation;

import static ai.archbuilder.support.system.DecisionContract.decision;
import static ai.archbuilder.support.ticket.TicketLifecycle.ACTION;
import static ai.archbuilder.support.ticket.TicketLifecycle.CSAT;
import static ai.archbuilder.support.ticket.TicketLifecycle.ENTRY_TIER;
import static ai.archbuilder.support.ticket.TicketLifecycle.ESCALATION_REASON;
import static ai.archbuilder.support.ticket.TicketLifecycle.FAILED_ATTEMPTS_IN_TIER;
import static ai.archbuilder.support.ticket.TicketLifecycle.ISSUE_TYPE;
import static ai.archbuilder.support.ticket.TicketLifecycle.MAX_TIER;
import static ai.archbuilder.support.ticket.TicketLifecycle.PRIORITY;
import static ai.archbuilder.support.ticket.TicketLifecycle.TARGET_TIER;
import static ai.archbuilder.support.ticket.TicketLifecycle.TIER;
import static ai.archbuilder.support.ticket.TicketLifecycle.TRIGGER;

import ai.archbuilder.support.system.DecisionContract;
import ai.archbuilder.support.system.DecisionContracts;
import ai.archbuilder.support.ticket.IssueType;
import ai.archbuilder.support.ticket.Priority;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The escalation decision: its action picks a path of {@code bpmn/EscalationProcess.bpmn} (one per
 * {@link Escalations.Action}, no default flow) and its target tier the group that gets the ticket.
 * Every escalation the ticket's process can start needs an answer (else the escalation fails where
 * it was asked for: a customer's request, a breach timer).
 */
@Component
class EscalationDecisionContracts implements DecisionContracts {

  @Override
  public List<DecisionContract> decisions() {
    return List.of(
        decision("escalationTarget")
            .oneOf(ACTION.name(), Escalations.Action.class)
            .tier(TARGET_TIER.name())
            // Task_DecideEscalation, with what both call activities of the ticket's process pass in.
            // The tiers are not narrowed against each other, the process guarantees no order:
            // tier > maxTier happens (PRODUCT_DEFECT moves a ticket to Tier 4 whatever its ceiling;
            // a re-assessment after triage can lower the ceiling below the ticket's tier), so does
            // tier < entryTier with other triggers than CRITICAL_PRIORITY (an OVERSIGHT answer to
            // it leaves the ticket below its entry tier), and entryTier > maxTier is up to two
            // tables a process owner deploys separately.
            .asksWith(TRIGGER.name(), EscalationTrigger.class)
            .asksWithOrNull(ESCALATION_REASON.name(), EscalationReason.class)
            .asksWithTier(TIER.name())
            .asksWithTier(MAX_TIER.name())
            .asksWithTier(ENTRY_TIER.name())
            // the ticket's priority and issue type come in too: asked where a table reads them (a table
            // that reads both is tried with 13,280 combinations, about 3 s; the shipped one reads neither)
            .alsoHas(PRIORITY.name(), Priority.class)
            .alsoHas(ISSUE_TYPE.name(), IssueType.class)
            // A reason comes only with a person's request, and with the trigger it implies
            // (EscalationReason.trigger): TicketService.escalate sets both from the reason, an agent's
            // ESCALATE (trigger MANUAL) must name a manual reason. Every other trigger finds none:
            // an escalation clears it (EscalationContext.clear), so does any other outcome of a
            // work or triage task, and a triage's parked ESCALATE keeps its reason apart while the
            // re-assessment escalates (CRITICAL_PRIORITY).
            .asksOnlyWhen(asked -> reasonFits(trigger(asked), reason(asked)))
            // CRITICAL_PRIORITY comes only by Gateway_CriticalReroute → Gateway_Escalate, whose
            // condition is tier < entryTier (ApplyAssessmentDelegate set the trigger for the same).
            .asksOnlyWhen(asked -> trigger(asked) != EscalationTrigger.CRITICAL_PRIORITY || TIER.from(asked) < ENTRY_TIER.from(asked)),
        // Task_DecideAfterRejection: the rejections in the tier, counting the one just recorded
        // (RecordRejectionDelegate); ten is far past any policy's "escalate after n"
        decision("rejectionHandling").asksWithRange(FAILED_ATTEMPTS_IN_TIER.name(), 1, 10),
        // Task_DecideFeedbackFollowUp: the survey's satisfaction, 1 to 5 (the API and SurveyReply refuse others)
        decision("feedbackFollowUp").asksWithRange(CSAT.name(), 1, 5));
  }

  private static EscalationTrigger trigger(Map<String, Object> asked) {
    return EscalationTrigger.valueOf(TRIGGER.from(asked));
  }

  private static EscalationReason reason(Map<String, Object> asked) {
    var reason = ESCALATION_REASON.from(asked);
    return reason == null ? null : EscalationReason.valueOf(reason);
  }

  private static boolean reasonFits(EscalationTrigger trigger, EscalationReason reason) {
    return reason == null
        ? Arrays.stream(EscalationReason.values()).noneMatch(r -> r.trigger() == trigger)
        : reason.trigger() == trigger;
  }
}
