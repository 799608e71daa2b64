package ai.archbuilder.support.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every rule of the ticket API's input: a request that breaks one answers 400 with an RFC 9457
 * problem whose {@code field} names the culprit, and stores nothing (our tables and the engine's
 * rows are counted before and after). Unknown and malformed ticket keys are 404 problems.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TicketApiValidationTest extends TicketScenarios {

  @Autowired JdbcClient jdbc;

  /** A ticket that exists and is in triage: the actions' requests below are rejected for their body alone. */
  private String key;

  @BeforeAll
  void openTicket() {
    key =
        createTicket("admin", ticket("alice@example.com", "Validation target", "A ticket the invalid requests aim at"))
            .get("key")
            .asText();
  }

  // ------------------------------------------------------------------ POST /api/tickets

  static Stream<Arguments> invalidNewTickets() {
    return Stream.of(
        bad("subject missing", "subject", b -> b.remove("subject")),
        bad("subject null", "subject", b -> b.putNull("subject")),
        bad("subject empty", "subject", b -> b.put("subject", "")),
        bad("subject blank", "subject", b -> b.put("subject", "   ")),
        bad("subject 201 characters", "subject", b -> b.put("subject", "s".repeat(201))),
        bad("description missing", "description", b -> b.remove("description")),
        bad("description empty", "description", b -> b.put("description", "")),
        bad("description 20,001 characters", "description", b -> b.put("description", "d".repeat(20_001))),
        bad("customerEmail missing", "customerEmail", b -> b.remove("customerEmail")),
        bad("customerEmail not an address", "customerEmail", b -> b.put("customerEmail", "alice.example.com")),
        bad("customerEmail with two @", "customerEmail", b -> b.put("customerEmail", "alice@@example.com")),
        bad("customerName 201 characters", "customerName", b -> b.put("customerName", "n".repeat(201))),
        bad("channel missing", "channel", b -> b.remove("channel")),
        bad("channel unknown", "channel", b -> b.put("channel", "FAX")),
        bad("channel lower case", "channel", b -> b.put("channel", "portal")),
        bad("channel as a number", "channel", b -> b.put("channel", 1)),
        bad("channel empty", "channel", b -> b.put("channel", "")),
        bad("category empty", "category", b -> b.put("category", "")),
        bad("category unknown", "category", b -> b.put("category", "HARDWARE")),
        bad("subcategory unknown", "subcategory", b -> b.put("subcategory", "SCANNER")),
        bad("impact unknown", "impact", b -> b.put("impact", "CATASTROPHIC")),
        bad("urgency unknown", "urgency", b -> b.put("urgency", "NOW")),
        bad("subcategory of another category", "subcategory",
            b -> b.put("category", "TECHNICAL").put("subcategory", "PAYMENT")),
        bad("subject an object", "subject", b -> b.putObject("subject").put("text", "x")),
        bad("subject an array", "subject", b -> b.putArray("subject").add("x")),
        bad("subject a number", "subject", b -> b.put("subject", 42)),
        bad("description a boolean", "description", b -> b.put("description", true)),
        bad("security a string", "security", b -> b.put("security", "maybe")),
        bad("security the string true", "security", b -> b.put("security", "true")),
        bad("security a number", "security", b -> b.put("security", 1)),
        bad("impact an object", "impact", b -> b.putObject("impact")));
  }

  private static Arguments bad(String what, String field, Consumer<ObjectNode> change) {
    return Arguments.of(what, field, change);
  }

  private ObjectNode validNewTicket() {
    return json.valueToTree(
        ticket("alice@example.com", "Printing is slow", "Printing a sheet takes minutes", "category", "TECHNICAL",
            "subcategory", "PERFORMANCE", "impact", "MINOR", "urgency", "LOW", "security", false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidNewTickets")
  void aNewTicketBreakingARuleIsA400NamingTheFieldAndStoresNothing(String what, String field, Consumer<ObjectNode> change) {
    var body = validNewTicket();
    change.accept(body);
    expectBadRequest("admin", HttpMethod.POST, "/api/tickets", body.toString(), Map.of(), field);
  }

  @Test
  void theValidBodyTheCasesStartFromIsAccepted() {
    // the control: each case above breaks exactly one rule of an otherwise valid request
    var response = call("admin", HttpMethod.POST, "/api/tickets", validNewTicket().toString(), Map.of());
    assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(201);
  }

  @Test
  void malformedJsonIsA400ProblemAndStoresNothing() {
    for (var body : new String[] {"{\"subject\": \"unterminated", "{\"subject\" \"x\"}", "not json at all", "[", ""}) {
      var problem = expectBadRequest("admin", HttpMethod.POST, "/api/tickets", body, Map.of(), null);
      assertThat(problem.get("detail").asText()).as(body).isNotBlank();
    }
  }

  @Test
  void everyBrokenRuleIsListedAndTheFirstInTheBodysOrderIsTheField() {
    var problem = expectBadRequest("admin", HttpMethod.POST, "/api/tickets", "{}", Map.of(), "customerEmail");
    var fields = new java.util.ArrayList<String>();
    problem.get("errors").forEach(e -> fields.add(e.get("field").asText()));
    assertThat(fields).containsExactly("customerEmail", "subject", "description", "channel");
    problem = expectBadRequest("admin", HttpMethod.POST, "/api/tickets/" + key + "/feedback", "{\"csat\":9,\"nps\":11,\"ces\":8}", Map.of(), "csat");
    assertThat(problem.get("errors")).hasSize(3);
  }

  @Test
  void misspeltFieldsAreRefusedNotDroppedNamingTheFirstAndTheKnownOnes() {
    // the README's newcomer: "urgancy" and "impakt" were dropped, and the ticket got urgency MEDIUM
    var body = validNewTicket();
    body.remove("urgency");
    body.remove("impact");
    body.put("urgancy", "HIGH").put("impakt", "MAJOR");
    var problem = expectBadRequest("alice", HttpMethod.POST, "/api/tickets", body.toString(), Map.of(), "urgancy");
    assertThat(problem.get("detail").asText())
        .isEqualTo("Unknown field urgancy; known fields: [customerEmail, customerName, subject, description, channel, category, "
            + "subcategory, impact, urgency, security]");
    assertThat(problem.has("errors")).isFalse();
    // and on the customers' endpoint, with a known field's value valid
    problem = expectBadRequest("admin", HttpMethod.POST, "/api/customers",
        "{\"email\":\"new@example.com\",\"name\":\"New\",\"plan\":\"BASIC\",\"vipp\":true}", Map.of(), "vipp");
    assertThat(problem.get("detail").asText()).isEqualTo("Unknown field vipp; known fields: [email, name, organisation, plan, vip]");
  }

  @Test
  void aRefusedRequestDoesNotUseUpItsIdempotencyKey() {
    var key = "unknown-field-" + System.nanoTime();
    var refused = validNewTicket().put("foo", 1).toString();
    expectBadRequest("admin", HttpMethod.POST, "/api/tickets", refused, Map.of("Idempotency-Key", key), "foo");
    expectBadRequest("admin", HttpMethod.POST, "/api/tickets", refused, Map.of("Idempotency-Key", key), "foo");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM idempotency_key WHERE idem_key = ?").param(key).query(Long.class).single()).isZero();
    // the key is still free: the corrected request creates the ticket, and a retry of it replays it
    var created = call("admin", HttpMethod.POST, "/api/tickets", validNewTicket().toString(), Map.of("Idempotency-Key", key));
    assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
    assertThat(created.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("false");
    var replayed = call("admin", HttpMethod.POST, "/api/tickets", validNewTicket().toString(), Map.of("Idempotency-Key", key));
    assertThat(replayed.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
    assertThat(replayed.getBody().get("key")).isEqualTo(created.getBody().get("key"));
  }

  @Test
  void anEmptyTextGetsOneErrorNotTwo() {
    for (var field : new String[] {"subject", "description"}) {
      var problem = expectBadRequest("admin", HttpMethod.POST, "/api/tickets", validNewTicket().put(field, "").toString(), Map.of(), field);
      assertThat(problem.get("errors")).as(field).hasSize(1);
      assertThat(problem.get("detail").asText()).isEqualTo(field + ": must not be blank");
    }
  }

  @Test
  void anIdempotencyKeyHasOneTo200Characters() {
    var body = validNewTicket().toString();
    expectBadRequest("admin", HttpMethod.POST, "/api/tickets", body, Map.of("Idempotency-Key", " "), "Idempotency-Key");
    expectBadRequest("admin", HttpMethod.POST, "/api/tickets", body, Map.of("Idempotency-Key", "k".repeat(201)), "Idempotency-Key");
  }

  @Test
  void aCustomerWithAnInvalidBodyGetsTheSameProblems() {
    var body = validNewTicket().put("urgency", "YESTERDAY").toString();
    expectBadRequest("alice", HttpMethod.POST, "/api/tickets", body, Map.of(), "urgency");
  }

  // ------------------------------------------------------------------ the actions on a ticket

  static Stream<Arguments> invalidActions() {
    return Stream.of(
        action("messages", "{}", "from"),
        action("messages", "{\"from\":\"BOT\",\"body\":\"Hello\"}", "from"),
        action("messages", "{\"from\":null,\"body\":\"Hello\"}", "from"),
        action("messages", "{\"from\":\"CUSTOMER\"}", "body"),
        action("messages", "{\"from\":\"CUSTOMER\",\"body\":\"\"}", "body"),
        action("messages", "{\"from\":\"AGENT\",\"body\":\"  \"}", "body"),
        action("messages", "{\"from\":\"CUSTOMER\",\"body\":\"" + "b".repeat(20_001) + "\"}", "body"),
        action("messages", "{\"from\":\"CUSTOMER\",\"body\":{\"text\":\"Hello\"}}", "body"),
        action("escalations", "{\"justification\":\"Too slow\"}", "reason"),
        action("escalations", "{\"reason\":\"BORED\",\"justification\":\"Too slow\"}", "reason"),
        action("escalations", "{\"reason\":\"COMPLEX_ISSUE\"}", "justification"),
        action("escalations", "{\"reason\":\"COMPLEX_ISSUE\",\"justification\":\"\"}", "justification"),
        action("escalations", "{\"reason\":\"COMPLEX_ISSUE\",\"justification\":\"" + "j".repeat(4_001) + "\"}", "justification"),
        action("verification", "{}", "accepted"),
        action("verification", "{\"accepted\":null}", "accepted"),
        action("verification", "{\"accepted\":\"yes\"}", "accepted"),
        action("verification", "{\"accepted\":1}", "accepted"),
        action("verification", "{\"accepted\":false,\"comment\":\"" + "c".repeat(20_001) + "\"}", "comment"),
        action("feedback", "{}", "csat"),
        action("feedback", "{\"csat\":0}", "csat"),
        action("feedback", "{\"csat\":6}", "csat"),
        action("feedback", "{\"csat\":4.5}", "csat"),
        action("feedback", "{\"csat\":\"5\"}", "csat"),
        action("feedback", "{\"csat\":5,\"nps\":11}", "nps"),
        action("feedback", "{\"csat\":5,\"nps\":-1}", "nps"),
        action("feedback", "{\"csat\":5,\"ces\":8}", "ces"),
        action("feedback", "{\"csat\":5,\"ces\":0}", "ces"),
        action("feedback", "{\"csat\":5,\"comment\":\"" + "c".repeat(4_001) + "\"}", "comment"));
  }

  private static Arguments action(String action, String body, String field) {
    return Arguments.of(action, body.length() > 80 ? body.substring(0, 60) + "…" : body, body, field);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("invalidActions")
  void anActionBreakingARuleIsA400NamingTheFieldAndStoresNothing(String action, String shown, String body, String field) {
    expectBadRequest("admin", HttpMethod.POST, "/api/tickets/" + key + "/" + action, body, Map.of(), field);
  }

  @Test
  void malformedJsonOnTheActionsIsA400Problem() {
    for (var action : new String[] {"messages", "escalations", "verification", "feedback"}) {
      expectBadRequest("admin", HttpMethod.POST, "/api/tickets/" + key + "/" + action, "{\"from\":", Map.of(), null);
    }
  }

  // ------------------------------------------------------------------ GET /api/tickets

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidListParameters")
  void aListParameterOutOfRangeIsA400NamingIt(String query, String field) {
    expectBadRequest("admin", HttpMethod.GET, "/api/tickets?" + query, null, Map.of(), field);
    expectBadRequest("tier1", HttpMethod.GET, "/api/tickets?" + query, null, Map.of(), field);
  }

  static Stream<Arguments> invalidListParameters() {
    return Stream.of(
        Arguments.of("page=-1", "page"),
        Arguments.of("page=abc", "page"),
        Arguments.of("size=0", "size"),
        Arguments.of("size=201", "size"),
        Arguments.of("tier=0", "tier"),
        Arguments.of("tier=5", "tier"),
        Arguments.of("tier=two", "tier"),
        Arguments.of("status=FOO", "status"),
        Arguments.of("priority=P9", "priority"));
  }

  @Test
  void aListParameterIsRefusedWithWhatItTakes() {
    assertThat(expectBadRequest("admin", HttpMethod.GET, "/api/tickets?status=FOO", null, Map.of(), "status").get("detail").asText())
        .isEqualTo("Unknown value for status; allowed: " + java.util.Arrays.toString(TicketStatus.values()));
    assertThat(expectBadRequest("admin", HttpMethod.GET, "/api/tickets?priority=P9", null, Map.of(), "priority").get("detail").asText())
        .isEqualTo("Unknown value for priority; allowed: [P1, P2, P3, P4]");
    assertThat(expectBadRequest("admin", HttpMethod.GET, "/api/tickets?size=100000", null, Map.of(), "size").get("detail").asText())
        .isEqualTo("size must be less than or equal to 200");
    assertThat(expectBadRequest("admin", HttpMethod.GET, "/api/tickets?size=0", null, Map.of(), "size").get("detail").asText())
        .isEqualTo("size must be greater than or equal to 1");
    assertThat(expectBadRequest("admin", HttpMethod.GET, "/api/tickets?tier=two", null, Map.of(), "tier").get("detail").asText())
        .isEqualTo("Invalid value for tier: a whole number is expected");
    assertThat(expectBadRequest("admin", HttpMethod.GET, "/api/reports/sla?from=30.11.2026", null, Map.of(), "from").get("detail").asText())
        .isEqualTo("Invalid value for from: a date (YYYY-MM-DD) is expected");
  }

  @Test
  void aPathWithNoApiBehindItIsA404ProblemSayingSo() {
    for (var path : new String[] {"/api/nothing", "/api/tickets/TCK-000001/nothing", "/api"}) {
      var problem = expectProblem(get("admin", path), 404);
      assertThat(problem.get("detail").asText()).isEqualTo("There is no API resource GET " + path + " (see the API in the README)");
    }
    var problem = expectProblem(post("admin", "/api/nothing", Map.of("a", 1)), 404);
    assertThat(problem.get("detail").asText()).startsWith("There is no API resource POST /api/nothing");
  }

  @Test
  void theListAcceptsItsLimits() {
    var response = get("admin", "/api/tickets?page=0&size=200&tier=1&status=TRIAGE&priority=P4");
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    assertThat(get("admin", "/api/tickets?size=1&tier=4").getStatusCode().value()).isEqualTo(200);
  }

  // ------------------------------------------------------------------ unknown and malformed keys

  @Test
  void anUnknownOrMalformedTicketKeyIsA404Problem() {
    for (var missing : new String[] {"TCK-999999", "TCK-000000", "TCK-12", "TCK-abcdef", "nonsense", "TCK-" + "9".repeat(25)}) {
      expectProblem(get("admin", "/api/tickets/" + missing), 404);
      expectProblem(get("admin", "/api/tickets/" + missing + "/history"), 404);
      var before = StoredRows.count(jdbc);
      expectProblem(post("admin", "/api/tickets/" + missing + "/messages", Map.of("from", "CUSTOMER", "body", "Hello")), 404);
      expectProblem(post("admin", "/api/tickets/" + missing + "/escalations",
          Map.of("reason", "COMPLEX_ISSUE", "justification", "Hard")), 404);
      expectProblem(post("admin", "/api/tickets/" + missing + "/verification", Map.of("accepted", true)), 404);
      expectProblem(post("admin", "/api/tickets/" + missing + "/feedback", Map.of("csat", 5)), 404);
      assertThat(StoredRows.count(jdbc)).as(missing).isEqualTo(before);
    }
  }

  // ------------------------------------------------------------------ helpers

  private JsonNode expectBadRequest(String user, HttpMethod method, String path, String body, Map<String, String> headers, String field) {
    var before = StoredRows.count(jdbc);
    var response = call(user, method, path, body, headers);
    var problem = expectProblem(response, 400);
    if (field == null) {
      assertThat(problem.has("field")).as("%s", problem).isFalse();
    } else {
      assertThat(problem.path("field").asText()).as("%s", problem).isEqualTo(field);
    }
    assertThat(StoredRows.count(jdbc)).as("rows after a rejected %s %s", method, path).isEqualTo(before);
    return problem;
  }

  private static JsonNode expectProblem(ResponseEntity<JsonNode> response, int status) {
    assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(status);
    assertThat(response.getHeaders().getContentType()).isNotNull();
    assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .as("%s", response.getHeaders().get(HttpHeaders.CONTENT_TYPE))
        .isTrue();
    var problem = response.getBody();
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    assertThat(problem.path("title").asText()).isNotBlank();
    assertThat(problem.toString()).doesNotContain("Exception", "at ai.archbuilder", "at org.");
    return problem;
  }
}
