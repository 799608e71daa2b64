package ai.archbuilder.support;

import static org.assertj.core.api.Assertions.assertThat;

import ai.archbuilder.support.escalation.EscalationReason;
import ai.archbuilder.support.ticket.Category;
import ai.archbuilder.support.ticket.HistoryEvent;
import ai.archbuilder.support.ticket.Impact;
import ai.archbuilder.support.ticket.Subcategory;
import ai.archbuilder.support.ticket.TicketLifecycle.Outcome;
import ai.archbuilder.support.ticket.Urgency;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What a process owner can break in the Modeler without a compiler noticing: every element
 * template and every diagram in bpmn/ refers only to beans of this application, decisions in
 * dmn/, processes in bpmn/ and forms in bpmn/, and the forms offer exactly the enum values the
 * delegates accept. (Same context as TasklistFormsAndFiltersTest, so Spring starts once for both.)
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      // /engine-rest serves the engine named "default"; the test profile's unique names hide it
      "camunda.bpm.generate-unique-process-engine-name=false",
      "spring.datasource.url=jdbc:h2:mem:support-engine-rest;DB_CLOSE_DELAY=-1"
    })
@ActiveProfiles({"test", "demo"})
class ModelReferencesTest {

  private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
  /** Names the engine itself provides inside expressions. */
  private static final Set<String> ENGINE_NAMES = Set.of("execution", "task", "decisionResult", "authenticatedUserId");
  /** The root of a member access or method call in an expression: {@code ${bean.method(...)}}. */
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
  private static final Pattern MEMBER_ROOT = Pattern.compile("(?<![\\w.'\"])([A-Za-z_]\\w*)\\s*\\.");
  private static final Pattern BEAN_ONLY = Pattern.compile("^[$#]\\{\\s*([A-Za-z_]\\w*)\\s*}$");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static List<Path> diagrams;
  private static Set<String> processIds;
  private static Set<String> decisionIds;
  /** Decisions whose table has exactly one output: a result variable holds their answer. */
  private static Set<String> singleAnswerDecisionIds;
  private static Map<String, JsonNode> forms;
  private static List<JsonNode> templates;

  @Autowired ApplicationContext context;

  @BeforeAll
  static void readModels() throws Exception {
    diagrams = files("bpmn", ".bpmn");
    processIds = new TreeSet<>();
    for (var d : diagrams) {
      for (var e : elements(d, "process")) {
        processIds.add(e.getAttribute("id"));
      }
    }
    decisionIds = new TreeSet<>();
    singleAnswerDecisionIds = new TreeSet<>();
    for (var d : files("dmn", ".dmn")) {
      for (var e : elements(d, "decision")) {
        decisionIds.add(e.getAttribute("id"));
        if (e.getElementsByTagNameNS("*", "output").getLength() == 1) {
          singleAnswerDecisionIds.add(e.getAttribute("id"));
        }
      }
    }
    forms = new java.util.TreeMap<>();
    for (var f : files("bpmn", ".form")) {
      var form = JSON.readTree(f.toFile());
      assertThat(forms.put(form.get("id").asText(), form)).as("form id %s used twice", form.get("id")).isNull();
    }
    templates = new ArrayList<>();
    for (var f : files("bpmn/.camunda/element-templates", ".json")) {
      var t = JSON.readTree(f.toFile());
      if (t.isArray()) {
        t.forEach(templates::add);
      } else {
        templates.add(t);
      }
    }
    assertThat(diagrams).isNotEmpty();
    assertThat(decisionIds).contains("ticketPriority", "slaTargets", "escalationTarget");
    assertThat(forms).isNotEmpty();
    assertThat(templates).hasSizeGreaterThanOrEqualTo(5);
  }

  // ---- diagrams

