package ai.archbuilder.support.faults;

import static org.assertj.core.api.Assertions.assertThat;

import ai.archbuilder.support.ticket.StoredRows;
import ai.archbuilder.support.ticket.TicketScenarios;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bad input (issue 5), fuzz-style, at every {@code /api} endpoint with a JSON body: malformed JSON,
 * JSON that is no object, wrong types, unknown fields, bodies over {@code support.api.max-body-size},
 * unknown enum values, NUL characters and unpaired
 * surrogates are 4xx problems ({@code application/problem+json}) that store nothing; injection
 * strings (SQL, HTML/script, CRLF in a subject) and unicode (emoji, RTL marks, combining marks)
 * are accepted, come back byte-for-byte, and are escaped where they are rendered (the e-mail's
 * HTML) or handed on as plain JSON strings (the task form's context variable on
 * {@code /engine-rest}). The field-by-field rules of the ticket API are in TicketApiValidationTest;
 * this class does not repeat them.
 */
abstract class BadInputScenarios extends TicketScenarios {

  static final String SQL = "'; DROP TABLE ticket; --";
  static final String SCRIPT = "<script>alert(1)</script>";
  static final String CRLF_SUBJECT = "Subject\r\nBcc: x@y";
  static final String EMOJI = "\uD83D\uDE80"; // 🚀, two UTF-16 code units
  static final String UNICODE =
      "Emoji " + EMOJI + "\uD83D\uDC4D\uD83C\uDFFD, RTL \u202Eevil\u202C \u05E9\u05DC\u05D5\u05DD, combining e\u0301 a\u0308, "
          + "zero width \u200B\u200D, BOM \uFEFF, max BMP \uFFFD";

  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  private String key;

  @BeforeEach
  void aTicketToAimAt() {
    if (key == null) {
      key = createTicket("admin", ticket("paul@example.com", "Bad input target", "The requests below aim at this ticket")).get("key").asText();
    }
  }

  /** Every JSON endpoint with a valid body (the control) and the field a wrong type goes into. */
  private List<String[]> endpoints() {
    var t = "/api/tickets/" + key;
    return List.of(
        new String[] {"/api/tickets", "{\"customerEmail\":\"paul@example.com\",\"subject\":\"S\",\"description\":\"D\",\"channel\":\"API\"}", "subject", "channel"},
        new String[] {t + "/messages", "{\"from\":\"CUSTOMER\",\"body\":\"Hello\"}", "body", "from"},
        new String[] {t + "/escalations", "{\"reason\":\"COMPLEX_ISSUE\",\"justification\":\"Hard\"}", "justification", "reason"},
        new String[] {t + "/verification", "{\"accepted\":true,\"comment\":\"c\"}", "comment", "accepted"},
        new String[] {t + "/feedback", "{\"csat\":5,\"comment\":\"c\"}", "comment", "csat"},
        new String[] {"/api/customers", "{\"email\":\"fuzz@example.com\",\"name\":\"N\",\"plan\":\"BASIC\"}", "name", "plan"});
  }

  @Test
  void malformedJsonAtEveryEndpointIsA400Problem() {
    for (var e : endpoints()) {
      var valid = e[1];
      for (var body :
          List.of(
              valid.substring(0, valid.length() - 1),
              valid.replaceFirst(":", ""),
              valid + "}",
              valid.replace("\"", "'"),
              "[" + valid + "]",
              "{\"a\":1,}",
              "nul",
              "\u0000",
              "{\"x\":\"\\uZZZZ\"}",
              "{" + "\"a\":{".repeat(2000) + "}".repeat(2001))) {
        rejected("admin", HttpMethod.POST, e[0], body, 400);
      }
    }
  }

  @Test
  void wrongTypesAndUnknownEnumValuesAtEveryEndpointAre400Problems() {
    for (var e : endpoints()) {
      for (var wrong : List.of("[]", "{}", "42", "true", "1.5e308")) {
        var body = withField(e[1], e[2], wrong);
        var problem = rejected("admin", HttpMethod.POST, e[0], body, 400);
        assertThat(problem.path("field").asText()).as(body).isEqualTo(e[2]);
        assertThat(problem.path("detail").asText()).as(body).isEqualTo("Wrong type for " + e[2]);
      }
      for (var unknown : List.of("\"FAX\"", "\"\"", "\"" + SCRIPT + "\"", "\"" + SQL.replace("'", "") + "\"", "7")) {
        var body = withField(e[1], e[3], unknown);
        assertThat(rejected("admin", HttpMethod.POST, e[0], body, 400).path("field").asText()).as(body).isEqualTo(e[3]);
      }
    }
  }

