package ai.archbuilder.support.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What must hold after a fault, read straight from the database: our tables and the engine's
 * runtime tables (ACT_RU_EXECUTION, ACT_RU_TASK, ACT_RU_JOB).
 */
final class TicketInvariants {

  static final String LIFECYCLE = "TicketLifecycleProcess";

  /** The process instance of every ticket, by the ticket key (its business key). */
  private static final String RUNNING_LIFECYCLES =
      """
      SELECT e.BUSINESS_KEY_, e.ID_ FROM ACT_RU_EXECUTION e JOIN ACT_RE_PROCDEF d ON d.ID_ = e.PROC_DEF_ID_
      WHERE e.ID_ = e.PROC_INST_ID_ AND d.KEY_ = 'TicketLifecycleProcess'
      """;

  private TicketInvariants() {}

  static String ticketKey(long id) {
    return "TCK-%06d".formatted(id);
  }

  /**
   * Every acknowledged ticket exists once (one row with its subject, one Idempotency-Key row
   * pointing at the ticket the client was answered with) and no ticket row is without its
   * lifecycle process or the other way round.
   */
  static void everyAcknowledgedTicketExistsOnce(FaultDatabase db, TicketClients clients) {
    var byIdempotencyKey = new HashMap<String, Long>();
    db.query("SELECT idem_key, ticket_id FROM idempotency_key WHERE principal = ?", rs -> byIdempotencyKey.put(rs.getString(1), rs.getLong(2)), TicketClients.USER);
    var subjects = new HashMap<String, Long>();
    db.query("SELECT subject, COUNT(*) FROM ticket GROUP BY subject", rs -> subjects.put(rs.getString(1), rs.getLong(2)));
    for (var a : clients.acknowledged.values()) {
      assertThat(byIdempotencyKey.get(a.idempotencyKey())).as("Idempotency-Key row of %s", a).isNotNull();
      assertThat(ticketKey(byIdempotencyKey.get(a.idempotencyKey()))).as("the ticket %s was answered with", a).isEqualTo(a.ticketKey());
      assertThat(subjects.get(TicketClients.subject(a.idempotencyKey()))).as("tickets made for %s", a).isEqualTo(1L);
    }
    // a ticket without an acknowledgement (the client gave up) is allowed only if its key row is there too
    assertThat(db.count("SELECT COUNT(*) FROM ticket t WHERE NOT EXISTS (SELECT 1 FROM idempotency_key k WHERE k.ticket_id = t.id)"))
        .as("tickets without their Idempotency-Key row")
        .isZero();
    var instances = runningLifecycles(db);
    var withoutProcess =
        db.query("SELECT id FROM ticket ORDER BY id", rs -> ticketKey(rs.getLong(1))).stream().filter(k -> !instances.containsKey(k)).toList();
    assertThat(withoutProcess).as("ticket rows without a running lifecycle process").isEmpty();
    var multiple = instances.entrySet().stream().filter(e -> e.getValue().size() != 1).map(Map.Entry::getKey).toList();
    assertThat(multiple).as("tickets with more than one lifecycle process").isEmpty();
    assertThat(instances.size()).as("lifecycle processes vs ticket rows").isEqualTo(db.count("SELECT COUNT(*) FROM ticket"));
    assertThat(db.count("SELECT COUNT(*) FROM (SELECT ticket_id FROM ticket_history WHERE event = 'CREATED' GROUP BY ticket_id HAVING COUNT(*) <> 1) x"))
        .as("tickets with other than one CREATED history row")
        .isZero();
  }

  /** Business key → process instance ids of the running lifecycle processes. */
  static Map<String, List<String>> runningLifecycles(FaultDatabase db) {
    var instances = new HashMap<String, List<String>>();
    db.query(RUNNING_LIFECYCLES, rs -> instances.computeIfAbsent(rs.getString(1), k -> new java.util.ArrayList<>()).add(rs.getString(2)));
    return instances;
  }

  /** Timer activity → count, per lifecycle process instance (by business key). */
  static Map<String, Map<String, Long>> timers(FaultDatabase db) {
    var timers = new HashMap<String, Map<String, Long>>();
    db.query(
        """
        SELECT e.BUSINESS_KEY_, d.ACT_ID_, COUNT(*) FROM ACT_RU_JOB j
        JOIN ACT_RU_JOBDEF d ON d.ID_ = j.JOB_DEF_ID_
        JOIN ACT_RU_EXECUTION e ON e.ID_ = j.PROCESS_INSTANCE_ID_
        WHERE j.TYPE_ = 'timer' AND j.PROCESS_DEF_KEY_ = 'TicketLifecycleProcess'
        GROUP BY e.BUSINESS_KEY_, d.ACT_ID_
        """,
        rs -> timers.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).put(rs.getString(2), rs.getLong(3)));
    return timers;
  }

  /**
   * Every ticket waits at triage (one open triage task, status TRIAGE) with exactly the SLA timers
   * a ticket of its kind has ({@code expectedTimers}, taken from a ticket made before the fault).
   */
  static void everyTicketWaitsAtTriageWithItsTimers(FaultDatabase db, Map<String, Long> expectedTimers) {
    var triage = new HashMap<String, Long>();
    db.query(
        """
        SELECT e.BUSINESS_KEY_, COUNT(*) FROM ACT_RU_TASK t JOIN ACT_RU_EXECUTION e ON e.ID_ = t.PROC_INST_ID_
        WHERE t.TASK_DEF_KEY_ = 'Task_TriageTicket' GROUP BY e.BUSINESS_KEY_
        """,
        rs -> triage.put(rs.getString(1), rs.getLong(2)));
    var timers = timers(db);
    var keys = db.query("SELECT id, status FROM ticket ORDER BY id", rs -> Map.entry(ticketKey(rs.getLong(1)), rs.getString(2)));
    var wrong =
        keys.stream()
            .filter(k -> !"TRIAGE".equals(k.getValue())
                || !Long.valueOf(1).equals(triage.get(k.getKey()))
                || !expectedTimers.equals(timers.get(k.getKey())))
            .map(k -> k.getKey() + " " + k.getValue() + " triage tasks " + triage.get(k.getKey()) + " timers " + timers.get(k.getKey()))
            .collect(Collectors.toList());
    assertThat(wrong).as("tickets not waiting at triage with the timers %s", expectedTimers).isEmpty();
  }
}
