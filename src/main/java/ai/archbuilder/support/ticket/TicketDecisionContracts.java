package ai.archbuilder.support.ticket;

import static ai.archbuilder.support.system.DecisionContract.decision;
import static ai.archbuilder.support.ticket.TicketLifecycle.CATEGORY;
import static ai.archbuilder.support.ticket.TicketLifecycle.COVERAGE;
import static ai.archbuilder.support.ticket.TicketLifecycle.ENTRY_TIER;
import static ai.archbuilder.support.ticket.TicketLifecycle.ESCALATION_PROCESS_KEY;
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
import java.util.Map;
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
        // unless given), security true or false, a subcategory of the category or none. Its tasks
        // run in this order (Task_DeterminePriority, …IssueType, …Coverage, …EntryTier,
        // …TierCeiling, …SlaTargets), each with the ticket's classification and plan and what the
        // tasks before it decided: at the first assessment nothing more (a re-assessment has the
        // earlier answers too, which a table could not rely on)
        withTheTicket(decision("basePriority").oneOf("basePriority", Priority.class)
            .asksWithOrNull(IMPACT.name(), Impact.class).asksWith(CATEGORY.name(), Category.class)),
        withTheTicket(decision("ticketPriority").oneOf(PRIORITY.name(), Priority.class)
            .asksWithOrNull(IMPACT.name(), Impact.class).asksWith(CATEGORY.name(), Category.class).asksWith(URGENCY.name(), Urgency.class)),
        withTheTicket(decision("issueType").oneOf(ISSUE_TYPE.name(), IssueType.class)
            .asksWithFlag(SECURITY.name()).asksWith(CATEGORY.name(), Category.class).asksWithOrNull(SUBCATEGORY.name(), Subcategory.class))
            .alsoHas(PRIORITY.name(), Priority.class),
        withTheTicket(decision("supportCoverage").oneOf(COVERAGE.name(), Coverage.class)
            .asksWith(PRIORITY.name(), Priority.class).asksWith(PLAN.name(), Plan.class))
            .alsoHas(ISSUE_TYPE.name(), IssueType.class),
        // the assessment's Task_DetermineEntryTier and Task_DetermineTierCeiling ask with the
        // priority ticketPriority gave, security (true or false from intake, set again by the triage)
        // and the customer's plan; ApplyAssessmentDelegate needs both tiers for every ticket
        withTheTicket(decision("entryTier").tier(ENTRY_TIER.name())
            .asksWith(PRIORITY.name(), Priority.class).asksWithFlag(SECURITY.name()).asksWith(PLAN.name(), Plan.class))
            .alsoHas(ISSUE_TYPE.name(), IssueType.class).alsoHas(COVERAGE.name(), Coverage.class),
        withTheTicket(decision("tierCeiling").tier(MAX_TIER.name())
            .asksWith(PRIORITY.name(), Priority.class).asksWithFlag(SECURITY.name()).asksWith(PLAN.name(), Plan.class))
            .alsoHas(ISSUE_TYPE.name(), IssueType.class).alsoHas(COVERAGE.name(), Coverage.class).alsoHasTier(ENTRY_TIER.name()),
        // SlaPlanner, SetTierSlaDelegate: hours on the ticket's clock
        withTheTicket(decision("slaTargets").positive(FIRST_RESPONSE_HOURS.name()).positive(RESOLUTION_HOURS.name())
            .asksWith(PRIORITY.name(), Priority.class))
            .alsoHas(ISSUE_TYPE.name(), IssueType.class).alsoHas(COVERAGE.name(), Coverage.class)
            .alsoHasTier(ENTRY_TIER.name()).alsoHasTier(MAX_TIER.name()),
        // only EscalationProcess asks it, on a move, with what the call activities pass in: the
        // ticket's tiers, priority and issue type (not its classification, plan or coverage)
        decision("tierResponseTime").positive(TIER_RESPONSE_HOURS.name()).asksWithTier(TIER.name())
            .alsoHas(PRIORITY.name(), Priority.class).alsoHas(ISSUE_TYPE.name(), IssueType.class)
            .alsoHasTier(ENTRY_TIER.name()).alsoHasTier(MAX_TIER.name()),
        // the matrix is asked as timeInTierLimit asks it (its Tier 4 has no rule: timeInTierLimit
        // reads no matrix there), so only its values are checked here
        whereTimeInTierIsDetermined(decision("escalationMatrix").positive("matrixHours")),
        // P1 has no window (§5): written as a rule with an empty output, so that a deleted P2 to P4
        // row is refused rather than quietly giving its tickets the matrix's hours
        whereTimeInTierIsDetermined(decision("tier1PriorityWindow").positiveOrNull("windowHours")
            .mustMatchARule("no window, the matrix's hours alone").asksWith(PRIORITY.name(), Priority.class)),
        // Task_DetermineTimeInTierLimit, after the assessment and in EscalationProcess after a move,
        // with the ticket's tier and what the required escalationMatrix (issue type, tier) and
        // tier1PriorityWindow (priority) read. Every combination occurs: a P1 is in Tier 1 until the
        // re-assessment's critical reroute moves it, a security issue of any priority in any tier.
        // Empty is "no time-based move" (StartSlaClocksDelegate, SetTierSlaDelegate): it must be a
        // rule's, a deleted rule would quietly stop the moves
        whereTimeInTierIsDetermined(decision("timeInTierLimit").positiveOrNull(TIME_IN_TIER_HOURS.name()).mustMatchARule("no limit")
            .asksWithTier(TIER.name()).asksWith(PRIORITY.name(), Priority.class).asksWith(ISSUE_TYPE.name(), IssueType.class)),
        // Task_DetermineStatusCadence, on entering SubProcess_WorkInTier: any tier with any priority
        // (a P1 left below its entry tier by an oversight answer included). Empty is "no status
        // updates" (TicketClock), again only as a rule's answer. Only the lifecycle asks it: it has
        // the whole assessment
        withTheAssessment(decision("statusUpdateCadence").positiveOrNull(STATUS_UPDATE_HOURS.name()).mustMatchARule("no status updates")
            .asksWithTier(TIER.name()).asksWith(PRIORITY.name(), Priority.class)),
        // TicketClock
        decision(TicketClock.LIFECYCLE_DEADLINES).wholePositive("amount").oneOf("unit", DeadlineUnit.class)
            .asksWith("deadline", TicketClock.Deadline.class).asksWith(COVERAGE.name(), Coverage.class));
  }

  /**
   * What the lifecycle has once the ticket is assessed, besides what {@code contract} asks: the
   * ticket's classification (a subcategory of its category or none, an impact or none), its plan,
   * the assessment's answers and its tiers. The check asks with those a table reads (a column a
   * process owner adds). Flow variables (trigger, outcome, counts) and hours are not asked.
   */
  private static DecisionContract withTheAssessment(DecisionContract contract) {
    return withTheTicket(contract)
        .alsoHas(PRIORITY.name(), Priority.class).alsoHas(ISSUE_TYPE.name(), IssueType.class)
        .alsoHas(COVERAGE.name(), Coverage.class)
        .alsoHasTier(TIER.name()).alsoHasTier(ENTRY_TIER.name()).alsoHasTier(MAX_TIER.name());
  }

  /**
   * What the lifecycle has from the start, besides what {@code contract} asks: the ticket's
   * classification (a subcategory of its category or none, an impact or none) and the customer's
   * plan (TicketService starts the process with them). The check asks with those a table reads.
   */
  private static DecisionContract withTheTicket(DecisionContract contract) {
    return contract
        .alsoHas(CATEGORY.name(), Category.class).alsoHasOrNull(SUBCATEGORY.name(), Subcategory.class)
        .alsoHasOrNull(IMPACT.name(), Impact.class).alsoHas(URGENCY.name(), Urgency.class).alsoHasFlag(SECURITY.name())
        .alsoHas(PLAN.name(), Plan.class)
        .asksOnlyWhen(TicketDecisionContracts::subcategoryOfItsCategory);
  }

  /**
   * Task_DetermineTimeInTierLimit evaluates timeInTierLimit, and with it escalationMatrix and
   * tier1PriorityWindow, in two processes: the lifecycle's assessment ({@link #withTheAssessment})
   * and EscalationProcess after a move, which has the tiers, the priority and the issue type (what
   * the call activities pass in), but none of the classification, plan or coverage.
   */
  private static DecisionContract whereTimeInTierIsDetermined(DecisionContract contract) {
    return withTheAssessment(contract).lackedBy(ESCALATION_PROCESS_KEY,
        CATEGORY.name(), SUBCATEGORY.name(), IMPACT.name(), URGENCY.name(), SECURITY.name(), PLAN.name(), COVERAGE.name());
  }

  /** A subcategory only with its own category (or none), where both are asked. */
  private static boolean subcategoryOfItsCategory(Map<String, Object> asked) {
    var subcategory = SUBCATEGORY.from(asked);
    return subcategory == null
        || !asked.containsKey(CATEGORY.name())
        || Subcategory.valueOf(subcategory).category().name().equals(CATEGORY.from(asked));
  }
}