  @Test
  void unknownFieldsAtEveryEndpointAre400ProblemsNamingThemAndStoreNothing() {
    for (var e : endpoints()) {
      // the control: the valid body is accepted as it is (rejected() below counts rows before and after)
      for (var unknown : List.of("foo", "Subject", "customer_email", "\u00fcber", "")) {
        for (var value : List.of("1", "null", "\"x\"", "{}")) {
          var body = withField(e[1], unknown, value);
          var problem = rejected("admin", HttpMethod.POST, e[0], body, 400);
          assertThat(problem.path("field").asText()).as(body).isEqualTo(unknown);
          assertThat(problem.path("detail").asText()).as(body).startsWith("Unknown field " + unknown + "; known fields: [")
              .contains(e[2], e[3]);
        }
      }
      // an unknown field beside a valid one that another endpoint has: still unknown here
      var problem = rejected("admin", HttpMethod.POST, e[0], withField(e[1], e[0].endsWith("/feedback") ? "body" : "csat", "5"), 400);
      assertThat(problem.path("detail").asText()).startsWith("Unknown field ");
    }
  }

  @Test
  void validJsonThatIsNoObjectIsA400ProblemSayingAnObjectIsExpected() {
    for (var e : endpoints()) {
      for (var body : List.of("[]", "[" + e[1] + "]", "\"x\"", "42", "true")) {
        var problem = rejected("admin", HttpMethod.POST, e[0], body, 400);
        assertThat(problem.path("detail").asText()).as(body).isEqualTo("The request body must be a JSON object");
        assertThat(problem.has("field")).as(body).isFalse();
      }
      assertThat(rejected("admin", HttpMethod.POST, e[0], "null", 400).path("detail").asText())
          .isEqualTo("The request body is missing: a JSON object is expected");
      // one object, then more: nothing is stored
      assertThat(rejected("admin", HttpMethod.POST, e[0], e[1] + " {}", 400).path("detail").asText())
          .isEqualTo("The request body has more after its JSON object: send one JSON object");
    }
  }

  @Test
  void aBodyOverTheLimitIsA413ProblemAnnouncedOrChunked() throws Exception {
    var huge = "x".repeat(300 * 1024);
    for (var e : endpoints()) {
      rejected("admin", HttpMethod.POST, e[0], withField(e[1], e[2], "\"" + huge + "\""), 413);
    }
    // a client that streams the body without Content-Length meets the same limit
    var before = StoredRows.count(jdbc);
    var body = withField(endpoints().get(0)[1], "description", "\"" + huge + "\"").getBytes(StandardCharsets.UTF_8);
    var response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/tickets"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    assertThat(StoredRows.count(jdbc)).isEqualTo(before);
    // just under the limit is fine (a long description is refused by its own rule, not by size)
    var big = withField(endpoints().get(0)[1], "description", "\"" + "y".repeat(20_000) + "\"");
    assertThat(post("admin", "/api/tickets", json.readTree(big)).getStatusCode().value()).isEqualTo(201);
  }

  @Test
  void nulCharactersAndUnpairedSurrogatesAre400ProblemsOnEveryEndpoint() {
    for (var e : endpoints()) {
      for (var bad : List.of("\"a\\u0000b\"", "\"\\u0000\"", "\"lone \\ud800 high\"", "\"lone \\udc00 low\"", "\"reversed \\udc00\\ud800\"")) {
        var body = withField(e[1], e[2], bad);
        var problem = rejected("admin", HttpMethod.POST, e[0], body, 400);
        assertThat(problem.path("field").asText()).as(body).isEqualTo(e[2]);
      }
    }
    // in a query parameter or the path too
    rejected("admin", HttpMethod.GET, "/api/tickets?customerEmail=a%00b@example.com", null, 400);
    rejected("admin", HttpMethod.GET, "/api/reports/sla?from=2027-06-01%00", null, 400);
    rejected("admin", HttpMethod.GET, "/api/reports/sla?to=2027-06-01'%20OR%201=1--", null, 400);
    // in the path Tomcat refuses an encoded NUL (or a broken escape) itself, before the application
    // sees the request: its host answers with our problem body instead of its HTML page
    for (var path : List.of("/api/customers/a%00b@example.com", "/api/tickets/T%00")) {
      var problem = rejected("manager", HttpMethod.GET, path, null, 400);
      assertThat(problem.path("title").asText()).isEqualTo("Bad Request");
      assertThat(problem.path("detail").asText()).contains("malformed").doesNotContainIgnoringCase("tomcat");
    }
  }

