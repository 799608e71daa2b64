package ai.archbuilder.support.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Crash under load (issue 5): while client threads open tickets through {@code /api} with
 * Idempotency-Keys, the application's JVM is killed with SIGKILL and started again on the same
 * database and port. The clients retry whatever got no 201 with the same key and body. Afterwards
 * every acknowledged ticket exists exactly once, with exactly one running lifecycle process that
 * waits at triage with all its SLA timers, a retry with a used key answers the same ticket, and no
 * ticket row is without its process.
 *
 * <p>{@code -Dfaults.crash.tickets=…} sets how many tickets the clients open (default 160).
 */
class CrashUnderLoadFaultIT {

  private static final int CLIENTS = 4;
  private static final int TICKETS = Integer.getInteger("faults.crash.tickets", 160);

  private static FaultDatabase db;
  private static AppNode node;

  @BeforeAll
  static void start() {
    db = FaultDatabase.create("crash");
    node = new AppNode("node", db);
    System.out.printf("[crash] first start-up %s%n", node.start());
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      node.stop();
    }
    if (db != null) {
      db.close();
    }
  }

  @Test
  void aKilledAndRestartedNodeLosesNoAcknowledgedTicketAndMakesNoneTwice() {
    // a ticket of the same kind made before the fault: the timers every ticket must have
    var reference = ApiClient.post(node.baseUrl(), TicketClients.USER, "/api/tickets", TicketClients.body("crash-reference"), "crash-reference");
    assertThat(reference.status()).as("%s", reference).isEqualTo(201);
    var expectedTimers = TicketInvariants.timers(db).get(reference.json().get("key").asText());
    assertThat(expectedTimers).as("the SLA timers of a new ticket").containsKeys("Timer_TimeInTierElapsed", "Boundary_ResponseDue");

    long began = System.nanoTime();
    var clients = new TicketClients("crash", CLIENTS, TICKETS / CLIENTS, i -> node.baseUrl()).start();
    while (clients.acknowledged.size() < clients.total() * 2 / 5) {
      AppNode.sleep(20);
    }
    int beforeKill = clients.acknowledged.size();
    node.kill();
    System.out.printf("[crash] SIGKILL of pid %d after %d acknowledged tickets%n", node.pid(), beforeKill);
    var restart = node.start();
    System.out.printf("[crash] restarted in %s%n", restart);
    assertThat(clients.await(Duration.ofMinutes(5))).as("clients done after the restart").isTrue();
    System.out.printf("[crash] %d tickets acknowledged in %d s, %d attempts, %d answers other than 201, %d requests hit by the crash%n",
        clients.acknowledged.size(), Duration.ofNanos(System.nanoTime() - began).toSeconds(), clients.attempts.get(),
        clients.refusals.size(), clients.retried().size());

    assertThat(clients.acknowledged).hasSize(clients.total());
    assertThat(clients.retried()).as("requests that the crash cut off and the clients retried").isNotEmpty();
    // while the node was down or starting the clients got no answer, or a problem; never a 500
    assertThat(clients.refusals.stream().map(r -> r.answer()).filter(a -> !a.noAnswer() && (a.status() != 503 || !a.isProblem())).toList())
        .as("answers other than 201, 'no answer' or a 503 problem")
        .isEmpty();

    TicketInvariants.everyAcknowledgedTicketExistsOnce(db, clients);
    TicketInvariants.everyTicketWaitsAtTriageWithItsTimers(db, expectedTimers);

    // a client that retries any of its requests now gets the ticket it was answered with, replayed
    for (var a : clients.acknowledged.values()) {
      var again = ApiClient.post(node.baseUrl(), TicketClients.USER, "/api/tickets", TicketClients.body(a.idempotencyKey()), a.idempotencyKey());
      assertThat(again.status()).as("%s", again).isEqualTo(201);
      assertThat(again.json().get("key").asText()).as("retry of %s", a).isEqualTo(a.ticketKey());
      assertThat(again.replayed()).isEqualTo("true");
    }
    assertThat(db.count("SELECT COUNT(*) FROM ticket")).isEqualTo(clients.total() + 1L);
    var replayedAfterCrash = clients.retried().stream().filter(a -> a.replayed()).count();
    System.out.printf("[crash] of the cut-off requests, %d had committed before the kill (answered by replay), %d were made anew%n",
        replayedAfterCrash, clients.retried().size() - replayedAfterCrash);
  }
}
