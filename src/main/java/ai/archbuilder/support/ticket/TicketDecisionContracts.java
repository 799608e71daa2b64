package ai.archbuilder.support.ticket;

import static ai.archbuilder.support.system.DecisionContract.decision;
import static ai.archbuilder.support.ticket.TicketLifecycle.CATEGORY;
import static ai.archbuilder.support.ticket.TicketLifecycle.COVERAGE;
import static ai.archbuilder.support.ticket.TicketLifecycle.ENTRY_TIER;
import static ai.archbuilder.support.ticket.TicketLifecycle.FIRST_RESPONSE_HOURS;
import static ai.archbuilder.support.ticket.TicketLifecycle.IMPACT;
import static ai.archbuilder.support.ticket.TicketLifecycle.ISSUE_TYPE;
import static ai.archbuilder.support.ticket.TicketLifecycle.MAX_TIER;
import static ai.archbuilder.support.ticket.TicketLifecycle.PLAN;
import static ai.archbuilder.support.ticket.TicketLifecycle.PRIORITY;
import static ai.archbuilder.support.ticket.TicketLifecycle.RESOLUTION_HOURS;
import static ai.archbuilder.support.ticket.TicketLifecycle.SECURITY;
import static ai.archbuilder.support.ticket.TicketLifecycle.STATUS_UPDATE_HOURS;
import static ai.archbuilder.support.ticket.TicketLifecycle.SUBCATEGORY;
import static ai.archbuilder.support.ticket.TicketLifecycle.TIER;
import static ai.archbuilder.support.ticket.TicketLifecycle.TIER_RESPONSE_HOURS;
import static ai.archbuilder.support.ticket.TicketLifecycle.TIME_IN_TIER_HOURS;
import static ai.archbuilder.support.ticket.TicketLifecycle.URGENCY;

import ai.archbuilder.support.customer.Plan;
import ai.archbuilder.support.sla.Coverage;
import ai.archbuilder.support.system.DecisionContract;
import ai.archbuilder.support.system.DecisionContracts;
import ai.archbuilder.support.ticket.TicketClock.DeadlineUnit;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What the ticket code makes of the policy tables: the classifier reads category, subcategory and
 * impact, the assessment priority, issue type, coverage and tiers, the clocks hours and deadlines.
 */
@Component
class TicketDecisionContracts implements DecisionContracts {

  @Override
  public List<DecisionContract> decisions() {
    return List.of(
        // DmnTicketClassifier asks about every new ticket
        decision("ticketCategorization").mustAlwaysAnswer()
            .oneOf("category", Category.class)
            .oneOfOrNull("subcategory", Subcategory.class),
        decision("impactInference").mustAlwaysAnswer().oneOf("impact", Impact.class),
        // the assessment asks with the ticket's classification: a category always (the classifier's
        // catch-all), an impact when one was given or inferred (none counts too), an urgency (MEDIUM
        // unless given), security true or false, a subcategory of the category or none
        decision("basePriority").oneOf("basePriority", Priority.class)
            .asksWithOrNull(IMPACT.name(), Impact.class).asksWith(CATEGORY.name(), Category.class),
        decision("ticketPriority").oneOf(PRIORITY.name(), Priority.class)
            .asksWithOrNull(IMPACT.name(), Impact.class).asksWith(CATEGORY.name(), Category.class).asksWith(URGENCY.name(), Urgency.class),
        decision("issueType").oneOf(ISSUE_TYPE.name(), IssueType.class)
            .asksWithFlag(SECURITY.name()).asksWith(CATEGORY.name(), Category.class).asksWithOrNull(SUBCATEGORY.name(), Subcategory.class)
            .asksOnlyWhen(asked -> asked.get(SUBCATEGORY.name()) == null
                || Subcategory.valueOf((String) asked.get(SUBCATEGORY.name())).category().name().equals(asked.get(CATEGORY.name()))),
        decision("supportCoverage").oneOf(COVERAGE.name(), Coverage.class).asksWith(PRIORITY.name(), Priority.class).asksWith(PLAN.name(), Plan.class),
        // the assessment's Task_DetermineEntryTier and Task_DetermineTierCeiling ask with the
        // priority ticketPriority gave, security (true or false from intake, set again by the triage)
        // and the customer's plan; ApplyAssessmentDelegate needs both tiers for every ticket
        decision("entryTier").tier(ENTRY_TIER.name())
            .asksWith(PRIORITY.name(), Priority.class).asksWithFlag(SECURITY.name()).asksWith(PLAN.name(), Plan.class),
        decision("tierCeiling").tier(MAX_TIER.name())
            .asksWith(PRIORITY.name(), Priority.class).asksWithFlag(SECURITY.name()).asksWith(PLAN.name(), Plan.class),
        // SlaPlanner, SetTierSlaDelegate: hours on the ticket's clock
        decision("slaTargets").positive(FIRST_RESPONSE_HOURS.name()).positive(RESOLUTION_HOURS.name())
            .asksWith(PRIORITY.name(), Priority.class),
        decision("tierResponseTime").positive(TIER_RESPONSE_HOURS.name()).asksWithTier(TIER.name()),
        decision("escalationMatrix").positive("matrixHours"),
        decision("tier1PriorityWindow").positive("windowHours"),
        // Task_DetermineTimeInTierLimit, after the assessment and in EscalationProcess after a move
        // (which gets only the tiers, issue type, priority and hours: no plan or coverage), with the
        // ticket's tier and what the required escalationMatrix (issue type, tier) and
        // tier1PriorityWindow (priority) read. Every combination occurs: a P1 is in Tier 1 until the
        // re-assessment's critical reroute moves it, a security issue of any priority in any tier.
        // Empty is "no time-based move" (StartSlaClocksDelegate, SetTierSlaDelegate): it must be a
        // rule's, a deleted rule would quietly stop the moves
        decision("timeInTierLimit").positiveOrNull(TIME_IN_TIER_HOURS.name()).mustMatchARule("no limit")
            .asksWithTier(TIER.name()).asksWith(PRIORITY.name(), Priority.class).asksWith(ISSUE_TYPE.name(), IssueType.class),
        // Task_DetermineStatusCadence, on entering SubProcess_WorkInTier: any tier with any priority
        // (a P1 left below its entry tier by an oversight answer included). Empty is "no status
        // updates" (TicketClock), again only as a rule's answer
        decision("statusUpdateCadence").positiveOrNull(STATUS_UPDATE_HOURS.name()).mustMatchARule("no status updates")
            .asksWithTier(TIER.name()).asksWith(PRIORITY.name(), Priority.class),
        // TicketClock
        decision(TicketClock.LIFECYCLE_DEADLINES).wholePositive("amount").oneOf("unit", DeadlineUnit.class)
            .asksWith("deadline", TicketClock.Deadline.class).asksWith(COVERAGE.name(), Coverage.class));
  }
}
