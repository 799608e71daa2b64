package ai.archbuilder.support.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import ai.archbuilder.support.system.ModelerDeployment;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * An agent's client completing a task over /engine-rest with bad input gets a 400 with the reason,
 * and the task stays open with nothing recorded (the Tasklist form shows the same message).
 * /engine-rest serves the engine named {@code default}, and the test profile names every engine
 * uniquely: so this class runs its own context and database with the engine named {@code default},
 * as {@code SecurityTest} does, and closes it afterwards.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "camunda.bpm.generate-unique-process-engine-name=false",
      "camunda.bpm.process-engine-name=default",
      "spring.datasource.url=jdbc:h2:mem:support-task-completion;DB_CLOSE_DELAY=-1"
    })
@ActiveProfiles({"test", "demo"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class TaskCompletionOverRestTest extends ProcessScenarios {

  /** The triage's variables as /engine-rest takes them, the ticket's classification confirmed. */
  private static Map<String, Object> triageBody(Object... overrides) {
    var plain = new java.util.LinkedHashMap<String, Object>(Map.of(
        "category", "TECHNICAL", "subcategory", "SOFTWARE_BUG", "impact", "MINOR", "urgency", "MEDIUM", "security", false));
    for (int i = 0; i < overrides.length; i += 2) {
      plain.put((String) overrides[i], overrides[i + 1]);
    }
    var variables = new java.util.LinkedHashMap<String, Object>();
    plain.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    return Map.of("variables", variables);
  }

  @Test
  void aTaskCompletedWithBadInputIsABadRequestAndStaysOpen() {
    setClock(la("2026-11-24T10:00:00"));
    var key = create("admin", "alice@example.com", "Export fails", "The export fails for large models",
        "category", "TECHNICAL", "subcategory", "SOFTWARE_BUG", "impact", "MINOR");
    var triage = task(key, "Task_TriageTicket");
    var path = "/engine-rest/task/" + triage.getId() + "/complete";
    var cases = new java.util.LinkedHashMap<Map<String, Object>, String>();
    cases.put(triageBody("outcome", "RESOLVED"), "outcome must be one of [CONTINUE, RESOLVE, REQUEST_INFORMATION, ESCALATE], not RESOLVED");
    cases.put(triageBody("outcome", "RESOLVE"), "The task needs reply");
    cases.put(triageBody("outcome", "ESCALATE", "escalationReason", "CUSTOMER_REQUEST", "justification", "Asked"), "one of the manual reasons");
    cases.put(triageBody("outcome", "ESCALATE", "escalationReason", "BORED", "justification", "x"), "escalationReason must be one of");
    cases.put(triageBody("outcome", "CONTINUE", "subcategory", "PAYMENT"), "Subcategory PAYMENT does not belong to category TECHNICAL");
    cases.put(triageBody("outcome", "CONTINUE", "impact", "HUGE"), "impact must be one of");
    cases.put(triageBody("outcome", "REQUEST_INFORMATION", "reply", "Which version?", "documentInKb", "true"),
        "documentInKb must be true or false, not true");
    cases.forEach(
        (body, message) -> {
          var response = post("tier1", path, body);
          assertThat(response.getStatusCode().value()).as("%s → %s", body, response.getBody()).isEqualTo(400);
          assertThat(response.getBody().get("message").asText()).contains(message);
          assertThat(task(key, "Task_TriageTicket").getId()).as("the task stays open").isEqualTo(triage.getId());
        });
    assertThat(ticket(key).get("status").asText()).isEqualTo("TRIAGE");
    assertThat(historyEvents(key)).doesNotContain("TRIAGED");

    // a client that sends a reason with another outcome: the reason does not steer a later escalation
    var ok = post("tier1", path, triageBody("outcome", "CONTINUE", "escalationReason", "PRODUCT_DEFECT", "justification", "stray"));
    assertThat(ok.getStatusCode().value()).as("%s", ok.getBody()).isEqualTo(204);
    assertThat(runtime.getVariable(lifecycle(key).getId(), "escalationReason")).isNull();
    assertThat(runtime.getVariable(lifecycle(key).getId(), "justification")).isNull();
  }

  /**
   * An agent's typo is no operator's alarm: a refused completion is logged by the engine at DEBUG
   * (ENGINE-16002), without the ERROR and stack trace (ENGINE-16004) that page the operators; a
   * real failure in a command still is an ERROR with its stack trace.
   */
  @Test
  void anAgentsInputErrorIsNotLoggedAsAnErrorButARealFailureIs() {
    setClock(la("2026-11-24T10:00:00"));
    var key = create("admin", "alice@example.com", "Export fails", "The export fails for large models",
        "category", "TECHNICAL", "subcategory", "SOFTWARE_BUG", "impact", "MINOR");
    var path = "/engine-rest/task/" + task(key, "Task_TriageTicket").getId();
    var logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.camunda.bpm.engine.context");
    var appender = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
    appender.start();
    var level = logger.getLevel();
    logger.setLevel(ch.qos.logback.classic.Level.DEBUG);
    logger.addAppender(appender);
    try {
      for (var body : List.of(
          triageBody("outcome", "RESOLVED"),
          triageBody("outcome", "REQUEST_INFORMATION", "reply", "Which version?", "documentInKb", "yes"),
          triageBody("outcome", "RESOLVE"))) {
        assertThat(post("tier1", path + "/complete", body).getStatusCode().value()).as("%s", body).isEqualTo(400);
      }
      assertThat(post("tier1", path + "/submit-form", triageBody("outcome", "CONTINUE", "plan", "ENTERPRISE")).getStatusCode().value())
          .isEqualTo(400);
      assertThat(appender.list).as("the engine's log of the refusals").noneMatch(e -> e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.WARN));
      assertThat(appender.list).as("still there for whoever debugs").anyMatch(e ->
          e.getLevel() == ch.qos.logback.classic.Level.DEBUG && e.getFormattedMessage().contains("ENGINE-16002")
              && e.getFormattedMessage().contains("outcome must be one of"));

      // a delegate's bug, a database error: an ERROR with the stack trace, as before
      var commands = ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
          .getCommandExecutorTxRequired();
      for (var failure : List.<RuntimeException>of(
          new IllegalStateException("a delegate's bug"),
          new org.camunda.bpm.engine.ProcessEngineException("ENGINE-03004 Exception while executing Database Operation"))) {
        appender.list.clear();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> commands.execute(context -> { throw failure; })).isSameAs(failure);
        assertThat(appender.list).as(failure.getMessage()).anyMatch(e ->
            e.getLevel() == ch.qos.logback.classic.Level.ERROR && e.getFormattedMessage().contains("ENGINE-16004")
                && e.getThrowableProxy() != null && e.getThrowableProxy().getMessage().equals(failure.getMessage()));
      }
    } finally {
      logger.detachAppender(appender);
      logger.setLevel(level);
    }
  }

  /**
   * Our /api refuses unknown JSON fields; the engine's REST API keeps Camunda's own rules (its
   * clients, the Modeler and Tasklist among them, may send fields a version does not know). Spring
   * Boot registers the application's ObjectMapper with Jersey too, but Camunda's own object mapper
   * wins there: tried with {@code spring.jackson.deserialization.fail-on-unknown-properties=true},
   * this still passed (and the dates kept Camunda's format). It guards the engine's API, whichever
   * way the strictness is set up.
   */
  @Test
  void theEngineRestApiStillTakesFieldsItDoesNotKnow() {
    setClock(la("2026-11-24T10:00:00"));
    var key = create("admin", "alice@example.com", "Export fails", "The export fails for large models");
    var found = post("tier1", "/engine-rest/task", Map.of("processInstanceBusinessKey", key, "aFieldCamundaDoesNotKnow", 1));
    assertThat(found.getStatusCode().value()).as("%s", found.getBody()).isEqualTo(200);
    assertThat(found.getBody()).hasSize(1);
    assertThat(found.getBody().get(0).get("taskDefinitionKey").asText()).isEqualTo("Task_TriageTicket");
    // while /api refuses one
    var refused = post("admin", "/api/tickets", ticket("alice@example.com", "S", "D", "aFieldCamundaDoesNotKnow", 1));
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
  }

  @Test
  void aCompletionCarriesTheFieldsOfTheTasksFormAndNothingElse() {
    setClock(la("2026-11-24T10:00:00"));
    var key = create("admin", "alice@example.com", "Export fails", "The export fails for large models",
        "category", "TECHNICAL", "subcategory", "SOFTWARE_BUG", "impact", "MINOR");
    var triage = task(key, "Task_TriageTicket");
    var processInstanceId = lifecycle(key).getId();
    var before = runtime.getVariables(processInstanceId);
    assertThat(before).containsEntry("plan", "BASIC").containsEntry("tier", 1);

    // what the process decides is not the agent's to send: plan, tier, ceiling, coverage, the escalation's trigger
    var stray = new java.util.LinkedHashMap<String, Object>();
    stray.put("plan", "ENTERPRISE");
    stray.put("tier", 3);
    stray.put("maxTier", 4);
    stray.put("coverage", "PREMIUM_24_7");
    stray.put("priority", "P1");
    stray.put("trigger", "RESPONSE_BREACH");
    stray.put("triaged", true);
    for (var path : List.of("/complete", "/submit-form")) {
      stray.forEach(
          (name, value) -> {
            var response = post("tier1", "/engine-rest/task/" + triage.getId() + path, triageBody("outcome", "CONTINUE", name, value));
            assertThat(response.getStatusCode().value()).as("%s %s → %s", path, name, response.getBody()).isEqualTo(400);
            assertThat(response.getBody().get("message").asText()).contains(name, "not a field of the task's form");
            assertThat(task(key, "Task_TriageTicket").getId()).as("the task stays open").isEqualTo(triage.getId());
          });
    }
    assertThat(runtime.getVariables(processInstanceId)).isEqualTo(before);
    assertThat(historyEvents(key)).doesNotContain("TRIAGED");

    // nor does a task end, or escalate the ticket, by a BPMN error or escalation thrown at it
    var escalation = post("tier1", "/engine-rest/task/" + triage.getId() + "/bpmnEscalation",
        Map.of("escalationCode", "RESPONSE_BREACH", "variables", Map.of("escalationReason", Map.of("value", "SECURITY_CONCERN"))));
    assertThat(escalation.getStatusCode().value()).as("%s", escalation.getBody()).isEqualTo(400);
    var error = post("tier1", "/engine-rest/task/" + triage.getId() + "/bpmnError", Map.of("errorCode", "GIVE_UP"));
    assertThat(error.getStatusCode().value()).as("%s", error.getBody()).isEqualTo(400);
    executeDueJobs();
    assertThat(task(key, "Task_TriageTicket").getId()).isEqualTo(triage.getId());
    assertThat(runtime.getVariables(processInstanceId)).isEqualTo(before);
    assertThat(ticket(key).get("tier").asInt()).isEqualTo(1);
    assertThat(ticket(key).get("escalations")).isEmpty();
    assertThat(historyEvents(key)).doesNotContain("ESCALATED", "OVERSIGHT", "BREACHED");

    // the form's own fields go through, the read-only ones Tasklist sends along included
    var ok = post("tier1", "/engine-rest/task/" + triage.getId() + "/submit-form", triageBody("outcome", "CONTINUE", "ticketKey", key));
    assertThat(ok.getStatusCode().value()).as("%s", ok.getBody()).isEqualTo(204);
    assertThat(historyEvents(key)).contains("TRIAGED");
    var work = task(key, "Task_WorkOnTicket");
    // a work task's form has no classification
    var reclassified = post("tier1", "/engine-rest/task/" + work.getId() + "/complete",
        Map.of("variables", Map.of("outcome", Map.of("value", "RESOLVE"), "reply", Map.of("value", "Update to 4.3."),
            "impact", Map.of("value", "SYSTEM_DOWN"))));
    assertThat(reclassified.getStatusCode().value()).as("%s", reclassified.getBody()).isEqualTo(400);
    assertThat(reclassified.getBody().get("message").asText()).contains("impact");
    assertThat(ticket(key).get("impact").asText()).isEqualTo("MINOR");
  }

  /** A task a process owner adds in the Modeler with a generated form (form fields), no Camunda Form. */
  private static final String GENERATED_FORM_PROCESS = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
          id="Definitions_OwnersCheck" targetNamespace="http://bpmn.io/schema/bpmn">
        <bpmn:process id="OwnersCheckProcess" name="Owner's check" isExecutable="true" camunda:historyTimeToLive="P365D">
          <bpmn:startEvent id="Start" />
          <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Task_Check" />
          <bpmn:userTask id="Task_Check" name="Check the customer's licence" camunda:candidateGroups="tier1">
            <bpmn:extensionElements>
              <camunda:formData>
                <camunda:formField id="licenceValid" label="Licence valid" type="boolean" />
                <camunda:formField id="licenceNote" label="Note" type="string" />
              </camunda:formData>
            </bpmn:extensionElements>
          </bpmn:userTask>
          <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Check" targetRef="End" />
          <bpmn:endEvent id="End" />
        </bpmn:process>
      </bpmn:definitions>
      """;

  @Test
  void aTaskWithAGeneratedFormTakesItsFormFieldsAndNothingElse() {
    engine.getRepositoryService().createDeployment().name("owner's check")
        .addString("OwnersCheckProcess.bpmn", GENERATED_FORM_PROCESS).deploy();
    var instance = runtime.startProcessInstanceByKey("OwnersCheckProcess");
    var check = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    var path = "/engine-rest/task/" + check.getId() + "/complete";

    var stray = post("tier1", path, Map.of("variables", Map.of(
        "licenceValid", Map.of("value", true), "tier", Map.of("value", 4))));
    assertThat(stray.getStatusCode().value()).as("%s", stray.getBody()).isEqualTo(400);
    assertThat(stray.getBody().get("message").asText()).contains("tier", "not a field of the task's form");
    assertThat(runtime.getVariables(instance.getId())).isEmpty();

    var ok = post("tier1", path, Map.of("variables", Map.of(
        "licenceValid", Map.of("value", true), "licenceNote", Map.of("value", "Valid until 2027"))));
    assertThat(ok.getStatusCode().value()).as("%s", ok.getBody()).isEqualTo(204);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName("licenceNote").singleResult().getValue()).isEqualTo("Valid until 2027");
  }

  /** A process owner's diagram with an embedded HTML form, as the files she deploys from the Modeler. */
  private static String file(String name) {
    try (var in = TaskCompletionOverRestTest.class.getResourceAsStream("/embedded-form/bpmn/" + name)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Deploys the diagram as the process owner does from the Modeler, the HTML form attached, and opens its task. */
  private Task deployAndStart(String processId, String formKey, Map<String, String> attachments) {
    var diagram = file("LicenceCheckProcess.bpmn").replace("LicenceCheckProcess", processId)
        .replace("embedded:deployment:CheckLicence.html", formKey);
    var deployed = new ModelerDeployment(processId, processId + ".bpmn", diagram, attachments).sendAs(rest, "owner", "demo");
    assertThat(deployed.getStatusCode().value()).as("%s", deployed.getBody()).isEqualTo(200);
    var instance = runtime.startProcessInstanceByKey(processId);
    return tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  private static Map<String, Object> variables(Object... namesAndValues) {
    var variables = new java.util.LinkedHashMap<String, Object>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      variables.put((String) namesAndValues[i], Map.of("value", namesAndValues[i + 1]));
    }
    return Map.of("variables", variables);
  }

  @Test
  void aTaskWithAnEmbeddedFormDeployedWithItsDiagramTakesTheVariablesItsInputsDeclare() {
    var check = deployAndStart("LicenceCheckProcess", "embedded:deployment:CheckLicence.html", Map.of("CheckLicence.html", file("CheckLicence.html")));
    // Tasklist loads the form from the task's deployment
    var form = rest.withBasicAuth("tier1", "demo").getForEntity("/engine-rest/task/" + check.getId() + "/deployed-form", String.class);
    assertThat(form.getStatusCode().value()).isEqualTo(200);
    assertThat(form.getBody()).contains("cam-variable-name=\"licenceType\"");

    // not declared by an input of the form: the process's own data, a commented-out input, a variable its script sets
    for (var path : List.of("/complete", "/submit-form")) {
      for (var stray : List.of("tier", "checkedBy", "licenceExpires")) {
        var response = post("tier1", "/engine-rest/task/" + check.getId() + path,
            variables("licenceValid", true, "licenceType", "STANDARD", stray, "x"));
        assertThat(response.getStatusCode().value()).as("%s %s → %s", path, stray, response.getBody()).isEqualTo(400);
        assertThat(response.getBody().get("message").asText()).contains(stray + " is not a field of the task's form");
        assertThat(tasks.createTaskQuery().taskId(check.getId()).count()).as("the task stays open").isEqualTo(1);
      }
    }
    assertThat(runtime.getVariables(check.getProcessInstanceId())).isEmpty();

    // its input, select and textarea
    var ok = post("tier1", "/engine-rest/task/" + check.getId() + "/submit-form",
        variables("licenceValid", true, "licenceType", "ENTERPRISE", "licenceNote", "Valid until 2027"));
    assertThat(ok.getStatusCode().value()).as("%s", ok.getBody()).isEqualTo(204);
    var recorded = new java.util.HashMap<String, Object>();
    engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(check.getProcessInstanceId()).list()
        .forEach(v -> recorded.put(v.getName(), v.getValue()));
    assertThat(recorded).isEqualTo(Map.of("licenceValid", true, "licenceType", "ENTERPRISE", "licenceNote", "Valid until 2027"));
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(check.getProcessInstanceId())
        .singleResult().getEndTime()).isNotNull();
  }

  @Test
  void aMalformedEmbeddedFormIsDeployedAndItsTaskTakesNoVariablesSayingWhy() {
    var check = deployAndStart("BrokenLicenceCheckProcess", "embedded:deployment:CheckLicence.html",
        Map.of("CheckLicence.html", "<form><input cam-variable-name=\"licenceValid\" cam-variable-type=\"Boolean\"><input cam-variable-name=\"licenceNote"));

    var response = post("tier1", "/engine-rest/task/" + check.getId() + "/complete", variables("licenceValid", true));
    assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(400);
    assertThat(response.getBody().get("message").asText())
        .contains("licenceValid is not a field of the task's form", "embedded:deployment:CheckLicence.html cannot be read as HTML");
    assertThat(tasks.createTaskQuery().taskId(check.getId()).count()).as("the task stays open").isEqualTo(1);
    // the task still ends, without variables
    assertThat(post("tier1", "/engine-rest/task/" + check.getId() + "/complete", Map.of()).getStatusCode().value()).isEqualTo(204);
  }

  @Test
  void anEmbeddedFormNotAttachedToTheDeploymentIsRefusedSayingSo() {
    var check = deployAndStart("UnattachedLicenceCheckProcess", "embedded:deployment:CheckLicence.html", Map.of());

    var response = post("tier1", "/engine-rest/task/" + check.getId() + "/complete", variables("licenceValid", true));
    assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(400);
    assertThat(response.getBody().get("message").asText())
        .contains("licenceValid is not a field of the task's form", "is not a resource of the task's deployment");
  }

  @Test
  void anEmbeddedFormOfTheApplicationIsReadFromItsStaticFilesOrRefusedSayingSo() {
    // the application registers no process application: Tasklist gets no context path for app: forms
    var inTheApplication = deployAndStart("AppLicenceCheckProcess", "embedded:app:forms/CheckLicence.html", Map.of());
    var form = get("tier1", "/engine-rest/task/" + inTheApplication.getId() + "/form");
    assertThat(form.getBody().path("key").asText()).isEqualTo("embedded:app:forms/CheckLicence.html");
    assertThat(form.getBody().path("contextPath").isNull() || form.getBody().path("contextPath").isMissingNode()).as("%s", form.getBody()).isTrue();

    var stray = post("tier1", "/engine-rest/task/" + inTheApplication.getId() + "/complete", variables("licenceValid", true, "tier", 4));
    assertThat(stray.getStatusCode().value()).as("%s", stray.getBody()).isEqualTo(400);
    assertThat(stray.getBody().get("message").asText()).contains("tier is not a field of the task's form");
    var ok = post("tier1", "/engine-rest/task/" + inTheApplication.getId() + "/complete", variables("licenceValid", true));
    assertThat(ok.getStatusCode().value()).as("%s", ok.getBody()).isEqualTo(204);

    for (var key : List.of("embedded:app:forms/Missing.html", "embedded:app:../application.yml", "embedded:https://forms.example.com/check.html")) {
      var check = deployAndStart("AppLicenceCheckProcess", key, Map.of());
      var response = post("tier1", "/engine-rest/task/" + check.getId() + "/complete", variables("licenceValid", true));
      assertThat(response.getStatusCode().value()).as("%s → %s", key, response.getBody()).isEqualTo(400);
      assertThat(response.getBody().get("message").asText()).as(key)
          .contains("licenceValid is not a field of the task's form: its embedded form " + key);
    }
  }
}
