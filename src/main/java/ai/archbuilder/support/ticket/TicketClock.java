package ai.archbuilder.support.ticket;

import ai.archbuilder.support.system.EngineAccess;
import ai.archbuilder.support.system.Now;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The bean behind the timers and clock conditions of the diagrams ({@code ${ticketClock...}}).
 * Every answer is read from the ticket row, the one source of truth for due dates, and computed
 * on the ticket's coverage clock. Timer expressions must return {@link Date}s.
 */
@Component("ticketClock")
public class TicketClock {

  static final String LIFECYCLE_DEADLINES = "lifecycleDeadlines";

  private final TicketStore tickets;
  private final SlaPlanner planner;
  private final DecisionService decisions;

  TicketClock(TicketStore tickets, SlaPlanner planner, DecisionService decisions) {
    this.tickets = tickets;
    this.planner = planner;
    this.decisions = decisions;
  }

  private Ticket ticket(DelegateExecution execution) {
    return tickets.get(execution.getProcessBusinessKey());
  }

  private static Date date(Instant i) {
    return Date.from(i);
  }

  /** A date in the past fires at once: used when a due date is already behind us. */
  private static Date notBeforeNow(Instant i) {
    var now = Now.instant();
    return Date.from(i == null || i.isBefore(now) ? now : i);
  }

  // ---- work tasks: due date and priority for Tasklist
  public Date taskDue(DelegateExecution execution) {
    var due = taskDueAt(ticket(execution));
    return due == null ? null : date(due);
  }

  /** When an agent's task on the ticket is due: the owed response, else the resolution. */
  public Instant taskDueAt(Ticket t) {
    if (t.status() == TicketStatus.CLOSED) {
      return null; // follow-up work (documenting the solution) runs on no SLA clock
    }
    Instant due = t.resolutionDueAt();
    if (t.tierRespondedAt() == null && t.tierResponseDueAt() != null && !t.responseBreached()) {
      due = due == null || t.tierResponseDueAt().isBefore(due) ? t.tierResponseDueAt() : due;
    }
    return due;
  }

  public int taskPriority(DelegateExecution execution) {
    return taskPriority(ticket(execution));
  }

  public int taskPriority(Ticket t) {
    return (t.priority() == null ? Priority.P4 : t.priority()).taskPriority();
  }

  // ---- response clock of the current tier
  public boolean responseOwed(DelegateExecution execution) {
    var t = ticket(execution);
    return t.tierResponseDueAt() != null && t.tierRespondedAt() == null && !t.responseBreached();
  }

  public Date responseWarningAt(DelegateExecution execution) {
    return notBeforeNow(ticket(execution).responseWarningAt());
  }

  public Date responseDue(DelegateExecution execution) {
    return notBeforeNow(ticket(execution).tierResponseDueAt());
  }

  // ---- resolution clock
  public Date resolutionWarningAt(DelegateExecution execution) {
    return notBeforeNow(ticket(execution).resolutionWarningAt());
  }

  public Date resolutionDue(DelegateExecution execution) {
    return notBeforeNow(ticket(execution).resolutionDueAt());
  }

  // ---- time-in-tier clock (escalation matrix)
  public boolean timeInTierClockRuns(DelegateExecution execution) {
    return ticket(execution).escalationDueAt() != null;
  }

  public Date escalationDue(DelegateExecution execution) {
    return notBeforeNow(ticket(execution).escalationDueAt());
  }

  // ---- status updates to the customer
  public Date nextStatusUpdateAt(DelegateExecution execution) {
    var t = ticket(execution);
    var hours = TicketLifecycle.STATUS_UPDATE_HOURS.get(execution);
    var last = t.lastStatusUpdateAt() == null || t.lastStatusUpdateAt().isBefore(t.tierEnteredAt())
        ? t.tierEnteredAt()
        : t.lastStatusUpdateAt();
    var clock = planner.clockOf(t);
    var cadence = SlaPlanner.hours(hours);
    var due = clock.plus(last, cadence);
    var now = Now.instant();
    // the cadence ran out while the ticket was away from its tier's work (waiting for the customer,
    // for her verification): she has just been heard from, so the next update is a cadence away
    return date(due.isBefore(now) ? clock.plus(now, cadence) : due);
  }

  // ---- lifecycle deadlines (DMN lifecycleDeadlines)
  public Date verificationDue(DelegateExecution execution) {
    var t = ticket(execution);
    return date(deadline(t, Deadline.VERIFICATION.name(), Now.instant()));
  }

  public Date surveyExpiresAt(DelegateExecution execution) {
    var t = ticket(execution);
    return date(deadline(t, Deadline.SURVEY.name(), t.closedAt()));
  }

  public Date reopenWindowEndsAt(DelegateExecution execution) {
    var t = ticket(execution);
    return date(deadline(t, Deadline.REOPEN_WINDOW.name(), t.closedAt()));
  }

  /** Whether a reply that arrives now still reopens the ticket (policy §6). */
  public boolean withinReopenWindow(Ticket t, Instant now) {
    return t.closedAt() != null && now.isBefore(deadline(t, Deadline.REOPEN_WINDOW.name(), t.closedAt()));
  }

  /** When a lifecycle deadline (VERIFICATION, SURVEY, REOPEN_WINDOW) counted from {@code from} ends. */
  public Instant deadline(Ticket t, String deadline, Instant from) {
    var result =
        EngineAccess.privileged(
            () ->
                decisions
                    .evaluateDecisionByKey(LIFECYCLE_DEADLINES)
                    .variables(Map.of("deadline", deadline, "coverage", t.coverage().name()))
                    .evaluate()
                    .getSingleResult());
    int amount = ((Number) result.getEntry("amount")).intValue();
    var clock = planner.clockOf(t);
    return switch (DeadlineUnit.of(result.getEntry("unit"))) {
      case WORKING_DAYS -> clock.plusWorkingDays(from, amount);
      case DAYS -> from.plus(java.time.Duration.ofDays(amount));
      case HOURS -> clock.plus(from, java.time.Duration.ofHours(amount));
    };
  }

  /** The lifecycle deadlines the application asks DMN lifecycleDeadlines for (input {@code deadline}). */
  public enum Deadline {
    VERIFICATION,
    SURVEY,
    REOPEN_WINDOW
  }

  /** The units a lifecycle deadline may be given in (output {@code unit} of DMN lifecycleDeadlines). */
  enum DeadlineUnit {
    /** Working days of the ticket's coverage clock. */
    WORKING_DAYS,
    /** Calendar days. */
    DAYS,
    /** Hours on the ticket's coverage clock. */
    HOURS;

    static DeadlineUnit of(String unit) {
      for (var u : values()) {
        if (u.name().equals(unit)) {
          return u;
        }
      }
      throw new IllegalStateException("Unknown deadline unit " + unit + " in " + LIFECYCLE_DEADLINES);
    }
  }
}
