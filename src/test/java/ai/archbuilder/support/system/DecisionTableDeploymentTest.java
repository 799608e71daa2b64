package ai.archbuilder.support.system;

import static org.assertj.core.api.Assertions.assertThat;

import ai.archbuilder.support.ticket.TicketScenarios;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * A process owner deploys an edited table from the Modeler ("Deploy to Camunda 7": multipart to
 * {@code /engine-rest/deployment/create}, HTTP Basic as a process owner). A table whose answers the
 * application cannot use, or whose rule tests an input for a value it never has, is refused with a
 * 400 that names the file, decision, rule and value, and nothing is deployed: the latest version
 * stays the one before, and intake goes on with it. A valid edit is still accepted. Own context and
 * database (deployed versions must not reach other tests), engine named {@code default} for the
 * engine REST API.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "camunda.bpm.generate-unique-process-engine-name=false",
      "camunda.bpm.process-engine-name=default",
      "spring.datasource.url=jdbc:h2:mem:support-dmn-check;DB_CLOSE_DELAY=-1"
    })
@ActiveProfiles({"test", "demo"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DecisionTableDeploymentTest extends TicketScenarios {

  @Autowired RepositoryService repository;

  /**
   * A process owner's edit: the text of one rule cell ({@code entry}: an input or output entry id)
   * of {@code dmn/<file>}, and the line of the refusal that names it.
   */
  record Edit(String name, String file, String decision, String entry, String text, String finding) {

    String apply() throws IOException {
      return withEntry(Files.readString(Path.of("dmn", file)), entry, text);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Edit> unusableEdits() {
    return Stream.of(
        new Edit("priority P5", "ticketPriority.dmn", "ticketPriority", "LiteralExpression_ticketPriority_unchanged_1", "\"P5\"",
            "ticketPriority.dmn, decision ticketPriority, rule 4: output priority \"P5\" is not one the application knows (P1, P2, P3, P4)"),
        // an input value no ticket has: the rule would silently never match (HIGH urgency no longer raises P4)
        new Edit("input base priority P5", "ticketPriority.dmn", "ticketPriority", "UnaryTests_ticketPriority_highP4_1", "\"P5\"",
            "ticketPriority.dmn, decision ticketPriority, rule 2 (highP4): input basePriority \"P5\" is never asked: "
                + "the application has P1, P2, P3, P4 — the rule can never match"),
        new Edit("category SECURITY_INCIDENT", "ticketCategorization.dmn", "ticketCategorization",
            "LiteralExpression_ticketCategorization_refund_1", "\"SECURITY_INCIDENT\"",
            "ticketCategorization.dmn, decision ticketCategorization, rule 1: output category \"SECURITY_INCIDENT\" is not one the "
                + "application knows (TECHNICAL, BILLING, FEATURE_REQUEST, TRAINING)"),
        new Edit("no catch-all categorization rule", "ticketCategorization.dmn", "ticketCategorization",
            "UnaryTests_ticketCategorization_default_1", "contains(?, \"help\")",
            "ticketCategorization.dmn, decision ticketCategorization: the application needs an answer whatever the input: "
                + "keep hit policy FIRST and a last rule with every input \"-\""),
        new Edit("entry tier 5", "entryTier.dmn", "entryTier", "LiteralExpression_entryTier_p1Security_1", "5",
            "entryTier.dmn, decision entryTier, rule 1: output entryTier 5 is not a tier the application has (1 to 4)"),
        new Edit("ceiling tier 0", "tierCeiling.dmn", "tierCeiling", "LiteralExpression_tierCeiling_basic_1", "0",
            "tierCeiling.dmn, decision tierCeiling, rule 4: output maxTier 0 is not a tier the application has (1 to 4)"),
        new Edit("ceiling rule BASIC for P3 only", "tierCeiling.dmn", "tierCeiling", "UnaryTests_tierCeiling_basic_1", "\"P3\"",
            "tierCeiling.dmn, decision tierCeiling: no rule answers priority P4, security false, plan BASIC, which the application asks"),
        new Edit("escalation target tier 5", "escalationTarget.dmn", "escalationTarget",
            "LiteralExpression_escalationTarget_productDefect_2", "5",
            "escalationTarget.dmn, decision escalationTarget, rule 2: output targetTier 5 is not a tier the application has (1 to 4)"),
        new Edit("escalation action NOTIFY_MANAGERS", "escalationTarget.dmn", "escalationTarget",
            "LiteralExpression_escalationTarget_productDefect_1", "\"NOTIFY_MANAGERS\"",
            "escalationTarget.dmn, decision escalationTarget, rule 2: output action \"NOTIFY_MANAGERS\" is not one the application "
                + "knows (ESCALATE, OVERSIGHT)"),
        new Edit("deadline unit WEEKS", "lifecycleDeadlines.dmn", "lifecycleDeadlines", "LiteralExpression_lifecycleDeadlines_survey_2",
            "\"WEEKS\"",
            "lifecycleDeadlines.dmn, decision lifecycleDeadlines, rule 3: output unit \"WEEKS\" is not one the application knows "
                + "(WORKING_DAYS, DAYS, HOURS)"),
        new Edit("no first-response hours", "slaTargets.dmn", "slaTargets", "LiteralExpression_slaTargets_p3_1", "0",
            "slaTargets.dmn, decision slaTargets, rule 3: output firstResponseHours 0 is not a number greater than 0"),
        // the matrix is asked what timeInTierLimit, which requires it, is asked
        new Edit("matrix issue type TECHNICALL", "timeInTierLimit.dmn", "timeInTierLimit", "UnaryTests_escalationMatrix_technical1_1",
            "\"TECHNICALL\"",
            "timeInTierLimit.dmn, decision escalationMatrix, rule 1 (technical1): input issueType \"TECHNICALL\" is never asked: "
                + "the application has TECHNICAL, PERFORMANCE, INTEGRATION, SECURITY, BILLING — the rule can never match"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unusableEdits")
  void aTableTheApplicationCannotUseIsRefusedAndTheDeployedVersionStays(Edit edit) throws Exception {
    int version = latestVersion(edit.decision());
    long deployments = repository.createDeploymentQuery().count();

    var response = deploy(edit.file(), edit.apply());

    assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(400);
    var body = json.readTree(response.getBody());
    assertThat(body.get("message").asText()).endsWith("\n" + edit.finding());
    assertThat(body.at("/details/" + edit.file() + "/errors/0/message").asText()).isEqualTo(edit.finding());
    assertThat(latestVersion(edit.decision())).isEqualTo(version);
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
  }

  /** A process owner's "Delete rule" in {@code dmn/<file>}, and the first line of the refusal. */
  record Deletion(String file, String decision, String rule, String finding) {

    String apply() throws IOException {
      var xml = read(file);
      var without = xml.replaceAll("(?s)\\s*<rule id=\"" + Pattern.quote(rule) + "\">.*?</rule>", "");
      assertThat(without).as("rule %s in %s", rule, file).isNotEqualTo(xml);
      return without;
    }

    @Override
    public String toString() {
      return file + " without " + rule;
    }
  }

  static Stream<Deletion> deletedNoneRules() {
    return Stream.of(
        new Deletion("statusUpdateCadence.dmn", "statusUpdateCadence", "statusUpdateCadence_p4",
            "statusUpdateCadence.dmn, decision statusUpdateCadence: no rule matches tier 2, priority P4, which the application asks: "
                + "write a rule, with an empty (null) output for \"no status updates\""),
        new Deletion("timeInTierLimit.dmn", "timeInTierLimit", "timeInTierLimit_tier4",
            "timeInTierLimit.dmn, decision timeInTierLimit: no rule matches tier 4, priority P1, issueType TECHNICAL, which the application "
                + "asks: write a rule, with an empty (null) output for \"no limit\""),
        // a deleted Tier 1 window would give P2 tickets the matrix's hours
        new Deletion("timeInTierLimit.dmn", "timeInTierLimit", "tier1PriorityWindow_p2",
            "timeInTierLimit.dmn, decision tier1PriorityWindow: no rule matches priority P2, which the application asks: "
                + "write a rule, with an empty (null) output for \"no window, the matrix's hours alone\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("deletedNoneRules")
  void aDeletedRuleWhoseAnswerIsNoneIsRefusedAndTheDeployedVersionStays(Deletion deletion) throws Exception {
    int version = latestVersion(deletion.decision());

    var response = deploy(deletion.file(), deletion.apply());

    assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(400);
    assertThat(json.readTree(response.getBody()).at("/details/" + deletion.file() + "/errors/0/message").asText())
        .isEqualTo(deletion.finding());
    assertThat(latestVersion(deletion.decision())).isEqualTo(version);
  }

  @Test
  void noneWrittenAsARuleWithAnEmptyOutputIsAccepted() throws Exception {
    int version = latestVersion("statusUpdateCadence");
    var noP3Updates = withEntry(read("statusUpdateCadence.dmn"), "LiteralExpression_statusUpdateCadence_p3_1", "null");

    var deployed = deploy("statusUpdateCadence.dmn", noP3Updates);

    assertThat(deployed.getStatusCode().value()).as("%s", deployed.getBody()).isEqualTo(200);
    assertThat(latestVersion("statusUpdateCadence")).isEqualTo(version + 1);
  }

  @Test
  void afterARefusalIntakeGoesOnWithTheDeployedTableAndAValidEditIsAccepted() throws Exception {
    setClock(la("2026-11-24T10:00:00"));
    int version = latestVersion("ticketPriority");
    var p5 = withEntry(read("ticketPriority.dmn"), "LiteralExpression_ticketPriority_highP3_1", "\"P5\"");
    assertThat(deploy("ticketPriority.dmn", p5).getStatusCode().value()).isEqualTo(400);

    // MINOR is P3, HIGH urgency makes it P2 (rule 1)
    var before = createTicket("admin", ticket("alice@example.com", "Export shows a wrong total",
        "The total is off.", "category", "TECHNICAL", "subcategory", "SOFTWARE_BUG", "impact", "MINOR", "urgency", "HIGH"));
    assertThat(before.get("priority").asText()).isEqualTo("P2");

    // the process owner's valid edit: HIGH urgency lifts a P3 to P1
    var p1 = withEntry(read("ticketPriority.dmn"), "LiteralExpression_ticketPriority_highP3_1", "\"P1\"");
    var deployed = deploy("ticketPriority.dmn", p1);
    assertThat(deployed.getStatusCode().value()).as("%s", deployed.getBody()).isEqualTo(200);
    assertThat(latestVersion("ticketPriority")).isEqualTo(version + 1);

    var after = createTicket("admin", ticket("alice@example.com", "Export shows a wrong total again",
        "The total is off.", "category", "TECHNICAL", "subcategory", "SOFTWARE_BUG", "impact", "MINOR", "urgency", "HIGH"));
    assertThat(after.get("priority").asText()).isEqualTo("P1");
  }

  private int latestVersion(String decision) {
    return repository.createDecisionDefinitionQuery().decisionDefinitionKey(decision).latestVersion().singleResult().getVersion();
  }

  private static String read(String file) throws IOException {
    return Files.readString(Path.of("dmn", file));
  }

  /** {@code xml} with the text of the input or output entry {@code id} replaced. */
  static String withEntry(String xml, String id, String text) {
    var entry = Pattern.compile("(<(?:input|output)Entry id=\"" + Pattern.quote(id) + "\">\\s*<text>)([^<]*)(</text>)").matcher(xml);
    assertThat(entry.find()).as("entry %s", id).isTrue();
    return entry.replaceFirst("$1" + Matcher.quoteReplacement(text) + "$3");
  }

  private ResponseEntity<String> deploy(String file, String xml) {
    return new ModelerDeployment(file, file, xml).sendAs(rest, "owner", "demo");
  }
}