  @Test
  void requestsTomcatRefusesItselfGetAProblemBodyToo() throws Exception {
    // what no HTTP client library sends: broken escapes, a header name with a space, a bad request line
    var auth = "Authorization: Basic " + Base64.getEncoder().encodeToString("manager:demo".getBytes(StandardCharsets.UTF_8));
    var before = StoredRows.count(jdbc);
    for (var request : List.of(
        "GET /api/tickets/%zz HTTP/1.1\r\nHost: localhost\r\n" + auth + "\r\n",
        "GET /api/tickets/a%2 HTTP/1.1\r\nHost: localhost\r\n" + auth + "\r\n",
        "POST /api/tickets HTTP/1.1\r\nHost: localhost\r\nBad Header: x\r\n" + auth + "\r\nContent-Length: 2\r\n\r\n{}",
        "GET /api/tickets?x=<script> HTTP/1.1\r\nHost: localhost\r\n" + auth + "\r\n")) {
      var raw = sendRaw(request.endsWith("{}") ? request : request + "Connection: close\r\n\r\n");
      var shown = request.lines().findFirst().orElseThrow();
      assertThat(raw).as(shown).startsWith("HTTP/1.1 400 ");
      assertThat(raw.toLowerCase()).as(shown).contains("content-type: application/problem+json");
      var body = json.readTree(raw.substring(raw.indexOf("\r\n\r\n") + 4));
      assertThat(body.path("status").asInt()).as(shown).isEqualTo(400);
      assertThat(body.path("title").asText()).isEqualTo("Bad Request");
      assertThat(raw).as(shown).doesNotContainIgnoringCase("tomcat").doesNotContain("<html", "Exception");
    }
    assertThat(StoredRows.count(jdbc)).isEqualTo(before);
  }

