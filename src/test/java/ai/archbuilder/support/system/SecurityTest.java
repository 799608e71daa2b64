package ai.archbuilder.support.system;

import static org.assertj.core.api.Assertions.assertThat;

import ai.archbuilder.support.ticket.TicketScenarios;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Who may do what, through real HTTP on {@code /api} and {@code /engine-rest} (policy §8): nothing
 * is anonymous but the health endpoint, customers see only their own tickets, agents only their
 * tier and below, process owners deploy, auditors read and change nothing, and the engine's
 * authorization refusals are 403s, never 500s.
 *
 * <p>The engine's REST API finds its engine by the name {@code default}, while the test profile
 * names every engine uniquely (several contexts live in one test JVM). So this class runs its own
 * context, on its own in-memory database, with the engine named {@code default}, and closes it
 * afterwards so that the name is free again.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "camunda.bpm.generate-unique-process-engine-name=false",
      "camunda.bpm.process-engine-name=default",
      "spring.datasource.url=jdbc:h2:mem:support-security;DB_CLOSE_DELAY=-1"
    })
@ActiveProfiles({"test", "demo"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SecurityTest extends TicketScenarios {

  private static final String BPMN =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                   xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="https://archbuilder.ai/test">
        <process id="SecurityTestProcess" isExecutable="true" camunda:historyTimeToLive="P1D">
          <startEvent id="Start"/>
          <sequenceFlow id="Flow" sourceRef="Start" targetRef="End"/>
          <endEvent id="End"/>
        </process>
      </definitions>
      """;

  // ------------------------------------------------------------------ raw HTTP

  private ResponseEntity<String> send(String user, String password, HttpMethod method, String path, Object body) {
    var h = new HttpHeaders();
    if (user != null) {
      h.setBasicAuth(user, password);
    }
    if (body instanceof LinkedMultiValueMap<?, ?>) {
      h.setContentType(MediaType.MULTIPART_FORM_DATA);
    } else {
      h.setContentType(MediaType.APPLICATION_JSON);
    }
    return rest.exchange(path, method, new HttpEntity<>(body, h), String.class);
  }

  private ResponseEntity<String> as(String user, HttpMethod method, String path, Object body) {
    return send(user, "demo", method, path, body);
  }

  private JsonNode jsonOf(ResponseEntity<String> response) throws Exception {
    return json.readTree(response.getBody());
  }

  private static void assertUnauthorizedProblem(ResponseEntity<String> response) {
    assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(401);
    assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
    assertThat(response.getHeaders().getContentType()).isNotNull();
    assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    // UTF-8 like every other problem body (a servlet writer defaults to ISO-8859-1)
    assertThat(response.getHeaders().getContentType().getCharset()).isIn(null, StandardCharsets.UTF_8);
    assertThat(response.getBody()).contains("\"status\":401");
  }

  /** The engine refuses: 403 (not allowed) or 404 (not visible to her), always a JSON error, never a 500. */
  private static void assertRefusedByEngine(ResponseEntity<String> response) {
    assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isIn(403, 404);
    assertThat(response.getHeaders().getContentType()).isNotNull();
    assertThat(response.getHeaders().getContentType().getSubtype()).contains("json");
  }

  private LinkedMultiValueMap<String, Object> deployment(String name) {
    var parts = new LinkedMultiValueMap<String, Object>();
    parts.add("deployment-name", name);
    parts.add("deployment-source", "security-test");
    parts.add(
        "data",
        new ByteArrayResource(BPMN.getBytes(StandardCharsets.UTF_8)) {
          @Override
          public String getFilename() {
            return "SecurityTestProcess.bpmn";
          }
        });
    return parts;
  }

  private String p1Ticket() {
    var t = createTicket("admin", ticket("erin@example.com", "Nobody can log in", "System down: the whole office is locked out.",
        "category", "TECHNICAL", "subcategory", "SYSTEM_ERROR", "impact", "SYSTEM_DOWN", "urgency", "HIGH"));
    assertThat(t.get("priority").asText()).isEqualTo("P1");
    assertThat(t.get("tier").asInt()).isEqualTo(3);
    return t.get("key").asText();
  }

  private String tier3TaskOf(String key) {
    var found = tasks.createTaskQuery().processInstanceBusinessKey(key).taskCandidateGroup("tier3").list();
    assertThat(found).hasSize(1);
    return found.get(0).getId();
  }

  // ------------------------------------------------------------------ anonymous and bad credentials

  @Test
  void anonymousCallersGet401EverywhereButHealth() {
    for (var path : List.of("/api/tickets", "/api/tickets/TCK-000001", "/api/customers/alice@example.com")) {
      assertUnauthorizedProblem(send(null, null, HttpMethod.GET, path, null));
    }
    assertUnauthorizedProblem(send(null, null, HttpMethod.POST, "/api/tickets",
        ticket("alice@example.com", "Anonymous", "Should not be stored")));
    for (var path : List.of("/engine-rest/task", "/engine-rest/process-definition", "/engine-rest/engine",
        "/engine-rest/process-instance", "/engine-rest/history/process-instance", "/engine-rest/user", "/engine-rest/deployment")) {
      assertUnauthorizedProblem(send(null, null, HttpMethod.GET, path, null));
    }
    assertUnauthorizedProblem(send(null, null, HttpMethod.POST, "/engine-rest/deployment/create", deployment("anonymous")));
    assertUnauthorizedProblem(send(null, null, HttpMethod.POST, "/engine-rest/process-definition/key/TicketLifecycleProcess/start", "{}"));

    // open to anyone; whether it is UP depends on the environment (the test has no mail server), so
    // the test asks for the liveness group, which checks the application alone
    var health = send(null, null, HttpMethod.GET, "/actuator/health", null);
    assertThat(health.getStatusCode().value()).as("%s", health.getBody()).isIn(200, 503);
    assertThat(health.getBody()).contains("\"status\"");
    var liveness = send(null, null, HttpMethod.GET, "/actuator/health/liveness", null);
    assertThat(liveness.getStatusCode().value()).as("%s", liveness.getBody()).isEqualTo(200);
    assertThat(liveness.getBody()).contains("UP");
    // health is the only actuator endpoint there is: nothing else of the application is told to anyone
    for (var path : List.of("/actuator", "/actuator/info", "/actuator/env", "/actuator/beans", "/actuator/metrics")) {
      assertThat(send(null, null, HttpMethod.GET, path, null).getStatusCode().value()).as(path).isEqualTo(404);
    }
  }

  @Test
  void wrongPasswordsAndUnknownUsersGet401() {
    // a user of her own: Camunda delays a user's next login after a wrong password, which would
    // slow the demo users down in the other tests
    tier1AgentWithPassword("mallory", "right-password");
    for (var path : List.of("/api/tickets", "/engine-rest/task", "/engine-rest/process-definition")) {
      assertUnauthorizedProblem(send("mallory", "wrong", HttpMethod.GET, path, null));
      assertUnauthorizedProblem(send("mallory", "", HttpMethod.GET, path, null));
      assertUnauthorizedProblem(send("nobody", "demo", HttpMethod.GET, path, null));
      assertUnauthorizedProblem(send("", "", HttpMethod.GET, path, null));
    }
    assertThat(as("admin", HttpMethod.GET, "/engine-rest/task", null).getStatusCode().value()).isEqualTo(200);
    assertThat(as("admin", HttpMethod.GET, "/api/tickets", null).getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void wrongPasswordsDelayTheNextLoginButNeverLockAUserOutForGood() {
    // Camunda's default locks a user for good after ten wrong passwords, until an admin unlocks
    // her: anybody who knows a user name could do that to any agent or the admin over /api
    tier1AgentWithPassword("trudy", "right-password");
    var now = java.time.Instant.now();
    for (int attempt = 1; attempt <= 12; attempt++) {
      now = now.plusSeconds(61); // past the delay of the attempt before, so that each one counts
      setClock(now);
      assertUnauthorizedProblem(send("trudy", "guess-" + attempt, HttpMethod.GET, "/api/tickets", null));
    }
    // right after a wrong one, even the right password waits for the delay ...
    assertUnauthorizedProblem(send("trudy", "right-password", HttpMethod.GET, "/api/tickets", null));
    // ... and once the delay (at most 60 s) has passed, it works again, twelve failures or not
    setClock(now.plusSeconds(61));
    assertThat(send("trudy", "right-password", HttpMethod.GET, "/api/tickets", null).getStatusCode().value()).isEqualTo(200);
    assertThat(send("trudy", "right-password", HttpMethod.GET, "/engine-rest/task", null).getStatusCode().value()).isEqualTo(200);
  }

  private void tier1AgentWithPassword(String id, String password) {
    var identity = engine.getIdentityService();
    if (identity.createUserQuery().userId(id).count() == 0) {
      var user = identity.newUser(id);
      user.setPassword(password);
      identity.saveUser(user);
      identity.createMembership(id, "tier1");
    }
  }

  // ------------------------------------------------------------------ customers

  @Test
  void aCustomerSeesOnlyHerOwnTickets() throws Exception {
    var alices = createTicket("alice", ticket("alice@example.com", "Alice's question", "How do I share a model?")).get("key").asText();
    var pauls = createTicket("paul", ticket("paul@example.com", "Paul's question", "How do I print to PDF?")).get("key").asText();

    assertThat(get("alice", "/api/tickets/" + alices).getStatusCode().value()).isEqualTo(200);
    assertThat(get("alice", "/api/tickets/" + alices + "/history").getStatusCode().value()).isEqualTo(200);
    for (var path : List.of("/api/tickets/" + pauls, "/api/tickets/" + pauls + "/history")) {
      var response = get("alice", path);
      assertThat(response.getStatusCode().value()).isEqualTo(404);
      assertThat(response.getBody().get("detail").asText()).doesNotContain("Paul");
    }
    assertThat(post("alice", "/api/tickets/" + pauls + "/messages", Map.of("from", "CUSTOMER", "body", "Hi Paul")).getStatusCode().value())
        .isEqualTo(404);
    assertThat(post("alice", "/api/tickets/" + pauls + "/escalations", Map.of("reason", "CUSTOMER_REQUEST", "justification", "x"))
        .getStatusCode().value()).isEqualTo(404);
    // she cannot open a ticket in someone else's name, nor write as an agent
    assertThat(post("alice", "/api/tickets", ticket("paul@example.com", "In Paul's name", "Not mine")).getStatusCode().value())
        .isEqualTo(403);
    assertThat(post("alice", "/api/tickets/" + alices + "/messages", Map.of("from", "AGENT", "body", "I am staff")).getStatusCode().value())
        .isEqualTo(403);

    var list = get("alice", "/api/tickets?size=200").getBody();
    var keys = new ArrayList<String>();
    list.get("items").forEach(t -> {
      keys.add(t.get("key").asText());
      assertThat(t.get("customer").get("email").asText()).isEqualTo("alice@example.com");
    });
    assertThat(keys).contains(alices).doesNotContain(pauls);
    assertThat(list.get("total").asLong()).isEqualTo(keys.size());
    assertThat(get("alice", "/api/tickets?customerEmail=paul@example.com").getBody().get("total").asLong()).isZero();

    // and through the engine she sees no tasks and starts nothing
    assertThat(jsonOf(as("alice", HttpMethod.GET, "/engine-rest/task", null))).isEmpty();
    assertRefusedByEngine(as("alice", HttpMethod.POST, "/engine-rest/process-definition/key/TicketLifecycleProcess/start",
        "{\"businessKey\":\"TCK-999999\"}"));
  }

  // ------------------------------------------------------------------ agents and tiers

  @Test
  void tier1CannotReadATier3TicketNorSeeClaimOrCompleteItsTask() throws Exception {
    var key = p1Ticket();
    var taskId = tier3TaskOf(key);

    assertThat(get("tier1", "/api/tickets/" + key).getStatusCode().value()).isEqualTo(404);
    assertThat(get("tier1", "/api/tickets/" + key + "/history").getStatusCode().value()).isEqualTo(404);
    var list = get("tier1", "/api/tickets?size=200").getBody();
    list.get("items").forEach(t -> assertThat(t.get("tier").isNull() || t.get("tier").asInt() <= 1).as("%s", t).isTrue());
    assertThat(list.toString()).doesNotContain(key);
    assertThat(get("tier3", "/api/tickets/" + key).getStatusCode().value()).isEqualTo(200);
    assertThat(get("tier4", "/api/tickets/" + key).getStatusCode().value()).isEqualTo(200);

    var tier1Tasks = jsonOf(as("tier1", HttpMethod.GET, "/engine-rest/task?processInstanceBusinessKey=" + key, null));
    assertThat(tier1Tasks).isEmpty();
    assertThat(jsonOf(as("tier1", HttpMethod.GET, "/engine-rest/task", null)).toString()).doesNotContain(taskId);
    assertRefusedByEngine(as("tier1", HttpMethod.GET, "/engine-rest/task/" + taskId, null));
    assertRefusedByEngine(as("tier1", HttpMethod.POST, "/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"tier1\"}"));
    assertRefusedByEngine(as("tier1", HttpMethod.POST, "/engine-rest/task/" + taskId + "/complete",
        "{\"variables\":{\"outcome\":{\"value\":\"RESOLVE\",\"type\":\"String\"}}}"));
    assertRefusedByEngine(as("tier1", HttpMethod.DELETE, "/engine-rest/process-instance/" + tasks.createTaskQuery().taskId(taskId)
        .singleResult().getProcessInstanceId(), null));
    var task = tasks.createTaskQuery().taskId(taskId).singleResult();
    assertThat(task).as("the task is still open").isNotNull();
    assertThat(task.getAssignee()).isNull();

    // the tier's own agent sees it and claims it
    var tier3Tasks = jsonOf(as("tier3", HttpMethod.GET, "/engine-rest/task?processInstanceBusinessKey=" + key, null));
    assertThat(tier3Tasks).hasSize(1);
    assertThat(tier3Tasks.get(0).get("id").asText()).isEqualTo(taskId);
    var claim = as("tier3", HttpMethod.POST, "/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"tier3\"}");
    assertThat(claim.getStatusCode().value()).as("%s", claim.getBody()).isEqualTo(204);
    assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo("tier3");
  }

  @Test
  void agentsWorkTheirTasksButDoNotWriteTheirVariables() throws Exception {
    var key = createTicket("alice", ticket("alice@example.com", "Export fails", "The export fails for large models",
        "category", "TECHNICAL", "subcategory", "SOFTWARE_BUG", "impact", "MINOR")).get("key").asText();
    var found = tasks.createTaskQuery().processInstanceBusinessKey(key).taskCandidateGroup("tier1").list();
    assertThat(found).hasSize(1);
    var taskId = found.get(0).getId();
    var processInstanceId = found.get(0).getProcessInstanceId();
    var before = runtime.getVariables(processInstanceId);

    // Camunda's default grants a task's candidate groups UPDATE on it, and with it every variable of
    // the process: a Tier 1 agent would choose the plan, the tier, the ceiling, the next escalation
    var writes = new java.util.LinkedHashMap<String, ResponseEntity<String>>();
    for (var name : List.of("escalationReason", "plan", "tier", "maxTier", "coverage")) {
      writes.put("PUT variables/" + name, as("tier1", HttpMethod.PUT, "/engine-rest/task/" + taskId + "/variables/" + name,
          "{\"value\":\"4\",\"type\":\"String\"}"));
      writes.put("PUT localVariables/" + name, as("tier1", HttpMethod.PUT, "/engine-rest/task/" + taskId + "/localVariables/" + name,
          "{\"value\":\"4\",\"type\":\"String\"}"));
    }
    writes.put("POST variables", as("tier1", HttpMethod.POST, "/engine-rest/task/" + taskId + "/variables",
        "{\"modifications\":{\"plan\":{\"value\":\"ENTERPRISE\",\"type\":\"String\"}}}"));
    writes.put("DELETE variables/priority", as("tier1", HttpMethod.DELETE, "/engine-rest/task/" + taskId + "/variables/priority", null));
    // nor the task itself (its due date is the ticket's SLA clock)
    writes.put("PUT task", as("tier1", HttpMethod.PUT, "/engine-rest/task/" + taskId,
        "{\"name\":\"Triage ticket\",\"due\":\"2099-01-01T00:00:00.000+0000\",\"priority\":1}"));
    writes.forEach((what, response) -> assertThat(response.getStatusCode().value()).as("%s: %s", what, response.getBody()).isEqualTo(403));
    assertThat(runtime.getVariables(processInstanceId)).isEqualTo(before);
    assertThat(tasks.getVariablesLocal(taskId)).doesNotContainKeys("escalationReason", "plan", "tier", "maxTier", "coverage");
    assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getDueDate()).isBefore(java.util.Date.from(java.time.Instant.parse("2099-01-01T00:00:00Z")));

    // she still reads it, claims it, gives it back, and works it
    assertThat(as("tier1", HttpMethod.GET, "/engine-rest/task/" + taskId + "/variables", null).getStatusCode().value()).isEqualTo(200);
    assertThat(as("tier1", HttpMethod.POST, "/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"tier1\"}").getStatusCode().value())
        .isEqualTo(204);
    // nobody else's to give it to (managers assign), but hers to give back
    var assign = as("tier1", HttpMethod.POST, "/engine-rest/task/" + taskId + "/assignee", "{\"userId\":\"tier2\"}");
    assertThat(assign.getStatusCode().value()).as("%s", assign.getBody()).isEqualTo(403);
    var unclaim = as("tier1", HttpMethod.POST, "/engine-rest/task/" + taskId + "/unclaim", null);
    assertThat(unclaim.getStatusCode().value()).as("%s", unclaim.getBody()).isEqualTo(204);
    assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();
    assertThat(as("tier1", HttpMethod.POST, "/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"tier1\"}").getStatusCode().value())
        .isEqualTo(204);
    // claimed, the task is hers: still no variables of her own choosing
    assertThat(as("tier1", HttpMethod.PUT, "/engine-rest/task/" + taskId + "/variables/tier", "{\"value\":4,\"type\":\"Integer\"}")
        .getStatusCode().value()).isEqualTo(403);
    var completed = as("tier1", HttpMethod.POST, "/engine-rest/task/" + taskId + "/complete",
        "{\"variables\":{\"category\":{\"value\":\"TECHNICAL\"},\"subcategory\":{\"value\":\"SOFTWARE_BUG\"},"
            + "\"impact\":{\"value\":\"MINOR\"},\"urgency\":{\"value\":\"MEDIUM\"},\"security\":{\"value\":false},"
            + "\"outcome\":{\"value\":\"CONTINUE\"}}}");
    assertThat(completed.getStatusCode().value()).as("%s", completed.getBody()).isEqualTo(204);
    assertThat(runtime.getVariable(processInstanceId, "plan")).isEqualTo("BASIC");
    assertThat(runtime.getVariable(processInstanceId, "tier")).isEqualTo(1);
  }

  @Test
  void managersAssignAndWorkEveryTaskButDoNotWriteItsVariables() throws Exception {
    var key = createTicket("alice", ticket("alice@example.com", "Plot is blank", "The plot preview stays blank",
        "category", "TECHNICAL", "subcategory", "SOFTWARE_BUG", "impact", "MINOR")).get("key").asText();
    var taskId = tasks.createTaskQuery().processInstanceBusinessKey(key).taskCandidateGroup("tier1").singleResult().getId();
    var processInstanceId = tasks.createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId();
    var before = runtime.getVariables(processInstanceId);

    // she sees every tier's task, not hers by candidate group
    var seen = jsonOf(as("manager", HttpMethod.GET, "/engine-rest/task?processInstanceBusinessKey=" + key, null));
    assertThat(seen).hasSize(1);
    assertThat(seen.get(0).get("id").asText()).isEqualTo(taskId);
    assertThat(as("manager", HttpMethod.GET, "/engine-rest/task/" + taskId + "/variables", null).getStatusCode().value()).isEqualTo(200);

    // with UPDATE on every task she chose any ticket's plan, tier, ceiling or next escalation, past the task's form
    var writes = new java.util.LinkedHashMap<String, ResponseEntity<String>>();
    for (var name : List.of("escalationReason", "plan", "tier", "maxTier", "coverage")) {
      writes.put("PUT task variables/" + name, as("manager", HttpMethod.PUT, "/engine-rest/task/" + taskId + "/variables/" + name,
          "{\"value\":\"4\",\"type\":\"String\"}"));
      writes.put("PUT task localVariables/" + name, as("manager", HttpMethod.PUT,
          "/engine-rest/task/" + taskId + "/localVariables/" + name, "{\"value\":\"4\",\"type\":\"String\"}"));
      writes.put("PUT process-instance variables/" + name, as("manager", HttpMethod.PUT,
          "/engine-rest/process-instance/" + processInstanceId + "/variables/" + name, "{\"value\":\"4\",\"type\":\"String\"}"));
    }
    writes.put("POST task variables", as("manager", HttpMethod.POST, "/engine-rest/task/" + taskId + "/variables",
        "{\"modifications\":{\"plan\":{\"value\":\"ENTERPRISE\",\"type\":\"String\"}}}"));
    writes.put("POST task localVariables", as("manager", HttpMethod.POST, "/engine-rest/task/" + taskId + "/localVariables",
        "{\"modifications\":{\"plan\":{\"value\":\"ENTERPRISE\",\"type\":\"String\"}}}"));
    writes.put("DELETE task variables/priority", as("manager", HttpMethod.DELETE, "/engine-rest/task/" + taskId + "/variables/priority", null));
    writes.put("POST process-instance variables", as("manager", HttpMethod.POST, "/engine-rest/process-instance/" + processInstanceId + "/variables",
        "{\"modifications\":{\"maxTier\":{\"value\":4,\"type\":\"Integer\"}}}"));
    writes.put("PUT execution localVariables/tier", as("manager", HttpMethod.PUT,
        "/engine-rest/execution/" + processInstanceId + "/localVariables/tier", "{\"value\":4,\"type\":\"Integer\"}"));
    writes.forEach((what, response) -> {
      assertThat(response.getStatusCode().value()).as("%s: %s", what, response.getBody()).isEqualTo(403);
      assertThat(response.getBody()).as(what).contains("AuthorizationException");
    });
    assertThat(runtime.getVariables(processInstanceId)).isEqualTo(before);
    assertThat(tasks.getVariablesLocal(taskId)).doesNotContainKeys("escalationReason", "plan", "tier", "maxTier", "coverage");

    // she gives the task to an agent, takes it back, claims it and completes it through its form
    var assigned = as("manager", HttpMethod.POST, "/engine-rest/task/" + taskId + "/assignee", "{\"userId\":\"tier1\"}");
    assertThat(assigned.getStatusCode().value()).as("%s", assigned.getBody()).isEqualTo(204);
    assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo("tier1");
    var unassigned = as("manager", HttpMethod.POST, "/engine-rest/task/" + taskId + "/assignee", "{\"userId\":null}");
    assertThat(unassigned.getStatusCode().value()).as("%s", unassigned.getBody()).isEqualTo(204);
    var claimed = as("manager", HttpMethod.POST, "/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"manager\"}");
    assertThat(claimed.getStatusCode().value()).as("%s", claimed.getBody()).isEqualTo(204);
    assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo("manager");
    var stray = as("manager", HttpMethod.POST, "/engine-rest/task/" + taskId + "/complete",
        "{\"variables\":{\"outcome\":{\"value\":\"CONTINUE\"},\"plan\":{\"value\":\"ENTERPRISE\"}}}");
    assertThat(stray.getStatusCode().value()).as("%s", stray.getBody()).isEqualTo(400);
    var completed = as("manager", HttpMethod.POST, "/engine-rest/task/" + taskId + "/complete",
        "{\"variables\":{\"category\":{\"value\":\"TECHNICAL\"},\"subcategory\":{\"value\":\"SOFTWARE_BUG\"},"
            + "\"impact\":{\"value\":\"MINOR\"},\"urgency\":{\"value\":\"MEDIUM\"},\"security\":{\"value\":false},"
            + "\"outcome\":{\"value\":\"CONTINUE\"}}}");
    assertThat(completed.getStatusCode().value()).as("%s", completed.getBody()).isEqualTo(204);
    assertThat(tasks.createTaskQuery().taskId(taskId).count()).isZero();
    assertThat(get("manager", "/api/tickets/" + key).getBody().get("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(runtime.getVariable(processInstanceId, "plan")).isEqualTo("BASIC");
    assertThat(runtime.getVariable(processInstanceId, "tier")).isEqualTo(1);
  }

  // ------------------------------------------------------------------ own profile

  @Test
  void aUserCannotChangeHerOwnProfileSoACustomerCannotBecomeAnother() throws Exception {
    var pauls = createTicket("paul", ticket("paul@example.com", "Paul's invoice", "Paul's own question")).get("key").asText();
    var profile = "{\"id\":\"%s\",\"firstName\":\"%s\",\"lastName\":\"%s\",\"email\":\"%s\"}";
    var identity = engine.getIdentityService();

    // her e-mail ties a customer to her tickets: with Paul's address she would see his
    var taken = as("alice", HttpMethod.PUT, "/engine-rest/user/alice/profile", profile.formatted("alice", "Alice", "Basic", "paul@example.com"));
    assertThat(taken.getStatusCode().value()).as("%s", taken.getBody()).isEqualTo(403);
    assertThat(identity.createUserQuery().userId("alice").singleResult().getEmail()).isEqualTo("alice@example.com");
    assertThat(get("alice", "/api/tickets/" + pauls).getStatusCode().value()).isEqualTo(404);
    assertThat(get("alice", "/api/tickets?size=200").getBody().toString()).doesNotContain(pauls);

    // an agent's address is where her SLA warnings go: she cannot send them elsewhere
    var redirected = as("tier1", HttpMethod.PUT, "/engine-rest/user/tier1/profile", profile.formatted("tier1", "Tim", "One", "tim@elsewhere.example"));
    assertThat(redirected.getStatusCode().value()).as("%s", redirected.getBody()).isEqualTo(403);
    assertThat(identity.createUserQuery().userId("tier1").singleResult().getEmail()).isEqualTo("tier1@archbuilder.app");
    // nor does anyone change her own password or delete herself: an administrator does
    var password = as("alice", HttpMethod.PUT, "/engine-rest/user/alice/credentials",
        "{\"password\":\"alice-new-password\",\"authenticatedUserPassword\":\"demo\"}");
    assertThat(password.getStatusCode().value()).as("%s", password.getBody()).isEqualTo(403);
    assertThat(as("alice", HttpMethod.DELETE, "/engine-rest/user/alice", null).getStatusCode().value()).isEqualTo(403);
    assertThat(identity.checkPassword("alice", "demo")).isTrue();
    // she reads her profile
    var own = as("alice", HttpMethod.GET, "/engine-rest/user/alice/profile", null);
    assertThat(own.getStatusCode().value()).isEqualTo(200);
    assertThat(jsonOf(own).get("email").asText()).isEqualTo("alice@example.com");

    // administrators manage users: a new one reads herself only, and the admin changes her address
    var created = as("admin", HttpMethod.POST, "/engine-rest/user/create",
        "{\"profile\":" + profile.formatted("carol", "Carol", "New", "carol@example.com") + ",\"credentials\":{\"password\":\"carol-password\"}}");
    assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(204);
    try {
      var authorizations = engine.getAuthorizationService();
      assertThat(authorizations.isUserAuthorized("carol", List.of(), org.camunda.bpm.engine.authorization.Permissions.READ,
          org.camunda.bpm.engine.authorization.Resources.USER, "carol")).isTrue();
      assertThat(authorizations.isUserAuthorized("carol", List.of(), org.camunda.bpm.engine.authorization.Permissions.UPDATE,
          org.camunda.bpm.engine.authorization.Resources.USER, "carol")).isFalse();
      var self = send("carol", "carol-password", HttpMethod.PUT, "/engine-rest/user/carol/profile",
          profile.formatted("carol", "Carol", "New", "paul@example.com"));
      assertThat(self.getStatusCode().value()).as("%s", self.getBody()).isEqualTo(403);
      var byAdmin = as("admin", HttpMethod.PUT, "/engine-rest/user/carol/profile", profile.formatted("carol", "Carol", "New", "carol@example.org"));
      assertThat(byAdmin.getStatusCode().value()).as("%s", byAdmin.getBody()).isEqualTo(204);
      assertThat(identity.createUserQuery().userId("carol").singleResult().getEmail()).isEqualTo("carol@example.org");
    } finally {
      identity.deleteUser("carol");
    }
  }

  // ------------------------------------------------------------------ deployments

  @Test
  void onlyProcessOwnersAndAdminsDeploy() throws Exception {
    for (var user : List.of("tier1", "tier4", "auditor", "manager", "alice")) {
      var refused = as(user, HttpMethod.POST, "/engine-rest/deployment/create", deployment("by " + user));
      assertThat(refused.getStatusCode().value()).as("%s: %s", user, refused.getBody()).isEqualTo(403);
      assertThat(refused.getBody()).contains("AuthorizationException");
    }
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("SecurityTestProcess").count()).isZero();

    var deployed = as("owner", HttpMethod.POST, "/engine-rest/deployment/create", deployment("by owner"));
    assertThat(deployed.getStatusCode().value()).as("%s", deployed.getBody()).isEqualTo(200);
    var deploymentId = jsonOf(deployed).get("id").asText();
    try {
      assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("SecurityTestProcess").count())
          .isEqualTo(1);
    } finally {
      var removed = as("admin", HttpMethod.DELETE, "/engine-rest/deployment/" + deploymentId + "?cascade=true", null);
      assertThat(removed.getStatusCode().value()).as("%s", removed.getBody()).isEqualTo(204);
    }
  }

  // ------------------------------------------------------------------ auditors

  @Test
  void anAuditorReadsEverythingAndChangesNothing() throws Exception {
    var key = p1Ticket();
    var taskId = tier3TaskOf(key);
    var processInstanceId = tasks.createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId();

    assertThat(get("auditor", "/api/tickets/" + key).getStatusCode().value()).isEqualTo(200);
    assertThat(get("auditor", "/api/tickets/" + key + "/history").getStatusCode().value()).isEqualTo(200);
    assertThat(get("auditor", "/api/tickets?tier=3").getBody().toString()).contains(key);

    var forbidden =
        List.of(
            post("auditor", "/api/tickets", ticket("alice@example.com", "By the auditor", "Auditors do not open tickets")),
            post("auditor", "/api/tickets/" + key + "/messages", Map.of("from", "AGENT", "body", "Hello")),
            post("auditor", "/api/tickets/" + key + "/messages", Map.of("from", "CUSTOMER", "body", "Hello")),
            post("auditor", "/api/tickets/" + key + "/escalations", Map.of("reason", "COMPLEX_ISSUE", "justification", "Hard")),
            post("auditor", "/api/tickets/" + key + "/verification", Map.of("accepted", true)),
            post("auditor", "/api/tickets/" + key + "/feedback", Map.of("csat", 1)),
            post("auditor", "/api/customers", Map.of("email", "new@example.org", "name", "New", "plan", "BASIC")));
    for (var response : forbidden) {
      assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(403);
      assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    }
    assertThat(historyEvents(key)).doesNotContain("MESSAGE", "ESCALATION_REQUESTED", "FEEDBACK");

    // the engine: history and definitions yes, changes no
    var history = as("auditor", HttpMethod.GET, "/engine-rest/history/process-instance?processInstanceBusinessKey=" + key, null);
    assertThat(history.getStatusCode().value()).isEqualTo(200);
    assertThat(jsonOf(history)).isNotEmpty();
    assertThat(as("auditor", HttpMethod.GET, "/engine-rest/process-definition", null).getStatusCode().value()).isEqualTo(200);
    assertRefusedByEngine(as("auditor", HttpMethod.POST, "/engine-rest/task/" + taskId + "/complete", "{}"));
    assertRefusedByEngine(as("auditor", HttpMethod.POST, "/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"auditor\"}"));
    assertRefusedByEngine(as("auditor", HttpMethod.DELETE, "/engine-rest/process-instance/" + processInstanceId, null));
    assertRefusedByEngine(as("auditor", HttpMethod.PUT, "/engine-rest/process-instance/" + processInstanceId + "/variables/priority",
        "{\"value\":\"P4\",\"type\":\"String\"}"));
    assertRefusedByEngine(as("auditor", HttpMethod.PUT, "/engine-rest/process-instance/" + processInstanceId + "/suspended",
        "{\"suspended\":true}"));
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).active().count()).isEqualTo(1);
    assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();
    assertThat(runtime.getVariable(processInstanceId, "priority")).isEqualTo("P1");
  }

  // ------------------------------------------------------------------ customers API

  @Test
  void customersAreManagedByManagersAndAdminsOnly() {
    var erin = Map.<String, Object>of("email", "erin@example.com", "name", "Erin Enterprise", "organisation", "Enterprise Estates",
        "plan", "ENTERPRISE", "vip", true);
    assertThat(post("manager", "/api/customers", erin).getStatusCode().value()).isEqualTo(200);
    assertThat(post("admin", "/api/customers", erin).getStatusCode().value()).isEqualTo(200);
    assertThat(get("manager", "/api/customers/erin@example.com").getStatusCode().value()).isEqualTo(200);
    assertThat(get("admin", "/api/customers/erin@example.com").getBody().get("plan").asText()).isEqualTo("ENTERPRISE");

    for (var user : List.of("tier1", "tier4", "alice", "auditor", "owner")) {
      var read = get(user, "/api/customers/erin@example.com");
      assertThat(read.getStatusCode().value()).as(user).isEqualTo(403);
      var write = post(user, "/api/customers", Map.of("email", "erin@example.com", "name", "Erin", "plan", "BASIC"));
      assertThat(write.getStatusCode().value()).as(user).isEqualTo(403);
      assertThat(write.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    }
    assertThat(get("admin", "/api/customers/erin@example.com").getBody().get("plan").asText()).isEqualTo("ENTERPRISE");
  }
}
