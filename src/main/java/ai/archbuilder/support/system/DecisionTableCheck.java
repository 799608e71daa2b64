package ai.archbuilder.support.system;

import static java.util.Comparator.comparing;

import ai.archbuilder.support.system.DecisionContract.Asked;
import ai.archbuilder.support.system.DecisionContract.Expected;
import ai.archbuilder.support.system.DecisionContract.Listed;
import ai.archbuilder.support.system.DecisionContract.Literal;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.dmn.deployer.DecisionDefinitionDeployer;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputExpression;
import org.camunda.bpm.model.dmn.instance.LiteralExpression;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.dmn.instance.Text;
import org.camunda.bpm.model.dmn.instance.UnaryTests;
import org.camunda.bpm.model.xml.ModelException;
import org.springframework.stereotype.Component;

/**
 * The engine refuses a deployment whose decision tables answer what the application cannot use:
 * a category, priority, unit or escalation action no enum of ours has, a tier no group works, no
 * hours, no answer at all from a table the application asks about anything, or no rule for what
 * it asks a table whose empty answer means "none" (a deleted rule read as "no limit"), or a rule
 * that tests an input for a value it never has (a typo that silently turns the rule off: {@code
 * "P5"} for a base priority) ({@link DecisionContract}, declared by each module as {@link
 * DecisionContracts}). Such a table was accepted before and then failed ticket intake with a 500
 * or escalations as incidents, or quietly lost a rule; now the deployment fails instead, with
 * nothing deployed: the Modeler's "Deploy" shows the message (a 400 of the engine REST API), and
 * the application does not start with such a table in {@code dmn/}.
 *
 * <p>A table is tried with what the calling processes give it: the inputs its contract asks with,
 * and those of the other variables the processes have that the table reads (a column a process
 * owner adds, the plan), empty where a calling process lacks one, so a rule is judged as it works.
 *
 * <p>A pre-deployer in the engine's deployment command, so every way of deploying goes through it.
 */
@Component
class DecisionTableCheck extends AbstractProcessEnginePlugin {

  private final Map<String, DecisionContract> contracts;

  DecisionTableCheck(List<DecisionContracts> modules) {
    this.contracts =
        modules.stream()
            .flatMap(m -> m.decisions().stream())
            .collect(Collectors.toMap(DecisionContract::decision, Function.identity()));
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    var deployers = new ArrayList<Deployer>();
    if (configuration.getCustomPreDeployers() != null) {
      deployers.addAll(configuration.getCustomPreDeployers());
    }
    deployers.add(this::check);
    configuration.setCustomPreDeployers(deployers);
  }

  /** Runs in the deployment's command, before the engine's deployers: throwing rolls it back. */
  void check(DeploymentEntity deployment) {
    if (!deployment.isNew()) {
      return; // an old deployment read back into the cache: checked when it came, or came before the check
    }
    var findings = new ArrayList<Finding>();
    deployment.getResources().values().stream()
        .filter(r -> isDmn(r.getName()))
        .sorted(comparing(ResourceEntity::getName))
        .forEach(r -> findings.addAll(findings(r.getName(), new ByteArrayInputStream(r.getBytes()))));
    if (!findings.isEmpty()) {
      throw new DecisionTablesRefusedException(findings);
    }
  }

  private static boolean isDmn(String name) {
    return name != null && Arrays.stream(DecisionDefinitionDeployer.DMN_RESOURCE_SUFFIXES).anyMatch(name::endsWith);
  }

  /** What in the DMN file {@code resource} breaks a contract; nothing if it cannot be read (the engine says why). */
  List<Finding> findings(String resource, InputStream dmn) {
    Collection<Decision> decisions;
    try {
      decisions = Dmn.readModelFromStream(dmn).getModelElementsByType(Decision.class);
    } catch (ModelException e) {
      return List.of();
    }
    var findings = new ArrayList<Finding>();
    var asked = new ArrayList<Asking>();
    for (var decision : decisions) {
      var contract = contracts.get(decision.getId());
      if (contract != null && decision.getExpression() instanceof DecisionTable table) {
        var checked = new Table(resource, decision.getId(), table);
        findings.addAll(checked.breaches(contract, variable -> valuesOf(decision, contract, variable)));
        if (!contract.asks().isEmpty()) {
          var read = reads(decision, contract.alsoHas().keySet());
          var tooMany = tooMany(contract, read);
          if (tooMany.isPresent()) {
            findings.add(checked.finding(0, decision.getId(), String.format(Locale.ROOT, "it reads %s, which the process also has, and would "
                + "have to be tried with %s combinations (the check tries at most %,d): read fewer of them in one table",
                String.join(", ", new TreeSet<>(read)), tooMany.get(), MOST_TRIED)));
          } else {
            asked.add(new Asking(checked, contract, contract.combinations(read)));
          }
        }
      }
    }
    // tried only on a file whose values pass: the engine would stop at the first bad one, and a
    // required decision's bad value would come back from every decision that reads it
    if (findings.isEmpty()) {
      asked.forEach(tried -> findings.addAll(tried.table().unanswered(tried.contract(), tried.combinations())));
    }
    return findings;
  }

