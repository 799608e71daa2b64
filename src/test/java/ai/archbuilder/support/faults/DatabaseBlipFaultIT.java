package ai.archbuilder.support.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Database blip (issue 5): while client threads open tickets and read them, every connection of
 * the application to PostgreSQL is killed ({@code pg_terminate_backend}) again and again for a
 * few seconds. The API answers 503 with a problem body (or succeeds) while it happens, never a 500
 * or a stack trace; it recovers by itself (the pool reconnects); and every ticket acknowledged with
 * a 201 exists exactly once with its process waiting at triage with all its timers.
 *
 * <p>{@code -Dfaults.blip.tickets=…} (default 200), {@code -Dfaults.blip.seconds=…} (default 5).
 */
class DatabaseBlipFaultIT {

  private static final int CLIENTS = 4;
  private static final int TICKETS = Integer.getInteger("faults.blip.tickets", 200);
  private static final int BLIP_SECONDS = Integer.getInteger("faults.blip.seconds", 5);

  private static FaultDatabase db;
  private static AppNode node;

  @BeforeAll
  static void start() {
    db = FaultDatabase.create("blip");
    node = new AppNode("node", db);
    System.out.printf("[blip] start-up %s%n", node.start());
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
  void killedConnectionsAre503ProblemsAndNothingAcknowledgedIsLost() {
    var reference = ApiClient.post(node.baseUrl(), TicketClients.USER, "/api/tickets", TicketClients.body("blip-reference"), "blip-reference");
    assertThat(reference.status()).as("%s", reference).isEqualTo(201);
    var referenceKey = reference.json().get("key").asText();
    var expectedTimers = TicketInvariants.timers(db).get(referenceKey);

    var clients = new TicketClients("blip", CLIENTS, TICKETS / CLIENTS, i -> node.baseUrl()).start();
    // a reader besides the writers: the ticket, the list, the history
    var reads = Collections.synchronizedList(new ArrayList<ApiClient.Answer>());
    var reading = new AtomicBoolean(true);
    var reader =
        new Thread(
            () -> {
              while (reading.get()) {
                for (var path : List.of("/api/tickets/" + referenceKey, "/api/tickets?size=5", "/api/tickets/" + referenceKey + "/history")) {
                  reads.add(ApiClient.get(node.baseUrl(), "admin", path));
                }
              }
            });
    reader.setDaemon(true);
    reader.start();
    while (clients.acknowledged.size() < 20) {
      AppNode.sleep(20);
    }

    int terminated = 0;
    long blipEnd = System.nanoTime() + Duration.ofSeconds(BLIP_SECONDS).toNanos();
    int acknowledgedBefore = clients.acknowledged.size();
    while (System.nanoTime() < blipEnd) {
      terminated += db.terminateApplicationConnections();
      AppNode.sleep(150);
    }
    int acknowledgedDuring = clients.acknowledged.size() - acknowledgedBefore;
    long recoveryStart = System.nanoTime();
    int atEnd = clients.acknowledged.size();
    while (clients.acknowledged.size() < Math.min(atEnd + CLIENTS, clients.total()) && System.nanoTime() - recoveryStart < Duration.ofSeconds(60).toNanos()) {
      AppNode.sleep(10);
    }
    var recovery = Duration.ofNanos(System.nanoTime() - recoveryStart);
    assertThat(clients.await(Duration.ofMinutes(5))).as("clients done").isTrue();
    reading.set(false);
    try {
      reader.join(60_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }

    var answers = new ArrayList<ApiClient.Answer>(clients.refusals.stream().map(TicketClients.Refusal::answer).toList());
    long readProblems = reads.stream().filter(a -> a.status() != 200).count();
    answers.addAll(reads.stream().filter(a -> a.status() != 200).toList());
    System.out.printf(
        "[blip] %d connections terminated in %d s; %d tickets acknowledged during the blip; writes refused %d times, reads %d of %d;"
            + " first new tickets %d ms after the blip; statuses %s%n",
        terminated, BLIP_SECONDS, acknowledgedDuring, clients.refusals.size(), readProblems, reads.size(), recovery.toMillis(),
        answers.stream().collect(java.util.stream.Collectors.groupingBy(ApiClient.Answer::status, java.util.stream.Collectors.counting())));

    assertThat(terminated).as("connections terminated").isPositive();
    assertThat(answers).as("answers during the blip").isNotEmpty();
    assertThat(answers.stream().filter(a -> a.status() != 503 || !a.isProblem()).toList())
        .as("answers other than 200/201 that are not a 503 problem")
        .isEmpty();
    assertThat(answers.stream().filter(a -> a.body().contains("Exception") || a.body().contains("\tat ")).toList())
        .as("stack traces or exception names in answers")
        .isEmpty();
    assertThat(recovery).as("time to recover").isLessThan(Duration.ofSeconds(60));

    assertThat(clients.acknowledged).hasSize(clients.total());
    TicketInvariants.everyAcknowledgedTicketExistsOnce(db, clients);
    TicketInvariants.everyTicketWaitsAtTriageWithItsTimers(db, expectedTimers);
    // and the node still serves: a new ticket and a read
    var after = ApiClient.post(node.baseUrl(), TicketClients.USER, "/api/tickets", TicketClients.body("blip-after"), "blip-after");
    assertThat(after.status()).as("%s", after).isEqualTo(201);
    assertThat(ApiClient.get(node.baseUrl(), "admin", "/api/tickets/" + referenceKey).status()).isEqualTo(200);
  }
}
