package ai.archbuilder.support.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two nodes, one database (issue 5): two instances of the application on one PostgreSQL database,
 * both job executors on (a homogeneous Camunda cluster). N tickets are opened through both nodes,
 * their time-in-tier timers are made due at once (in the database), and node A is killed with
 * SIGKILL while the escalations run. Node B finishes the work, including the jobs A had locked
 * (they come back after the lock time, 15 s here). Every ticket is escalated exactly once: one
 * escalation row, one ESCALATED history row, one escalation e-mail, each timer job executed
 * successfully once, and no e-mail queued or sent twice.
 *
 * <p>N is issue 5's 5,000 (4–12 minutes here, depending on the machine's day); {@code -Dfaults.tickets=…} sets another.
 */
class TwoNodesFaultIT {

  private static final int N = Integer.getInteger("faults.tickets", 5000);
  private static final int CLIENTS = 4;
  private static final String LOCK_TIME = "--camunda.bpm.job-execution.lock-time-in-millis=15000";

  private static FaultDatabase db;
  private static AppNode a;
  private static AppNode b;

  @BeforeAll
  static void start() {
    db = FaultDatabase.create("nodes");
    a = new AppNode("a", db, LOCK_TIME, "--camunda.bpm.generic-properties.properties.hostname=node-a");
    b = new AppNode("b", db, LOCK_TIME, "--camunda.bpm.generic-properties.properties.hostname=node-b");
    // one after the other: the first creates the schema
    System.out.printf("[nodes] node a up in %s%n", a.start());
    System.out.printf("[nodes] node b up in %s%n", b.start());
  }

  @AfterAll
  static void stop() {
    for (var node : new AppNode[] {a, b}) {
      if (node != null) {
        node.stop();
      }
    }
    if (db != null) {
      db.close();
    }
  }

