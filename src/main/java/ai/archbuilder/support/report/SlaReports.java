package ai.archbuilder.support.report;

import ai.archbuilder.support.escalation.EscalationTrigger;
import ai.archbuilder.support.escalation.Escalations.Action;
import ai.archbuilder.support.report.SlaReport.AgentRow;
import ai.archbuilder.support.report.SlaReport.Clock;
import ai.archbuilder.support.report.SlaReport.Row;
import ai.archbuilder.support.report.SlaReport.Rate;
import ai.archbuilder.support.report.SlaReport.Resolution;
import ai.archbuilder.support.report.SlaReport.Satisfaction;
import ai.archbuilder.support.sla.BusinessCalendarProperties;
import ai.archbuilder.support.system.Now;
import ai.archbuilder.support.ticket.Category;
import ai.archbuilder.support.ticket.Channel;
import ai.archbuilder.support.ticket.HistoryEvent;
import ai.archbuilder.support.ticket.Priority;
import ai.archbuilder.support.ticket.TicketStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** Builds the {@link SlaReport} from our own tables: the ticket row holds each clock's due date and event. */
@Component
public class SlaReports {

  /**
   * One ticket's facts the report needs. {@code tier} is the tier it is in now; {@code responseTier}
   * the tier it was in when first responded to (while unanswered, the one it is in now); {@code
   * responseBreachTier} the tier in which the engine caught its first-response clock running out
   * (null if it did not); {@code resolutionBreachTiers} the tiers in which the engine caught its
   * resolution clock running out (each such breach is answered with a new target, which the ticket
   * row shows instead).
   */
  record Facts(
      String priority,
      String channel,
      Integer tier,
      Integer responseTier,
      Integer responseBreachTier,
      String category,
      Instant created,
      Instant firstResponseDue,
      Instant firstResponded,
      Instant resolutionDue,
      Instant resolved,
      boolean paused,
      boolean closed,
      Set<Integer> resolutionBreachTiers,
      boolean escalated,
      boolean oversight,
      boolean reopened,
      boolean askedOrRejected,
      int solutionsProposed) {

    /**
     * Closed after the first solution proposed, with no question, rejection, escalation or reopening.
     * Oversight alone does not spoil it: the ticket stayed with the tier that took it and no one else
     * worked on it, and the customer got her solution from the first one proposed; a breach behind
     * the oversight shows in the clocks, not here. (A move up a tier hands the customer on, so it does.)
     */
    boolean resolutionBreachRecorded() {
      return !resolutionBreachTiers.isEmpty();
    }

    boolean firstContact() {
      return closed && solutionsProposed == 1 && !askedOrRejected && !escalated && !reopened;
    }
  }

  /** One survey answer; NPS and customer effort are optional. */
  record Answer(int csat, Integer nps, Integer ces) {}

  private final JdbcClient jdbc;
  private final BusinessCalendarProperties calendar;

  SlaReports(JdbcClient jdbc, BusinessCalendarProperties calendar) {
    this.jdbc = jdbc;
    this.calendar = calendar;
  }

