package ai.archbuilder.support.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRequirementsGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every file in dmn/: DMN 1.3, parsed by the Camunda DMN engine, laid out for the Modeler (DMNDI),
 * readable for a process owner (names, labels, types, annotations) and true to the contract in
 * docs/DESIGN.md (decision ids, input expressions, output names).
 */
class DmnFilesTest {

  private static final String DMN = "https://www.omg.org/spec/DMN/20191111/MODEL/";
  private static final String DMNDI = "https://www.omg.org/spec/DMN/20191111/DMNDI/";
  private static final Set<String> TYPES = Set.of("string", "integer", "double", "boolean");

  /** docs/DESIGN.md "Decisions": decision id → input expressions → output names. */
  private static final Map<String, List<List<String>>> CONTRACT = Map.ofEntries(
      Map.entry("ticketCategorization", List.of(List.of("text"), List.of("category", "subcategory"))),
      Map.entry("impactInference", List.of(List.of("text"), List.of("impact"))),
      Map.entry("basePriority", List.of(List.of("impact", "category"), List.of("basePriority"))),
      Map.entry("ticketPriority", List.of(List.of("basePriority", "urgency"), List.of("priority"))),
      Map.entry("issueType", List.of(List.of("security", "category", "subcategory"), List.of("issueType"))),
      Map.entry("supportCoverage", List.of(List.of("priority", "plan"), List.of("coverage"))),
      Map.entry("entryTier", List.of(List.of("priority", "security"), List.of("entryTier"))),
      Map.entry("tierCeiling", List.of(List.of("priority", "security", "plan"), List.of("maxTier"))),
      Map.entry("slaTargets", List.of(List.of("priority"), List.of("firstResponseHours", "resolutionHours"))),
      Map.entry("tierResponseTime", List.of(List.of("tier"), List.of("tierResponseHours"))),
      Map.entry("escalationMatrix", List.of(List.of("issueType", "tier"), List.of("matrixHours"))),
      Map.entry("tier1PriorityWindow", List.of(List.of("priority"), List.of("windowHours"))),
      Map.entry("timeInTierLimit", List.of(List.of("tier", "matrixHours", "windowHours"), List.of("timeInTierHours"))),
      Map.entry("escalationTarget", List.of(
          List.of("trigger", "escalationReason", "tier", "maxTier", "entryTier"), List.of("action", "targetTier"))),
      Map.entry("statusUpdateCadence", List.of(List.of("tier", "priority"), List.of("statusUpdateHours"))),
      Map.entry("rejectionHandling", List.of(List.of("failedAttemptsInTier"), List.of("escalateAfterRejection"))),
      Map.entry("feedbackFollowUp", List.of(List.of("csat"), List.of("reopenOneTierUp"))),
      Map.entry("lifecycleDeadlines", List.of(List.of("deadline", "coverage"), List.of("amount", "unit"))),
      Map.entry("replyIntent", List.of(List.of("text"), List.of("intent"))));

  /** Decisions that live in the file of the decision requiring them. */
  private static final Map<String, String> REQUIRED_IN = Map.of(
      "basePriority", "ticketPriority", "escalationMatrix", "timeInTierLimit", "tier1PriorityWindow", "timeInTierLimit");

  static Stream<Path> dmnFiles() throws Exception {
    try (Stream<Path> files = Files.list(PolicyDecisions.DMN_DIR)) {
      return files.filter(f -> f.toString().endsWith(".dmn")).sorted().toList().stream();
    }
  }

  private static Document parse(Path file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder().parse(file.toFile());
  }

  private static List<Element> children(Element parent, String ns, String name) {
    List<Element> result = new ArrayList<>();
    NodeList nodes = parent.getElementsByTagNameNS(ns, name);
    for (int i = 0; i < nodes.getLength(); i++) {
      result.add((Element) nodes.item(i));
    }
    return result;
  }