  /** One request written to the socket as given; the whole answer (the server closes). */
  private String sendRaw(String request) throws java.io.IOException {
    try (var socket = new java.net.Socket("localhost", port)) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      socket.shutdownOutput();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void badQueryValuesAre400Problems() {
    for (var q : List.of("status=" + enc(SCRIPT), "priority=P0", "tier=1%27%20OR%201=1", "page=1e9", "size=-1", "status=")) {
      var response = get("admin", "/api/tickets?" + q);
      if (q.equals("status=")) {
        // an empty filter is no filter
        assertThat(response.getStatusCode().value()).isEqualTo(200);
      } else {
        rejected("admin", HttpMethod.GET, "/api/tickets?" + q, null, 400);
      }
    }
    // an injection in a filter value finds nothing and harms nothing
    var response = get("admin", "/api/tickets?customerEmail=" + java.net.URLEncoder.encode(SQL, StandardCharsets.UTF_8));
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    assertThat(response.getBody().get("total").asLong()).isZero();
  }

  @Test
  void injectionStringsAndUnicodeAreStoredAsSentAndEscapedWhereRendered() throws Exception {
    var subject = CRLF_SUBJECT + " " + SQL + " " + SCRIPT + " " + EMOJI;
    var description = SCRIPT + "\n" + SQL + "\n" + UNICODE + "\n<img src=x onerror=alert(2)> & \"quotes\" 'single'";
    var name = "O'Brien \u202Egnp.exe " + EMOJI + " e\u0301";
    var created =
        createTicket("admin", ticket("fuzz-" + port + "@example.com", subject, description, "customerName", name, "channel", "API"));
    var ticketKey = created.get("key").asText();
    assertThat(created.get("subject").asText()).isEqualTo(subject);

    // GET answers exactly what was sent, code unit for code unit
    var read = get("admin", "/api/tickets/" + ticketKey).getBody();
    assertThat(read.get("subject").asText()).isEqualTo(subject);
    assertThat(read.get("description").asText()).isEqualTo(description);
    assertThat(read.get("customer").get("name").asText()).isEqualTo(name);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM ticket").query(Long.class).single()).as("the ticket table is still there").isPositive();

    // a message with the same strings is kept as sent
    var message = SCRIPT + " " + SQL + " " + UNICODE;
    assertThat(post("admin", "/api/tickets/" + ticketKey + "/messages", Map.of("from", "CUSTOMER", "body", message)).getStatusCode().value())
        .isEqualTo(202);
    assertThat(jdbc.sql("SELECT body FROM ticket_message WHERE body = ?").param(message).query(String.class).list()).containsExactly(message);

    // the e-mail: one subject line, the HTML escaped, the text as written
    executeDueJobs();
    var mail =
        jdbc.sql("SELECT subject, body_html, body_text FROM outbound_mail WHERE ticket_id = ? AND template = 'acknowledgement'")
            .param(Long.parseLong(ticketKey.substring(4)))
            .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
            .single();
    assertThat(mail[0]).doesNotContain("\r", "\n").contains("Subject Bcc: x@y");
    assertThat(mail[1]).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain(SCRIPT);
    assertThat(mail[1]).doesNotContainIgnoringCase("<img src=x");

    // the triage form's context: a JSON string holding the raw text, nothing interpreted
    var task = task(ticketKey, "Task_TriageTicket");
    var variables = call("admin", HttpMethod.GET, "/engine-rest/task/" + task.getId() + "/variables", null, Map.of());
    assertThat(variables.getStatusCode().value()).isEqualTo(200);
    assertThat(variables.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
    var conversation = variables.getBody().get("ticketConversation");
    assertThat(conversation.get("type").asText()).isEqualTo("String");
    assertThat(conversation.get("value").isTextual()).isTrue();
    assertThat(conversation.get("value").asText()).contains(description).contains(subject);
  }

  @Test
  void lengthLimitsCountUtf16CodeUnits() {
    // 100 emoji = 200 code units: the longest subject of emoji; it round-trips
    var hundred = EMOJI.repeat(100);
    var created = createTicket("admin", ticket("paul@example.com", hundred, "Emoji subject " + EMOJI));
    assertThat(get("admin", "/api/tickets/" + created.get("key").asText()).getBody().get("subject").asText()).isEqualTo(hundred);
    // 101 emoji (202 code units), 200 emoji (400): over the limit of 200
    for (var n : List.of(101, 200)) {
      var body = json.valueToTree(ticket("paul@example.com", EMOJI.repeat(n), "Too long")).toString();
      assertThat(rejected("admin", HttpMethod.POST, "/api/tickets", body, 400).path("field").asText()).isEqualTo("subject");
    }
    // 200 base letters with a combining mark each = 400 code units: over the limit as well
    var body = json.valueToTree(ticket("paul@example.com", "e\u0301".repeat(200), "Too long")).toString();
    assertThat(rejected("admin", HttpMethod.POST, "/api/tickets", body, 400).path("field").asText()).isEqualTo("subject");
  }

  // ------------------------------------------------------------------ helpers

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** The body with {@code field} set to the raw JSON {@code value}. */
  private String withField(String body, String field, String value) {
    try {
      // spliced in as sent: a lone surrogate must travel as the escape \\ud800, not as a char that
      // the client's UTF-8 encoder would turn into '?'
      var node = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(body);
      node.put(field, "@@value@@");
      return node.toString().replace("\"@@value@@\"", value);
    } catch (Exception e) {
      throw new IllegalStateException(value, e);
    }
  }

  private JsonNode rejected(String user, HttpMethod method, String path, String body, int status) {
    var before = StoredRows.count(jdbc);
    ResponseEntity<String> response = rawCall(user, method, path, body);
    var shown = body == null ? path : path + " " + (body.length() > 120 ? body.substring(0, 120) + "…" : body);
    assertThat(response.getStatusCode().value()).as("%s → %s", shown, response.getBody()).isEqualTo(status);
    assertThat(response.getHeaders().getContentType()).as(shown).isNotNull();
    assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).as("%s: %s", shown, response.getHeaders()).isTrue();
    assertThat(response.getBody()).as(shown).doesNotContain("Exception", "\tat ", "at org.", "at ai.");
    assertThat(StoredRows.count(jdbc)).as("rows after a rejected %s", shown).isEqualTo(before);
    try {
      var problem = json.readTree(response.getBody());
      assertThat(problem.path("status").asInt()).isEqualTo(status);
      return problem;
    } catch (Exception e) {
      throw new AssertionError(shown + ": not a JSON problem: " + response.getBody(), e);
    }
  }

  private ResponseEntity<String> rawCall(String user, HttpMethod method, String path, String body) {
    var h = new org.springframework.http.HttpHeaders();
    h.setBasicAuth(user, "demo");
    h.setContentType(MediaType.APPLICATION_JSON);
    // the URI as given: %00 and friends must reach the server undecoded
    return rest.exchange(URI.create("http://localhost:" + port + path), method, new org.springframework.http.HttpEntity<>(body, h), String.class);
  }
}
