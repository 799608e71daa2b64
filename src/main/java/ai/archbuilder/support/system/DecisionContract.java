package ai.archbuilder.support.system;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * What the application makes of the answers of one decision a process owner may change in the
 * Modeler: the outputs it turns into enum constants, tiers or hours, and whether it needs an answer
 * for every input. A deployment whose table breaks it is refused ({@link DecisionTableCheck}).
 * Only what a rule writes literally is judged ({@code "P5"}, {@code 5}, empty); an expression
 * ({@code tier + 1}, {@code basePriority}) is let through, its value is known only when it runs.
 *
 * @param decision the decision id (its key)
 * @param outputs output name → what its literal values must be
 * @param mustAnswer the application asks for any input and needs an answer: hit policy FIRST and
 *     a last rule whose inputs are all "-"
 * @param asks input variable → every value the application asks the decision with (a constant's
 *     name, a boolean, an integer, or null); each combination must get an answer, or match a rule
 *     if an empty answer means "none" ({@link #mustMatchARule}) (checked by evaluating the table)
 * @param possible which combinations of {@code asks} can occur: only those need an answer
 * @param none what an empty answer means to the application ("no limit"), when a rule must say so
 *     ({@link #mustMatchARule}); null: an empty answer is no answer
 * @param alsoHas input variable → every value of another variable the calling process has when it
 *     evaluates the decision (the ticket's plan, its coverage): asked with too, but only where the
 *     table (or a decision it requires) reads it, so that a column a process owner adds is judged
 *     as in production without multiplying the evaluations of every table
 * @param lackedBy variable of {@code alsoHas} → the calling process that does not have it: asked
 *     empty too, together with the others that process lacks ({@link #lackedBy(String, String...)})
 */
public record DecisionContract(
    String decision,
    Map<String, Expected> outputs,
    boolean mustAnswer,
    Map<String, List<Object>> asks,
    Predicate<Map<String, Object>> possible,
    String none,
    Map<String, List<Object>> alsoHas,
    Map<String, String> lackedBy) {

  public DecisionContract {
    outputs = Map.copyOf(outputs);
    asks = Collections.unmodifiableMap(new LinkedHashMap<>(asks));
    alsoHas = Collections.unmodifiableMap(new LinkedHashMap<>(alsoHas));
    lackedBy = Collections.unmodifiableMap(new LinkedHashMap<>(lackedBy));
  }

  public static DecisionContract decision(String id) {
    return new DecisionContract(id, Map.of(), false, Map.of(), asked -> true, null, Map.of(), Map.of());
  }

  /**
   * The application asks with input {@code variable} set to each constant of {@code type} (with
   * the other inputs it asks about) and needs an answer every time: a rule deleted for one
   * combination fails when a ticket needs it.
   */
  public DecisionContract asksWith(String variable, Class<? extends Enum<?>> type) {
    return asking(variable, names(type));
  }

  /** As {@link #asksWith}, and without a value (null) too. */
  public DecisionContract asksWithOrNull(String variable, Class<? extends Enum<?>> type) {
    var values = new ArrayList<Object>(names(type));
    values.add(null);
    return asking(variable, values);
  }

  /** As {@link #asksWith}, with {@code variable} true and false. */
  public DecisionContract asksWithFlag(String variable) {
    return asking(variable, List.of(true, false));
  }

  /** As {@link #asksWith}, with {@code variable} each whole number from {@code lowest} to {@code highest}. */
  public DecisionContract asksWithRange(String variable, int lowest, int highest) {
    return asking(variable, IntStream.rangeClosed(lowest, highest).boxed().toList());
  }

  /** As {@link #asksWith}, with {@code variable} each tier ({@link Tiers}). */
  public DecisionContract asksWithTier(String variable) {
    return asksWithRange(variable, Tiers.LOWEST, Tiers.HIGHEST);
  }

  /**
   * Of the combinations the {@code asksWith…} inputs make, the application asks only those for
   * which {@code possible} holds (it gets input variable → value): the others need no answer.
   * Say in a comment why the others cannot occur; every call narrows further. A variable of
   * {@link #alsoHas} is in the map only where a table reads it: a condition on one must let it be
   * absent.
   */
  public DecisionContract asksOnlyWhen(Predicate<Map<String, Object>> possible) {
    return new DecisionContract(decision, outputs, mustAnswer, asks, this.possible.and(possible), none, alsoHas, lackedBy);
  }

  /**
   * The calling process also has variable {@code variable}, set to a constant of {@code type}, when
   * it evaluates the decision: the check asks with each of them too (with the other inputs), but only
   * if the table, or a decision it requires, reads the variable. A rule a process owner writes on it
   * is judged as in production, and its literal values are checked as the asked inputs' are. A
   * variable the decision is asked with ({@code asksWith…}) stays asked always.
   */
  public DecisionContract alsoHas(String variable, Class<? extends Enum<?>> type) {
    return having(variable, names(type));
  }

  /** As {@link #alsoHas}, and without a value (null) too. */
  public DecisionContract alsoHasOrNull(String variable, Class<? extends Enum<?>> type) {
    var values = new ArrayList<Object>(names(type));
    values.add(null);
    return having(variable, values);
  }

  /** As {@link #alsoHas}, with {@code variable} true and false. */
  public DecisionContract alsoHasFlag(String variable) {
    return having(variable, List.of(true, false));
  }

  /** As {@link #alsoHas}, with {@code variable} each tier ({@link Tiers}). */
  public DecisionContract alsoHasTier(String variable) {
    return having(variable, IntStream.rangeClosed(Tiers.LOWEST, Tiers.HIGHEST).boxed().toList());
  }

  /**
   * The calling process {@code process} evaluates the decision without {@code variables} (of
   * {@link #alsoHas}), which another calling process has: the check asks with all of them empty
   * (null) too, as {@code process} does, besides each value they have in the other.
   */
  public DecisionContract lackedBy(String process, String... variables) {
    var more = new LinkedHashMap<>(lackedBy);
    for (var variable : variables) {
      if (!alsoHas.containsKey(variable)) {
        throw new IllegalArgumentException(variable + " is not a variable the process also has (alsoHas…)");
      }
      more.put(variable, process);
    }
    return new DecisionContract(decision, outputs, mustAnswer, asks, possible, none, alsoHas, more);
  }

  /**
   * Every value input variable {@code variable} can have when the decision is evaluated: what it is
   * asked with ({@code asksWith…}, {@code alsoHas…}), empty (null) included where a calling process
   * lacks it. Empty if the contract does not name the variable.
   */
  public Optional<List<Object>> values(String variable) {
    if (asks.containsKey(variable)) {
      return Optional.of(asks.get(variable));
    }
    if (!alsoHas.containsKey(variable)) {
      return Optional.empty();
    }
    var values = new ArrayList<Object>(alsoHas.get(variable));
    if (lackedBy.containsKey(variable) && !values.contains(null)) {
      values.add(null);
    }
    return Optional.of(Collections.unmodifiableList(values));
  }

  /**
   * Every combination of the values of {@link #asks} that {@link #possible} lets through, as input
   * variable → value, in the order the inputs were declared (the last one changing fastest): what
   * the check asks a table that reads none of the variables the process {@link #alsoHas}.
   */
  public List<Map<String, Object>> combinations() {
    return combinations(Set.of());
  }

  /**
   * As {@link #combinations()}, with each variable of {@link #alsoHas} that {@code read} names added
   * after the asked ones (the variables a table reads: a deployed table decides how many there are).
   * The variables a calling process lacks are empty together or all given.
   */
  public List<Map<String, Object>> combinations(Set<String> read) {
    return stream(read).toList();
  }

  /** How many {@link #combinations(Set)} gives for {@code read}, counted without keeping them. */
  public long countCombinations(Set<String> read) {
    return stream(read).count();
  }

  /**
   * How many combinations the values make for {@code read} before {@link #possible} narrows them:
   * what counting them takes.
   */
  public long allCombinations(Set<String> read) {
    if (asks.isEmpty()) {
      return 0;
    }
    long all = 1;
    for (var values : inputs(read).values()) {
      all = Math.multiplyExact(all, values.size());
    }
    return all;
  }

  /** Each combination in turn (the last input changing fastest), made as it is asked for. */
  private Stream<Map<String, Object>> stream(Set<String> read) {
    if (asks.isEmpty()) {
      return Stream.empty();
    }
    var inputs = inputs(read);
    var names = List.copyOf(inputs.keySet());
    var values = List.copyOf(inputs.values());
    return LongStream.range(0, allCombinations(read))
        .mapToObj(index -> {
          var chosen = new Object[names.size()];
          long rest = index;
          for (int k = names.size() - 1; k >= 0; k--) {
            int size = values.get(k).size();
            chosen[k] = values.get(k).get((int) (rest % size));
            rest /= size;
          }
          var combination = new LinkedHashMap<String, Object>();
          for (int k = 0; k < names.size(); k++) {
            combination.put(names.get(k), chosen[k]);
          }
          return Collections.unmodifiableMap(combination);
        })
        .filter(possible)
        .filter(this::lackedTogether);
  }

  /** The asked inputs, then the variables of {@link #alsoHas} that {@code read} names, with their values. */
  private Map<String, List<Object>> inputs(Set<String> read) {
    var inputs = new LinkedHashMap<>(asks);
    alsoHas.keySet().stream().filter(read::contains).forEach(variable -> inputs.put(variable, values(variable).orElseThrow()));
    return inputs;
  }

  /** The calling processes that lack variables of {@code asked}: each has them all or none of them. */
  private boolean lackedTogether(Map<String, Object> asked) {
    for (var process : new LinkedHashSet<>(lackedBy.values())) {
      var lacked = lackedBy.entrySet().stream()
          .filter(e -> e.getValue().equals(process) && asked.containsKey(e.getKey()))
          .map(Map.Entry::getKey)
          .toList();
      boolean none = lacked.stream().allMatch(variable -> asked.get(variable) == null);
      boolean all = lacked.stream().allMatch(variable -> alsoHas.get(variable).contains(asked.get(variable)));
      if (!none && !all) {
        return false;
      }
    }
    return true;
  }

  /** The calling process whose lack of variables {@code asked} shows (they are empty), if any. */
  public Optional<String> lacking(Map<String, Object> asked) {
    return lackedBy.entrySet().stream()
        .filter(e -> asked.containsKey(e.getKey()) && asked.get(e.getKey()) == null && !alsoHas.get(e.getKey()).contains(null))
        .map(Map.Entry::getValue)
        .findFirst();
  }

  private DecisionContract having(String variable, List<?> values) {
    if (asks.containsKey(variable)) {
      return this;
    }
    var more = new LinkedHashMap<>(alsoHas);
    more.put(variable, Collections.unmodifiableList(new ArrayList<Object>(values)));
    return new DecisionContract(decision, outputs, mustAnswer, asks, possible, none, more, lackedBy);
  }

  private DecisionContract asking(String variable, List<?> values) {
    var more = new LinkedHashMap<>(asks);
    more.put(variable, Collections.unmodifiableList(new ArrayList<Object>(values)));
    var having = new LinkedHashMap<>(alsoHas);
    having.remove(variable);
    var lacked = new LinkedHashMap<>(lackedBy);
    lacked.remove(variable);
    return new DecisionContract(decision, outputs, mustAnswer, more, possible, none, having, lacked);
  }

  /**
   * Each combination the application asks with ({@code asksWith…}) must match a rule, but the rule
   * may answer empty (null), which the application reads as {@code none} ("no limit"). So "none" is
   * written as a rule, and a deleted rule is refused instead of being read as "none": an answer of
   * no rule, or an empty one that an expression computed (a required decision without a rule for
   * it), is not taken for it.
   */
  public DecisionContract mustMatchARule(String none) {
    return new DecisionContract(decision, outputs, mustAnswer, asks, possible, Objects.requireNonNull(none), alsoHas, lackedBy);
  }

  /** The output names a constant of {@code type}: the application reads it with valueOf. */
  public DecisionContract oneOf(String output, Class<? extends Enum<?>> type) {
    return with(output, new OneOf(names(type), false));
  }

  /** As {@link #oneOf}, and empty (null) is understood too. */
  public DecisionContract oneOfOrNull(String output, Class<? extends Enum<?>> type) {
    return with(output, new OneOf(names(type), true));
  }

  /** The output names a tier that exists ({@link Tiers}): its group works the ticket's tasks. */
  public DecisionContract tier(String output) {
    return with(output, new Tier());
  }

  /** The output is a number of hours or days: more than 0. */
  public DecisionContract positive(String output) {
    return with(output, new Positive(false, false));
  }

  /** A whole number greater than 0 (an integer output: the engine refuses 0.5 when it runs the table). */
  public DecisionContract wholePositive(String output) {
    return with(output, new Positive(false, true));
  }

  /** As {@link #positive}, and empty (null) means "none" to the application. */
  public DecisionContract positiveOrNull(String output) {
    return with(output, new Positive(true, false));
  }

  /** The application evaluates the decision for any input and needs an answer every time. */
  public DecisionContract mustAlwaysAnswer() {
    return new DecisionContract(decision, outputs, true, asks, possible, none, alsoHas, lackedBy);
  }

  private DecisionContract with(String output, Expected expected) {
    var more = new LinkedHashMap<>(outputs);
    more.put(output, expected);
    return new DecisionContract(decision, more, mustAnswer, asks, possible, none, alsoHas, lackedBy);
  }

  private static List<String> names(Class<? extends Enum<?>> type) {
    return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
  }

  /**
   * What a rule's output entry holds, as far as it can be told without evaluating it.
   *
   * @param kind what it is
   * @param written the entry's text, as the message quotes it
   * @param string the value of a {@link Kind#STRING}
   * @param number the value of a {@link Kind#NUMBER}
   */
  public record Literal(Kind kind, String written, String string, BigDecimal number) {

    public enum Kind {
      /** An empty entry or {@code null}. */
      NULL,
      /** A string literal, {@code "P3"}. */
      STRING,
      /** A number literal, {@code 24} or {@code 0.5}. */
      NUMBER,
      /** {@code true} or {@code false}. */
      BOOLEAN,
      /** Anything else: an expression, judged only when it runs. */
      EXPRESSION
    }

    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"", Pattern.DOTALL);
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

    /** The output entry's text, read as FEEL (the engine's language for output entries). */
    public static Literal of(String text) {
      var t = text == null ? "" : text.strip();
      if (t.isEmpty() || t.equals("null")) {
        return new Literal(Kind.NULL, t, null, null);
      }
      if (t.equals("true") || t.equals("false")) {
        return new Literal(Kind.BOOLEAN, t, null, null);
      }
      if (NUMBER.matcher(t).matches()) {
        return new Literal(Kind.NUMBER, t, null, new BigDecimal(t));
      }
      var string = STRING.matcher(t);
      if (string.matches()) {
        return new Literal(Kind.STRING, t, string.group(1).replaceAll("\\\\(.)", "$1"), null);
      }
      return new Literal(Kind.EXPRESSION, t, null, null);
    }

    /** A value a table gave when it ran, judged as the literal it could have been written as. */
    public static Literal ofValue(Object value) {
      if (value == null) {
        return new Literal(Kind.NULL, "empty", null, null);
      }
      if (value instanceof Boolean) {
        return new Literal(Kind.BOOLEAN, value.toString(), null, null);
      }
      if (value instanceof Number n) {
        return new Literal(Kind.NUMBER, n.toString(), null, new BigDecimal(n.toString()));
      }
      return new Literal(Kind.STRING, "\"" + value + "\"", value.toString(), null);
    }

    /** An expression of another language than FEEL: not read, judged only when it runs. */
    public static Literal expression(String text) {
      return new Literal(Kind.EXPRESSION, text, null, null);
    }
  }

  /**
   * What a rule's input entry lists literally, as far as it can be told without evaluating it: the
   * values it tests the input for ({@code "P1", "P2"}), or, written {@code not(…)}, against. A
   * range, a comparison or an expression among them is an {@link Literal.Kind#EXPRESSION}; "-"
   * lists nothing.
   *
   * @param negated written as {@code not(…)}
   * @param values the comma-separated tests, each read as a {@link Literal}
   */
  public record Listed(boolean negated, List<Literal> values) {

    private static final Pattern NOT = Pattern.compile("not\\s*\\(");

    /** The input entry's text, read as FEEL unary tests. */
    public static Listed of(String text) {
      var t = text == null ? "" : text.strip();
      if (t.isEmpty() || t.equals("-")) {
        return new Listed(false, List.of());
      }
      var not = NOT.matcher(t);
      if (not.lookingAt()) {
        // not(…) only if its parenthesis closes at the end: else one expression
        return ends(t, not.end() - 1) == t.length() - 1
            ? new Listed(true, split(t.substring(not.end(), t.length() - 1)).stream().map(Literal::of).toList())
            : new Listed(false, List.of(Literal.expression(t)));
      }
      return new Listed(false, split(t).stream().map(Literal::of).toList());
    }

    /** {@code text} split at each comma outside strings and brackets. */
    private static List<String> split(String text) {
      var parts = new ArrayList<String>();
      int from = 0;
      for (int at = next(text, 0, ','); at >= 0; at = next(text, at + 1, ',')) {
        parts.add(text.substring(from, at).strip());
        from = at + 1;
      }
      parts.add(text.substring(from).strip());
      return parts;
    }

    /** Where the bracket opened at {@code open} closes; -1 if it does not. */
    private static int ends(String text, int open) {
      return next(text, open + 1, ')');
    }

    /** The first {@code wanted} from {@code from} on outside strings and brackets opened after it; -1 if none. */
    private static int next(String text, int from, char wanted) {
      int depth = 0;
      boolean inString = false;
      for (int i = from; i < text.length(); i++) {
        char c = text.charAt(i);
        if (inString) {
          if (c == '\\') {
            i++;
          } else if (c == '"') {
            inString = false;
          }
        } else if (c == '"') {
          inString = true;
        } else if (depth == 0 && c == wanted) {
          return i;
        } else if (c == '(' || c == '[' || c == '{') {
          depth++;
        } else if (c == ')' || c == ']' || c == '}') {
          depth--;
        }
      }
      return -1;
    }
  }

  /**
   * Every value input {@code input} of a decision can have: what the application asks the decision
   * with ({@code asksWith…}) or what a required decision can answer in it ({@link Expected#values}).
   * A value an input entry lists that is not among them never matches: a typo that silently turns
   * a rule (or its {@code not(…)}) off.
   *
   * @param input the input (a variable's name, the input expression)
   * @param values its values, null (no value) included if it can be
   */
  public record Asked(String input, List<Object> values) {

    public Asked {
      values = Collections.unmodifiableList(new ArrayList<>(values));
    }

    /**
     * Why the literals of {@code entry} (of an input whose type is {@code typeRef}) never match,
     * one complaint per value; empty if each may. A literal of another kind than the values (a
     * string for a tier) is not judged: the type the engine turns the input into decides.
     */
    public List<String> complaints(Listed entry, String typeRef) {
      var unknown = entry.values().stream().filter(v -> judged(v, typeRef) && !has(v)).toList();
      boolean neverMatches = !entry.negated()
          && entry.values().stream().allMatch(v -> judged(v, typeRef) && !has(v));
      var consequence = entry.negated()
          ? "not(…) excludes nothing with it"
          : neverMatches ? "the rule can never match" : "it can never match";
      return unknown.stream()
          .map(v -> "input %s %s is never asked: the application has %s%s — %s"
              .formatted(input, v.written(), known(), caseDiffers(v) ? " (the case counts)" : "", consequence))
          .toList();
    }

    private boolean judged(Literal value, String typeRef) {
      var type = typeRef == null ? null : typeRef.strip().toLowerCase(Locale.ROOT);
      var present = values.stream().filter(Objects::nonNull).toList();
      if (present.isEmpty()) {
        return false;
      }
      return switch (value.kind()) {
        case STRING -> (type == null || type.equals("string")) && present.stream().allMatch(String.class::isInstance);
        case NUMBER -> (type == null || type.equals("integer") || type.equals("long") || type.equals("double"))
            && present.stream().allMatch(v -> v instanceof Integer || v instanceof Long);
        case BOOLEAN -> (type == null || type.equals("boolean")) && present.stream().allMatch(Boolean.class::isInstance);
        case NULL, EXPRESSION -> false;
      };
    }

    private boolean has(Literal value) {
      return switch (value.kind()) {
        case STRING -> values.contains(value.string());
        case NUMBER -> values.stream()
            .filter(Objects::nonNull)
            .anyMatch(v -> new BigDecimal(v.toString()).compareTo(value.number()) == 0);
        case BOOLEAN -> values.contains(Boolean.valueOf(value.written()));
        case NULL, EXPRESSION -> true;
      };
    }

    private boolean caseDiffers(Literal value) {
      return value.kind() == Literal.Kind.STRING
          && values.stream().anyMatch(v -> v instanceof String s && s.equalsIgnoreCase(value.string()));
    }

    private String known() {
      return values.stream().filter(Objects::nonNull).map(Object::toString).collect(Collectors.joining(", "));
    }
  }

  /** What an output's literal values must be. */
  public sealed interface Expected {

    /** Why {@code value} won't do as output {@code output}; empty if it will. */
    Optional<String> complaint(String output, Literal value);

    /**
     * Every value the output may have, where the application knows them all (an enum's names, the
     * tiers): what a decision that requires this one can find in it. Empty if it does not.
     */
    Optional<List<Object>> values();
  }

  /** One of the names of an enum the application reads the output into. */
  record OneOf(List<String> names, boolean nullAllowed) implements Expected {

    @Override
    public Optional<String> complaint(String output, Literal value) {
      var known = String.join(", ", names) + (nullAllowed ? ", or empty" : "");
      return switch (value.kind()) {
        case EXPRESSION -> Optional.empty();
        case STRING -> names.contains(value.string())
            ? Optional.empty()
            : Optional.of("output %s %s is not one the application knows (%s)".formatted(output, value.written(), known));
        case NULL -> nullAllowed
            ? Optional.empty()
            : Optional.of("output %s is empty, but the application needs one of %s".formatted(output, known));
        case NUMBER, BOOLEAN -> Optional.of("output %s %s is not one the application knows (%s)".formatted(output, value.written(), known));
      };
    }

    @Override
    public Optional<List<Object>> values() {
      var values = new ArrayList<Object>(names);
      if (nullAllowed) {
        values.add(null);
      }
      return Optional.of(Collections.unmodifiableList(values));
    }
  }

  /** A whole number from {@link Tiers#LOWEST} to {@link Tiers#HIGHEST}. */
  record Tier() implements Expected {

    @Override
    public Optional<String> complaint(String output, Literal value) {
      var tiers = "%d to %d".formatted(Tiers.LOWEST, Tiers.HIGHEST);
      return switch (value.kind()) {
        case EXPRESSION -> Optional.empty();
        case NUMBER -> isTier(value.number())
            ? Optional.empty()
            : Optional.of("output %s %s is not a tier the application has (%s)".formatted(output, value.written(), tiers));
        case NULL -> Optional.of("output %s is empty, but the application needs a tier (%s)".formatted(output, tiers));
        case STRING, BOOLEAN -> Optional.of("output %s %s is not a tier the application has (%s)".formatted(output, value.written(), tiers));
      };
    }

    @Override
    public Optional<List<Object>> values() {
      return Optional.of(IntStream.rangeClosed(Tiers.LOWEST, Tiers.HIGHEST).boxed().map(Object.class::cast).toList());
    }

    private static boolean isTier(BigDecimal n) {
      return n.stripTrailingZeros().scale() <= 0
          && n.compareTo(BigDecimal.valueOf(Tiers.LOWEST)) >= 0
          && n.compareTo(BigDecimal.valueOf(Tiers.HIGHEST)) <= 0;
    }
  }

  /** A number greater than 0 (hours, days), whole if asked, or, if allowed, empty for none. */
  record Positive(boolean nullAllowed, boolean whole) implements Expected {

    @Override
    public Optional<String> complaint(String output, Literal value) {
      var wanted = (whole ? "a whole number greater than 0" : "a number greater than 0") + (nullAllowed ? ", or empty" : "");
      return switch (value.kind()) {
        case EXPRESSION -> Optional.empty();
        case NUMBER -> value.number().signum() > 0 && (!whole || value.number().stripTrailingZeros().scale() <= 0)
            ? Optional.empty()
            : Optional.of("output %s %s is not %s".formatted(output, value.written(), wanted));
        case NULL -> nullAllowed
            ? Optional.empty()
            : Optional.of("output %s is empty, but the application needs %s".formatted(output, wanted));
        case STRING, BOOLEAN -> Optional.of("output %s %s is not %s".formatted(output, value.written(), wanted));
      };
    }

    @Override
    public Optional<List<Object>> values() {
      return Optional.empty();
    }
  }
}
