package ai.archbuilder.support.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionLogicEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * Evaluates the policy's DMN files from the project's {@code dmn/} folder with the plain Camunda
 * DMN engine and remembers which rules matched, so tests can name the rule that decided and
 * check that every rule of a table is reached by some test.
 */
final class PolicyDecisions {

  static final Path DMN_DIR = Path.of("dmn");

  /** decision id → ids of all rules that matched in any evaluation so far. */
  private static final Map<String, Set<String>> FIRED = new ConcurrentHashMap<>();
  /** decision id → ids of the rules that matched in the latest evaluation. */
  private static final Map<String, List<String>> LAST = new ConcurrentHashMap<>();
  private static final Map<String, DmnDecision> DECISIONS = new ConcurrentHashMap<>();

  static final DmnEngine ENGINE = buildEngine();

  private PolicyDecisions() {
  }

  private static DmnEngine buildEngine() {
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    configuration.customPostDecisionEvaluationListeners(List.of(PolicyDecisions::record));
    return configuration.buildEngine();
  }

  private static void record(DmnDecisionEvaluationEvent event) {
    record(event.getDecisionResult());
    event.getRequiredDecisionResults().forEach(PolicyDecisions::record);
  }

  private static void record(DmnDecisionLogicEvaluationEvent event) {
    if (event instanceof DmnDecisionTableEvaluationEvent table) {
      String key = table.getDecision().getKey();
      List<String> ids = table.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).toList();
      LAST.put(key, ids);
      FIRED.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).addAll(ids);
    }
  }

  /** The decision {@code decisionId} from {@code dmn/<file>.dmn}. */
  static DmnDecision decision(String file, String decisionId) {
    return DECISIONS.computeIfAbsent(file + "#" + decisionId, k -> {
      try (InputStream in = Files.newInputStream(DMN_DIR.resolve(file + ".dmn"))) {
        return ENGINE.parseDecision(decisionId, in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** Evaluates a decision; {@code namesAndValues} alternate variable name and value (null allowed). */
  static Outcome evaluate(String file, String decisionId, Object... namesAndValues) {
    Map<String, Object> variables = new HashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      variables.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    LAST.clear();
    DmnDecisionResult result = ENGINE.evaluateDecision(decision(file, decisionId), variables);
    return new Outcome(result, Map.copyOf(LAST));
  }

  /** Ids of all rules of the decision tables in {@code dmn/<file>.dmn}, by decision id. */
  static Map<String, List<String>> rulesOf(String file) {
    DmnModelInstance model = Dmn.readModelFromFile(DMN_DIR.resolve(file + ".dmn").toFile());
    Map<String, List<String>> rules = new HashMap<>();
    for (Decision decision : model.getModelElementsByType(Decision.class)) {
      if (decision.getExpression() instanceof DecisionTable table) {
        List<String> ids = new ArrayList<>();
        for (Rule rule : table.getRules()) {
          ids.add(rule.getId());
        }
        rules.put(decision.getId(), ids);
      }
    }
    return rules;
  }

  /** Asserts that every rule of every decision table in the file matched in some test. */
  static void assertEveryRuleFired(String file) {
    rulesOf(file).forEach((decisionId, ruleIds) -> assertThat(FIRED.getOrDefault(decisionId, Set.of()))
        .as("rules of %s (dmn/%s.dmn) that no test reached", decisionId, file)
        .containsAll(new LinkedHashSet<>(ruleIds)));
  }

  /** The result of one evaluation and the rules that matched in it. */
  record Outcome(DmnDecisionResult result, Map<String, List<String>> matchedRules) {

    /** The value of output {@code name} of the single result (null if no rule or null output). */
    Object get(String name) {
      return result.getSingleResult() == null ? null : result.getSingleResult().getEntry(name);
    }

    /** The rule that decided (first matching rule) of the given decision. */
    String rule(String decisionId) {
      List<String> ids = matchedRules.getOrDefault(decisionId, List.of());
      return ids.isEmpty() ? null : ids.get(0);
    }
  }
}