  private static String text(Element parent, String name) {
    List<Element> texts = children(parent, DMN, name);
    return texts.isEmpty() ? null : texts.get(0).getTextContent().trim();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dmnFiles")
  void theEngineParsesTheFile(Path file) throws Exception {
    try (InputStream in = Files.newInputStream(file)) {
      DmnDecisionRequirementsGraph graph = PolicyDecisions.ENGINE.parseDecisionRequirementsGraph(in);
      String top = file.getFileName().toString().replace(".dmn", "");
      assertThat(graph.getDecisionKeys()).as("the file is named after its top-level decision").contains(top);
      for (DmnDecision decision : graph.getDecisions()) {
        assertThat(decision.isDecisionTable()).as(decision.getKey()).isTrue();
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dmnFiles")
  void everyDecisionHasAShapeAndEveryRequirementAnEdge(Path file) throws Exception {
    Element root = parse(file).getDocumentElement();
    assertThat(root.getNamespaceURI()).isEqualTo(DMN);
    assertThat(root.lookupNamespaceURI("camunda")).isEqualTo("http://camunda.org/schema/1.0/dmn");

    List<Element> diagrams = children(root, DMNDI, "DMNDiagram");
    assertThat(children(root, DMNDI, "DMNDI")).hasSize(1);
    assertThat(diagrams).hasSize(1);
    Set<String> shapes = new HashSet<>();
    children(diagrams.get(0), DMNDI, "DMNShape").forEach(s -> {
      assertThat(children(s, "http://www.omg.org/spec/DMN/20180521/DC/", "Bounds")).hasSize(1);
      shapes.add(s.getAttribute("dmnElementRef"));
    });
    Set<String> edges = new HashSet<>();
    children(diagrams.get(0), DMNDI, "DMNEdge").forEach(e -> {
      assertThat(children(e, "http://www.omg.org/spec/DMN/20180521/DI/", "waypoint")).hasSizeGreaterThanOrEqualTo(2);
      edges.add(e.getAttribute("dmnElementRef"));
    });

    for (Element decision : children(root, DMN, "decision")) {
      assertThat(shapes).as("shape of decision %s", decision.getAttribute("id")).contains(decision.getAttribute("id"));
      for (Element requirement : children(decision, DMN, "informationRequirement")) {
        assertThat(edges).as("edge of %s", requirement.getAttribute("id")).contains(requirement.getAttribute("id"));
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dmnFiles")
  void tablesAreReadableForAProcessOwner(Path file) throws Exception {
    Element root = parse(file).getDocumentElement();
    for (Element decision : children(root, DMN, "decision")) {
      String id = decision.getAttribute("id");
      assertThat(decision.getAttribute("name")).as("name of %s", id).isNotBlank().isNotEqualTo(id);
      Element table = children(decision, DMN, "decisionTable").get(0);
      assertThat(table.getAttribute("hitPolicy")).as("hit policy of %s", id).isIn("FIRST", "UNIQUE");
      for (Element input : children(table, DMN, "input")) {
        assertThat(input.getAttribute("label")).as("input label in %s", id).isNotBlank();
        Element expression = children(input, DMN, "inputExpression").get(0);
        assertThat(expression.getAttribute("typeRef")).as("input type in %s", id).isIn(TYPES);
      }
      for (Element output : children(table, DMN, "output")) {
        assertThat(output.getAttribute("label")).as("output label in %s", id).isNotBlank();
        assertThat(output.getAttribute("typeRef")).as("output type in %s", id).isIn(TYPES);
      }
      for (Element rule : children(table, DMN, "rule")) {
        assertThat(text(rule, "description")).as("annotation of rule %s", rule.getAttribute("id"))
            .isNotBlank().startsWith("§");
      }
    }
  }

  @Test
  void decisionsMatchTheDesignContract() throws Exception {
    Map<String, String> fileOf = new HashMap<>();
    for (Path file : dmnFiles().toList()) {
      Element root = parse(file).getDocumentElement();
      for (Element decision : children(root, DMN, "decision")) {
        String id = decision.getAttribute("id");
        assertThat(fileOf.put(id, file.getFileName().toString())).as("decision id %s is unique", id).isNull();
        Element table = children(decision, DMN, "decisionTable").get(0);
        List<String> inputs = children(table, DMN, "inputExpression").stream().map(e -> text(e, "text")).toList();
        List<String> outputs = children(table, DMN, "output").stream().map(o -> o.getAttribute("name")).toList();
        assertThat(CONTRACT).as("decision %s is in DESIGN.md", id).containsKey(id);
        assertThat(inputs).as("inputs of %s", id).isEqualTo(CONTRACT.get(id).get(0));
        assertThat(outputs).as("outputs of %s", id).isEqualTo(CONTRACT.get(id).get(1));
      }
    }
    assertThat(fileOf.keySet()).containsExactlyInAnyOrderElementsOf(CONTRACT.keySet());
    fileOf.forEach((id, file) ->
        assertThat(file).as("file of %s", id).isEqualTo(REQUIRED_IN.getOrDefault(id, id) + ".dmn"));
  }
}
