package ai.archbuilder.support.ticket;

import ai.archbuilder.support.escalation.EscalationTrigger;
import ai.archbuilder.support.escalation.Escalations;
import ai.archbuilder.support.sla.CoverageClock;
import ai.archbuilder.support.sla.CoverageClocks;
import ai.archbuilder.support.system.Now;
import ai.archbuilder.support.system.RefusedConfigurationException;
import ai.archbuilder.support.ticket.TicketStore.Column;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Turns the hours the decision tables give into due dates on the ticket's coverage clock, and
 * moves them when the clocks pause. The numbers come from DMN; only the arithmetic lives here.
 */
@Service
public class SlaPlanner {

  private final CoverageClocks clocks;
  private final TicketStore tickets;
  private final TicketHistory history;
  private final Escalations escalations;
  private final double warningRatio;

  SlaPlanner(
      CoverageClocks clocks,
      TicketStore tickets,
      TicketHistory history,
      Escalations escalations,
      @Value("${support.sla.warning-ratio}") double warningRatio) {
    this.clocks = clocks;
    this.tickets = tickets;
    this.history = history;
    this.escalations = escalations;
    this.warningRatio = checkedWarningRatio(warningRatio);
  }

  /** The share of a window after which the warning goes out: more than none, less than all of it. */
  static double checkedWarningRatio(double ratio) {
    if (!(ratio > 0 && ratio < 1)) {
      throw new RefusedConfigurationException(
          "support.sla.warning-ratio (SUPPORT_SLA_WARNING_RATIO) is " + ratio + ": a warning must come after some of a window "
              + "and before all of it (more than 0, less than 1)",
          "Set SUPPORT_SLA_WARNING_RATIO to the share of a window after which the warning goes out, e.g. 0.75 (policy: 75 %).");
    }
    return ratio;
  }

  public CoverageClock clockOf(Ticket t) {
    return clocks.forCoverage(t.coverage());
  }

  static Duration hours(double hours) {
    return Duration.ofMillis(Math.round(hours * 3_600_000d));
  }

  /**
   * The clocks of a ticket in its entry tier, all counted from creation (Tier 1: triage included),
   * plus whatever coverage time the ticket has spent waiting for the customer.
   */
  public void startClocks(Ticket t, double firstResponseHours, double resolutionHours, Double timeInTierHours) {
    if (timeInTierStoppedAtCeiling(t)) {
      // re-assessed after oversight stopped the clock: the breach is on record, do not repeat it
      timeInTierHours = null;
    }
    var clock = clockOf(t);
    var paused = Duration.ofSeconds(t.pausedSeconds());
    var start = t.createdAt();
    var firstResponseDue = clock.plus(start, hours(firstResponseHours).plus(paused));
    var resolutionDue = clock.plus(start, hours(resolutionHours).plus(paused));
    var resolutionWarning = clock.plus(start, hours(resolutionHours * warningRatio).plus(paused));
    if (resolutionTargetRenewedAfterBreach(t)) {
      // re-assessed after a resolution breach: the breach is on record and a new target was set; keep it
      resolutionDue = t.resolutionDueAt();
      resolutionWarning = t.resolutionWarningAt();
    }
    var responseWarning = clock.plus(start, hours(firstResponseHours * warningRatio).plus(paused));
    if (t.responseBreached() && t.firstRespondedAt() == null && t.firstResponseDueAt() != null) {
      // re-assessed after oversight recorded the response breach: the breach stays a breach (a new,
      // later target would turn it into "met" in the SLA report), as for the resolution below
      firstResponseDue = t.firstResponseDueAt();
      responseWarning = t.responseWarningAt();
    }
    var now = Now.instant();
    tickets
        .change(t.id())
        .set(Column.TIER_ENTERED_AT, start)
        .set(Column.FIRST_RESPONSE_DUE_AT, firstResponseDue)
        .set(Column.TIER_RESPONSE_DUE_AT, t.firstRespondedAt() == null ? firstResponseDue : null)
        .set(Column.RESPONSE_WARNING_AT, responseWarning)
        .set(Column.RESPONSE_WARNED, stillWarned(t.responseWarned(), responseWarning, now))
        .set(Column.RESOLUTION_DUE_AT, resolutionDue)
        .set(Column.RESOLUTION_WARNING_AT, resolutionWarning)
        .set(Column.RESOLUTION_WARNED, stillWarned(t.resolutionWarned(), resolutionWarning, now))
        .set(
            Column.ESCALATION_DUE_AT,
            timeInTierHours == null ? null : clock.plus(start, hours(timeInTierHours).plus(paused)))
        .apply();
  }

