package ai.archbuilder.support.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * How the desk kept its promises for the tickets created in a period (handbook: Performance
 * Metrics): per priority, how many first responses and resolutions came within their SLA due
 * dates, how many were late, how many clocks are still running; escalations, oversight, reopens
 * and the customers' satisfaction.
 *
 * @param from first day, in the business time zone
 * @param to last day, included
 * @param escalated the tickets moved up a tier at least once (the handbook's escalation rate)
 * @param oversight the tickets handed to the support managers' oversight at least once: at their
 *     plan's highest tier a breach or an escalation request does not move them, it is recorded and
 *     the managers are told (policy §1); a ticket can count here and in {@code escalated}
 */
public record SlaReport(
    LocalDate from,
    LocalDate to,
    String zone,
    Instant generatedAt,
    int tickets,
    List<Row> byPriority,
    Row allPriorities,
    List<Row> byChannel,
    List<Row> byTier,
    List<Row> byDay,
    Map<String, Integer> byCategory,
    List<AgentRow> agents,
    Rate escalated,
    Rate oversight,
    Rate reopened,
    Resolution closed,
    Satisfaction satisfaction) {

  /**
   * One group's tickets and their two SLA clocks. {@code key} names the group: a priority ({@code
   * P1}…, {@code ALL} for all of them), a channel ({@code EMAIL}…), a tier ({@code 1}…, only the tiers
   * that owned a clock of the period's tickets) or the day the tickets came in ({@code 2027-06-07}…,
   * every day of the period, in the business time zone). A tier row counts each clock in the tier
   * that owned it: the first response in the tier the ticket was in when first responded to, the
   * resolution in the tier that resolved it; a clock still running in the tier the ticket is in now.
   * Its {@code tickets} are those with either clock in the tier, so a ticket answered in Tier 1 and
   * resolved in Tier 2 counts in both rows.
   */
  public record Row(String key, int tickets, Clock firstResponse, Clock resolution) {}

  /**
   * One agent's work in the period, by the time it was done (not the day the ticket came in):
   * triages completed, public replies, requests for information, solutions proposed and solutions
   * written up for the knowledge base, from the tickets' history.
   */
  public record AgentRow(String agent, int triaged, int replies, int informationRequests, int solutionsProposed, int documented) {}

  /**
   * One SLA clock over many tickets. A ticket counts as {@code met} when the event came by its due
   * date (due dates move while the clocks are paused), {@code breached} when it came later, has not
   * come and the due date has passed, or the engine caught the breach (a resolution breach
   * escalates with a new target), {@code running} otherwise (also while the clocks are paused). {@code compliance} is met / (met + breached), null when neither happened; {@code
   * medianHours} is the wall-clock time from the ticket's creation to the event, over the tickets
   * where it happened.
   */
  public record Clock(int met, int breached, int running, Double compliance, Double medianHours) {}

  /** Tickets with at least one such event, and their share of all tickets of the period. */
  public record Rate(int tickets, Double share) {}

  /**
   * The period's tickets that are closed, and those of them resolved at first contact: closed
   * after the first solution proposed, with no information requested, no rejection, no move up a
   * tier and no reopening (oversight alone does not count against it). {@code firstContactShare} is their share of the closed tickets.
   */
  public record Resolution(int tickets, int firstContact, Double firstContactShare) {}

  /**
   * The survey answers of the period's tickets: CSAT 1–5 and customer effort 1–7 as averages, NPS as
   * the share of promoters (9–10) minus the share of detractors (0–6), in points.
   */
  public record Satisfaction(int responses, Double csat, Integer nps, Double customerEffort) {}
}