  /**
   * The most combinations the check tries one table with: a table that reads many of the variables
   * the process also has would hold the deployment for minutes (some 4,000 evaluations a second).
   */
  static final int MOST_TRIED = 50_000;

  /**
   * How many combinations a table that reads {@code read} would be tried with, if more than {@link
   * #MOST_TRIED}: counted (made one by one, not kept) unless the values make more than {@link
   * #MOST_COUNTED} before they are narrowed, then "up to" those.
   */
  private static Optional<String> tooMany(DecisionContract contract, Set<String> read) {
    long all = contract.allCombinations(read);
    if (all > MOST_COUNTED) {
      return Optional.of(String.format(Locale.ROOT, "up to %,d", all));
    }
    long possible = all > MOST_TRIED ? contract.countCombinations(read) : all;
    return possible > MOST_TRIED ? Optional.of(String.format(Locale.ROOT, "%,d", possible)) : Optional.empty();
  }

  /** The most combinations counted before they are narrowed: a second or two. */
  static final int MOST_COUNTED = 2_000_000;

  /** A table the application asks, and what the check asks it with. */
  private record Asking(Table table, DecisionContract contract, List<Map<String, Object>> combinations) {}

  /**
   * Decision id → the combinations the check evaluates each table of the DMN file {@code dmn} with
   * (the tables the application asks; none for a table that reads too many of the variables the
   * process also has); nothing if it cannot be read.
   */
  Map<String, List<Map<String, Object>>> combinations(InputStream dmn) {
    Collection<Decision> decisions;
    try {
      decisions = Dmn.readModelFromStream(dmn).getModelElementsByType(Decision.class);
    } catch (ModelException e) {
      return Map.of();
    }
    var asked = new LinkedHashMap<String, List<Map<String, Object>>>();
    for (var decision : decisions) {
      var contract = contracts.get(decision.getId());
      if (contract != null && decision.getExpression() instanceof DecisionTable && !contract.asks().isEmpty()) {
        var read = reads(decision, contract.alsoHas().keySet());
        asked.put(decision.getId(), tooMany(contract, read).isPresent() ? List.of() : contract.combinations(read));
      }
    }
    return asked;
  }

  /**
   * Which of {@code variables} {@code decision} or a decision it requires reads: names in an input
   * expression, an input entry or an output entry (or a literal expression). A name inside a string
   * counts too: asking with a variable a table does not read costs evaluations, never a finding.
   */
  private static Set<String> reads(Decision decision, Set<String> variables) {
    if (variables.isEmpty()) {
      return Set.of();
    }
    var texts = new ArrayList<String>();
    var all = new ArrayList<Decision>(List.of(decision));
    all.addAll(required(decision).orElse(List.of()));
    for (var d : all) {
      if (d.getExpression() instanceof DecisionTable table) {
        table.getInputs().forEach(input -> texts.add(input.getInputExpression() == null ? "" : Table.text(input.getInputExpression().getText())));
        for (var rule : table.getRules()) {
          rule.getInputEntries().forEach(entry -> texts.add(Table.text(entry.getText())));
          rule.getOutputEntries().forEach(entry -> texts.add(Table.text(entry.getText())));
        }
      } else if (d.getExpression() instanceof LiteralExpression literal) {
        texts.add(Table.text(literal.getText()));
      }
    }
    return variables.stream()
        .filter(variable -> texts.stream().anyMatch(text -> RememberingFeel.names(text, variable)))
        .collect(Collectors.toSet());
  }

