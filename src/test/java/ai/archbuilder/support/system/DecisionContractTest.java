package ai.archbuilder.support.system;

import static ai.archbuilder.support.system.DecisionContract.decision;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The combinations of inputs a contract has the check ask a table with (DecisionTableCheckTest asks the tables). */
class DecisionContractTest {

  enum Color {
    RED,
    GREEN
  }

  @Test
  void everyCombinationOfConstantsFlagsAndTiersInTheOrderDeclaredTheLastInputChangingFastest() {
    var combinations = decision("d").asksWith("color", Color.class).asksWithFlag("vip").asksWithTier("tier").combinations();

    assertThat(combinations).hasSize(2 * 2 * 4).doesNotHaveDuplicates();
    assertThat(combinations.subList(0, 5)).containsExactly(
        Map.of("color", "RED", "vip", true, "tier", 1),
        Map.of("color", "RED", "vip", true, "tier", 2),
        Map.of("color", "RED", "vip", true, "tier", 3),
        Map.of("color", "RED", "vip", true, "tier", 4),
        Map.of("color", "RED", "vip", false, "tier", 1));
    assertThat(combinations.get(0).keySet()).containsExactly("color", "vip", "tier");
    assertThat(combinations.get(combinations.size() - 1)).isEqualTo(Map.of("color", "GREEN", "vip", false, "tier", Tiers.HIGHEST));
  }

  @Test
  void orNullAsksWithoutAValueToo() {
    assertThat(decision("d").asksWithOrNull("color", Color.class).combinations())
        .extracting(asked -> asked.get("color"))
        .containsExactly("RED", "GREEN", null);
  }

  @Test
  void onlyTheCombinationsThatCanOccurEveryConditionNarrowingFurther() {
    var contract = decision("d").asksWithTier("tier").asksWithRange("maxTier", 2, 3)
        .asksOnlyWhen(asked -> (int) asked.get("tier") <= (int) asked.get("maxTier"))
        .asksOnlyWhen(asked -> (int) asked.get("tier") > 1);

    assertThat(contract.combinations()).containsExactly(
        Map.of("tier", 2, "maxTier", 2),
        Map.of("tier", 2, "maxTier", 3),
        Map.of("tier", 3, "maxTier", 3));
  }

  @Test
  void whatAnEmptyAnswerMeansIsKeptWhateverIsDeclaredAfter() {
    var contract = decision("d").mustMatchARule("no limit").positiveOrNull("hours").asksWithTier("tier")
        .asksOnlyWhen(asked -> (int) asked.get("tier") > 1).mustAlwaysAnswer();

    assertThat(contract.none()).isEqualTo("no limit");
    assertThat(contract.combinations()).hasSize(3);
    assertThat(decision("d").positiveOrNull("hours").asksWithTier("tier").none()).isNull();
  }

  @Test
  void anInputEntryListsTheLiteralsItTestsOutsideStringsAndBrackets() {
    assertThat(DecisionContract.Listed.of("-").values()).isEmpty();
    assertThat(DecisionContract.Listed.of(" \"RED\" , \"a, b\" ,[1..3], 5").values())
        .extracting(DecisionContract.Literal::written)
        .containsExactly("\"RED\"", "\"a, b\"", "[1..3]", "5");
    var not = DecisionContract.Listed.of("not(\"RED\", \"GRAY\")");
    assertThat(not.negated()).isTrue();
    assertThat(not.values()).extracting(DecisionContract.Literal::string).containsExactly("RED", "GRAY");
    // not(…) that does not enclose the whole entry is an expression
    assertThat(DecisionContract.Listed.of("not(\"RED\") or x").values())
        .extracting(DecisionContract.Literal::kind).containsExactly(DecisionContract.Literal.Kind.EXPRESSION);
  }