  @Test
  void dueTimersAreEscalatedExactlyOnceAndTheSurvivorFinishesWhenANodeDies() {
    long began = System.nanoTime();
    var clients = new TicketClients("nodes", CLIENTS, N / CLIENTS, i -> (i % 2 == 0 ? a : b).baseUrl()).start();
    assertThat(clients.await(Duration.ofMinutes(20))).as("intake done").isTrue();
    var intake = Duration.ofNanos(System.nanoTime() - began);
    assertThat(clients.acknowledged).hasSize(N);
    assertThat(clients.refusals).as("refused requests with both nodes up").isEmpty();
    System.out.printf("[nodes] %d tickets through two nodes in %d s (%.0f/s)%n", N, intake.toSeconds(), N * 1000.0 / intake.toMillis());

    long dueAt = System.nanoTime();
    int due = db.update(
        """
        UPDATE ACT_RU_JOB SET DUEDATE_ = now() - interval '1 second'
        WHERE TYPE_ = 'timer' AND PROCESS_DEF_KEY_ = 'TicketLifecycleProcess'
          AND JOB_DEF_ID_ IN (SELECT ID_ FROM ACT_RU_JOBDEF WHERE ACT_ID_ = 'Timer_TimeInTierElapsed')
        """);
    assertThat(due).as("time-in-tier timers made due").isEqualTo(N);

    while (escalations() < N / 3) {
      AppNode.sleep(50);
    }
    a.kill();
    long killedAt = System.nanoTime();
    long atKill = escalations();
    long lockedByA = db.count("SELECT COUNT(*) FROM ACT_RU_JOB WHERE LOCK_OWNER_ IS NOT NULL AND LOCK_EXP_TIME_ > now()");
    System.out.printf("[nodes] SIGKILL of node a after %d escalations (%d jobs locked at that moment)%n", atKill, lockedByA);

    long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
    while ((escalations() < N || sentEscalationMails() < N) && System.nanoTime() < deadline) {
      assertThat(b.healthy()).as("node b stays up").isTrue();
      AppNode.sleep(500);
    }
    var drain = Duration.ofNanos(System.nanoTime() - dueAt);
    System.out.printf("[nodes] all %d escalations and their e-mails done %d s after the timers fell due (%d s after the kill)%n",
        N, drain.toSeconds(), Duration.ofNanos(System.nanoTime() - killedAt).toSeconds());

    // exactly once, counted per ticket
    assertThat(perTicket("SELECT ticket_id, COUNT(*) FROM escalation GROUP BY ticket_id")).as("escalation rows per ticket").isEqualTo(once());
    assertThat(perTicket("SELECT ticket_id, COUNT(*) FROM ticket_history WHERE event = 'ESCALATED' GROUP BY ticket_id"))
        .as("ESCALATED history rows per ticket")
        .isEqualTo(once());
    assertThat(perTicket("SELECT ticket_id, COUNT(*) FROM outbound_mail WHERE template = 'escalation' GROUP BY ticket_id"))
        .as("escalation e-mails per ticket")
        .isEqualTo(once());
    assertThat(db.count("SELECT COUNT(*) FROM (SELECT 1 FROM outbound_mail GROUP BY ticket_id, template HAVING COUNT(*) > 1) x"))
        .as("e-mails queued twice (same ticket and template)")
        .isZero();
    assertThat(db.count("SELECT COUNT(*) FROM (SELECT 1 FROM ticket_history WHERE event = 'MAIL_SENT' GROUP BY detail HAVING COUNT(*) > 1) x"))
        .as("e-mails sent twice (MAIL_SENT rows with the same Message-ID)")
        .isZero();
    assertThat(db.count("SELECT COUNT(*) FROM ticket_history WHERE event = 'MAIL_QUEUED'"))
        .as("MAIL_QUEUED rows vs e-mails in the outbox")
        .isEqualTo(db.count("SELECT COUNT(*) FROM outbound_mail"));
    assertThat(db.count("SELECT COUNT(*) FROM ticket WHERE tier = 2 AND status = 'IN_PROGRESS'")).as("tickets now in Tier 2").isEqualTo(N);
    // each due timer ran successfully exactly once across the cluster (job log state 2 = successful)
    var byNode = new HashMap<String, Long>();
    db.query(
        """
        SELECT HOSTNAME_, COUNT(*) FROM ACT_HI_JOB_LOG
        WHERE ACT_ID_ = 'Timer_TimeInTierElapsed' AND JOB_STATE_ = 2 GROUP BY HOSTNAME_
        """,
        rs -> byNode.put(rs.getString(1), rs.getLong(2)));
    var allJobs = new HashMap<String, Long>();
    db.query("SELECT HOSTNAME_, COUNT(*) FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 2 GROUP BY HOSTNAME_", rs -> allJobs.put(rs.getString(1), rs.getLong(2)));
    System.out.printf("[nodes] time-in-tier timers executed by node: %s; all successful jobs by node: %s%n", byNode, allJobs);
    assertThat(byNode.values().stream().mapToLong(Long::longValue).sum()).as("successful time-in-tier job executions").isEqualTo(N);
    assertThat(db.count(
            "SELECT COUNT(*) FROM (SELECT 1 FROM ACT_HI_JOB_LOG WHERE ACT_ID_ = 'Timer_TimeInTierElapsed' AND JOB_STATE_ = 2 GROUP BY JOB_ID_ HAVING COUNT(*) > 1) x"))
        .as("timer jobs that succeeded twice")
        .isZero();
    assertThat(byNode.get("node-b")).as("the survivor's share").isPositive();
    assertThat(db.count("SELECT COUNT(*) FROM ACT_RU_INCIDENT")).as("incidents").isZero();
    // every ticket still has exactly one running lifecycle
    assertThat(TicketInvariants.runningLifecycles(db).values().stream().filter(l -> l.size() != 1).count()).isZero();
    assertThat(TicketInvariants.runningLifecycles(db)).hasSize(N);
  }

  private long escalations() {
    return db.count("SELECT COUNT(*) FROM escalation");
  }

  private long sentEscalationMails() {
    return db.count("SELECT COUNT(*) FROM outbound_mail WHERE template = 'escalation' AND sent_at IS NOT NULL");
  }

  /** How many tickets have each count (e.g. {1=5000}: every ticket once). */
  private Map<Long, Long> perTicket(String sql) {
    var histogram = new HashMap<Long, Long>();
    db.query(sql, rs -> histogram.merge(rs.getLong(2), 1L, Long::sum));
    return histogram;
  }

  private static Map<Long, Long> once() {
    return Map.of(1L, (long) N);
  }
}
