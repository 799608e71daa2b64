package ai.archbuilder.support.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A retried POST /api/tickets with the same Idempotency-Key creates one ticket, one lifecycle
 * process and one key row, whether the retries come one after another or all at once. Run on H2
 * and on PostgreSQL (the two subclasses): the race is decided by each database's unique index.
 */
abstract class IdempotencyScenarios extends TicketScenarios {

  static final int THREADS = 8;

  @Autowired JdbcClient jdbc;

  private static String newKey() {
    return "idem-" + UUID.randomUUID();
  }

  private ResponseEntity<JsonNode> create(String user, String idempotencyKey, Map<String, Object> body) {
    return call(user, HttpMethod.POST, "/api/tickets", body, Map.of("Idempotency-Key", idempotencyKey));
  }

  private long rows(String table) {
    return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
  }

  private long lifecycleInstances(String ticketKey) {
    return engine.getHistoryService()
        .createHistoricProcessInstanceQuery()
        .processDefinitionKey(TicketLifecycle.PROCESS_KEY)
        .processInstanceBusinessKey(ticketKey)
        .count();
  }

  private long lifecycleInstances() {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(TicketLifecycle.PROCESS_KEY).count();
  }

  private static Map<String, Object> body(String subject) {
    return ticket("alice@example.com", subject, "The plotter prints every sheet twice", "category", "TECHNICAL",
        "subcategory", "SOFTWARE_BUG", "impact", "MINOR");
  }