  /**
   * The report for the tickets created from {@code from} to {@code to}, both days included, in the
   * business time zone. Its queries read one snapshot: an escalation committed between them would
   * otherwise give a ticket row already moved, with a new target, and no escalation row that says
   * why. Serializable, as H2's repeatable read takes each table's snapshot when it first reads it;
   * on PostgreSQL a read-only serializable transaction among read-committed ones cannot fail.
   */
  @Transactional(readOnly = true, isolation = Isolation.SERIALIZABLE)
  public SlaReport report(LocalDate from, LocalDate to) {
    var zone = calendar.zone();
    var start = from.atStartOfDay(zone).toInstant();
    var end = to.plusDays(1).atStartOfDay(zone).toInstant();
    var now = Now.instant();
    var escalations = escalations(start, end);
    var history = historyCounts(start, end);
    var facts =
        jdbc.sql(
                """
                SELECT t.id, t.priority, t.channel, t.tier, t.category, t.status, t.created_at, t.first_response_due_at, t.first_responded_at,
                       t.resolution_due_at, t.resolved_at, t.paused_at
                FROM ticket t
                WHERE t.created_at >= :start AND t.created_at < :end
                """)
            .param("start", utc(start))
            .param("end", utc(end))
            .query((rs, n) -> {
              long id = rs.getLong("id");
              return facts(rs, escalations.getOrDefault(id, List.of()), history.getOrDefault(id, Map.of()));
            })
            .list();
    var answers =
        jdbc.sql(
                """
                SELECT f.csat, f.nps, f.ces FROM feedback f JOIN ticket t ON t.id = f.ticket_id
                WHERE t.created_at >= ? AND t.created_at < ?
                """)
            .params(utc(start), utc(end))
            .query((rs, n) -> new Answer(rs.getInt("csat"), rs.getObject("nps", Integer.class), rs.getObject("ces", Integer.class)))
            .list();
    var agents = agents(start, end);

    var byPriority = rows(Arrays.stream(Priority.values()).map(Priority::name).toList(), Facts::priority, facts, now);
    var byChannel = rows(Arrays.stream(Channel.values()).map(Channel::name).toList(), Facts::channel, facts, now);
    var byTier = tierRows(facts, now);
    var days = from.datesUntil(to.plusDays(1)).map(LocalDate::toString).toList();
    var byDay = rows(days, f -> LocalDate.ofInstant(f.created(), zone).toString(), facts, now);
    var byCategory = new LinkedHashMap<String, Integer>();
    for (var c : Category.values()) {
      byCategory.put(c.name(), (int) facts.stream().filter(f -> c.name().equals(f.category())).count());
    }
    int escalated = (int) facts.stream().filter(Facts::escalated).count();
    int oversight = (int) facts.stream().filter(Facts::oversight).count();
    int reopened = (int) facts.stream().filter(Facts::reopened).count();
    int closed = (int) facts.stream().filter(Facts::closed).count();
    int firstContact = (int) facts.stream().filter(Facts::firstContact).count();
    return new SlaReport(
        from,
        to,
        zone.getId(),
        now,
        facts.size(),
        byPriority,
        row("ALL", facts, now),
        byChannel,
        byTier,
        byDay,
        Collections.unmodifiableMap(byCategory),
        agents,
        new Rate(escalated, share(escalated, facts.size())),
        new Rate(oversight, share(oversight, facts.size())),
        new Rate(reopened, share(reopened, facts.size())),
        new Resolution(closed, firstContact, share(firstContact, closed)),
        satisfaction(answers));
  }

  /** A row of the {@code escalation} table: a move up a tier or oversight, and what triggered it. */
  record EscalationRow(Instant at, String action, int fromTier, int toTier, String trigger) {}

  /**
   * The escalations of the tickets created from {@code start} (included) to {@code end}, by ticket,
   * each ticket's in the order they happened. One query for the period instead of a lookup per
   * ticket: the report reads tens of thousands of tickets.
   */
  private Map<Long, List<EscalationRow>> escalations(Instant start, Instant end) {
    var rows = new HashMap<Long, List<EscalationRow>>();
    jdbc.sql(
            """
            SELECT e.ticket_id, e.at, e.action, e.from_tier, e.to_tier, e.trigger_name FROM escalation e JOIN ticket t ON t.id = e.ticket_id
            WHERE t.created_at >= :start AND t.created_at < :end
            ORDER BY e.ticket_id, e.at, e.id
            """)
        .param("start", utc(start))
        .param("end", utc(end))
        .query(rs -> {
          rows.computeIfAbsent(rs.getLong("ticket_id"), id -> new ArrayList<>())
              .add(new EscalationRow(instant(rs, "at"), rs.getString("action"), rs.getInt("from_tier"), rs.getInt("to_tier"),
                  rs.getString("trigger_name")));
        });
    return rows;
  }

  /** The history events the report counts (reopenings, questions, rejections, solutions proposed). */
  static final List<HistoryEvent> COUNTED =
      List.of(HistoryEvent.REOPENED, HistoryEvent.INFORMATION_REQUESTED, HistoryEvent.SOLUTION_REJECTED, HistoryEvent.SOLUTION_PROPOSED);

  /** How often each of {@link #COUNTED} happened to each ticket created from {@code start} (included) to {@code end}. */
  private Map<Long, Map<HistoryEvent, Integer>> historyCounts(Instant start, Instant end) {
    var counts = new HashMap<Long, Map<HistoryEvent, Integer>>();
    jdbc.sql(
            """
            SELECT h.ticket_id, h.event, COUNT(*) AS n FROM ticket_history h JOIN ticket t ON t.id = h.ticket_id
            WHERE t.created_at >= :start AND t.created_at < :end AND h.event IN (:events)
            GROUP BY h.ticket_id, h.event
            """)
        .param("start", utc(start))
        .param("end", utc(end))
        .param("events", COUNTED.stream().map(HistoryEvent::name).toList())
        .query(rs -> {
          counts.computeIfAbsent(rs.getLong("ticket_id"), id -> new EnumMap<>(HistoryEvent.class))
              .put(HistoryEvent.valueOf(rs.getString("event")), rs.getInt("n"));
        });
    return counts;
  }