  /**
   * A resolution breach is on record (escalation or oversight), and it gave the ticket a new
   * resolution target: a re-assessment keeps that target instead of counting from creation again,
   * which would breach at once and record the same breach a second time.
   */
  private boolean resolutionTargetRenewedAfterBreach(Ticket t) {
    return t.tierEnteredAt() != null
        && t.resolutionDueAt() != null
        && escalations.of(t.id()).stream().anyMatch(e -> e.trigger() == EscalationTrigger.RESOLUTION_BREACH);
  }

  /**
   * Oversight at the ceiling stopped the time-in-tier clock (no due while clocks had run), and the
   * ticket is still at its ceiling, so the clock stays stopped. A re-assessment that raises the
   * ceiling (a higher priority) starts it again.
   */
  private static boolean timeInTierStoppedAtCeiling(Ticket t) {
    return t.tierEnteredAt() != null
        && t.escalationDueAt() == null
        && t.tier() != null
        && t.maxTier() != null
        && t.tier() >= t.maxTier();
  }

  /**
   * A ticket entering a tier by escalation (policy §4): a new response due of entry + the smaller
   * of the tier's response time and the priority's first-response time; the resolution due stays,
   * unless it has passed: then the breach stays on record and a new target is set.
   */
  public void enterTier(
      Ticket t,
      Instant entry,
      double tierResponseHours,
      double firstResponseHours,
      double resolutionHours,
      Double timeInTierHours) {
    var clock = clockOf(t);
    double responseHours = Math.min(tierResponseHours, firstResponseHours);
    var change =
        tickets
            .change(t.id())
            .set(Column.TIER_ENTERED_AT, entry)
            .set(Column.TIER_RESPONSE_DUE_AT, clock.plus(entry, hours(responseHours)))
            .set(Column.RESPONSE_WARNING_AT, clock.plus(entry, hours(responseHours * warningRatio)))
            .set(Column.RESPONSE_WARNED, false)
            .set(Column.RESPONSE_BREACHED, false)
            .set(Column.TIER_RESPONDED_AT, null)
            .set(
                Column.ESCALATION_DUE_AT,
                timeInTierHours == null ? null : clock.plus(entry, hours(timeInTierHours)));
    if (t.resolutionDueAt() == null || !t.resolutionDueAt().isAfter(entry)) {
      renewResolutionTarget(t, entry, resolutionHours, change);
    }
    change.apply();
  }

  /** A passed resolution due stays a breach on record; the ticket gets a new target from now. */
  public void renewResolutionTarget(Ticket t, Instant from, double resolutionHours, TicketStore.Changes change) {
    var clock = clockOf(t);
    change
        .set(Column.RESOLUTION_DUE_AT, clock.plus(from, hours(resolutionHours)))
        .set(Column.RESOLUTION_WARNING_AT, clock.plus(from, hours(resolutionHours * warningRatio)))
        .set(Column.RESOLUTION_WARNED, false);
  }

