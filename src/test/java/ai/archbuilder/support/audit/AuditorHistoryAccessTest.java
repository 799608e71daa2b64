package ai.archbuilder.support.audit;

import static org.assertj.core.api.Assertions.assertThat;

import ai.archbuilder.support.ticket.TicketScenarios;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every engine call the "Ticket audit" Cockpit plugin makes works for an auditor, and what would
 * change a ticket's process is refused by the engine. (The plugin calls the same REST resources
 * under /camunda/api/engine with the Cockpit session; here /engine-rest with HTTP Basic.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class AuditorHistoryAccessTest extends TicketScenarios {

  static final String AUDITOR = "auditor";

  @Test
  void auditorReadsEveryHistoryThePluginShows() {
    var key = createTicket("alice", ticket("alice@example.com", "Report export shows a wrong total",
        "The monthly report total is off; a workaround is to sum by hand.", "impact", "MINOR")).get("key").asText();
    complete("tier1", task(key, "Task_TriageTicket"), Map.of("category", "TECHNICAL", "subcategory", "SOFTWARE_BUG",
        "impact", "MINOR", "urgency", "MEDIUM", "security", false, "outcome", "CONTINUE"));

    var instances = read(rest() + "/history/process-instance?processInstanceBusinessKey=" + key);
    assertThat(instances.size()).isGreaterThanOrEqualTo(1);
    var id = instances.get(0).get("id").asText();
    var instance = "processInstanceId=" + id;

    assertThat(read(rest() + "/history/activity-instance?" + instance).toString()).contains("Task_TriageTicket", "\"assignee\"");
    assertThat(read(rest() + "/history/user-operation?" + instance).toString()).contains("\"userId\":\"tier1\"", "Complete");
    assertThat(read(rest() + "/history/variable-instance?deserializeValues=false&" + instance).toString()).contains("\"priority\"");
    assertThat(read(rest() + "/history/detail?variableUpdates=true&deserializeValues=false&" + instance).toString()).contains("CONTINUE");
    assertThat(read(rest() + "/history/incident?" + instance).isArray()).isTrue();

    var decisions = read(rest() + "/history/decision-instance?includeInputs=true&includeOutputs=true&" + instance);
    var priority = findDecision(decisions, "ticketPriority");
    assertThat(priority.get("inputs").toString()).contains("\"value\":\"P3\"");
    assertThat(priority.get("outputs").get(0).get("ruleId").asText()).isNotBlank();
    var xml = read(rest() + "/decision-definition/" + priority.get("decisionDefinitionId").asText() + "/xml");
    assertThat(xml.get("dmnXml").asText()).contains(priority.get("outputs").get(0).get("ruleId").asText());
  }

  @Test
  void auditorChangesNothing() {
    var key = createTicket("alice", ticket("alice@example.com", "Where is the IFC export?", "How do I export to IFC?")).get("key").asText();
    var id = runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).processDefinitionKey("TicketLifecycleProcess")
        .singleResult().getId();
    var triage = task(key, "Task_TriageTicket").getId();
    var priority = runtime.getVariable(id, "priority");

    assertRefused(HttpMethod.PUT, rest() + "/process-instance/" + id + "/variables/priority", Map.of("value", "P1", "type", "String"));
    assertRefused(HttpMethod.PUT, rest() + "/process-instance/" + id + "/suspended", Map.of("suspended", true));
    assertRefused(HttpMethod.DELETE, rest() + "/process-instance/" + id, null);
    assertRefused(HttpMethod.POST, rest() + "/task/" + triage + "/claim", Map.of("userId", AUDITOR));
    assertRefused(HttpMethod.POST, rest() + "/task/" + triage + "/complete", Map.of());
    assertThat(runtime.getVariable(id, "priority")).isEqualTo(priority);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(id).active().count()).isEqualTo(1);
    assertThat(tasks.createTaskQuery().taskId(triage).singleResult().getAssignee()).isNull();
  }

  /** The engine's REST root: tests give each engine a unique name, so "default" may not be ours. */
  private String rest() {
    return "/engine-rest/engine/" + engine.getName();
  }

  private com.fasterxml.jackson.databind.JsonNode read(String path) {
    var response = get(AUDITOR, path);
    assertThat(response.getStatusCode().value()).as("GET %s: %s", path, response.getBody()).isEqualTo(200);
    return response.getBody();
  }

  private static com.fasterxml.jackson.databind.JsonNode findDecision(com.fasterxml.jackson.databind.JsonNode list, String key) {
    for (var d : list) {
      if (key.equals(d.get("decisionDefinitionKey").asText())) {
        return d;
      }
    }
    throw new AssertionError("no evaluation of " + key + " in " + list);
  }

  private void assertRefused(HttpMethod method, String path, Object body) {
    var response = call(AUDITOR, method, path, body, Map.of());
    assertThat(response.getStatusCode().value()).as("%s %s: %s", method, path, response.getBody()).isEqualTo(403);
  }
}
