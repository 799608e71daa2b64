package ai.archbuilder.support.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Client threads that open tickets through {@code POST /api/tickets}, each request with an
 * Idempotency-Key of its own, and retry a request that got no 201 (no answer, 503, anything) with
 * the same key and body until it does, as a well-behaved client would. Every answer is kept.
 */
final class TicketClients {

  static final String USER = "paul";
  static final String EMAIL = "paul@example.com";

  /** A ticket the API acknowledged: the key sent, the ticket answered, and how it got there. */
  record Acknowledged(String idempotencyKey, String ticketKey, int attempts, boolean replayed) {}

  /** One answer that was not a 201, with the request's key. */
  record Refusal(String idempotencyKey, ApiClient.Answer answer) {}

  final Map<String, Acknowledged> acknowledged = new ConcurrentHashMap<>();
  final List<Refusal> refusals = Collections.synchronizedList(new ArrayList<>());
  final AtomicInteger attempts = new AtomicInteger();

  private final String run;
  private final int clients;
  private final int perClient;
  private final IntFunction<String> baseUrl;
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean stopped;

  /** {@code baseUrl} gives the node a request goes to (by request number). */
  TicketClients(String run, int clients, int perClient, IntFunction<String> baseUrl) {
    this.run = run;
    this.clients = clients;
    this.perClient = perClient;
    this.baseUrl = baseUrl;
  }

  static String subject(String idempotencyKey) {
    return "Fault test ticket " + idempotencyKey;
  }

  static String body(String idempotencyKey) {
    return """
        {"customerEmail":"%s","subject":"%s","description":"The export total is off by one cent (%s)","channel":"API",
         "category":"TECHNICAL","subcategory":"DATA","impact":"MINOR","urgency":"MEDIUM"}"""
        .formatted(EMAIL, subject(idempotencyKey), idempotencyKey);
  }

  int total() {
    return clients * perClient;
  }

  TicketClients start() {
    for (int c = 0; c < clients; c++) {
      int client = c;
      var t = new Thread(() -> work(client), "fault-client-" + c);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
    return this;
  }

  private void work(int client) {
    for (int i = 0; i < perClient && !stopped; i++) {
      var key = "%s-%d-%05d".formatted(run, client, i);
      var body = body(key);
      for (int attempt = 1; !stopped; attempt++) {
        var answer = ApiClient.post(baseUrl.apply(attempts.getAndIncrement()), USER, "/api/tickets", body, key);
        if (answer.status() == 201) {
          acknowledged.put(key, new Acknowledged(key, answer.json().get("key").asText(), attempt, "true".equals(answer.replayed())));
          break;
        }
        refusals.add(new Refusal(key, answer));
        AppNode.sleep(answer.noAnswer() ? 250 : 150);
      }
    }
  }

  /** Waits for every client to finish; false if the time ran out (the clients are then stopped). */
  boolean await(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (var t : threads) {
      try {
        t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    boolean done = threads.stream().noneMatch(Thread::isAlive);
    stopped = true;
    return done;
  }

  /** Keys whose first 201 came after at least one failed attempt: the requests the fault hit. */
  List<Acknowledged> retried() {
    return acknowledged.values().stream().filter(a -> a.attempts() > 1).toList();
  }
}