  /** The history events that are an agent's work (see {@link AgentRow}). */
  static final List<HistoryEvent> AGENT_WORK =
      List.of(HistoryEvent.TRIAGED, HistoryEvent.REPLIED, HistoryEvent.INFORMATION_REQUESTED, HistoryEvent.SOLUTION_PROPOSED,
          HistoryEvent.KB_DOCUMENTED);

  /** Each agent's work from {@code start} (included) to {@code end}, by name. */
  private List<AgentRow> agents(Instant start, Instant end) {
    var counts = new TreeMap<String, Map<HistoryEvent, Integer>>();
    jdbc.sql(
            """
            SELECT h.actor, h.event, COUNT(*) AS n FROM ticket_history h
            WHERE h.at >= :start AND h.at < :end AND h.event IN (:events) AND h.actor IS NOT NULL
            GROUP BY h.actor, h.event
            """)
        .param("start", utc(start))
        .param("end", utc(end))
        .param("events", AGENT_WORK.stream().map(HistoryEvent::name).toList())
        .query(
            rs -> {
              counts.computeIfAbsent(rs.getString("actor"), a -> new EnumMap<>(HistoryEvent.class))
                  .put(HistoryEvent.valueOf(rs.getString("event")), rs.getInt("n"));
            });
    return counts.entrySet().stream()
        .map(
            e -> {
              var did = e.getValue();
              return new AgentRow(
                  e.getKey(),
                  did.getOrDefault(HistoryEvent.TRIAGED, 0),
                  did.getOrDefault(HistoryEvent.REPLIED, 0),
                  did.getOrDefault(HistoryEvent.INFORMATION_REQUESTED, 0),
                  did.getOrDefault(HistoryEvent.SOLUTION_PROPOSED, 0),
                  did.getOrDefault(HistoryEvent.KB_DOCUMENTED, 0));
            })
        .toList();
  }

  /**
   * One row per tier that owned a clock of the period's tickets, in order (how many tiers there are
   * is the policy's business). Each clock counts in the tier that owned it, not the tier the ticket
   * is in now: the first response in the tier the ticket was in when first responded to, the
   * resolution in the tier it is in now. A ticket changes tier only by a move the {@code escalation}
   * table records (action ESCALATE: escalations, and the move to the entry tier after a re-assessment
   * made it critical; there is no way down) or by its first routing, before which it has no tier.
   * So the tier at its first response is the {@code from_tier} of the first move after it, or the
   * current tier if none came later; a move at the very instant of the response counts as before it
   * (a triage's re-assessment moves the ticket before the agent's reply goes out). The resolution
   * is the current tier's: a ticket cannot move while it is resolved (no escalation reaches the wait
   * for the customer's verification or the follow-up, and a reopening or her reply clears {@code
   * resolved_at} before any move), and a running clock belongs to the tier the ticket is in. But a
   * resolution clock that ran out in a tier is that tier's breach: the engine escalates it with a
   * new target, and the tier the ticket then goes to is judged by that target. So is a first
   * response the engine caught running out: the tier that answered afterwards is not charged with
   * a clock lost before it had the ticket (its response time counts in its median). A ticket counts
   * in the {@code tickets} of every tier that owned one of its clocks.
   */
  static List<Row> tierRows(List<Facts> facts, Instant now) {
    var tiers = new TreeSet<Integer>();
    for (var f : facts) {
      if (f.responseTier() != null) {
        tiers.add(f.responseTier());
      }
      if (f.responseBreachTier() != null) {
        tiers.add(f.responseBreachTier());
      }
      if (f.tier() != null) {
        tiers.add(f.tier());
      }
      tiers.addAll(f.resolutionBreachTiers());
    }
    return tiers.stream()
        .map(
            tier -> {
              var responded = facts.stream().map(f -> firstResponseRunIn(f, tier)).filter(Objects::nonNull).toList();
              var resolution = facts.stream().map(f -> resolutionRunIn(f, tier)).filter(Objects::nonNull).toList();
              int tickets =
                  (int) facts.stream()
                      .filter(f -> tier.equals(f.responseTier()) || tier.equals(f.responseBreachTier()) || tier.equals(f.tier())
                          || f.resolutionBreachTiers().contains(tier))
                      .count();
              return new Row(String.valueOf(tier), tickets, clock(responded, now), clock(resolution, now));
            })
        .toList();
  }