  @Test
  void anInputValueNeverAskedIsNamedOnlyLiteralsOfTheInputsKindAreJudged() {
    var color = new DecisionContract.Asked("color", decision("d").asksWithOrNull("color", Color.class).asks().get("color"));
    assertThat(color.complaints(DecisionContract.Listed.of("\"RED\", \"GRAY\", > \"A\""), "string")).containsExactly(
        "input color \"GRAY\" is never asked: the application has RED, GREEN — it can never match");
    assertThat(color.complaints(DecisionContract.Listed.of("\"red\""), null)).containsExactly(
        "input color \"red\" is never asked: the application has RED, GREEN (the case counts) — the rule can never match");
    assertThat(color.complaints(DecisionContract.Listed.of("not(\"RED\", null)"), "string")).isEmpty();
    // a number in a string column is converted by the engine: not judged
    assertThat(color.complaints(DecisionContract.Listed.of("5"), "string")).isEmpty();

    var tier = new DecisionContract.Asked("tier", decision("d").asksWithTier("tier").asks().get("tier"));
    assertThat(tier.complaints(DecisionContract.Listed.of("4.0, [1..9], >= 7"), "integer")).isEmpty();
    assertThat(tier.complaints(DecisionContract.Listed.of("not(0)"), "integer")).containsExactly(
        "input tier 0 is never asked: the application has 1, 2, 3, 4 — not(…) excludes nothing with it");
    assertThat(tier.complaints(DecisionContract.Listed.of("\"2\""), "string")).isEmpty();
  }

  enum Size {
    S,
    L
  }

  @Test
  void aVariableTheProcessAlsoHasIsAskedOnlyWhereTheTableReadsIt() {
    var contract = decision("d").asksWithTier("tier").alsoHas("color", Color.class).alsoHas("size", Size.class);

    assertThat(contract.combinations()).hasSize(4);
    assertThat(contract.combinations(Set.of("size"))).hasSize(4 * 2).allMatch(asked -> asked.keySet().equals(Set.of("tier", "size")));
    assertThat(contract.combinations(Set.of("color", "size")).get(0).keySet()).containsExactly("tier", "color", "size");
    assertThat(contract.values("color")).contains(List.of("RED", "GREEN"));
    assertThat(contract.values("shape")).isEmpty();
    // a variable asked stays asked always
    assertThat(decision("d").asksWithTier("tier").alsoHasTier("tier").combinations()).hasSize(4);
    assertThat(decision("d").alsoHasTier("tier").asksWithTier("tier").alsoHas()).isEmpty();
  }

  @Test
  void theVariablesACallingProcessLacksAreAskedEmptyTogether() {
    var contract = decision("d").asksWithFlag("vip").alsoHas("color", Color.class).alsoHasOrNull("size", Size.class).alsoHasTier("tier")
        .lackedBy("OtherProcess", "color", "size");

    // the process that has them: each color with each size or none; the other: neither
    assertThat(contract.combinations(Set.of("color", "size"))).extracting(asked -> asked.get("color") + " " + asked.get("size"))
        .containsExactly("RED S", "RED L", "RED null", "GREEN S", "GREEN L", "GREEN null", "null null",
            "RED S", "RED L", "RED null", "GREEN S", "GREEN L", "GREEN null", "null null");
    assertThat(contract.values("color")).contains(Arrays.asList("RED", "GREEN", null));
    assertThat(contract.lacking(Map.of("vip", true, "color", "RED"))).isEmpty();
    var without = new HashMap<String, Object>(Map.of("vip", true));
    without.put("color", null);
    assertThat(contract.lacking(without)).contains("OtherProcess");
    // a variable that may be empty anyway does not tell which process asks
    without = new HashMap<>(Map.of("vip", true));
    without.put("size", null);
    assertThat(contract.lacking(without)).isEmpty();
    assertThat(contract.combinations(Set.of("tier"))).hasSize(2 * 4);
  }

  @Test
  void aContractWithoutInputsAsksNothing() {
    assertThat(decision("d").oneOf("color", Color.class).combinations()).isEmpty();
  }
}
