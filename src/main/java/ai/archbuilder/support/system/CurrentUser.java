package ai.archbuilder.support.system;

import java.util.Set;

/**
 * The authenticated caller of our API: a Camunda identity user with her groups, and, for a
 * customer, her e-mail (it is what ties her to her tickets; staff have none here).
 */
public record CurrentUser(String id, String email, Set<String> groups) {

  public static final String ADMINS = "camunda-admin";
  public static final String MANAGERS = "support-managers";
  public static final String AUDITORS = "auditors";
  public static final String PROCESS_OWNERS = "process-owners";
  public static final String CUSTOMERS = "customers";

  public boolean in(String group) {
    return groups.contains(group);
  }

  /** The highest tier whose group she belongs to, 0 if she is no agent. */
  public int agentTier() {
    for (int tier = Tiers.HIGHEST; tier >= Tiers.LOWEST; tier--) {
      if (groups.contains(Tiers.group(tier))) {
        return tier;
      }
    }
    return 0;
  }

  public boolean seesAllTickets() {
    return in(ADMINS) || in(MANAGERS) || in(AUDITORS);
  }

  public boolean staff() {
    return seesAllTickets() || agentTier() > 0;
  }

  /** May change tickets as support staff (auditors read only). */
  public boolean worksTickets() {
    return in(ADMINS) || in(MANAGERS) || agentTier() > 0;
  }

  public boolean customer() {
    return !staff() && in(CUSTOMERS);
  }
}
