package ai.archbuilder.support.identity;

import static org.assertj.core.api.Assertions.assertThat;

import ai.archbuilder.support.ticket.TicketLifecycle.Elements;
import ai.archbuilder.support.ticket.TicketScenarios;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * What an agent gets in Tasklist, through /engine-rest with her own login: the task's Camunda
 * Form with the ticket's context (task-local, plain text), and the shared filters of her group
 * only.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      // /engine-rest serves the engine named "default"; the test profile's unique names hide it
      "camunda.bpm.generate-unique-process-engine-name=false",
      "spring.datasource.url=jdbc:h2:mem:support-engine-rest;DB_CLOSE_DELAY=-1"
    })
@ActiveProfiles({"test", "demo"})
class TasklistFormsAndFiltersTest extends TicketScenarios {

  private static final String HOSTILE = "Total is wrong <script>alert('x')</script> **bold** {{ticketKey}} =1+1";

  private String newTicket() {
    setClock(la("2026-11-24T10:00:00"));
    return createTicket("alice", ticket("alice@example.com", "Export <b>total</b> wrong", HOSTILE,
        "category", "TECHNICAL", "subcategory", "SOFTWARE_BUG", "impact", "MINOR")).get("key").asText();
  }

  @Test
  void triageTaskHasItsFormAndThePlainTextContextInTheTaskScope() {
    var key = newTicket();
    var task = task(key, Elements.TRIAGE);

    var form = get("tier1", "/engine-rest/task/" + task.getId() + "/deployed-form");
    assertThat(form.getStatusCode().value()).as("%s", form.getBody()).isEqualTo(200);
    assertThat(form.getBody().get("id").asText()).isEqualTo("Form_TriageTicket");

    var variables = get("tier1", "/engine-rest/task/" + task.getId() + "/form-variables").getBody();
    for (var name : TaskContextNames.ALL) {
      assertThat(variables.has(name)).as("form variable %s", name).isTrue();
      assertThat(variables.get(name).get("type").asText()).isEqualTo("String");
    }
    assertThat(variables.get("ticketKey").get("value").asText()).isEqualTo(key);
    assertThat(variables.get("ticketCustomer").get("value").asText()).contains("alice@example.com", "BASIC");
    assertThat(variables.get("ticketPriority").get("value").asText()).startsWith("P3").contains("Tier 1");
    assertThat(variables.get("ticketDue").get("value").asText()).contains("Resolution: due");
    assertThat(variables.get("ticketEscalations").get("value").asText()).isEqualTo("None");
    // the customer's text is kept as typed (not HTML-escaped twice, not interpreted) ...
    var conversation = variables.get("ticketConversation").get("value").asText();
    assertThat(conversation).contains(HOSTILE).contains("Subject: Export <b>total</b> wrong");
    // ... and the form binds it to read-only text inputs only, which show it as text
    for (var c : components(form.getBody())) {
      if (c.path("key").asText().startsWith("ticket")) {
        assertThat(c.get("type").asText()).isIn("textfield", "textarea");
        assertThat(c.get("readonly").asBoolean()).isTrue();
      }
      if (List.of("text", "html").contains(c.get("type").asText())) {
        // static text only: no templating ({{ticketSubject}}) or expression that could pull in customer text
        assertThat(c.get("text").asText()).doesNotContain("{{").doesNotStartWith("=");
      }
    }

    // task-local: the process keeps its few variables
    assertThat(tasks.getVariablesLocal(task.getId())).containsKeys(TaskContextNames.ALL.toArray(String[]::new));
    assertThat(runtime.getVariables(task.getProcessInstanceId())).doesNotContainKeys(TaskContextNames.ALL.toArray(String[]::new));
    assertThat(task.getDueDate()).isNotNull();
    assertThat(task.getPriority()).isEqualTo(50);

    // another tier sees neither the task nor its form
    assertThat(get("tier2", "/engine-rest/task/" + task.getId() + "/deployed-form").getStatusCode().value()).isIn(403, 404);
    assertThat(get("alice", "/engine-rest/task/" + task.getId() + "/form-variables").getStatusCode().value()).isIn(403, 404);
  }

