package ai.archbuilder.support.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import ai.archbuilder.support.system.DecisionTableCheck.DecisionTablesRefusedException;
import ai.archbuilder.support.system.DecisionTableCheck.Finding;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.ClassPathBeanDefinitionScanner;
import org.springframework.core.type.filter.AssignableTypeFilter;

/**
 * The deploy-time check of the policy tables against what the application makes of their answers,
 * with the contracts the modules declare (found the way Spring finds them) and the files of
 * {@code dmn/}, as they are and as a process owner might edit them. No engine: the check reads the
 * DMN; DecisionTableDeploymentTest deploys through the engine REST API.
 */
class DecisionTableCheckTest {

  private static final Path DMN = Path.of("dmn");
  private static final List<DecisionContracts> MODULES = applicationContracts();
  private static final DecisionTableCheck CHECK = new DecisionTableCheck(MODULES);

  /** Every {@link DecisionContracts} bean of the application: they depend on nothing. */
  private static List<DecisionContracts> applicationContracts() {
    try (var context = new AnnotationConfigApplicationContext()) {
      var scanner = new ClassPathBeanDefinitionScanner(context, false);
      scanner.addIncludeFilter(new AssignableTypeFilter(DecisionContracts.class));
      scanner.scan("ai.archbuilder.support");
      context.refresh();
      return List.copyOf(context.getBeansOfType(DecisionContracts.class).values());
    }
  }

  private static DecisionContract contract(String decision) {
    return MODULES.stream().flatMap(m -> m.decisions().stream()).filter(c -> c.decision().equals(decision)).findFirst().orElseThrow();
  }

  static Stream<Path> dmnFiles() throws IOException {
    try (var files = Files.list(DMN)) {
      return files.filter(f -> f.toString().endsWith(".dmn")).sorted().toList().stream();
    }
  }

  private static String read(String file) throws IOException {
    return Files.readString(DMN.resolve(file));
  }

  private static List<String> check(String file, String xml) {
    return CHECK.findings(file, new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).stream()
        .map(Finding::getMessage)
        .toList();
  }

  /** The file with the text of output entry {@code id} replaced. */
  private static String withOutput(String file, String id, String text) throws IOException {
    return withOutputIn(read(file), id, text);
  }

  /** {@code xml} with the text of output entry {@code id} replaced. */
  private static String withOutputIn(String xml, String id, String text) {
    var entry = Pattern.compile("(<outputEntry id=\"" + Pattern.quote(id) + "\">\\s*<text>)([^<]*)(</text>)").matcher(xml);
    assertThat(entry.find()).as("output entry %s", id).isTrue();
    return entry.replaceFirst("$1" + Matcher.quoteReplacement(text.replace("<", "&lt;")) + "$3");
  }

  /** {@code xml} with the text of input entry {@code id} replaced. */
  private static String withInput(String xml, String id, String text) {
    var entry = Pattern.compile("(<inputEntry id=\"" + Pattern.quote(id) + "\">\\s*<text>)([^<]*)(</text>)").matcher(xml);
    assertThat(entry.find()).as("input entry %s", id).isTrue();
    return entry.replaceFirst("$1" + Matcher.quoteReplacement(text.replace("<", "&lt;")) + "$3");
  }

  /** The file without rule {@code id}, as the Modeler's "Delete rule" leaves it. */
  private static String withoutRule(String file, String id) throws IOException {
    var xml = read(file);
    var without = xml.replaceAll("(?s)\\s*<rule id=\"" + Pattern.quote(id) + "\">.*?</rule>", "");
    assertThat(without).as("rule %s in %s", id, file).isNotEqualTo(xml);
    return without;
  }

  /**
   * {@code xml} with an input column reading {@code variable} added last to {@code decision}'s table,
   * as the Modeler's "Add input" leaves it: "-" in every rule but those {@code entries} names (rule
   * id → entry).
   */
  private static String withInputColumn(String xml, String decision, String variable, String typeRef, Map<String, String> entries) {
    var output = "<output id=\"Output_" + decision + "_";
    assertThat(xml).contains(output);
    var input = ("<input id=\"Input_%1$s_%2$s\" label=\"%2$s\">\n        <inputExpression id=\"InputExpression_%1$s_%2$s\" "
        + "typeRef=\"%3$s\">\n          <text>%2$s</text>\n        </inputExpression>\n      </input>\n      ").formatted(decision, variable, typeRef);
    xml = xml.replaceFirst(Pattern.quote(output), Matcher.quoteReplacement(input + output));
    var rules = Pattern.compile("(?s)(<rule id=\"(" + Pattern.quote(decision) + "_[^\"]*)\">.*?)(\\s*<outputEntry )").matcher(xml);
    var added = new StringBuilder();
    var seen = new HashSet<String>();
    while (rules.find()) {
      var rule = rules.group(2);
      seen.add(rule);
      var entry = "\n        <inputEntry id=\"UnaryTests_%s_%s\">\n          <text>%s</text>\n        </inputEntry>"
          .formatted(rule, variable, entries.getOrDefault(rule, "-").replace("<", "&lt;"));
      rules.appendReplacement(added, Matcher.quoteReplacement(rules.group(1) + entry + rules.group(3)));
    }
    rules.appendTail(added);
    assertThat(seen).as("rules of %s", decision).containsAll(entries.keySet());
    return added.toString();
  }

  private static String replaced(String xml, String from, String to) {
    assertThat(xml).contains(from);
    return xml.replace(from, to);
  }

  // ---- the tables as they are

