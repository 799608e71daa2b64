package ai.archbuilder.support.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Drives tickets the way the outside world does: the API as customer and agents, the agents'
 * tasks through the engine, and time with ClockUtil (jobs executed by the test, no sleeping).
 */
public abstract class TicketScenarios {

  protected static final ZoneId LA = ZoneId.of("America/Los_Angeles");

  @Autowired protected TestRestTemplate rest;
  @Autowired protected ProcessEngine engine;
  @Autowired protected RuntimeService runtime;
  @Autowired protected TaskService tasks;
  @Autowired protected ManagementService management;
  @Autowired protected ObjectMapper json;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  protected static Instant la(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(LA).toInstant();
  }

  protected static void setClock(Instant now) {
    ClockUtil.setCurrentTime(Date.from(now));
  }

  protected ResponseEntity<JsonNode> call(String user, HttpMethod method, String path, Object body, Map<String, String> headers) {
    var h = new HttpHeaders();
    h.setBasicAuth(user, "demo");
    h.setContentType(MediaType.APPLICATION_JSON);
    headers.forEach(h::add);
    return rest.exchange(path, method, new HttpEntity<>(body, h), JsonNode.class);
  }

  protected ResponseEntity<JsonNode> post(String user, String path, Object body) {
    return call(user, HttpMethod.POST, path, body, Map.of());
  }

  protected ResponseEntity<JsonNode> get(String user, String path) {
    return call(user, HttpMethod.GET, path, null, Map.of());
  }

  protected JsonNode createTicket(String user, Map<String, Object> body) {
    var response = post(user, "/api/tickets", body);
    assertThat(response.getStatusCode().value()).as("create: %s", response.getBody()).isEqualTo(201);
    return response.getBody();
  }

  protected static Map<String, Object> ticket(String email, String subject, String description, Object... more) {
    var body = new java.util.HashMap<String, Object>();
    body.put("customerEmail", email);
    body.put("subject", subject);
    body.put("description", description);
    body.put("channel", "PORTAL");
    for (int i = 0; i < more.length; i += 2) {
      body.put((String) more[i], more[i + 1]);
    }
    return body;
  }

  protected JsonNode ticket(String key) {
    return get("admin", "/api/tickets/" + key).getBody();
  }

  protected List<String> historyEvents(String key) {
    var events = new java.util.ArrayList<String>();
    get("admin", "/api/tickets/" + key + "/history").getBody().forEach(e -> events.add(e.get("event").asText()));
    return events;
  }

  protected Task task(String key, String taskDefinitionKey) {
    var found = tasks.createTaskQuery().processInstanceBusinessKey(key).taskDefinitionKey(taskDefinitionKey).list();
    assertThat(found).as("open %s of %s", taskDefinitionKey, key).hasSize(1);
    return found.get(0);
  }

  protected List<Task> openTasks(String key) {
    return tasks.createTaskQuery().processInstanceBusinessKey(key).list();
  }

  /** Completes a task as the given user, with the engine checking her authorizations. */
  protected void complete(String user, Task task, Map<String, Object> variables) {
    var groups = engine.getIdentityService().createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList();
    engine.getIdentityService().setAuthentication(user, groups);
    try {
      tasks.complete(task.getId(), variables);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  /** Runs the jobs that are due now (async continuations, e-mails, due timers), until none is left. */
  protected int executeDueJobs() {
    int executed = 0;
    for (int round = 0; round < 500; round++) {
      // one at a time: a job may cancel others (an interrupting timer ends its scope's timers)
      var next =
          management.createJobQuery().executable().orderByJobDuedate().asc().list().stream()
              .filter(j -> j.getDuedate() == null || !j.getDuedate().after(ClockUtil.getCurrentTime()))
              .findFirst();
      if (next.isEmpty()) {
        return executed;
      }
      management.executeJob(next.get().getId());
      executed++;
    }
    throw new IllegalStateException("Jobs keep falling due: a loop in the process?");
  }

  /** Moves the clock to {@code when} and runs whatever fell due. */
  protected void advanceTo(Instant when) {
    setClock(when);
    executeDueJobs();
  }

  protected List<Job> timers(String key) {
    var ids = runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).list().stream().map(p -> p.getId()).toList();
    return management.createJobQuery().timers().list().stream().filter(j -> ids.contains(j.getProcessInstanceId())).toList();
  }

  protected Instant instant(JsonNode node, String field) {
    return node.get(field).isNull() ? null : Instant.parse(node.get(field).asText());
  }
}