  @Test
  void eachGroupReadsItsOwnFiltersOnly() {
    assertThat(filterNames("tier1")).containsExactlyInAnyOrder(
        "Tier 1: My tier's queue", "Tier 1: SLA at risk", "Tier 1: Breached", "Tier 1: P1 / P2", "Tier 1: Waiting for customer");
    assertThat(filterNames("tier2")).hasSize(5).allMatch(n -> n.startsWith("Tier 2: "));
    assertThat(filterNames("manager")).hasSize(6).contains("Managers: Mail quarantine")
        .filteredOn(n -> !n.equals("Managers: Mail quarantine")).allMatch(n -> n.startsWith("All tiers: "));
    assertThat(filterNames("auditor")).isEmpty();
    assertThat(filterNames("alice")).isEmpty();

    var tier2Queue = filterId("tier2", "Tier 2: My tier's queue");
    assertThat(get("tier1", "/engine-rest/filter/" + tier2Queue).getStatusCode().value()).isIn(403, 404);
    assertThat(get("tier1", "/engine-rest/filter/" + tier2Queue + "/list").getStatusCode().value()).isIn(403, 404);

    // sorted by due date, then priority
    var sorting = get("tier1", "/engine-rest/filter/" + filterId("tier1", "Tier 1: My tier's queue")).getBody().get("query").get("sorting");
    assertThat(sorting.get(0).get("sortBy").asText()).isEqualTo("dueDate");
    assertThat(sorting.get(0).get("sortOrder").asText()).isEqualTo("asc");
    assertThat(sorting.get(1).get("sortBy").asText()).isEqualTo("priority");
    assertThat(sorting.get(1).get("sortOrder").asText()).isEqualTo("desc");
  }

  @Test
  void filtersFollowTheTasksDueDateAndPriority() {
    var key = newTicket();
    var task = task(key, Elements.TRIAGE);
    var queue = filterId("tier1", "Tier 1: My tier's queue");
    var atRisk = filterId("tier1", "Tier 1: SLA at risk");
    var breached = filterId("tier1", "Tier 1: Breached");
    var urgent = filterId("tier1", "Tier 1: P1 / P2");
    var all = filterId("manager", "All tiers: My tier's queue");

    assertThat(taskIds("tier1", queue)).contains(task.getId());
    assertThat(taskIds("manager", all)).contains(task.getId());
    assertThat(taskIds("tier1", urgent)).doesNotContain(task.getId()); // a P3
    assertThat(taskIds("tier1", atRisk)).doesNotContain(task.getId());
    assertThat(taskIds("tier1", breached)).doesNotContain(task.getId());

    var due = task.getDueDate().toInstant();
    setClock(due.minus(Duration.ofMinutes(90)));
    assertThat(taskIds("tier1", atRisk)).contains(task.getId());
    assertThat(taskIds("tier1", breached)).doesNotContain(task.getId());

    setClock(due.plus(Duration.ofMinutes(1)));
    assertThat(taskIds("tier1", atRisk)).doesNotContain(task.getId());
    assertThat(taskIds("tier1", breached)).contains(task.getId());
  }

  @Test
  void anUrgentTicketIsInTheP1P2Filter() {
    setClock(la("2026-11-24T10:00:00"));
    var key = createTicket("admin", ticket("paul@example.com", "Sync fails for everybody",
        "Core feature broken: syncing fails for all users.", "category", "TECHNICAL", "subcategory", "INTEGRATION",
        "impact", "MAJOR", "urgency", "HIGH")).get("key").asText();
    var t = openTasks(key).get(0);
    assertThat(t.getPriority()).isGreaterThanOrEqualTo(75);
    int tier = ticket(key).get("tier").asInt();
    var user = "tier" + tier; // the demo agents are named after their tier group
    assertThat(taskIds(user, filterId(user, "Tier " + tier + ": P1 / P2"))).contains(t.getId());
    assertThat(taskIds("manager", filterId("manager", "All tiers: P1 / P2"))).contains(t.getId());
  }