  /**
   * The ticket's first-response clock as {@code tier} owned it, null if it never did: the tier it
   * ran out in (a breach the engine caught) a breach, with the response time if that tier gave it;
   * the tier that answered after another's breach only its response time (the clock was lost before
   * it had the ticket); else the answering (or current) tier, judged by the ticket's due date.
   */
  static Run firstResponseRunIn(Facts f, int tier) {
    boolean answeredHere = f.responseTier() != null && f.responseTier() == tier;
    if (f.responseBreachTier() == null) {
      return answeredHere ? firstResponseRun(f) : null;
    }
    if (f.responseBreachTier() == tier) {
      return new Run(f.created(), f.firstResponseDue(), answeredHere ? f.firstResponded() : null, true, f.paused());
    }
    return answeredHere ? new Run(f.created(), null, f.firstResponded(), false, f.paused()) : null;
  }

  /**
   * The ticket's resolution clock as {@code tier} owned it, null if it never did: the current tier
   * judged by the ticket's target (a breach of its own recorded counts), a tier it left after its
   * clock ran out a breach without a resolution time.
   */
  static Run resolutionRunIn(Facts f, int tier) {
    boolean breachedHere = f.resolutionBreachTiers().contains(tier);
    if (f.tier() != null && f.tier() == tier) {
      return new Run(f.created(), f.resolutionDue(), f.resolved(), breachedHere, f.paused());
    }
    return breachedHere ? new Run(f.created(), f.resolutionDue(), null, true, f.paused()) : null;
  }

  /** One row per key, in the keys' order, over the tickets whose {@code group} is that key. */
  static List<Row> rows(List<String> keys, Function<Facts, String> group, List<Facts> facts, Instant now) {
    var groups = facts.stream().filter(f -> group.apply(f) != null).collect(Collectors.groupingBy(group));
    return keys.stream().map(k -> row(k, groups.getOrDefault(k, List.of()), now)).toList();
  }

  static Row row(String name, List<Facts> facts, Instant now) {
    return new Row(
        name, facts.size(), clock(facts.stream().map(SlaReports::firstResponseRun).toList(), now),
        clock(facts.stream().map(SlaReports::resolutionRun).toList(), now));
  }

  /**
   * One ticket's clock: when it started (the ticket's creation), when it is due (null: no SLA on it
   * yet, not assessed), when it stopped (null: still running), whether the engine recorded it
   * running out (it then answered with a new due date the ticket row shows instead), and whether
   * it is paused.
   */
  record Run(Instant created, Instant due, Instant event, boolean recordedBreach, boolean paused) {}

  static Run firstResponseRun(Facts f) {
    return new Run(f.created(), f.firstResponseDue(), f.firstResponded(), false, f.paused());
  }

  static Run resolutionRun(Facts f) {
    return new Run(f.created(), f.resolutionDue(), f.resolved(), f.resolutionBreachRecorded(), f.paused());
  }

  /** Counts one clock over the tickets: met, breached, running, compliance and the median hours to its event. */
  static Clock clock(List<Run> runs, Instant now) {
    int met = 0;
    int breached = 0;
    int running = 0;
    // primitive, sorted in place: a year's report takes the median of 100,000 tickets per row
    var hours = new double[runs.size()];
    int events = 0;
    for (var run : runs) {
      var d = run.due();
      var e = run.event();
      if (e != null) {
        hours[events++] = Duration.between(run.created(), e).toSeconds() / 3600.0;
      }
      if (d == null) {
        continue; // no SLA on this clock (not yet assessed)
      }
      if (run.recordedBreach()) {
        breached++;
      } else if (e != null) {
        if (e.isAfter(d)) {
          breached++;
        } else {
          met++;
        }
      } else if (!run.paused() && now.isAfter(d)) {
        breached++;
      } else {
        running++;
      }
    }
    return new Clock(met, breached, running, met + breached == 0 ? null : round((double) met / (met + breached), 4), median(hours, events));
  }

