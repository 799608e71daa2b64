package ai.archbuilder.support.system;

import java.util.List;
import java.util.OptionalInt;
import java.util.stream.IntStream;

/**
 * The support tiers of policy §8: Tier 1 to Tier 4, each worked by its group ({@code tier1} …
 * {@code tier4}). A tier outside them would put a ticket's tasks where nobody sees them, so the
 * decision tables may not name one (DecisionTableCheck).
 */
public final class Tiers {

  public static final int LOWEST = 1;
  public static final int HIGHEST = 4;

  private Tiers() {}

  /** The group whose agents work the tier: {@code tier2} for Tier 2. */
  public static String group(int tier) {
    return "tier" + tier;
  }

  /** The tier a group works, if it is a tier group: 2 for {@code tier2}. */
  public static OptionalInt of(String group) {
    return IntStream.rangeClosed(LOWEST, HIGHEST).filter(tier -> group(tier).equals(group)).findFirst();
  }

  /** The tier groups, Tier 1 first. */
  public static List<String> groups() {
    return IntStream.rangeClosed(LOWEST, HIGHEST).mapToObj(Tiers::group).toList();
  }
}