  @Test
  void eachTaskStartsWithoutThePreviousDecisionAndAnAnsweredQuestionListsItInWaitingForCustomer() {
    var key = newTicket();
    var waiting = filterId("tier1", "Tier 1: Waiting for customer");
    var triage = task(key, Elements.TRIAGE);
    assertThat(taskIds("tier1", waiting)).doesNotContain(triage.getId());
    complete("tier1", triage, Map.of("category", "TECHNICAL", "subcategory", "SOFTWARE_BUG", "impact", "MINOR",
        "urgency", "MEDIUM", "security", false, "outcome", "REQUEST_INFORMATION", "reply", "Which version of the app is it?"));
    assertThat(post("alice", "/api/tickets/" + key + "/messages", Map.of("from", "CUSTOMER", "body", "Version 4.2"))
        .getStatusCode().value()).isEqualTo(202);

    // the customer answered: the work task is in "Waiting for customer", its form offers no outcome yet
    var work = task(key, Elements.WORK);
    assertThat(taskIds("tier1", waiting)).containsExactly(work.getId());
    assertThat(taskIds("manager", filterId("manager", "All tiers: Waiting for customer"))).containsExactly(work.getId());
    var form = get("tier1", "/engine-rest/task/" + work.getId() + "/form-variables").getBody();
    assertThat(form.get("outcome").get("value").isNull()).as("%s", form.get("outcome")).isTrue();
    assertThat(form.get("outcome").get("type").asText()).isEqualTo("String");

    // a proposed solution the customer rejects brings a new task: blank again, and not "answered"
    complete("tier1", work, Map.of("outcome", "RESOLVE", "reply", "Please update to version 4.3.", "documentInKb", true));
    assertThat(post("alice", "/api/tickets/" + key + "/verification", Map.of("accepted", false, "comment", "Still wrong"))
        .getStatusCode().value()).isEqualTo(202);
    var again = task(key, Elements.WORK);
    assertThat(again.getId()).isNotEqualTo(work.getId());
    assertThat(taskIds("tier1", waiting)).doesNotContain(again.getId());
    form = get("tier1", "/engine-rest/task/" + again.getId() + "/form-variables").getBody();
    assertThat(form.get("outcome").get("value").isNull()).isTrue();
    assertThat(form.get("documentInKb").get("value").isNull()).isTrue();

    // the decision made in the new task drives the process as before
    complete("tier1", again, Map.of("outcome", "REQUEST_INFORMATION", "reply", "Which file did you export?"));
    assertThat(ticket(key).get("status").asText()).isEqualTo("WAITING_FOR_CUSTOMER");
    assertThat(openTasks(key)).isEmpty();
  }

  private List<String> filterNames(String user) {
    var response = get(user, "/engine-rest/filter?resourceType=Task");
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    var names = new ArrayList<String>();
    response.getBody().forEach(f -> names.add(f.get("name").asText()));
    return names;
  }

  private String filterId(String user, String name) {
    for (var f : get(user, "/engine-rest/filter?resourceType=Task").getBody()) {
      if (f.get("name").asText().equals(name)) {
        return f.get("id").asText();
      }
    }
    throw new AssertionError(user + " has no filter " + name);
  }

  private List<String> taskIds(String user, String filterId) {
    var response = call(user, org.springframework.http.HttpMethod.POST, "/engine-rest/filter/" + filterId + "/list", Map.of(), Map.of());
    assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(200);
    var ids = new ArrayList<String>();
    response.getBody().forEach(t -> ids.add(t.get("id").asText()));
    return ids;
  }

  private static List<JsonNode> components(JsonNode container) {
    var all = new ArrayList<JsonNode>();
    container.path("components").forEach(c -> {
      all.add(c);
      all.addAll(components(c));
    });
    return all;
  }

  /** The task-local variables of the task context listener (kept here: the listener is package-private). */
  static final class TaskContextNames {
    static final List<String> ALL =
        List.of("ticketKey", "ticketSubject", "ticketCustomer", "ticketClassification", "ticketPriority", "ticketDue",
            "ticketConversation", "ticketEscalations");

    private TaskContextNames() {}
  }
}
