package ai.archbuilder.support.coverage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * After all tests of a run: adds up what camunda-process-test-coverage recorded per test class
 * (target/process-test-coverage/&lt;class&gt;/report.json, written in this run) into one line per
 * diagram of {@code bpmn/}, flow nodes and sequence flows passed out of all, with what no test
 * passed. Written to target/process-test-coverage/summary.txt and printed. A run without
 * process tests (no report written) writes nothing.
 */
public class ProcessCoverageSummary implements TestExecutionListener {

  static final Path REPORTS = Path.of("target", "process-test-coverage");
  static final Path DIAGRAMS = Path.of("bpmn");

  private Instant started = Instant.now();

  @Override
  public void testPlanExecutionStarted(TestPlan testPlan) {
    // file times may be coarse: a report of this run is not older than a second before the start
    started = Instant.now().minusSeconds(1);
  }

  @Override
  public void testPlanExecutionFinished(TestPlan testPlan) {
    var reports = reportsOfThisRun();
    if (reports.isEmpty() || !Files.isDirectory(DIAGRAMS)) {
      return;
    }
    var text = summary(reports, DIAGRAMS);
    try {
      Files.writeString(REPORTS.resolve("summary.txt"), text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    System.out.println(text);
  }

  private List<Path> reportsOfThisRun() {
    if (!Files.isDirectory(REPORTS)) {
      return List.of();
    }
    try (Stream<Path> dirs = Files.list(REPORTS)) {
      return dirs.map(d -> d.resolve("report.json"))
          .filter(Files::isRegularFile)
          .filter(f -> modified(f).toInstant().isAfter(started))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static FileTime modified(Path f) {
    try {
      return Files.getLastModifiedTime(f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Element ids passed per process definition key, from the reports' events. */
  static Map<String, Set<String>> passed(List<Path> reports) {
    var mapper = new ObjectMapper();
    var passed = new HashMap<String, Set<String>>();
    for (var report : reports) {
      JsonNode root;
      try {
        root = mapper.readTree(report.toFile());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      for (var suite : root.path("suites")) {
        for (var run : suite.path("runs")) {
          for (var event : run.path("events")) {
            passed.computeIfAbsent(event.path("modelKey").asText(), k -> new TreeSet<>()).add(event.path("definitionKey").asText());
          }
        }
      }
    }
    return passed;
  }

  static String summary(List<Path> reports, Path diagrams) {
    var passed = passed(reports);
    var out = new StringBuilder("Process test coverage (camunda-process-test-coverage, %d test classes)%n".formatted(reports.size()));
    List<Path> files;
    try (Stream<Path> s = Files.list(diagrams)) {
      files = s.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (var file : files) {
      var model = Bpmn.readModelFromFile(file.toFile());
      for (var process : model.getModelElementsByType(Process.class)) {
        var covered = passed.getOrDefault(process.getId(), Set.of());
        var nodes = new ArrayList<String>();
        var flows = new ArrayList<String>();
        // every flow node and sequence flow of the process, those in subprocesses included
        for (var node : model.getModelElementsByType(FlowNode.class)) {
          if (belongsTo(node, process)) {
            nodes.add(node.getId());
          }
        }
        for (var flow : model.getModelElementsByType(SequenceFlow.class)) {
          if (belongsTo(flow, process)) {
            flows.add(flow.getId());
          }
        }
        var missedNodes = nodes.stream().filter(id -> !covered.contains(id)).sorted().toList();
        var missedFlows = flows.stream().filter(id -> !covered.contains(id)).sorted().toList();
        out.append(
            "%-24s flow nodes %3d/%-3d  sequence flows %3d/%-3d  (%s)%n"
                .formatted(
                    process.getId(),
                    nodes.size() - missedNodes.size(),
                    nodes.size(),
                    flows.size() - missedFlows.size(),
                    flows.size(),
                    file.getFileName()));
        if (!missedNodes.isEmpty()) {
          out.append("  flow nodes not passed: ").append(String.join(", ", missedNodes)).append('\n');
        }
        if (!missedFlows.isEmpty()) {
          out.append("  sequence flows not taken: ").append(String.join(", ", missedFlows)).append('\n');
        }
      }
    }
    return out.toString();
  }

  private static boolean belongsTo(org.camunda.bpm.model.xml.instance.ModelElementInstance element, Process process) {
    for (var parent = element.getParentElement(); parent != null; parent = parent.getParentElement()) {
      if (parent instanceof Process p) {
        return p.getId().equals(process.getId());
      }
    }
    return false;
  }
}