  @ParameterizedTest(name = "{0}")
  @MethodSource("dmnFiles")
  void everyTableInDmnPasses(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      assertThat(CHECK.findings("dmn/" + file.getFileName(), in)).isEmpty();
    }
  }

  @Test
  void everyContractNamesADecisionInDmn() throws IOException {
    Set<String> decisions = new HashSet<>();
    for (var file : dmnFiles().toList()) {
      try (InputStream in = Files.newInputStream(file)) {
        Dmn.readModelFromStream(in).getModelElementsByType(Decision.class).forEach(d -> decisions.add(d.getId()));
      }
    }
    var contracted = MODULES.stream().flatMap(m -> m.decisions().stream()).map(DecisionContract::decision).toList();
    assertThat(contracted).hasSize(19).doesNotHaveDuplicates();
    assertThat(decisions).containsAll(contracted);
  }

  // ---- literal outputs the application does not know

  @Test
  void anUnknownPriorityIsRefusedNamingFileDecisionRuleAndTheKnownValues() throws IOException {
    var xml = withOutput("ticketPriority.dmn", "LiteralExpression_ticketPriority_unchanged_1", "\"P5\"");
    assertThat(check("dmn/ticketPriority.dmn", xml)).containsExactly(
        "dmn/ticketPriority.dmn, decision ticketPriority, rule 4: output priority \"P5\" is not one the application knows (P1, P2, P3, P4)");
  }

  @Test
  void theRequiredBasePriorityTableIsCheckedToo() throws IOException {
    var xml = withOutput("ticketPriority.dmn", "LiteralExpression_basePriority_low_1", "\"P0\"");
    assertThat(check("ticketPriority.dmn", xml)).containsExactly(
        "ticketPriority.dmn, decision basePriority, rule 5: output basePriority \"P0\" is not one the application knows (P1, P2, P3, P4)");
  }

  @Test
  void anUnknownCategoryOrSubcategoryIsRefused() throws IOException {
    var xml = withOutput("ticketCategorization.dmn", "LiteralExpression_ticketCategorization_refund_1", "\"SECURITY_INCIDENT\"");
    xml = replaced(xml, "<text>\"USER_TRAINING\"</text>", "<text>\"ONBOARDING\"</text>");
    assertThat(check("ticketCategorization.dmn", xml)).containsExactly(
        "ticketCategorization.dmn, decision ticketCategorization, rule 1: output category \"SECURITY_INCIDENT\" is not one the application knows (TECHNICAL, BILLING, FEATURE_REQUEST, TRAINING)",
        "ticketCategorization.dmn, decision ticketCategorization, rule 20: output subcategory \"ONBOARDING\" is not one the application knows ("
            + "SOFTWARE_BUG, PERFORMANCE, INTEGRATION, DATA, SYSTEM_ERROR, PAYMENT, SUBSCRIPTION, LICENSE, ACCOUNT, REFUND, NEW_FEATURE, "
            + "ENHANCEMENT, INTEGRATION_REQUEST, CUSTOMIZATION, WORKFLOW_IMPROVEMENT, USER_TRAINING, DOCUMENTATION, BEST_PRACTICES, "
            + "IMPLEMENTATION, MIGRATION, or empty)");
  }

  @Test
  void anEmptyOutputIsRefusedWhereTheApplicationNeedsAValueAndAllowedWhereItHasAMeaning() throws IOException {
    var category = withOutput("ticketCategorization.dmn", "LiteralExpression_ticketCategorization_refund_1", "null");
    assertThat(check("ticketCategorization.dmn", category)).containsExactly(
        "ticketCategorization.dmn, decision ticketCategorization, rule 1: output category is empty, but the application needs one of TECHNICAL, BILLING, FEATURE_REQUEST, TRAINING");
    var subcategory = withOutput("ticketCategorization.dmn", "LiteralExpression_ticketCategorization_refund_2", "");
    assertThat(check("ticketCategorization.dmn", subcategory)).isEmpty();

    var hours = withOutput("slaTargets.dmn", "LiteralExpression_slaTargets_p3_1", "");
    assertThat(check("slaTargets.dmn", hours)).containsExactly(
        "slaTargets.dmn, decision slaTargets, rule 3: output firstResponseHours is empty, but the application needs a number greater than 0");
    var cadence = withOutput("statusUpdateCadence.dmn", "LiteralExpression_statusUpdateCadence_p3_1", "null");
    assertThat(check("statusUpdateCadence.dmn", cadence)).isEmpty();
  }

  @Test
  void anUnknownDeadlineUnitOrNoDaysAreRefused() throws IOException {
    var xml = withOutput("lifecycleDeadlines.dmn", "LiteralExpression_lifecycleDeadlines_survey_2", "\"WEEKS\"");
    xml = replaced(xml, "<text>14</text>", "<text>0</text>");
    assertThat(check("lifecycleDeadlines.dmn", xml)).containsExactly(
        "lifecycleDeadlines.dmn, decision lifecycleDeadlines, rule 3: output unit \"WEEKS\" is not one the application knows (WORKING_DAYS, DAYS, HOURS)",
        "lifecycleDeadlines.dmn, decision lifecycleDeadlines, rule 4: output amount 0 is not a whole number greater than 0");
  }

  // ---- literal input values the application never has: the rule, or its value, silently never matches

  @ParameterizedTest(name = "{1} in {0}")
  @CsvSource(delimiter = '|', textBlock = """
      # the process owner means HIGH urgency to raise P4 → P3 and types P5: no ticket has base priority P5
      ticketPriority.dmn   | UnaryTests_ticketPriority_highP4_1       | "P5"         | ticketPriority.dmn, decision ticketPriority, rule 2 (highP4): input basePriority "P5" is never asked: the application has P1, P2, P3, P4 — the rule can never match
      tierResponseTime.dmn | UnaryTests_tierResponseTime_tier2_1      | 5            | tierResponseTime.dmn, decision tierResponseTime, rule 2 (tier2): input tier 5 is never asked: the application has 1, 2, 3, 4 — the rule can never match
      # the tables timeInTierLimit requires are asked what it is asked: a misspelt issue type, a tier 5, a priority P5
      timeInTierLimit.dmn  | UnaryTests_escalationMatrix_technical1_1 | "TECHNICALL" | timeInTierLimit.dmn, decision escalationMatrix, rule 1 (technical1): input issueType "TECHNICALL" is never asked: the application has TECHNICAL, PERFORMANCE, INTEGRATION, SECURITY, BILLING — the rule can never match
      timeInTierLimit.dmn  | UnaryTests_escalationMatrix_billing3_2    | 5            | timeInTierLimit.dmn, decision escalationMatrix, rule 15 (billing3): input tier 5 is never asked: the application has 1, 2, 3, 4 — the rule can never match
      timeInTierLimit.dmn  | UnaryTests_tier1PriorityWindow_p2_1      | "P5"         | timeInTierLimit.dmn, decision tier1PriorityWindow, rule 2 (p2): input priority "P5" is never asked: the application has P1, P2, P3, P4 — the rule can never match
      timeInTierLimit.dmn  | UnaryTests_tier1PriorityWindow_p3_1      | "p3"         | timeInTierLimit.dmn, decision tier1PriorityWindow, rule 3 (p3): input priority "p3" is never asked: the application has P1, P2, P3, P4 (the case counts) — the rule can never match
      """)
  void anInputValueTheApplicationNeverAsksWithIsRefusedNamingFileDecisionRuleAndValue(String file, String entry, String value, String refusal)
      throws IOException {
    assertThat(check(file, withInput(read(file), entry, value))).containsExactly(refusal);
  }

  @Test
  void theCaseCountsInAnInputValue() throws IOException {
    var xml = withInput(read("ticketPriority.dmn"), "UnaryTests_ticketPriority_highP4_1", "\"p4\"");
    assertThat(check("ticketPriority.dmn", xml)).containsExactly(
        "ticketPriority.dmn, decision ticketPriority, rule 2 (highP4): input basePriority \"p4\" is never asked: "
            + "the application has P1, P2, P3, P4 (the case counts) — the rule can never match");
    var urgency = withInput(read("ticketPriority.dmn"), "UnaryTests_ticketPriority_lowP2_2", "\"Low\"");
    assertThat(check("ticketPriority.dmn", urgency)).containsExactly(
        "ticketPriority.dmn, decision ticketPriority, rule 3 (lowP2): input urgency \"Low\" is never asked: "
            + "the application has HIGH, MEDIUM, LOW (the case counts) — the rule can never match");
  }

  @Test
  void aCategoryTheApplicationNeverAsksWithIsRefusedAloneInAListOrInNot() throws IOException {
    var alone = withInput(read("ticketPriority.dmn"), "UnaryTests_basePriority_featureRequest_2", "\"FEATURE_REQUESTS\"");
    assertThat(check("ticketPriority.dmn", alone)).containsExactly(
        "ticketPriority.dmn, decision basePriority, rule 2 (featureRequest): input category \"FEATURE_REQUESTS\" is never asked: "
            + "the application has TECHNICAL, BILLING, FEATURE_REQUEST, TRAINING — the rule can never match");
    // in a list the rule still matches the others, but not what the process owner meant
    var listed = withInput(read("issueType.dmn"), "UnaryTests_issueType_billing_2", "\"BILLING\", \"LICENSING\"");
    assertThat(check("issueType.dmn", listed)).containsExactly(
        "issueType.dmn, decision issueType, rule 4 (billing): input category \"LICENSING\" is never asked: "
            + "the application has TECHNICAL, BILLING, FEATURE_REQUEST, TRAINING — it can never match");
    // not(…) of a value never asked excludes nothing: the rule matches every category
    var negated = withInput(read("issueType.dmn"), "UnaryTests_issueType_billing_2", "not(\"BILLNG\")");
    assertThat(check("issueType.dmn", negated)).containsExactly(
        "issueType.dmn, decision issueType, rule 4 (billing): input category \"BILLNG\" is never asked: "
            + "the application has TECHNICAL, BILLING, FEATURE_REQUEST, TRAINING — not(…) excludes nothing with it");
  }

  @Test
  void aTierOutsideTheTiersIsRefusedAsAnInputToo() throws IOException {
    var xml = withInput(read("tierResponseTime.dmn"), "UnaryTests_tierResponseTime_tier2_1", "5");
    assertThat(check("tierResponseTime.dmn", xml)).containsExactly(
        "tierResponseTime.dmn, decision tierResponseTime, rule 2 (tier2): input tier 5 is never asked: "
            + "the application has 1, 2, 3, 4 — the rule can never match");
  }

  @Test
  void valuesTheApplicationAsksNotListsAnythingAndExpressionsPass() throws IOException {
    var priority = read("ticketPriority.dmn");
    for (var entry : List.of("not(\"P4\")", "\"P3\", \"P4\"", "\"P3\",\"P4\"", "-", "not(\"P1\", \"P2\")", "\"P4\", > \"P9\"", "basePriority")) {
      assertThat(check("ticketPriority.dmn", withInput(priority, "UnaryTests_ticketPriority_highP4_1", entry))).as(entry).isEmpty();
    }
    // with FIRST, the rule for Tier 2 may answer Tier 3 too: the owner's choice
    var tiers = replaced(read("tierResponseTime.dmn"), "hitPolicy=\"UNIQUE\"", "hitPolicy=\"FIRST\"");
    for (var entry : List.of("2", "[2..3]", ">= 2", "not(1)", "2, 3", "2.0")) {
      assertThat(check("tierResponseTime.dmn", withInput(tiers, "UnaryTests_tierResponseTime_tier2_1", entry))).as(entry).isEmpty();
    }
    assertThat(check("entryTier.dmn", withInput(read("entryTier.dmn"), "UnaryTests_entryTier_p1Security_2", "false"))).isEmpty();
    // an input expression other than a variable's name: its values are not known
    var lowerCase = replaced(replaced(replaced(priority, "<text>urgency</text>", "<text>lower case(urgency)</text>"),
        "<text>\"HIGH\"</text>", "<text>\"high\"</text>"), "<text>\"LOW\"</text>", "<text>\"low\"</text>");
    assertThat(check("ticketPriority.dmn", lowerCase)).isEmpty();
  }

  @Test
  void anInputTheCheckKnowsNothingAboutIsLetThrough() throws IOException {
    // a contract that reads ticketPriority's output but asks nothing, and none for basePriority
    var check = new DecisionTableCheck(List.of(() -> List.of(DecisionContract.decision("ticketPriority")
        .oneOf("priority", ai.archbuilder.support.ticket.Priority.class))));
    var xml = withInput(read("ticketPriority.dmn"), "UnaryTests_ticketPriority_highP4_1", "\"P5\"");
    xml = withInput(xml, "UnaryTests_ticketPriority_highP4_2", "\"URGENT\"");
    assertThat(check.findings("ticketPriority.dmn", stream(xml))).isEmpty();
  }

  @Test
  void everyDeadlineForEveryCoverageKeepsARule() throws IOException {
    var table = read("lifecycleDeadlines.dmn");
    // the process owner deletes the reopen window, and narrows 24/7 verification to Premium
    var withoutReopen = table.replaceAll("(?s)\\s*<rule id=\"lifecycleDeadlines_reopenWindow\">.*?</rule>", "");
    var narrowed = replaced(withoutReopen, "\"PREMIUM_24_7\", \"EMERGENCY_24_7\"", "\"PREMIUM_24_7\"");
    assertThat(check("lifecycleDeadlines.dmn", narrowed)).containsExactly(
        "lifecycleDeadlines.dmn, decision lifecycleDeadlines: no rule answers deadline VERIFICATION, coverage EMERGENCY_24_7, which the application asks",
        "lifecycleDeadlines.dmn, decision lifecycleDeadlines: no rule answers deadline REOPEN_WINDOW, coverage STANDARD, which the application asks",
        "lifecycleDeadlines.dmn, decision lifecycleDeadlines: no rule answers deadline REOPEN_WINDOW, coverage PREMIUM_24_7, which the application asks",
        "lifecycleDeadlines.dmn, decision lifecycleDeadlines: no rule answers deadline REOPEN_WINDOW, coverage EMERGENCY_24_7, which the application asks");
  }

  @Test
  void everyPriorityWithAndWithoutASecurityIncidentKeepsAnEntryTierForEveryPlan() throws IOException {
    // the process owner deletes the triage rule: only P1 tickets get a tier
    var xml = withoutRule("entryTier.dmn", "entryTier_triage");
    var findings = check("entryTier.dmn", xml);
    // P2 to P4, with and without a security incident, for each of the three plans
    assertThat(findings).hasSize(11).startsWith(
        "entryTier.dmn, decision entryTier: no rule answers priority P2, security true, plan BASIC, which the application asks",
        "entryTier.dmn, decision entryTier: no rule answers priority P2, security true, plan PROFESSIONAL, which the application asks");
    assertThat(findings.get(10)).isEqualTo("entryTier.dmn, decision entryTier: and 8 more combinations of priority, security, plan "
        + "that the application asks get no answer it can use");
  }

  @Test
  void everyPriorityPlanAndSecurityKeepsATierCeiling() throws IOException {
    // the process owner deletes the PROFESSIONAL rule: its P1 and security tickets still get Tier 4 (rules 1, 2)
    var xml = withoutRule("tierCeiling.dmn", "tierCeiling_professional");
    assertThat(check("tierCeiling.dmn", xml)).containsExactly(
        "tierCeiling.dmn, decision tierCeiling: no rule answers priority P2, security false, plan PROFESSIONAL, which the application asks",
        "tierCeiling.dmn, decision tierCeiling: no rule answers priority P3, security false, plan PROFESSIONAL, which the application asks",
        "tierCeiling.dmn, decision tierCeiling: no rule answers priority P4, security false, plan PROFESSIONAL, which the application asks");
    // a deleted rule whose cases others answer is the owner's choice: P1 tickets get their plan's ceiling
    assertThat(check("tierCeiling.dmn", withoutRule("tierCeiling.dmn", "tierCeiling_p1"))).isEmpty();
  }

  @Test
  void anAnswerTheApplicationCannotUseIsRefusedForWhatItIsAsked() throws IOException {
    var prefix = "escalationTarget.dmn, decision escalationTarget: the answer to trigger ";
    // the process owner keeps the move up for an agent's escalation only: a breach moves up to no tier
    var noTier = withOutput("escalationTarget.dmn", "LiteralExpression_escalationTarget_oneUp_2", "if trigger = \"MANUAL\" then tier + 1 else null");
    assertThat(check("escalationTarget.dmn", noTier)).first().isEqualTo(prefix
        + "TIME_IN_TIER, escalationReason empty, tier 1, maxTier 2, entryTier 1, which the application asks, is no use: "
        + "output targetTier is empty, but the application needs a tier (1 to 4)");
    // two tiers up at once: from Tier 3 that is no tier
    var twoUp = withOutput("escalationTarget.dmn", "LiteralExpression_escalationTarget_oneUp_2", "tier + 2");
    assertThat(check("escalationTarget.dmn", twoUp)).first().isEqualTo(prefix
        + "TIME_IN_TIER, escalationReason empty, tier 3, maxTier 4, entryTier 1, which the application asks, is no use: "
        + "output targetTier 5 is not a tier the application has (1 to 4)");
  }

  @ParameterizedTest(name = "{0} without {1}")
  @CsvSource(delimiter = '|', textBlock = """
      # a rule the process owner deletes → one of the things the application then asks without an answer
      slaTargets.dmn          | slaTargets_p3               | decision slaTargets: no rule answers priority P3, which the application asks
      tierResponseTime.dmn    | tierResponseTime_tier2      | decision tierResponseTime: no rule answers tier 2, which the application asks
      ticketPriority.dmn      | ticketPriority_unchanged    | decision ticketPriority: no rule answers impact SYSTEM_DOWN, category TECHNICAL, urgency MEDIUM, which the application asks
      ticketPriority.dmn      | basePriority_noImpact       | decision basePriority: no rule answers impact empty, category TECHNICAL, which the application asks
      issueType.dmn           | issueType_technical         | decision issueType: no rule answers security false, category TECHNICAL, subcategory SOFTWARE_BUG, which the application asks
      rejectionHandling.dmn   | rejectionHandling_first     | decision rejectionHandling: no rule answers failedAttemptsInTier 1, which the application asks
      feedbackFollowUp.dmn    | feedbackFollowUp_satisfied  | decision feedbackFollowUp: no rule answers csat 3, which the application asks
      # a deleted Tier 1 window: its tickets would quietly get the matrix's hours; P1's "no window" is a rule too
      timeInTierLimit.dmn     | tier1PriorityWindow_p1      | decision tier1PriorityWindow: no rule matches priority P1, which the application asks: write a rule, with an empty (null) output for "no window, the matrix's hours alone"
      timeInTierLimit.dmn     | tier1PriorityWindow_p2      | decision tier1PriorityWindow: no rule matches priority P2, which the application asks: write a rule, with an empty (null) output for "no window, the matrix's hours alone"
      timeInTierLimit.dmn     | tier1PriorityWindow_p3      | decision tier1PriorityWindow: no rule matches priority P3, which the application asks: write a rule, with an empty (null) output for "no window, the matrix's hours alone"
      timeInTierLimit.dmn     | tier1PriorityWindow_p4      | decision tier1PriorityWindow: no rule matches priority P4, which the application asks: write a rule, with an empty (null) output for "no window, the matrix's hours alone"
      """)
  void aDeletedRuleWhoseCasesNoOtherAnswersIsRefused(String file, String rule, String refusal) throws IOException {
    assertThat(check(file, withoutRule(file, rule))).contains(file + ", " + refusal);
  }

  @Test
  void aDeletedRuleWhoseCasesOthersAnswerIsTheOwnersChoice() throws IOException {
    // without the rule for a second rejection, every rejection is the first
    assertThat(check("rejectionHandling.dmn", withoutRule("rejectionHandling.dmn", "rejectionHandling_second"))).isEmpty();
    // a deleted window is refused once, for its priority: timeInTierLimit itself answers with the matrix's hours
    assertThat(check("timeInTierLimit.dmn", withoutRule("timeInTierLimit.dmn", "tier1PriorityWindow_p2"))).hasSize(1);
  }

  @Test
  void everyEscalationTheTicketsProcessCanStartKeepsAnAnswer() throws IOException {
    // the process owner deletes the oversight rule: a ticket at its ceiling gets no answer
    var findings = check("escalationTarget.dmn", withoutRule("escalationTarget.dmn", "escalationTarget_oversight"));
    var prefix = "escalationTarget.dmn, decision escalationTarget: no rule answers trigger TIME_IN_TIER, escalationReason empty, ";
    assertThat(findings).containsExactly(
        prefix + "tier 1, maxTier 1, entryTier 1, which the application asks",
        prefix + "tier 1, maxTier 1, entryTier 2, which the application asks",
        prefix + "tier 1, maxTier 1, entryTier 3, which the application asks",
        prefix + "tier 1, maxTier 1, entryTier 4, which the application asks",
        prefix + "tier 2, maxTier 1, entryTier 1, which the application asks",
        prefix + "tier 2, maxTier 1, entryTier 2, which the application asks",
        prefix + "tier 2, maxTier 1, entryTier 3, which the application asks",
        prefix + "tier 2, maxTier 1, entryTier 4, which the application asks",
        prefix + "tier 2, maxTier 2, entryTier 1, which the application asks",
        prefix + "tier 2, maxTier 2, entryTier 2, which the application asks",
        // per trigger and reason 10 (tier, maxTier) with tier >= maxTier, 4 entry tiers: 9 * 40, and
        // PRODUCT_DEFECT only at Tier 4 (below, rule 2 sends it there): 4 * 4; less the 10 above
        "escalationTarget.dmn, decision escalationTarget: and 366 more combinations of trigger, escalationReason, tier, maxTier, "
            + "entryTier that the application asks get no answer it can use");

    // an answer missing for one trigger is named with it
    var noDissatisfaction = withInput(read("escalationTarget.dmn"), "UnaryTests_escalationTarget_oversight_1", "not(\"DISSATISFACTION\")");
    var dissatisfaction = check("escalationTarget.dmn", noDissatisfaction);
    assertThat(dissatisfaction).hasSize(11);
    assertThat(dissatisfaction.get(0)).isEqualTo(
        "escalationTarget.dmn, decision escalationTarget: no rule answers trigger DISSATISFACTION, escalationReason empty, "
            + "tier 1, maxTier 1, entryTier 1, which the application asks");
  }

  @Test
  void onlyEscalationsTheTicketsProcessCanStartNeedAnAnswer() throws IOException {
    // CRITICAL_PRIORITY answered only below the entry tier, which is the only way the process asks it
    var xml = withInput(read("escalationTarget.dmn"), "UnaryTests_escalationTarget_critical_3", "< entryTier");
    xml = withInput(xml, "UnaryTests_escalationTarget_oversight_1", "not(\"CRITICAL_PRIORITY\")");
    assertThat(check("escalationTarget.dmn", xml)).isEmpty();

    var asked = contract("escalationTarget").combinations();
    // a reason only with the trigger it implies, none with the others
    assertThat(asked.stream().map(a -> a.get("trigger") + " " + a.get("escalationReason")).distinct()).containsExactlyInAnyOrder(
        "TIME_IN_TIER null", "RESPONSE_BREACH null", "RESOLUTION_BREACH null", "FAILED_ATTEMPTS null", "DISSATISFACTION null",
        "CRITICAL_PRIORITY null", "CUSTOMER_REQUEST CUSTOMER_REQUEST", "MANUAL COMPLEX_ISSUE", "MANUAL RESOURCE_REQUIREMENTS",
        "MANUAL VIP_CUSTOMER", "MANUAL PRODUCT_DEFECT");
    // CRITICAL_PRIORITY with the 6 (tier, entryTier) below it and every ceiling; the others with every
    // tier, ceiling and entry tier (a tier above the ceiling happens: PRODUCT_DEFECT, a lowered ceiling)
    assertThat(asked).filteredOn(a -> a.get("trigger").equals("CRITICAL_PRIORITY"))
        .hasSize(6 * 4)
        .allMatch(a -> (int) a.get("tier") < (int) a.get("entryTier"));
    assertThat(asked).filteredOn(a -> a.get("trigger").equals("TIME_IN_TIER")).hasSize(4 * 4 * 4);
    assertThat(asked).hasSize(10 * 64 + 24);
  }

  @Test
  void anAnswerThatAnExpressionTakesAwayForOneValueIsMissedForThatValue() throws IOException {
    // the check evaluates each expression once per value of the variables it names: entryTier here
    var xml = withOutput("escalationTarget.dmn", "LiteralExpression_escalationTarget_oversight_1", "if entryTier = 4 then null else \"OVERSIGHT\"");
    xml = withOutputIn(xml, "LiteralExpression_escalationTarget_oversight_2", "if entryTier = 4 then null else tier");
    var findings = check("escalationTarget.dmn", xml);
    assertThat(findings).hasSize(11).startsWith(
        "escalationTarget.dmn, decision escalationTarget: no rule answers trigger TIME_IN_TIER, escalationReason empty, "
            + "tier 1, maxTier 1, entryTier 4, which the application asks",
        "escalationTarget.dmn, decision escalationTarget: no rule answers trigger TIME_IN_TIER, escalationReason empty, "
            + "tier 2, maxTier 1, entryTier 4, which the application asks");
    // 9 triggers and reasons * 10 (tier, maxTier) at or above the ceiling, PRODUCT_DEFECT 4 (Tier 4 only)
    assertThat(findings.get(10)).isEqualTo("escalationTarget.dmn, decision escalationTarget: and 84 more combinations of "
        + "trigger, escalationReason, tier, maxTier, entryTier that the application asks get no answer it can use");
  }

  // ---- tables whose empty answer means "none": it must be a rule's

  @Test
  void everyTierAndPriorityKeepsAStatusUpdateRuleNoUpdatesIncluded() throws IOException {
    // the process owner deletes the P4 rule: its tickets would silently get no updates, as P4 does, but by no rule
    var prefix = "statusUpdateCadence.dmn, decision statusUpdateCadence: no rule matches ";
    var suffix = ", which the application asks: write a rule, with an empty (null) output for \"no status updates\"";
    assertThat(check("statusUpdateCadence.dmn", withoutRule("statusUpdateCadence.dmn", "statusUpdateCadence_p4"))).containsExactly(
        prefix + "tier 2, priority P4" + suffix,
        prefix + "tier 3, priority P4" + suffix,
        prefix + "tier 4, priority P4" + suffix);
    // or the Tier 1 rule, whose every answer is "none"
    assertThat(check("statusUpdateCadence.dmn", withoutRule("statusUpdateCadence.dmn", "statusUpdateCadence_tier1"))).containsExactly(
        prefix + "tier 1, priority P1" + suffix,
        prefix + "tier 1, priority P2" + suffix,
        prefix + "tier 1, priority P3" + suffix,
        prefix + "tier 1, priority P4" + suffix);
  }

  @Test
  void everyTierPriorityAndIssueTypeKeepsATimeInTierRuleNoLimitIncluded() throws IOException {
    var prefix = "timeInTierLimit.dmn, decision timeInTierLimit: no rule matches ";
    var suffix = ", which the application asks: write a rule, with an empty (null) output for \"no limit\"";
    // the process owner deletes the Tier 4 rule: 4 priorities * 5 issue types without a rule
    var withoutTier4 = check("timeInTierLimit.dmn", withoutRule("timeInTierLimit.dmn", "timeInTierLimit_tier4"));
    assertThat(withoutTier4).hasSize(11).startsWith(
        prefix + "tier 4, priority P1, issueType TECHNICAL" + suffix,
        prefix + "tier 4, priority P1, issueType PERFORMANCE" + suffix);
    assertThat(withoutTier4.get(10)).isEqualTo("timeInTierLimit.dmn, decision timeInTierLimit: and 10 more combinations of "
        + "tier, priority, issueType that the application asks get no answer it can use");
    // or the Tier 1 rule for a priority without a window: a P1 waiting in Tier 1 for its critical reroute
    assertThat(check("timeInTierLimit.dmn", withoutRule("timeInTierLimit.dmn", "timeInTierLimit_tier1NoWindow"))).containsExactly(
        prefix + "tier 1, priority P1, issueType TECHNICAL" + suffix,
        prefix + "tier 1, priority P1, issueType PERFORMANCE" + suffix,
        prefix + "tier 1, priority P1, issueType INTEGRATION" + suffix,
        prefix + "tier 1, priority P1, issueType SECURITY" + suffix,
        prefix + "tier 1, priority P1, issueType BILLING" + suffix);
  }

  @Test
  void anEmptyAnswerAnExpressionComputesIsNotTakenForNone() throws IOException {
    // the process owner deletes the matrix's BILLING Tier 2 hours: rule 3 reads matrixHours, which no rule gives then
    var findings = check("timeInTierLimit.dmn", withoutRule("timeInTierLimit.dmn", "escalationMatrix_billing2"));
    assertThat(findings).containsExactly(Stream.of("P1", "P2", "P3", "P4")
        .map(priority -> "timeInTierLimit.dmn, decision timeInTierLimit: the answer to tier 2, priority " + priority + ", issueType BILLING, "
            + "which the application asks, is an empty timeInTierHours computed by rule 3 (matrixHours): a value it reads is missing "
            + "(a required decision without a rule for it?); write \"no limit\" as a rule with an empty (null) output")
        .toArray(String[]::new));
  }

  @Test
  void noneWrittenAsARuleWithAnEmptyOutputPasses() throws IOException {
    // the process owner's choices: no status updates for P3 either, no time-based moves from Tiers 2 and 3
    assertThat(check("statusUpdateCadence.dmn", withOutput("statusUpdateCadence.dmn", "LiteralExpression_statusUpdateCadence_p3_1", ""))).isEmpty();
    assertThat(check("timeInTierLimit.dmn", withOutput("timeInTierLimit.dmn", "LiteralExpression_timeInTierLimit_tier2or3_1", "null"))).isEmpty();
    // a rule for Tier 1 to 4 that says "none" for every priority answers all
    var everyTier = withInput(withoutRule("statusUpdateCadence.dmn", "statusUpdateCadence_p4"), "UnaryTests_statusUpdateCadence_tier1_1", "-");
    everyTier = replaced(everyTier, "hitPolicy=\"UNIQUE\"", "hitPolicy=\"FIRST\"");
    assertThat(check("statusUpdateCadence.dmn", everyTier)).isEmpty();
  }

  /** Decision id → how many combinations the check evaluates it with, for the DMN {@code xml}. */
  private static Map<String, Integer> evaluations(String xml) {
    return CHECK.combinations(stream(xml)).entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().size()));
  }

  @Test
  void aDeploymentOfTheTablesEvaluatesAboutAThousandCombinations() throws IOException {
    var evaluations = new HashMap<String, Integer>();
    for (var file : dmnFiles().toList()) {
      evaluations.putAll(evaluations(Files.readString(file)));
    }
    // the shipped tables read none of the variables the processes also have: no more than they ask
    assertThat(evaluations).containsOnly(
        entry("supportCoverage", 4 * 3),
        entry("lifecycleDeadlines", 3 * 3),
        entry("entryTier", 4 * 2 * 3),
        entry("tierCeiling", 4 * 2 * 3),
        entry("escalationTarget", 664),
        entry("basePriority", 8 * 4),
        entry("ticketPriority", 8 * 4 * 3),
        entry("issueType", 2 * 24), // each of the 20 subcategories with its category, and no subcategory with each of 4
        entry("slaTargets", 4),
        entry("tierResponseTime", 4),
        entry("tier1PriorityWindow", 4),
        entry("timeInTierLimit", 4 * 4 * 5),
        entry("statusUpdateCadence", 4 * 4),
        entry("rejectionHandling", 10),
        entry("feedbackFollowUp", 5));
    assertThat(evaluations.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(1032);
  }

  // ---- a column a process owner adds for a variable the process has: asked as in production

  @Test
  void aPlanColumnInTheTimeInTierLimitIsAskedWithEveryPlanAndWithoutAsEscalationProcessAsks() throws IOException {
    // the process owner wants no time-based moves from Tiers 2 and 3 for BASIC (its ceiling is Tier 1 anyway), and forgets
    // to say "none" for it: BASIC tickets get no rule in the lifecycle, and no ticket does after a move, where
    // EscalationProcess has no plan
    var xml = withInputColumn(read("timeInTierLimit.dmn"), "timeInTierLimit", "plan", "string",
        Map.of("timeInTierLimit_tier2or3", "\"PROFESSIONAL\", \"ENTERPRISE\""));
    var prefix = "timeInTierLimit.dmn, decision timeInTierLimit: no rule matches tier 2, priority P1, issueType TECHNICAL, ";
    var suffix = ", which the application asks: write a rule, with an empty (null) output for \"no limit\"";
    var findings = check("timeInTierLimit.dmn", xml);
    assertThat(findings).hasSize(11).startsWith(
        prefix + "plan BASIC" + suffix,
        prefix + "plan empty (EscalationProcess has no plan)" + suffix);
    // tiers 2 and 3, 4 priorities, 5 issue types, BASIC and no plan
    assertThat(findings.get(10)).isEqualTo("timeInTierLimit.dmn, decision timeInTierLimit: and 70 more combinations of "
        + "tier, priority, issueType, plan that the application asks get no answer it can use");
    assertThat(evaluations(xml)).containsEntry("timeInTierLimit", 4 * 4 * 5 * (3 + 1));

    // written out, with "none" for BASIC and the matrix after a move, it passes
    var written = withInput(xml, "UnaryTests_timeInTierLimit_tier2or3_plan", "\"PROFESSIONAL\", \"ENTERPRISE\", null");
    written = withInput(replaced(written, "hitPolicy=\"UNIQUE\"", "hitPolicy=\"FIRST\""), "UnaryTests_timeInTierLimit_tier4_1", ">= 2");
    assertThat(check("timeInTierLimit.dmn", written)).isEmpty();
    // a plan the application does not have is refused as in any other column
    var misspelt = withInput(xml, "UnaryTests_timeInTierLimit_tier2or3_plan", "\"PROFESSIONAL\", \"ENTERPRISES\"");
    assertThat(check("timeInTierLimit.dmn", misspelt)).containsExactly(
        "timeInTierLimit.dmn, decision timeInTierLimit, rule 3 (tier2or3): input plan \"ENTERPRISES\" is never asked: "
            + "the application has BASIC, PROFESSIONAL, ENTERPRISE — it can never match");
  }

  @Test
  void aCoverageColumnInARequiredDecisionIsAskedByTheTableThatRequiresIt() throws IOException {
    // the matrix halved for 24/7 tickets in Tier 2 (a rule of its own would follow): the lifecycle's coverages are asked,
    // and none after a move; the TECHNICAL Tier 2 row now answers STANDARD only
    var xml = withInputColumn(read("timeInTierLimit.dmn"), "escalationMatrix", "coverage", "string",
        Map.of("escalationMatrix_technical2", "\"STANDARD\""));
    var findings = check("timeInTierLimit.dmn", xml);
    var computed = ", which the application asks, is an empty timeInTierHours computed by rule 3 (matrixHours): a value it reads is missing "
        + "(a required decision without a rule for it?); write \"no limit\" as a rule with an empty (null) output";
    assertThat(findings).hasSize(11).startsWith(
        "timeInTierLimit.dmn, decision timeInTierLimit: the answer to tier 2, priority P1, issueType TECHNICAL, coverage PREMIUM_24_7" + computed,
        "timeInTierLimit.dmn, decision timeInTierLimit: the answer to tier 2, priority P1, issueType TECHNICAL, coverage EMERGENCY_24_7" + computed,
        "timeInTierLimit.dmn, decision timeInTierLimit: the answer to tier 2, priority P1, issueType TECHNICAL, "
            + "coverage empty (EscalationProcess has no coverage)" + computed);
    assertThat(evaluations(xml)).containsEntry("timeInTierLimit", 4 * 4 * 5 * (3 + 1)).containsEntry("tier1PriorityWindow", 4);
    var misspelt = withInput(xml, "UnaryTests_escalationMatrix_technical2_coverage", "\"PREMIUM\"");
    assertThat(check("timeInTierLimit.dmn", misspelt)).containsExactly(
        "timeInTierLimit.dmn, decision escalationMatrix, rule 2 (technical2): input coverage \"PREMIUM\" is never asked: "
            + "the application has STANDARD, PREMIUM_24_7, EMERGENCY_24_7 — the rule can never match");
  }

  @Test
  void aCoverageColumnInTheStatusUpdateCadenceIsAskedWithEveryCoverageTheLifecycleHas() throws IOException {
    // P3 updates only for Standard coverage: 24/7 P3 tickets in Tiers 2 to 4 would get no rule (only the lifecycle asks)
    var xml = withInputColumn(read("statusUpdateCadence.dmn"), "statusUpdateCadence", "coverage", "string",
        Map.of("statusUpdateCadence_p3", "\"STANDARD\""));
    var prefix = "statusUpdateCadence.dmn, decision statusUpdateCadence: no rule matches ";
    var suffix = ", which the application asks: write a rule, with an empty (null) output for \"no status updates\"";
    assertThat(check("statusUpdateCadence.dmn", xml)).containsExactly(
        prefix + "tier 2, priority P3, coverage PREMIUM_24_7" + suffix,
        prefix + "tier 2, priority P3, coverage EMERGENCY_24_7" + suffix,
        prefix + "tier 3, priority P3, coverage PREMIUM_24_7" + suffix,
        prefix + "tier 3, priority P3, coverage EMERGENCY_24_7" + suffix,
        prefix + "tier 4, priority P3, coverage PREMIUM_24_7" + suffix,
        prefix + "tier 4, priority P3, coverage EMERGENCY_24_7" + suffix);
    assertThat(evaluations(xml)).containsEntry("statusUpdateCadence", 4 * 4 * 3);
    // a column the table adds without a rule on it changes nothing but the evaluations
    var unused = withInputColumn(read("statusUpdateCadence.dmn"), "statusUpdateCadence", "category", "string", Map.of());
    assertThat(check("statusUpdateCadence.dmn", unused)).isEmpty();
    assertThat(evaluations(unused)).containsEntry("statusUpdateCadence", 4 * 4 * 4);
  }

  /** statusUpdateCadence with an input column ("-" in every rule) for each of {@code variables}. */
  private static String statusUpdatesReading(String... variables) throws IOException {
    var xml = read("statusUpdateCadence.dmn");
    for (var variable : variables) {
      xml = withInputColumn(xml, "statusUpdateCadence", variable, "string", Map.of());
    }
    return xml;
  }

  @Test
  void aTableThatReadsTooManyOfTheProcesssVariablesIsRefusedRatherThanTriedForMinutes() throws IOException {
    var prefix = "statusUpdateCadence.dmn, decision statusUpdateCadence: it reads ";
    var suffix = " (the check tries at most 50,000): read fewer of them in one table";
    // 16 tiers and priorities * 24 categories with a subcategory or none * 8 impacts or none * 3 urgencies * 2 * 3 plans * 3 coverages
    var many = statusUpdatesReading("category", "subcategory", "impact", "urgency", "security", "plan", "coverage");
    assertThat(check("statusUpdateCadence.dmn", many)).containsExactly(prefix + "category, coverage, impact, plan, security, subcategory, "
        + "urgency, which the process also has, and would have to be tried with 165,888 combinations" + suffix);
    assertThat(evaluations(many)).containsEntry("statusUpdateCadence", 0);
    // beyond two million before narrowing (21 subcategories with each category) they are not even counted
    var more = statusUpdatesReading("category", "subcategory", "impact", "urgency", "security", "plan", "coverage", "issueType",
        "entryTier", "maxTier");
    assertThat(check("statusUpdateCadence.dmn", more)).containsExactly(prefix + "category, coverage, entryTier, impact, issueType, maxTier, "
        + "plan, security, subcategory, urgency, which the process also has, and would have to be tried with up to 46,448,640 combinations"
        + suffix);
    // fewer are tried: 16 * 24 * 8 * 3
    var fewer = statusUpdatesReading("category", "subcategory", "impact", "urgency");
    assertThat(check("statusUpdateCadence.dmn", fewer)).isEmpty();
    assertThat(evaluations(fewer)).containsEntry("statusUpdateCadence", 16 * 24 * 8 * 3);
  }

  @Test
  void aPriorityOrIssueTypeColumnInTheEscalationTargetIsAskedWithEveryPriorityAndIssueType() throws IOException {
    // the process owner keeps oversight for P2 to P4, meaning to add a rule for P1 at its ceiling, and forgets it
    var xml = withInputColumn(read("escalationTarget.dmn"), "escalationTarget", "priority", "string",
        Map.of("escalationTarget_oversight", "\"P2\", \"P3\", \"P4\""));
    var findings = check("escalationTarget.dmn", xml);
    assertThat(findings).first().isEqualTo("escalationTarget.dmn, decision escalationTarget: no rule answers trigger TIME_IN_TIER, "
        + "escalationReason empty, tier 1, maxTier 1, entryTier 1, priority P1, which the application asks");
    assertThat(evaluations(xml)).containsEntry("escalationTarget", 664 * 4);

    var issueType = withInputColumn(read("escalationTarget.dmn"), "escalationTarget", "issueType", "string",
        Map.of("escalationTarget_oneUp", "not(\"SECURTY\")"));
    assertThat(check("escalationTarget.dmn", issueType)).containsExactly(
        "escalationTarget.dmn, decision escalationTarget, rule 3 (oneUp): input issueType \"SECURTY\" is never asked: "
            + "the application has TECHNICAL, PERFORMANCE, INTEGRATION, SECURITY, BILLING — not(…) excludes nothing with it");
    // both columns, written as the table means them: every escalation with every priority and issue type
    var both = withInputColumn(withInput(issueType, "UnaryTests_escalationTarget_oneUp_issueType", "not(\"SECURITY\")"),
        "escalationTarget", "priority", "string", Map.of());
    assertThat(check("escalationTarget.dmn", both)).isEmpty();
    assertThat(evaluations(both)).containsEntry("escalationTarget", 664 * 4 * 5);
  }

  @Test
  void aPlanColumnInTheSlaTargetsIsAskedWithEveryPlanTheAssessmentHas() throws IOException {
    // the process owner gives ENTERPRISE a faster P1 target and keeps the old one for BASIC and PROFESSIONAL: the
    // assessment has the customer's plan, so the table is judged with each plan
    var xml = withInputColumn(read("slaTargets.dmn"), "slaTargets", "plan", "string", Map.of("slaTargets_p1", "\"BASIC\", \"PROFESSIONAL\""));
    var enterprise = xml.replaceFirst("(?s)(\\s*<rule id=\"slaTargets_p2\">)",
        Matcher.quoteReplacement("""

              <rule id="slaTargets_p1enterprise">
                <inputEntry id="UnaryTests_slaTargets_p1enterprise_1">
                  <text>"P1"</text>
                </inputEntry>
                <inputEntry id="UnaryTests_slaTargets_p1enterprise_plan">
                  <text>"ENTERPRISE"</text>
                </inputEntry>
                <outputEntry id="LiteralExpression_slaTargets_p1enterprise_1">
                  <text>0.5</text>
                </outputEntry>
                <outputEntry id="LiteralExpression_slaTargets_p1enterprise_2">
                  <text>2</text>
                </outputEntry>
              </rule>""") + "$1");
    assertThat(check("slaTargets.dmn", enterprise)).isEmpty();
    assertThat(evaluations(enterprise)).containsEntry("slaTargets", 4 * 3);
    // without the ENTERPRISE rule its P1 tickets get no target
    assertThat(check("slaTargets.dmn", xml)).containsExactly("slaTargets.dmn, decision slaTargets: no rule answers priority P1, "
        + "plan ENTERPRISE, which the application asks");
    // a plan the application does not have is refused as in any other column
    var misspelt = withInput(enterprise, "UnaryTests_slaTargets_p1enterprise_plan", "\"ENTERPRIZE\"");
    assertThat(check("slaTargets.dmn", misspelt)).contains(
        "slaTargets.dmn, decision slaTargets, rule 2 (p1enterprise): input plan \"ENTERPRIZE\" is never asked: "
            + "the application has BASIC, PROFESSIONAL, ENTERPRISE — the rule can never match");
  }

  @Test
  void aPriorityColumnInTheTierResponseTimeIsAskedWithEveryPriorityEscalationProcessHas() throws IOException {
    // the process owner wants Tier 2 to answer a P1 within 2 hours and forgets the other priorities in Tier 2
    var xml = withInputColumn(read("tierResponseTime.dmn"), "tierResponseTime", "priority", "string",
        Map.of("tierResponseTime_tier2", "\"P1\""));
    var prefix = "tierResponseTime.dmn, decision tierResponseTime: no rule answers tier 2, priority ";
    assertThat(check("tierResponseTime.dmn", xml)).containsExactly(
        prefix + "P2, which the application asks", prefix + "P3, which the application asks", prefix + "P4, which the application asks");
    assertThat(evaluations(xml)).containsEntry("tierResponseTime", 4 * 4);
    // a plan is not what EscalationProcess has: a column on it is not judged (it would always be empty there)
    var plan = withInputColumn(read("tierResponseTime.dmn"), "tierResponseTime", "plan", "string", Map.of());
    assertThat(evaluations(plan)).containsEntry("tierResponseTime", 4);
  }

  @Test
  void daysAreWholeTheEngineRefusesHalfADayInAnIntegerColumnOnlyWhenItRuns() throws IOException {
    var xml = replaced(read("lifecycleDeadlines.dmn"), "<text>14</text>", "<text>0.5</text>");
    assertThat(check("lifecycleDeadlines.dmn", xml)).containsExactly(
        "lifecycleDeadlines.dmn, decision lifecycleDeadlines, rule 4: output amount 0.5 is not a whole number greater than 0");
    assertThat(check("lifecycleDeadlines.dmn", replaced(read("lifecycleDeadlines.dmn"), "<text>14</text>", "<text>30</text>"))).isEmpty();
  }

  @Test
  void anUnknownEscalationActionIsRefused() throws IOException {
    var xml = withOutput("escalationTarget.dmn", "LiteralExpression_escalationTarget_productDefect_1", "\"NOTIFY_MANAGERS\"");
    assertThat(check("escalationTarget.dmn", xml)).containsExactly(
        "escalationTarget.dmn, decision escalationTarget, rule 2: output action \"NOTIFY_MANAGERS\" is not one the application knows (ESCALATE, OVERSIGHT)");
  }

  @Test
  void anUnknownReplyIntentIsRefused() throws IOException {
    var xml = replaced(read("replyIntent.dmn"), "<text>\"CONFIRM\"</text>", "<text>\"THANKS\"</text>");
    assertThat(check("replyIntent.dmn", xml)).containsExactly(
        "replyIntent.dmn, decision replyIntent, rule 2: output intent \"THANKS\" is not one the application knows (CONFIRM, REJECT, NONE, or empty)");
  }

  @Test
  void aTierOutsideTheTiersIsRefused() throws IOException {
    var entry = withOutput("entryTier.dmn", "LiteralExpression_entryTier_p1Security_1", "5");
    entry = replaced(entry, "<text>1</text>", "<text>0</text>");
    assertThat(check("entryTier.dmn", entry)).containsExactly(
        "entryTier.dmn, decision entryTier, rule 1: output entryTier 5 is not a tier the application has (1 to 4)",
        "entryTier.dmn, decision entryTier, rule 3: output entryTier 0 is not a tier the application has (1 to 4)");

    var ceiling = withOutput("tierCeiling.dmn", "LiteralExpression_tierCeiling_basic_1", "\"2\"");
    assertThat(check("tierCeiling.dmn", ceiling)).containsExactly(
        "tierCeiling.dmn, decision tierCeiling, rule 4: output maxTier \"2\" is not a tier the application has (1 to 4)");

    var target = withOutput("escalationTarget.dmn", "LiteralExpression_escalationTarget_productDefect_2", "2.5");
    assertThat(check("escalationTarget.dmn", target)).containsExactly(
        "escalationTarget.dmn, decision escalationTarget, rule 2: output targetTier 2.5 is not a tier the application has (1 to 4)");
  }

  @Test
  void hoursMustBeMoreThanZero() throws IOException {
    var xml = withOutput("tierResponseTime.dmn", "LiteralExpression_tierResponseTime_tier2_1", "-8");
    assertThat(check("tierResponseTime.dmn", xml)).containsExactly(
        "tierResponseTime.dmn, decision tierResponseTime, rule 2: output tierResponseHours -8 is not a number greater than 0");
    var matrix = replaced(read("timeInTierLimit.dmn"), "<text>0.5</text>", "<text>0</text>");
    assertThat(check("timeInTierLimit.dmn", matrix)).containsExactly(
        "timeInTierLimit.dmn, decision escalationMatrix, rule 12: output matrixHours 0 is not a number greater than 0");
  }

  @Test
  void expressionsAreLetThroughTheirValueIsKnownOnlyWhenTheyRun() throws IOException {
    var priority = withOutput("ticketPriority.dmn", "LiteralExpression_ticketPriority_highP3_1", "if urgency = \"HIGH\" then \"P1\" else basePriority");
    assertThat(check("ticketPriority.dmn", priority)).isEmpty();
    var tier = withOutput("escalationTarget.dmn", "LiteralExpression_escalationTarget_productDefect_2", "min([tier + 2, maxTier])");
    assertThat(check("escalationTarget.dmn", tier)).isEmpty();
  }

  // ---- tables the application needs an answer from

  @Test
  void theClassifierTablesMustKeepTheirCatchAllRule() throws IOException {
    var noDefault = replaced(read("ticketCategorization.dmn"),
        "<inputEntry id=\"UnaryTests_ticketCategorization_default_1\">\n          <text>-</text>",
        "<inputEntry id=\"UnaryTests_ticketCategorization_default_1\">\n          <text>contains(?, \"help\")</text>");
    assertThat(check("ticketCategorization.dmn", noDefault)).containsExactly(
        "ticketCategorization.dmn, decision ticketCategorization: the application needs an answer whatever the input: "
            + "keep hit policy FIRST and a last rule with every input \"-\"");

    var unique = replaced(read("impactInference.dmn"), "hitPolicy=\"FIRST\"", "hitPolicy=\"UNIQUE\"");
    assertThat(check("impactInference.dmn", unique)).containsExactly(
        "impactInference.dmn, decision impactInference: the application needs an answer whatever the input: "
            + "keep hit policy FIRST and a last rule with every input \"-\"");
  }

  @Test
  void aTableThatGivesSeveralAnswersOrLosesAnOutputIsRefused() throws IOException {
    var collect = replaced(read("supportCoverage.dmn"), "hitPolicy=\"FIRST\"", "hitPolicy=\"COLLECT\"");
    assertThat(check("supportCoverage.dmn", collect)).containsExactly(
        "supportCoverage.dmn, decision supportCoverage: hit policy COLLECT can give several answers, the application takes one");

    var renamed = replaced(read("issueType.dmn"), "name=\"issueType\"", "name=\"type\"");
    assertThat(check("issueType.dmn", renamed)).containsExactly(
        "issueType.dmn, decision issueType: there is no output issueType, the application reads it");
  }

  // ---- what the engine REST API reports

  @Test
  void theRefusalListsEveryFindingAndReportsThemPerFile() throws IOException {
    var priority = CHECK.findings("ticketPriority.dmn", stream(
        withOutput("ticketPriority.dmn", "LiteralExpression_ticketPriority_unchanged_1", "\"P5\"")));
    var tier = CHECK.findings("entryTier.dmn", stream(
        withOutput("entryTier.dmn", "LiteralExpression_entryTier_p1Security_1", "5")));
    var findings = Stream.concat(priority.stream(), tier.stream()).toList();

    var refused = new DecisionTablesRefusedException(findings);

    assertThat(refused.getMessage()).isEqualTo(
        "Deployment refused: the application cannot use these answers of its decision tables (nothing was deployed)\n"
            + "ticketPriority.dmn, decision ticketPriority, rule 4: output priority \"P5\" is not one the application knows (P1, P2, P3, P4)\n"
            + "entryTier.dmn, decision entryTier, rule 1: output entryTier 5 is not a tier the application has (1 to 4)");
    assertThat(refused.getResorceReports()).extracting(ResourceReport::getResourceName)
        .containsExactly("ticketPriority.dmn", "entryTier.dmn");
    assertThat(refused.getResorceReports().get(1).getErrors()).extracting(Problem::getMainElementId)
        .containsExactly("entryTier_p1Security");
  }

  private static InputStream stream(String xml) {
    return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
  }
}