  /**
   * Every value variable {@code name} can have when {@code decision} is evaluated: what the
   * application asks it with, and what the decisions it requires (and theirs) answer in an output so
   * named, where their contracts know every such answer. Empty if a decision it requires may give
   * it a value no contract lists, or nothing says what it can be.
   */
  private Optional<Asked> valuesOf(Decision decision, DecisionContract contract, String name) {
    var values = new ArrayList<Object>(contract.values(name).orElse(List.of()));
    var required = required(decision);
    if (required.isEmpty()) {
      return Optional.empty();
    }
    for (var answering : required.get()) {
      if (mayAnswer(answering, name)) {
        var answers = Optional.ofNullable(contracts.get(answering.getId()))
            .map(c -> c.outputs().get(name))
            .flatMap(Expected::values);
        if (answers.isEmpty()) {
          return Optional.empty();
        }
        answers.get().stream().filter(v -> !values.contains(v)).forEach(values::add);
      }
    }
    return values.isEmpty() ? Optional.empty() : Optional.of(new Asked(name, values));
  }

  /** The decisions {@code decision} requires, and those they require; empty if one cannot be told. */
  private static Optional<List<Decision>> required(Decision decision) {
    var found = new ArrayList<Decision>();
    var next = new ArrayList<>(List.of(decision));
    try {
      while (!next.isEmpty()) {
        for (var requirement : next.remove(next.size() - 1).getInformationRequirements()) {
          var required = requirement.getRequiredDecision();
          if (required == null && requirement.getRequiredInput() == null) {
            return Optional.empty();
          }
          if (required != null && required != decision && !found.contains(required)) {
            found.add(required);
            next.add(required);
          }
        }
      }
    } catch (ModelException e) {
      return Optional.empty(); // a reference that does not resolve: the engine says why
    }
    return Optional.of(found);
  }

  /** Whether {@code decision}'s result may hold a variable {@code name} (an output without a name may). */
  private static boolean mayAnswer(Decision decision, String name) {
    if (decision.getExpression() instanceof DecisionTable table) {
      return table.getOutputs().stream().anyMatch(o -> o.getName() == null || o.getName().equals(name));
    }
    return decision.getVariable() == null || decision.getVariable().getName() == null || decision.getVariable().getName().equals(name);
  }

  /** The FEEL of {@link #DMN}, which remembers its results while a table is tried. */
  private static final RememberingFeel FEEL = new RememberingFeel();

  /** The ids of the rules that matched when {@link #DMN} last evaluated a decision on this thread. */
  private static final ThreadLocal<List<String>> MATCHED = new ThreadLocal<>();

  /**
   * A plain DMN engine (FEEL, no process engine) to try a table with the inputs the application asks;
   * it tells {@link #MATCHED} which rules answered (the result does not say).
   */
  private static final DmnEngine DMN =
      ((DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration())
          .feelEngineFactory(() -> FEEL)
          .customPostDecisionEvaluationListeners(List.<DmnDecisionEvaluationListener>of(DecisionTableCheck::rememberMatched))
          .buildEngine();

  private static void rememberMatched(DmnDecisionEvaluationEvent event) {
    MATCHED.set(event.getDecisionResult() instanceof DmnDecisionTableEvaluationEvent table
        ? table.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).toList()
        : List.of());
  }

  /**
   * The engine's FEEL (Scala), which parses an expression every time it evaluates it: escalationTarget,
   * tried with 664 combinations, parsed its few expressions thousands of times, a second of CPU at
   * start-up (a new database deploys every table, before the JIT has warmed up). While a table is
   * tried ({@link #remembering}), each expression is evaluated once per value of the variables it
   * names (and of the cell, for an input entry): what it does not name cannot change its result.
   */
  private static final class RememberingFeel implements FeelEngine {

    private final FeelEngine feel = new ScalaFeelEngineFactory().createInstance();
    private final ThreadLocal<Map<List<Object>, Object>> results = new ThreadLocal<>();

    /** Runs {@code work} remembering results, and forgets them after. */
    <T> T remembering(Supplier<T> work) {
      results.set(new HashMap<>());
      try {
        return work.get();
      } finally {
        results.remove();
      }
    }

    @Override
    public <T> T evaluateSimpleExpression(String expression, VariableContext context) {
      return remembered(key(expression, null, context), () -> feel.evaluateSimpleExpression(expression, context));
    }

    @Override
    public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext context) {
      return remembered(key(expression, inputVariable, context), () -> feel.evaluateSimpleUnaryTests(expression, inputVariable, context));
    }

