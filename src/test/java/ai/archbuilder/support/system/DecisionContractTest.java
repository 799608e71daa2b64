package ai.archbuilder.support.system;

import static ai.archbuilder.support.system.DecisionContract.decision;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
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
  void aContractWithoutInputsAsksNothing() {
    assertThat(decision("d").oneOf("color", Color.class).combinations()).isEmpty();
  }
}