  static Satisfaction satisfaction(List<Answer> answers) {
    if (answers.isEmpty()) {
      return new Satisfaction(0, null, null, null);
    }
    double csat = answers.stream().mapToInt(Answer::csat).average().orElseThrow();
    var nps = answers.stream().map(Answer::nps).filter(Objects::nonNull).toList();
    Integer npsScore = null;
    if (!nps.isEmpty()) {
      long promoters = nps.stream().filter(v -> v >= 9).count();
      long detractors = nps.stream().filter(v -> v <= 6).count();
      npsScore = (int) Math.round(100.0 * (promoters - detractors) / nps.size());
    }
    var ces = answers.stream().map(Answer::ces).filter(Objects::nonNull).mapToInt(Integer::intValue).average();
    return new Satisfaction(answers.size(), round(csat, 2), npsScore, ces.isPresent() ? round(ces.getAsDouble(), 2) : null);
  }

  /**
   * One ticket's facts from its row, its escalations (in order) and its counted history. The tier
   * at its first response is the {@code from_tier} of the first move after it (see {@link
   * #tierRows}), escalated means moved up a tier at least once, a resolution breach is recorded in
   * the tier it was caught in.
   */
  static Facts facts(ResultSet rs, List<EscalationRow> escalations, Map<HistoryEvent, Integer> history) throws SQLException {
    var tier = rs.getObject("tier", Integer.class);
    var firstResponded = instant(rs, "first_responded_at");
    var escalate = Action.ESCALATE.name();
    var responseTier = tier;
    if (firstResponded != null) {
      responseTier =
          escalations.stream()
              .filter(e -> escalate.equals(e.action()) && e.at().isAfter(firstResponded))
              .map(EscalationRow::fromTier)
              .findFirst()
              .orElse(tier);
    }
    // the tier response clock of the tier a ticket enters first runs out with its first response
    // (SlaPlanner: the earlier of the two), and the engine escalates it: caught at or after the
    // first response's due date and before the response, the breach is the first response's
    var firstResponseDue = instant(rs, "first_response_due_at");
    var responseBreachTier =
        firstResponseDue == null
            ? null
            : escalations.stream()
                .filter(e -> EscalationTrigger.RESPONSE_BREACH.name().equals(e.trigger()) && !e.at().isBefore(firstResponseDue)
                    && (firstResponded == null || !e.at().isAfter(firstResponded)))
                .map(EscalationRow::fromTier)
                .findFirst()
                .orElse(null);
    var breachTiers = new TreeSet<Integer>();
    escalations.stream()
        .filter(e -> EscalationTrigger.RESOLUTION_BREACH.name().equals(e.trigger()))
        .forEach(e -> breachTiers.add(e.fromTier()));
    return new Facts(
        rs.getString("priority"),
        rs.getString("channel"),
        tier,
        responseTier,
        responseBreachTier,
        rs.getString("category"),
        instant(rs, "created_at"),
        firstResponseDue,
        firstResponded,
        instant(rs, "resolution_due_at"),
        instant(rs, "resolved_at"),
        rs.getObject("paused_at") != null,
        TicketStatus.CLOSED.name().equals(rs.getString("status")),
        breachTiers,
        escalations.stream().anyMatch(e -> escalate.equals(e.action()) && e.toTier() > e.fromTier()),
        escalations.stream().anyMatch(e -> Action.OVERSIGHT.name().equals(e.action())),
        history.getOrDefault(HistoryEvent.REOPENED, 0) > 0,
        history.getOrDefault(HistoryEvent.INFORMATION_REQUESTED, 0) + history.getOrDefault(HistoryEvent.SOLUTION_REJECTED, 0) > 0,
        history.getOrDefault(HistoryEvent.SOLUTION_PROPOSED, 0));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    var t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  private static OffsetDateTime utc(Instant i) {
    return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
  }

  static Double share(int part, int whole) {
    return whole == 0 ? null : round((double) part / whole, 4);
  }

  /** The median of the first {@code n} values (which it sorts), null for none. */
  static Double median(double[] values, int n) {
    if (n == 0) {
      return null;
    }
    Arrays.sort(values, 0, n);
    double m = n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    return round(m, 2);
  }

  private static double round(double v, int digits) {
    double scale = Math.pow(10, digits);
    return Math.round(v * scale) / scale;
  }
}
