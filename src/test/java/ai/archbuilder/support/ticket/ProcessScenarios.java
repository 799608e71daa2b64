package ai.archbuilder.support.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the path scenarios need beyond {@link TicketScenarios}: our tables (outbound mail,
 * corrections, the ticket row), the engine's view of a ticket (its lifecycle instance, the jobs of
 * one element) and BPMN assertions.
 */
abstract class ProcessScenarios extends TicketScenarios {

  /** One row of the outbox. */
  record MailRow(long id, String template, String recipient, Instant sentAt) {}

  @Autowired protected JdbcClient jdbc;

  @BeforeEach
  void initBpmnAssert() {
    BpmnAwareTests.init(engine);
  }

  protected long ticketId(String key) {
    return TicketKey.parse(key).orElseThrow();
  }

  /** The ticket's lifecycle instance (running or ended). */
  protected ProcessInstance lifecycle(String key) {
    var running =
        runtime.createProcessInstanceQuery().processDefinitionKey(TicketLifecycle.PROCESS_KEY).processInstanceBusinessKey(key).list();
    assertThat(running).as("lifecycle of %s", key).hasSize(1);
    return running.get(0);
  }

  protected String lifecycleId(String key) {
    var ids =
        engine.getHistoryService().createHistoricProcessInstanceQuery()
            .processDefinitionKey(TicketLifecycle.PROCESS_KEY)
            .processInstanceBusinessKey(key)
            .list();
    assertThat(ids).as("lifecycle of %s", key).hasSize(1);
    return ids.get(0).getId();
  }

  protected boolean lifecycleRunning(String key) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(TicketLifecycle.PROCESS_KEY).processInstanceBusinessKey(key).count() > 0;
  }

  /** Due dates of the timers of one element of the ticket's lifecycle. */
  protected List<Instant> timerDueDates(String key, String activityId) {
    return management.createJobQuery().timers().processInstanceId(lifecycleId(key)).activityId(activityId).list().stream()
        .map(j -> j.getDuedate().toInstant())
        .toList();
  }

  /** How often the ticket's lifecycle passed an element, in the engine's history. */
  protected long passed(String key, String activityId) {
    return engine.getHistoryService().createHistoricActivityInstanceQuery()
        .processInstanceId(lifecycleId(key))
        .activityId(activityId)
        .finished()
        .count();
  }

  protected List<MailRow> mails(String key) {
    return jdbc.sql("SELECT id, template, recipient, sent_at FROM outbound_mail WHERE ticket_id = ? ORDER BY id")
        .param(ticketId(key))
        .query(
            (rs, i) -> {
              var sent = rs.getObject("sent_at", java.time.OffsetDateTime.class);
              return new MailRow(rs.getLong("id"), rs.getString("template"), rs.getString("recipient"), sent == null ? null : sent.toInstant());
            })
        .list();
  }

  protected List<MailRow> mails(String key, String template) {
    return mails(key).stream().filter(m -> m.template().equals(template)).toList();
  }

  protected long count(String key, String event) {
    return historyEvents(key).stream().filter(event::equals).count();
  }

  /** The detail texts of one kind of history event of a ticket. */
  protected List<String> details(String key, String event) {
    var found = new java.util.ArrayList<String>();
    get("admin", "/api/tickets/" + key + "/history").getBody().forEach(e -> {
      if (e.get("event").asText().equals(event)) {
        found.add(e.get("detail").asText());
      }
    });
    return found;
  }

  /** Column values of the ticket row the API does not show. */
  protected Map<String, Object> row(String key) {
    return jdbc.sql("SELECT * FROM ticket WHERE id = ?").param(ticketId(key)).query().singleRow();
  }

  protected List<String> candidateGroups(String key, String taskDefinitionKey) {
    return tasks.getIdentityLinksForTask(task(key, taskDefinitionKey).getId()).stream()
        .filter(l -> l.getGroupId() != null)
        .map(l -> l.getGroupId())
        .toList();
  }

  /** Completes triage with the ticket's classification as given, and the outcome and its variables. */
  protected void triage(String key, String category, String subcategory, String impact, String outcome, Object... more) {
    var variables = new java.util.HashMap<String, Object>();
    variables.put("category", category);
    variables.put("subcategory", subcategory);
    variables.put("impact", impact);
    variables.put("urgency", "MEDIUM");
    variables.put("security", false);
    variables.put("outcome", outcome);
    for (int i = 0; i < more.length; i += 2) {
      variables.put((String) more[i], more[i + 1]);
    }
    complete("tier1", task(key, "Task_TriageTicket"), variables);
  }

  protected String create(String user, String email, String subject, String description, Object... more) {
    return createTicket(user, ticket(email, subject, description, more)).get("key").asText();
  }
}