  @Test
  void diagramsUseOnlyExistingBeans() throws Exception {
    var missing = new TreeSet<String>();
    for (var d : diagrams) {
      for (var e : elements(d, "*")) {
        var attributes = e.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
          var a = (Attr) attributes.item(i);
          if (a.getLocalName() != null && a.getLocalName().equals("delegateExpression")) {
            var bean = BEAN_ONLY.matcher(a.getValue().trim());
            if (!bean.matches()) {
              missing.add(d.getFileName() + ": delegate expression is not a bean: " + a.getValue());
            } else if (!context.containsBean(bean.group(1))) {
              missing.add(d.getFileName() + ": " + a.getValue());
            }
          }
          missing.addAll(unknownBeans(d, a.getValue()));
        }
        // expressions in element text: conditions, input parameters, timer definitions
        for (var child = e.getFirstChild(); child != null; child = child.getNextSibling()) {
          if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
            missing.addAll(unknownBeans(d, child.getNodeValue()));
          }
        }
      }
    }
    assertThat(missing).as("expressions naming beans this application does not have").isEmpty();
  }

  private List<String> unknownBeans(Path diagram, String text) {
    var unknown = new ArrayList<String>();
    var m = EXPRESSION.matcher(text);
    while (m.find()) {
      var roots = MEMBER_ROOT.matcher(m.group(1));
      while (roots.find()) {
        var name = roots.group(1);
        if (!ENGINE_NAMES.contains(name) && !context.containsBean(name)) {
          unknown.add(diagram.getFileName() + ": " + name + " in " + m.group());
        }
      }
    }
    return unknown;
  }

  @Test
  void diagramsUseOnlyExistingDecisionsProcessesAndForms() throws Exception {
    var wrong = new ArrayList<String>();
    int formRefs = 0;
    for (var d : diagrams) {
      for (var e : elements(d, "*")) {
        var decisionRef = e.getAttributeNS(CAMUNDA, "decisionRef");
        if (!decisionRef.isEmpty() && !decisionIds.contains(decisionRef)) {
          wrong.add(d.getFileName() + ": decisionRef " + decisionRef);
        }
        if (e.getLocalName().equals("callActivity") && !processIds.contains(e.getAttribute("calledElement"))) {
          wrong.add(d.getFileName() + ": calledElement " + e.getAttribute("calledElement"));
        }
        var formRef = e.getAttributeNS(CAMUNDA, "formRef");
        if (!formRef.isEmpty()) {
          formRefs++;
          if (!forms.containsKey(formRef)) {
            wrong.add(d.getFileName() + ": formRef " + formRef);
          }
          if (e.getAttributeNS(CAMUNDA, "formRefBinding").isEmpty()) {
            wrong.add(d.getFileName() + ": formRef " + formRef + " without formRefBinding");
          }
        }
        // an embedded HTML form is looked up in the diagram's deployment: the release deploys bpmn/'s .html with it
        var formKey = e.getAttributeNS(CAMUNDA, "formKey");
        var deployed = formKey.replaceFirst("^embedded:", "");
        if (deployed.startsWith("deployment:") && !Files.isRegularFile(Path.of("bpmn").resolve(deployed.substring("deployment:".length())))) {
          wrong.add(d.getFileName() + ": formKey " + formKey + " names no file of bpmn/");
        }
        // Tasklist resolves app: against a process application's context path, which this application has not
        if (deployed.startsWith("app:")) {
          wrong.add(d.getFileName() + ": formKey " + formKey + " does not show in Tasklist here: put the HTML in bpmn/ and name it embedded:deployment:");
        }
        if (e.getLocalName().equals("userTask") && formRef.isEmpty() && formKey.isEmpty()) {
          wrong.add(d.getFileName() + ": user task " + e.getAttribute("id") + " has no form");
        }
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(formRefs).as("user tasks with a Camunda Form").isGreaterThanOrEqualTo(3);
  }

  // ---- element templates

  @Test
  void everyTemplatePointsAtExistingBeansDecisionsAndProcesses() {
    var wrong = new ArrayList<String>();
    for (var t : templates) {
      var id = t.get("id").asText();
      assertThat(t.get("$schema").asText()).isEqualTo("https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json");
      for (var p : t.get("properties")) {
        var binding = p.get("binding");
        var name = binding.path("name").asText();
        var values = values(p);
        if (binding.get("type").asText().equals("property") && name.equals("camunda:delegateExpression")) {
          for (var v : values) {
            var bean = BEAN_ONLY.matcher(v);
            if (!bean.matches() || !context.containsBean(bean.group(1))) {
              wrong.add(id + ": bean " + v);
            }
          }
        }
        if (name.equals("camunda:decisionRef")) {
          values.stream().filter(v -> !decisionIds.contains(v)).forEach(v -> wrong.add(id + ": decision " + v));
        }
        if (name.equals("calledElement")) {
          values.stream().filter(v -> !processIds.contains(v)).forEach(v -> wrong.add(id + ": process " + v));
        }
        if (binding.get("type").asText().equals("camunda:inputParameter") && name.equals("event")) {
          var events = Arrays.stream(HistoryEvent.values()).map(Enum::name).toList();
          values.stream().filter(v -> !events.contains(v)).forEach(v -> wrong.add(id + ": history event " + v));
          assertThat(values).as("%s offers every history event", id).containsAll(events);
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void theEscalationTemplateMapsTheSameVariablesAsEveryEscalateTicketInTheDiagrams() throws Exception {
    var template = templates.stream().filter(t -> t.get("id").asText().endsWith("escalateTicket")).findFirst().orElseThrow();
    var offered = new TreeSet<String>();
    template.get("properties").forEach(p -> {
      var binding = p.get("binding");
      switch (binding.get("type").asText()) {
        case "camunda:in" -> offered.add("in " + p.get("value").asText() + " -> " + binding.get("target").asText());
        case "camunda:out" -> offered.add("out " + binding.get("source").asText() + " -> " + p.get("value").asText());
        default -> {}
      }
    });
    int calls = 0;
    for (var d : diagrams) {
      for (var call : elements(d, "callActivity")) {
        if (!call.getAttribute("calledElement").equals("EscalationProcess")) {
          continue;
        }
        calls++;
        var mapped = new TreeSet<String>();
        for (var kind : List.of("in", "out")) {
          var nodes = call.getElementsByTagNameNS(CAMUNDA, kind);
          for (int i = 0; i < nodes.getLength(); i++) {
            var m = (Element) nodes.item(i);
            if (m.hasAttribute("source")) {
              mapped.add(kind + " " + m.getAttribute("source") + " -> " + m.getAttribute("target"));
            }
          }
        }
        assertThat(mapped).as("%s in %s", call.getAttribute("id"), d.getFileName()).isEqualTo(offered);
      }
    }
    assertThat(calls).as("call activities of EscalationProcess").isGreaterThanOrEqualTo(2);
  }

  @Test
  void theDecisionTemplateOffersEverySingleAnswerDecisionAndOnlyThose() {
    var decisionTemplate = templates.stream().filter(t -> t.get("id").asText().endsWith("evaluatePolicyDecision")).findFirst().orElseThrow();
    var offered = new TreeSet<String>();
    decisionTemplate.get("properties").forEach(p -> {
      if (p.get("binding").path("name").asText().equals("camunda:decisionRef")) {
        offered.addAll(values(p));
      }
    });
    // a table with several outputs (slaTargets, …) needs output mappings, which the template cannot
    // set: offered with the single-entry mapping, it failed at run time
    assertThat(offered).isEqualTo(singleAnswerDecisionIds);
    assertThat(singleAnswerDecisionIds).contains("tierCeiling").doesNotContain("slaTargets", "escalationTarget");
    decisionTemplate.get("properties").forEach(p -> {
      if (p.get("binding").path("name").asText().equals("camunda:mapDecisionResult")) {
        assertThat(p.get("value").asText()).isEqualTo("singleEntry");
      }
    });
  }

  /** A property's value and, for a dropdown, every choice. */
  static List<String> values(JsonNode property) {
    var values = new ArrayList<String>();
    if (property.hasNonNull("value")) {
      values.add(property.get("value").asText());
    }
    property.path("choices").forEach(c -> values.add(c.get("value").asText()));
    return values;
  }

  // ---- forms

  @Test
  void formsOfferExactlyTheEnumValuesTheDelegatesAccept() {
    var expected =
        Map.of(
            "category", names(Category.values()),
            "impact", names(Impact.values()),
            "urgency", names(Urgency.values()),
            "escalationReason",
                Arrays.stream(EscalationReason.values()).filter(r -> r != EscalationReason.CUSTOMER_REQUEST).map(Enum::name).toList());
    var outcomes = names(Outcome.values());
    for (var form : forms.values()) {
      assertThat(form.get("schemaVersion").asInt()).isPositive();
      assertThat(form.get("executionPlatform").asText()).isEqualTo("Camunda Platform");
      for (var c : components(form)) {
        var key = c.path("key").asText();
        if (expected.containsKey(key)) {
          assertThat(optionValues(c)).as("%s %s", form.get("id"), key).containsExactlyInAnyOrderElementsOf(expected.get(key));
          assertThat(c.path("validate").path("required").asBoolean()).as("%s %s required", form.get("id"), key).isTrue();
        }
        if (key.equals("outcome")) {
          assertThat(outcomes).containsAll(optionValues(c));
        }
        if (key.equals("subcategory")) {
          var expression = c.get("valuesExpression").asText();
          for (var s : Subcategory.values()) {
            // each subcategory is offered under its own category's branch
            var branch = expression.substring(expression.indexOf("\"" + s.category().name() + "\""));
            branch = branch.substring(0, branch.indexOf(']'));
            assertThat(branch).as("subcategory %s under %s", s, s.category()).contains("\"" + s.name() + "\"");
          }
        }
      }
    }
  }

  @Test
  void formsShowTicketContextOnlyInReadOnlyTextInputs() throws Exception {
    // the agents' tasks on a ticket; the managers' review of a quarantined e-mail has no ticket
    var ticketForms = new TreeSet<String>();
    for (var task : elements(Path.of("bpmn", "TicketLifecycleProcess.bpmn"), "userTask")) {
      ticketForms.add(task.getAttributeNS(CAMUNDA, "formRef"));
    }
    assertThat(ticketForms).hasSizeGreaterThanOrEqualTo(3);
    for (var form : forms.values()) {
      if (!ticketForms.contains(form.get("id").asText())) {
        for (var c : components(form)) {
          if (c.has("key")) {
            // what a stranger wrote is shown as typed, never interpreted
            assertThat(c.get("type").asText()).as("%s %s", form.get("id"), c.get("key")).isIn("textfield", "textarea");
            assertThat(c.path("readonly").asBoolean()).as("%s %s read only", form.get("id"), c.get("key")).isTrue();
          }
        }
        continue;
      }
      var keys = new HashSet<String>();
      for (var c : components(form)) {
        var key = c.path("key").asText();
        if (key.startsWith("ticket")) {
          keys.add(key);
          // text inputs show a value as typed; "text" and "html" views would interpret it
          assertThat(c.get("type").asText()).as("%s %s", form.get("id"), key).isIn("textfield", "textarea");
          assertThat(c.path("readonly").asBoolean()).as("%s %s read only", form.get("id"), key).isTrue();
        }
        if (c.get("type").asText().equals("text") || c.get("type").asText().equals("html")) {
          assertThat(c.toString()).as("static text only").doesNotContain("{{").doesNotContain("\"=");
        }
      }
      assertThat(keys).as("%s shows the ticket context", form.get("id"))
          .contains("ticketKey", "ticketCustomer", "ticketPriority", "ticketDue", "ticketConversation", "ticketEscalations");
    }
  }

  static List<String> names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).toList();
  }

  static List<String> optionValues(JsonNode component) {
    var values = new ArrayList<String>();
    component.path("values").forEach(v -> values.add(v.get("value").asText()));
    return values;
  }

  static List<JsonNode> components(JsonNode container) {
    var all = new ArrayList<JsonNode>();
    container.path("components").forEach(c -> {
      all.add(c);
      all.addAll(components(c));
    });
    return all;
  }

  // ---- files

  static List<Path> files(String dir, String suffix) throws IOException {
    try (Stream<Path> s = Files.walk(Path.of(dir))) {
      return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    }
  }

  static List<Element> elements(Path file, String localName) throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    var doc = factory.newDocumentBuilder().parse(file.toFile());
    var nodes = doc.getElementsByTagNameNS("*", localName);
    var list = new ArrayList<Element>();
    for (int i = 0; i < nodes.getLength(); i++) {
      list.add((Element) nodes.item(i));
    }
    return list;
  }
}
