package ai.archbuilder.support.customer;

/** The customer's support plan: decides coverage and the tier ceiling (policy §1, DMN). */
public enum Plan {
  BASIC,
  PROFESSIONAL,
  ENTERPRISE
}