  /**
   * A reopened ticket owes a new response and, if its resolution due has passed, gets a new one. Its
   * time in the tier starts again: the limit of its first stay has long passed, and counting from it
   * would move the ticket on (or record a breach) the moment it is back. The resolution clock stood
   * still from the proposed solution ({@code resolvedAt}) to the reopening, through the customer's
   * verification and the closed days: its due and 75 % mark move later by that coverage time.
   */
  public void reopen(
      Ticket t, Instant now, Instant resolvedAt, double firstResponseHours, double resolutionHours, Double timeInTierHours) {
    var clock = clockOf(t);
    var stood = resolvedAt == null || !resolvedAt.isBefore(now) ? Duration.ZERO : clock.between(resolvedAt, now);
    var resolutionDue = shift(clock, t.resolutionDueAt(), stood);
    var resolutionWarning = shift(clock, t.resolutionWarningAt(), stood);
    var change =
        tickets
            .change(t.id())
            .set(Column.PAUSED_SECONDS, t.pausedSeconds() + stood.toSeconds())
            .set(Column.RESOLUTION_DUE_AT, resolutionDue)
            .set(Column.RESOLUTION_WARNING_AT, resolutionWarning)
            .set(Column.RESOLUTION_WARNED, stillWarned(t.resolutionWarned(), resolutionWarning, now))
            .set(Column.TIER_ENTERED_AT, now)
            .set(Column.ESCALATION_DUE_AT, timeInTierHours == null ? null : clock.plus(now, hours(timeInTierHours)))
            .set(Column.TIER_RESPONSE_DUE_AT, clock.plus(now, hours(firstResponseHours)))
            .set(Column.RESPONSE_WARNING_AT, clock.plus(now, hours(firstResponseHours * warningRatio)))
            .set(Column.RESPONSE_WARNED, false)
            .set(Column.RESPONSE_BREACHED, false)
            .set(Column.TIER_RESPONDED_AT, null)
            .set(Column.PAUSED_AT, null);
    if (resolutionDue == null || !resolutionDue.isAfter(now)) {
      renewResolutionTarget(t, now, resolutionHours, change);
    }
    change.apply();
  }

  /** Stops the clocks: the ticket waits for the customer (policy §4). */
  public void pause(Ticket t, Instant now) {
    if (t.pausedAt() == null) {
      tickets.change(t.id()).set(Column.PAUSED_AT, now).apply();
      history.record(t.id(), HistoryEvent.CLOCKS_PAUSED, "system", "SLA clocks paused");
    }
  }

  /**
   * Restarts the clocks: the due date of every clock still running moves later by the coverage
   * time spent paused. A response given already stopped its clock (often the very question that
   * paused the ticket): its due stays, so a late response stays late.
   */
  public Duration resume(Ticket t, Instant now) {
    if (t.pausedAt() == null) {
      return Duration.ZERO;
    }
    var clock = clockOf(t);
    var paused = clock.between(t.pausedAt(), now);
    tickets
        .change(t.id())
        .set(Column.PAUSED_AT, null)
        .set(Column.PAUSED_SECONDS, t.pausedSeconds() + paused.toSeconds())
        .set(Column.FIRST_RESPONSE_DUE_AT, t.firstRespondedAt() != null ? t.firstResponseDueAt() : shift(clock, t.firstResponseDueAt(), paused))
        .set(Column.RESOLUTION_DUE_AT, shift(clock, t.resolutionDueAt(), paused))
        .set(Column.TIER_RESPONSE_DUE_AT, t.tierRespondedAt() != null ? t.tierResponseDueAt() : shift(clock, t.tierResponseDueAt(), paused))
        .set(Column.ESCALATION_DUE_AT, shift(clock, t.escalationDueAt(), paused))
        .set(Column.RESPONSE_WARNING_AT, t.firstRespondedAt() != null ? t.responseWarningAt() : shift(clock, t.responseWarningAt(), paused))
        .set(Column.RESOLUTION_WARNING_AT, shift(clock, t.resolutionWarningAt(), paused))
        .apply();
    history.record(
        t.id(), HistoryEvent.CLOCKS_RESUMED, "system", "SLA clocks resumed; due dates moved by " + paused);
    return paused;
  }

  /**
   * The proposed solution did not end the ticket (she rejected it, or wrote back without confirming
   * it): the clocks run again and it is in progress, no longer resolved. The changes are returned
   * unapplied, for the caller's own columns to go in the same UPDATE.
   */
  public TicketStore.Changes backToWork(Ticket t, Instant now) {
    resume(t, now);
    return tickets.change(t.id()).set(Column.STATUS, TicketStatus.IN_PROGRESS).set(Column.RESOLVED_AT, null);
  }

  /**
   * A window whose 75 % mark moved later (a re-assessment, a reopening) owes its warning again; one
   * whose mark has passed keeps the warning it had, so it is not sent twice.
   */
  private static boolean stillWarned(boolean warned, Instant warningAt, Instant now) {
    return warned && warningAt != null && !warningAt.isAfter(now);
  }

  private static Instant shift(CoverageClock clock, Instant due, Duration paused) {
    return due == null ? null : clock.plus(due, paused);
  }
}
