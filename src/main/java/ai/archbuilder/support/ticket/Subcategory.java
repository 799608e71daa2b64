package ai.archbuilder.support.ticket;

/** Subcategories of policy §2, each belonging to one category. */
public enum Subcategory {
  SOFTWARE_BUG(Category.TECHNICAL),
  PERFORMANCE(Category.TECHNICAL),
  INTEGRATION(Category.TECHNICAL),
  DATA(Category.TECHNICAL),
  SYSTEM_ERROR(Category.TECHNICAL),
  PAYMENT(Category.BILLING),
  SUBSCRIPTION(Category.BILLING),
  LICENSE(Category.BILLING),
  ACCOUNT(Category.BILLING),
  REFUND(Category.BILLING),
  NEW_FEATURE(Category.FEATURE_REQUEST),
  ENHANCEMENT(Category.FEATURE_REQUEST),
  INTEGRATION_REQUEST(Category.FEATURE_REQUEST),
  CUSTOMIZATION(Category.FEATURE_REQUEST),
  WORKFLOW_IMPROVEMENT(Category.FEATURE_REQUEST),
  USER_TRAINING(Category.TRAINING),
  DOCUMENTATION(Category.TRAINING),
  BEST_PRACTICES(Category.TRAINING),
  IMPLEMENTATION(Category.TRAINING),
  MIGRATION(Category.TRAINING);

  private final Category category;

  Subcategory(Category category) {
    this.category = category;
  }

  public Category category() {
    return category;
  }
}
