package ai.archbuilder.support.policy;

import static ai.archbuilder.support.policy.PolicyDecisions.evaluate;
import static org.assertj.core.api.Assertions.assertThat;

import ai.archbuilder.support.policy.PolicyDecisions.Outcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** §2 keyword categorization and §3 impact inference on the lower-case ticket text. */
class TextInferenceDecisionsTest {

  private static Outcome categorize(String text) {
    return evaluate("ticketCategorization", "ticketCategorization", "text", text);
  }

  private static Outcome impact(String text) {
    return evaluate("impactInference", "impactInference", "text", text);
  }

  @ParameterizedTest(name = "\"{0}\" → {1} / {2}")
  @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
      please refund the second charge                                | BILLING         | REFUND
      i want my money back for last month                            | BILLING         | REFUND
      the invoice for march shows the wrong amount                   | BILLING         | PAYMENT
      my credit card was declined                                    | BILLING         | PAYMENT
      we need to add our vat number                                  | BILLING         | PAYMENT
      how do i cancel my subscription                                | BILLING         | SUBSCRIPTION
      we want to downgrade to professional                           | BILLING         | SUBSCRIPTION
      our trial ends tomorrow                                        | BILLING         | SUBSCRIPTION
      we need five more seats for the design team                    | BILLING         | LICENSE
      the license key is rejected                                    | BILLING         | LICENSE
      please change the account owner to anna                        | BILLING         | ACCOUNT
      integration request: native jira connector                     | FEATURE_REQUEST | INTEGRATION_REQUEST
      could you integrate with salesforce                            | FEATURE_REQUEST | INTEGRATION_REQUEST
      we would like to customize the pdf export header               | FEATURE_REQUEST | CUSTOMIZATION
      can we use white label reports with our logo                   | FEATURE_REQUEST | CUSTOMIZATION
      too many clicks to approve a drawing                           | FEATURE_REQUEST | WORKFLOW_IMPROVEMENT
      please automate the weekly report                              | FEATURE_REQUEST | WORKFLOW_IMPROVEMENT
      enhancement: the search could be better with filters           | FEATURE_REQUEST | ENHANCEMENT
      feature request: dark mode                                     | FEATURE_REQUEST | NEW_FEATURE
      it would be nice to have 3d walkthrough export                 | FEATURE_REQUEST | NEW_FEATURE
      error 500 when saving a project                                | TECHNICAL       | SYSTEM_ERROR
      the app is down for everyone                                   | TECHNICAL       | SYSTEM_ERROR
      the editor crashes when i open a large model                   | TECHNICAL       | SYSTEM_ERROR
      rendering is very slow since yesterday                         | TECHNICAL       | PERFORMANCE
      the request timed out after 30 seconds                         | TECHNICAL       | PERFORMANCE
      our webhook no longer receives events                          | TECHNICAL       | INTEGRATION
      the api returns 401 for a valid token                          | TECHNICAL       | INTEGRATION
      sso login with okta stopped                                    | TECHNICAL       | INTEGRATION
      duplicate rows in the room schedule                            | TECHNICAL       | DATA
      the csv export has missing columns                             | TECHNICAL       | DATA
      the dimension tool shows incorrect lengths                     | TECHNICAL       | SOFTWARE_BUG
      found a bug in the stair generator                             | TECHNICAL       | SOFTWARE_BUG
      we plan to migrate from revit next month                       | TRAINING        | MIGRATION
      onboarding for our new office                                  | TRAINING        | IMPLEMENTATION
      where is the documentation for floor plans                     | TRAINING        | DOCUMENTATION
      is there a user guide for the viewer                           | TRAINING        | DOCUMENTATION
      what is the best practice for large sites                      | TRAINING        | BEST_PRACTICES
      which settings do you recommend for facades                    | TRAINING        | BEST_PRACTICES
      how do i share a model with a client                           | TRAINING        | USER_TRAINING
      can we book a training session for new staff                   | TRAINING        | USER_TRAINING
      hello                                                          | TECHNICAL       | null
      """)
  void categorizesByKeyword(String text, String category, String subcategory) {
    Outcome outcome = categorize(text);

    assertThat(outcome.get("category")).isEqualTo(category);
    assertThat(outcome.get("subcategory")).isEqualTo(subcategory);
  }

  @ParameterizedTest(name = "\"{0}\" → {1}")
  @CsvSource(delimiter = '|', textBlock = """
      we had a security breach last night                     | SECURITY_BREACH
      i think our account was hacked                          | SECURITY_BREACH
      someone got unauthorized access to our projects        | SECURITY_BREACH
      we lost data after the update                           | DATA_LOSS
      all our drawings disappeared from the project           | DATA_LOSS
      the project file is corrupted                           | DATA_LOSS
      the whole platform is down                              | SYSTEM_DOWN
      outage since 9 am, nobody can log in                    | SYSTEM_DOWN
      the service is unavailable                              | SYSTEM_DOWN
      typo on the login page                                  | COSMETIC
      the icon is misaligned in the toolbar                   | COSMETIC
      export sometimes fails but there is a workaround       | MINOR
      minor issue with tooltips                               | MINOR
      the core feature for floor plans is broken              | MAJOR
      rendering is very slow                                  | MAJOR
      sync failed with an error                               | MAJOR
      quick question about layers                             | QUESTION
      how do i add a second floor                             | QUESTION
      the sidebar width changed                               | MINOR
      """)
  void infersImpactByKeyword(String text, String expected) {
    assertThat(impact(text).get("impact")).isEqualTo(expected);
  }

  @Test
  void downMatchesOnlyTheWholeWord() {
    assertThat(impact("the download of the pdf takes a while").get("impact")).isEqualTo("MINOR");
    assertThat(impact("the download of the pdf takes a while").rule("impactInference"))
        .isEqualTo("impactInference_default");
    assertThat(impact("the server is down").get("impact")).isEqualTo("SYSTEM_DOWN");
    assertThat(categorize("cannot find the download button").rule("ticketCategorization"))
        .isEqualTo("ticketCategorization_default");
    assertThat(categorize("an important note about our import").get("subcategory")).isEqualTo("DATA");
    assertThat(categorize("an important note").get("subcategory")).isNull();
  }

  @Test
  void missingTextFallsBackToTheDefaults() {
    assertThat(categorize(null).get("category")).isEqualTo("TECHNICAL");
    assertThat(categorize(null).get("subcategory")).isNull();
    assertThat(categorize(null).rule("ticketCategorization")).isEqualTo("ticketCategorization_default");
    assertThat(impact(null).get("impact")).isEqualTo("MINOR");
    assertThat(impact("").rule("impactInference")).isEqualTo("impactInference_default");
  }

  @Test
  void everySubcategoryOfThePolicyHasAKeywordRule() {
    String[][] policy = {
        {"TECHNICAL", "SOFTWARE_BUG", "PERFORMANCE", "INTEGRATION", "DATA", "SYSTEM_ERROR"},
        {"BILLING", "PAYMENT", "SUBSCRIPTION", "LICENSE", "ACCOUNT", "REFUND"},
        {"FEATURE_REQUEST", "NEW_FEATURE", "ENHANCEMENT", "INTEGRATION_REQUEST", "CUSTOMIZATION", "WORKFLOW_IMPROVEMENT"},
        {"TRAINING", "USER_TRAINING", "DOCUMENTATION", "BEST_PRACTICES", "IMPLEMENTATION", "MIGRATION"}};
    String xml = read("ticketCategorization");
    for (String[] row : policy) {
      for (int i = 1; i < row.length; i++) {
        assertThat(xml).contains("<text>\"" + row[0] + "\"</text>").contains("<text>\"" + row[i] + "\"</text>");
      }
    }
    String impacts = read("impactInference");
    for (String impact : new String[] {"SYSTEM_DOWN", "DATA_LOSS", "SECURITY_BREACH", "MAJOR", "MINOR", "COSMETIC", "QUESTION"}) {
      assertThat(impacts).contains("<text>\"" + impact + "\"</text>");
    }
  }

  private static String read(String file) {
    try {
      return java.nio.file.Files.readString(PolicyDecisions.DMN_DIR.resolve(file + ".dmn"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @AfterAll
  static void everyRuleFired() {
    PolicyDecisions.assertEveryRuleFired("ticketCategorization");
    PolicyDecisions.assertEveryRuleFired("impactInference");
  }
}