    @SuppressWarnings("unchecked")
    private <T> T remembered(List<Object> key, Supplier<T> evaluation) {
      var remembered = results.get();
      if (remembered == null) {
        return evaluation.get();
      }
      if (remembered.containsKey(key)) {
        return (T) remembered.get(key);
      }
      var result = evaluation.get();
      remembered.put(key, result);
      return result;
    }

    /** The expression, the value of the cell it tests (input entries), and of each variable it names. */
    private static List<Object> key(String expression, String inputVariable, VariableContext context) {
      var key = new ArrayList<Object>();
      key.add(expression);
      key.add(inputVariable);
      if (inputVariable != null) {
        key.add(value(context, inputVariable));
      }
      for (var name : new TreeSet<>(context.keySet())) {
        if (names(expression, name)) {
          key.add(name);
          key.add(value(context, name));
        }
      }
      return key;
    }

    private static Object value(VariableContext context, String name) {
      var value = context.resolve(name);
      return value == null ? null : value.getValue();
    }

    /** Whether {@code name} occurs in {@code expression} other than as part of a longer name. */
    static boolean names(String expression, String name) {
      for (int at = expression.indexOf(name); at >= 0; at = expression.indexOf(name, at + 1)) {
        int end = at + name.length();
        if ((at == 0 || !isNameChar(expression.charAt(at - 1))) && (end == expression.length() || !isNameChar(expression.charAt(end)))) {
          return true;
        }
      }
      return false;
    }