  @Test
  void theSameKeyAndBodyTwiceAnswerTheFirstTicket() {
    var idem = newKey();
    var tickets = rows("ticket");
    var instances = lifecycleInstances();

    var first = create("alice", idem, body("Plotter prints twice"));
    var second = create("alice", idem, body("Plotter prints twice"));

    assertThat(first.getStatusCode().value()).as("%s", first.getBody()).isEqualTo(201);
    assertThat(second.getStatusCode().value()).as("%s", second.getBody()).isEqualTo(201);
    var key = first.getBody().get("key").asText();
    assertThat(second.getBody().get("key").asText()).isEqualTo(key);
    assertThat(first.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("false");
    assertThat(second.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
    assertThat(second.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation());
    assertThat(rows("ticket")).isEqualTo(tickets + 1);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM idempotency_key WHERE idem_key = ?").param(idem).query(Long.class).single())
        .isEqualTo(1);
    assertThat(lifecycleInstances(key)).isEqualTo(1);
    assertThat(lifecycleInstances()).isEqualTo(instances + 1);
    assertThat(historyEvents(key)).containsOnlyOnce("CREATED");
  }

  @Test
  void aReplayAnswersTheTicketAsItIsNow() {
    var idem = newKey();
    var key = create("alice", idem, body("Replay after work started")).getBody().get("key").asText();
    post("alice", "/api/tickets/" + key + "/messages", Map.of("from", "CUSTOMER", "body", "More detail"));
    var replay = create("alice", idem, body("Replay after work started"));
    assertThat(replay.getStatusCode().value()).isEqualTo(201);
    assertThat(replay.getBody().get("key").asText()).isEqualTo(key);
    assertThat(replay.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
    assertThat(lifecycleInstances(key)).isEqualTo(1);
  }

  @Test
  void theSameKeyWithAnotherBodyIsA422AndStoresNothing() {
    var idem = newKey();
    var first = create("alice", idem, body("Plotter prints twice"));
    assertThat(first.getStatusCode().value()).isEqualTo(201);
    var before = StoredRows.count(jdbc);

    for (var changed :
        List.of(body("Plotter prints three times"), ticket("alice@example.com", "Plotter prints twice",
            "The plotter prints every sheet twice", "category", "TECHNICAL", "subcategory", "SOFTWARE_BUG", "impact", "MAJOR"))) {
      var response = create("alice", idem, changed);
      assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(422);
      assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
      assertThat(response.getBody().get("field").asText()).isEqualTo("Idempotency-Key");
    }
    assertThat(StoredRows.count(jdbc)).isEqualTo(before);
    // the original request is still answered with its ticket
    assertThat(create("alice", idem, body("Plotter prints twice")).getBody().get("key")).isEqualTo(first.getBody().get("key"));
  }

  private ResponseEntity<JsonNode> message(String user, String idempotencyKey, String ticketKey, String from, String text) {
    return call(user, HttpMethod.POST, "/api/tickets/" + ticketKey + "/messages", Map.of("from", from, "body", text),
        Map.of("Idempotency-Key", idempotencyKey));
  }

  private long replyMails(String ticketKey) {
    return jdbc.sql("SELECT COUNT(*) FROM outbound_mail WHERE ticket_id = ? AND template = 'reply'")
        .param(TicketKey.parse(ticketKey).orElseThrow()).query(Long.class).single();
  }

  @Test
  void anAgentsMessageSentAgainWithItsKeyIsStoredAndMailedOnce() {
    var ticketKey = create("alice", newKey(), body("Agent reply sent twice")).getBody().get("key").asText();
    var idem = newKey();
    var messages = rows("ticket_message");

    var first = message("tier1", idem, ticketKey, "AGENT", "We are looking into it.");
    var again = message("tier1", idem, ticketKey, "AGENT", "We are looking into it.");

    assertThat(first.getStatusCode().value()).as("%s", first.getBody()).isEqualTo(202);
    assertThat(again.getStatusCode().value()).as("%s", again.getBody()).isEqualTo(202);
    assertThat(first.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("false");
    assertThat(again.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
    assertThat(again.getBody().get("outcome").asText()).isEqualTo(first.getBody().get("outcome").asText()).isEqualTo("ADDED");
    assertThat(again.getBody().get("ticket").get("key").asText()).isEqualTo(ticketKey);
    assertThat(rows("ticket_message")).isEqualTo(messages + 1);
    assertThat(replyMails(ticketKey)).as("one e-mail to the customer").isEqualTo(1);
    assertThat(historyEvents(ticketKey)).containsOnlyOnce("REPLIED");

    // the key with another message, or for a ticket, is a 422 that stores nothing
    var other = message("tier1", idem, ticketKey, "AGENT", "Another text.");
    assertThat(other.getStatusCode().value()).as("%s", other.getBody()).isEqualTo(422);
    assertThat(other.getBody().get("field").asText()).isEqualTo("Idempotency-Key");
    assertThat(create("tier1", idem, body("A ticket with a message's key")).getStatusCode().value()).isEqualTo(422);
    assertThat(rows("ticket_message")).isEqualTo(messages + 1);
    assertThat(replyMails(ticketKey)).isEqualTo(1);
  }

  @Test
  void concurrentCustomerMessagesWithTheSameKeyAddOneMessage() throws Exception {
    var ticketKey = create("alice", newKey(), body("Customer message sent at once")).getBody().get("key").asText();
    var idem = newKey();
    var messages = rows("ticket_message");

    var responses = all(THREADS, i -> message("alice", idem, ticketKey, "CUSTOMER", "Here is the log you asked for."));

    for (var r : responses) {
      assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(202);
    }
    assertThat(responses.stream().filter(r -> "false".equals(r.getHeaders().getFirst("Idempotent-Replayed"))).count()).isEqualTo(1);
    assertThat(rows("ticket_message")).isEqualTo(messages + 1);
  }

  @Test
  void theSameKeyFromAnotherUserIsAnotherKey() {
    var idem = newKey();
    var byAlice = create("alice", idem, body("Same key, two callers"));
    var byAgent = create("tier1", idem, body("Same key, two callers"));
    var byAdmin = create("admin", idem, body("Another body for admin's own key"));
    for (var r : List.of(byAlice, byAgent, byAdmin)) {
      assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(201);
      assertThat(r.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("false");
    }
    var keys = List.of(byAlice, byAgent, byAdmin).stream().map(r -> r.getBody().get("key").asText()).toList();
    assertThat(new HashSet<>(keys)).hasSize(3);
    // each caller's retry finds her own ticket
    assertThat(create("tier1", idem, body("Same key, two callers")).getBody().get("key").asText()).isEqualTo(keys.get(1));
    assertThat(create("alice", idem, body("Same key, two callers")).getBody().get("key").asText()).isEqualTo(keys.get(0));
  }

  @Test
  void concurrentRequestsWithTheSameKeyCreateExactlyOneTicket() throws Exception {
    var idem = newKey();
    var tickets = rows("ticket");
    var instances = lifecycleInstances();

    var responses = all(THREADS, i -> create("alice", idem, body("Eight retries at once")));

    for (var r : responses) {
      assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(201);
    }
    var keys = responses.stream().map(r -> r.getBody().get("key").asText()).distinct().toList();
    assertThat(keys).hasSize(1);
    assertThat(responses.stream().filter(r -> "false".equals(r.getHeaders().getFirst("Idempotent-Replayed"))).count())
        .isEqualTo(1);
    assertThat(rows("ticket")).isEqualTo(tickets + 1);
    assertThat(lifecycleInstances(keys.get(0))).isEqualTo(1);
    assertThat(lifecycleInstances()).isEqualTo(instances + 1);
    assertThat(historyEvents(keys.get(0))).containsOnlyOnce("CREATED");
  }

  @Test
  void concurrentRequestsWithTheSameKeyAndTwoBodiesCreateOneTicketAndRefuseTheOtherBody() throws Exception {
    var idem = newKey();
    var tickets = rows("ticket");

    var responses = all(THREADS, i -> create("alice", idem, body(i % 2 == 0 ? "Body A" : "Body B")));

    assertThat(rows("ticket")).isEqualTo(tickets + 1);
    var created = responses.stream().filter(r -> r.getStatusCode().value() == 201).toList();
    var refused = responses.stream().filter(r -> r.getStatusCode().value() == 422).toList();
    assertThat(created.size() + refused.size()).as("only 201 and 422: %s", responses).isEqualTo(THREADS);
    assertThat(created).hasSize(THREADS / 2);
    assertThat(refused).hasSize(THREADS / 2);
    var subjects = created.stream().map(r -> r.getBody().get("subject").asText()).distinct().toList();
    assertThat(subjects).hasSize(1);
  }

  @Test
  void concurrentFirstTicketsOfANewCustomerCreateHerOnce() throws Exception {
    var email = "new-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    var tickets = rows("ticket");

    var responses =
        all(THREADS, i -> create("admin", newKey(), ticket(email, "First ticket " + i, "A new customer writes in", "impact", "MINOR")));

    for (var r : responses) {
      assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(201);
    }
    assertThat(rows("ticket")).isEqualTo(tickets + THREADS);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM customer WHERE email = ?").param(email).query(Long.class).single()).isEqualTo(1);
  }

  /** Runs the call on n threads that start together, and returns every answer. */
  private static <T> List<T> all(int n, IndexedCall<T> call) throws Exception {
    var pool = Executors.newFixedThreadPool(n);
    try {
      var gate = new CyclicBarrier(n);
      var futures = new ArrayList<java.util.concurrent.Future<T>>();
      for (int i = 0; i < n; i++) {
        int index = i;
        Callable<T> task =
            () -> {
              gate.await(30, TimeUnit.SECONDS);
              return call.run(index);
            };
        futures.add(pool.submit(task));
      }
      var results = new ArrayList<T>();
      for (var f : futures) {
        results.add(f.get(120, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  @FunctionalInterface
  interface IndexedCall<T> {
    T run(int index) throws Exception;
  }
}