    private static boolean isNameChar(char c) {
      return Character.isLetterOrDigit(c) || c == '_';
    }
  }

  /** One decision table of a deployed file. */
  private record Table(String resource, String decision, DecisionTable table) {

    /**
     * What a rule's literal values break: an output the application cannot use, or an input value
     * it never has ({@code asked}: every value of an input variable, if known).
     */
    List<Finding> breaches(DecisionContract contract, Function<String, Optional<Asked>> asked) {
      var findings = new ArrayList<Finding>();
      var hitPolicy = table.getHitPolicy() == null ? HitPolicy.UNIQUE : table.getHitPolicy();
      if (hitPolicy == HitPolicy.RULE_ORDER
          || hitPolicy == HitPolicy.OUTPUT_ORDER
          || (hitPolicy == HitPolicy.COLLECT && table.getAggregation() == null)) {
        findings.add(finding(0, decision, "hit policy %s can give several answers, the application takes one".formatted(hitPolicy)));
      }
      List<Output> outputs = List.copyOf(table.getOutputs());
      List<Rule> rules = List.copyOf(table.getRules());
      var names = outputs.stream().map(Output::getName).toList();
      contract.outputs().keySet().stream()
          .filter(name -> !names.contains(name))
          .sorted()
          .forEach(name -> findings.add(finding(0, decision, "there is no output %s, the application reads it".formatted(name))));
      if (contract.mustAnswer() && !answersAlways(hitPolicy, rules)) {
        findings.add(finding(0, decision,
            "the application needs an answer whatever the input: keep hit policy FIRST and a last rule with every input \"-\""));
      }
      List<Input> inputs = List.copyOf(table.getInputs());
      var values = inputs.stream().map(input -> variable(input.getInputExpression()).flatMap(asked)).toList();
      for (int r = 0; r < rules.size(); r++) {
        var rule = rules.get(r);
        List<UnaryTests> tests = List.copyOf(rule.getInputEntries());
        for (int i = 0; i < Math.min(inputs.size(), tests.size()); i++) {
          var test = tests.get(i);
          if (values.get(i).isPresent() && isFeel(test.getExpressionLanguage())) {
            var typeRef = inputs.get(i).getInputExpression().getTypeRef();
            for (var complaint : values.get(i).get().complaints(Listed.of(text(test.getText())), typeRef)) {
              findings.add(new Finding(resource, decision, r + 1, ruleName(rule.getId()), rule.getId(), complaint));
            }
          }
        }
        List<LiteralExpression> entries = List.copyOf(rule.getOutputEntries());
        for (int o = 0; o < Math.min(outputs.size(), entries.size()); o++) {
          var expected = contract.outputs().get(names.get(o));
          if (expected != null) {
            var complaint = expected.complaint(names.get(o), literal(entries.get(o)));
            if (complaint.isPresent()) {
              findings.add(finding(r + 1, rule.getId(), complaint.get()));
            }
          }
        }
      }
      return findings;
    }

    /**
     * The combinations of the inputs the application asks with that no rule answers, or whose
     * answer it cannot use (an output it needs left empty, a computed tier outside the tiers), or,
     * where an empty answer means "none", that no rule matches or an expression leaves empty: the
     * first {@link #LISTED} one a line, then how many more (a deleted catch-all rule leaves hundreds).
     */
    List<Finding> unanswered(DecisionContract contract, List<Map<String, Object>> combinations) {
      var findings = new ArrayList<Finding>();
      try {
        var parsed = DMN.parseDecision(decision, (DmnModelInstance) table.getModelInstance());
        var problems = FEEL.remembering(() -> combinations.stream()
            .map(inputs -> problem(contract, inputs, DMN.evaluateDecisionTable(parsed, Variables.fromMap(inputs)), MATCHED.get()))
            .flatMap(Optional::stream)
            .toList());
        problems.stream().limit(LISTED).forEach(problem -> findings.add(finding(0, decision, problem)));
        if (problems.size() > LISTED) {
          findings.add(finding(0, decision, "and %d more combinations of %s that the application asks get no answer it can use"
              .formatted(problems.size() - LISTED, String.join(", ", combinations.get(0).keySet()))));
        }
      } catch (RuntimeException e) {
        findings.add(finding(0, decision, "the table cannot be evaluated: " + e.getMessage()));
      } finally {
        MATCHED.remove();
      }
      return findings;
    }

    /**
     * What is wrong with the answer to {@code inputs}, given by the rules {@code matched}: none, an
     * output the application cannot use, or an empty answer where "none" must be a rule's.
     */
    private Optional<String> problem(DecisionContract contract, Map<String, Object> inputs, DmnDecisionTableResult result, List<String> matched) {
      if (contract.none() != null && result.isEmpty()) {
        return Optional.of("no rule matches %s, which the application asks: write a rule, with an empty (null) output for \"%s\""
            .formatted(describe(contract, inputs), contract.none()));
      }
      if (contract.none() == null && (result.isEmpty() || result.getFirstResult().values().stream().allMatch(Objects::isNull))) {
        return Optional.of("no rule answers %s, which the application asks".formatted(describe(contract, inputs)));
      }
      var answer = result.getFirstResult();
      return contract.outputs().entrySet().stream()
          .flatMap(output -> {
            var value = answer.get(output.getKey());
            if (value == null && contract.none() != null) {
              return computedEmpty(output.getKey(), matched)
                  .map(rule -> "the answer to %s, which the application asks, is an empty %s computed by rule %d (%s): a value it reads is missing "
                      .formatted(describe(contract, inputs), output.getKey(), rule + 1, literal(outputEntry(rule, output.getKey())).written())
                      + "(a required decision without a rule for it?); write \"%s\" as a rule with an empty (null) output".formatted(contract.none()))
                  .stream();
            }
            return output.getValue().complaint(output.getKey(), Literal.ofValue(value))
                .map(complaint -> "the answer to %s, which the application asks, is no use: %s".formatted(describe(contract, inputs), complaint))
                .stream();
          })
          .findFirst();
    }

    /** The first of the rules {@code matched} (by index) whose entry for {@code output} is not written empty. */
    private Optional<Integer> computedEmpty(String output, List<String> matched) {
      List<Rule> rules = List.copyOf(table.getRules());
      return IntStream.range(0, rules.size())
          .filter(r -> matched.contains(rules.get(r).getId()))
          .filter(r -> literal(outputEntry(r, output)).kind() != Literal.Kind.NULL)
          .boxed()
          .findFirst();
    }

    /** The entry of rule {@code r} (by index) for {@code output}. */
    private LiteralExpression outputEntry(int r, String output) {
      var names = table.getOutputs().stream().map(Output::getName).toList();
      return List.copyOf(List.copyOf(table.getRules()).get(r).getOutputEntries()).get(names.indexOf(output));
    }

    /** How many unanswered combinations a refusal lists one by one. */
    static final int LISTED = 10;

    /** The combination, and which calling process asks it without the variables it leaves empty. */
    private static String describe(DecisionContract contract, Map<String, Object> inputs) {
      var described = inputs.entrySet().stream()
          .map(e -> e.getKey() + " " + (e.getValue() == null ? "empty" : e.getValue()))
          .collect(Collectors.joining(", "));
      return contract.lacking(inputs)
          .map(process -> described + " (%s has no %s)".formatted(process, inputs.keySet().stream()
              .filter(variable -> process.equals(contract.lackedBy().get(variable)))
              .collect(Collectors.joining(", "))))
          .orElse(described);
    }

    Finding finding(int rule, String elementId, String text) {
      return new Finding(resource, decision, rule, null, elementId, text);
    }

    /** The variable an input expression reads, if it is nothing but its name (FEEL). */
    private Optional<String> variable(InputExpression expression) {
      if (expression == null || !isFeel(expression.getExpressionLanguage())) {
        return Optional.empty();
      }
      var name = text(expression.getText()).strip();
      return NAME.matcher(name).matches() ? Optional.of(name) : Optional.empty();
    }

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** Whether an entry of {@code language} (null: the file's, else the engine's FEEL) is FEEL. */
    private boolean isFeel(String language) {
      var effective = language != null ? language : ((DmnModelInstance) table.getModelInstance()).getDefinitions().getExpressionLanguage();
      return effective == null || effective.toLowerCase(Locale.ROOT).contains("feel");
    }

    static String text(Text text) {
      return text == null || text.getTextContent() == null ? "" : text.getTextContent();
    }

    /** The rule's id as a name: without the decision's id before it ({@code ticketPriority_highP4} is highP4). */
    private String ruleName(String id) {
      return id != null && id.startsWith(decision + "_") && id.length() > decision.length() + 1 ? id.substring(decision.length() + 1) : id;
    }

    /** FIRST (or a single rule) ending with a rule that matches anything. */
    private static boolean answersAlways(HitPolicy hitPolicy, List<Rule> rules) {
      if (rules.isEmpty() || (hitPolicy != HitPolicy.FIRST && rules.size() > 1)) {
        return false;
      }
      return rules.get(rules.size() - 1).getInputEntries().stream().allMatch(Table::matchesAnything);
    }

    private static boolean matchesAnything(UnaryTests entry) {
      var text = entry.getText() == null ? "" : entry.getText().getTextContent().strip();
      return text.isEmpty() || text.equals("-");
    }

    private static Literal literal(LiteralExpression entry) {
      var text = entry.getText() == null ? "" : entry.getText().getTextContent();
      var language = entry.getExpressionLanguage();
      return language == null || language.toLowerCase(Locale.ROOT).contains("feel") ? Literal.of(text) : Literal.expression(text);
    }
  }

  /**
   * What breaks a contract, where: the file, the decision and the rule as the Modeler numbers it
   * (0: the decision as a whole), named too if {@code ruleName} is not null; the element id is the
   * rule's, or the decision's.
   */
  record Finding(String resource, String decision, int rule, String ruleName, String elementId, String text) implements Problem {

    @Override
    public String getMessage() {
      var where = rule > 0 ? ", rule " + rule + (ruleName == null ? "" : " (" + ruleName + ")") : "";
      return "%s, decision %s%s: %s".formatted(resource, decision, where, text);
    }

    @Override
    public int getLine() {
      return 0;
    }

    @Override
    public int getColumn() {
      return 0;
    }

    @Override
    public String getMainElementId() {
      return elementId;
    }

    @Override
    public List<String> getElementIds() {
      return List.of(decision, elementId).stream().distinct().toList();
    }

    @Override
    public String toString() {
      return getMessage();
    }
  }

  /**
   * The refusal: a ParseException, which the engine REST API answers with 400, the message and,
   * per file, the findings with their element ids ({@code details}).
   */
  static final class DecisionTablesRefusedException extends ParseException {

    DecisionTablesRefusedException(List<Finding> findings) {
      super(message(findings), findings.get(0).resource(), of(findings, findings.get(0).resource()), List.of());
      findings.stream()
          .map(Finding::resource)
          .distinct()
          .skip(1)
          .forEach(r -> resorceReports.add(new Report(r, of(findings, r))));
    }

    private static String message(List<Finding> findings) {
      return "Deployment refused: the application cannot use these answers of its decision tables (nothing was deployed)\n"
          + findings.stream().map(Finding::getMessage).collect(Collectors.joining("\n"));
    }

    private static List<Problem> of(List<Finding> findings, String resource) {
      return findings.stream().filter(f -> f.resource().equals(resource)).map(Problem.class::cast).toList();
    }
  }

  private record Report(String resource, List<Problem> errors) implements ResourceReport {

    @Override
    public String getResourceName() {
      return resource;
    }

    @Override
    public List<Problem> getErrors() {
      return errors;
    }

    @Override
    public List<Problem> getWarnings() {
      return List.of();
    }
  }
}
