package ai.archbuilder.support.system;

import static org.assertj.core.api.Assertions.assertThat;

import ai.archbuilder.support.ticket.TicketScenarios;
import java.nio.file.Files;
import java.nio.file.Path;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import ai.archbuilder.support.SupportDeskApplication;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * A process owner changes one SLA number in {@code dmn/slaTargets.dmn} and deploys the file the way
 * the Modeler's "Deploy to Camunda 7" does (multipart to {@code /engine-rest/deployment/create}, HTTP
 * Basic as a process owner): the next ticket gets the new target, with no rebuild and no restart;
 * the ticket already running keeps its due date, and a restart of the application keeps the owner's
 * version in use. A diagram deployed alone still finds the Tasklist forms. Its own context and database (the new table
 * version must not reach other tests), engine named {@code default} for the engine REST API.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "camunda.bpm.generate-unique-process-engine-name=false",
      "camunda.bpm.process-engine-name=default",
      "spring.datasource.url=jdbc:h2:mem:support-redeploy;DB_CLOSE_DELAY=-1"
    })
@ActiveProfiles({"test", "demo"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ModelerRedeploymentTest extends TicketScenarios {

  @Autowired RepositoryService repository;
  @Autowired ResourcePatternResolver resources;

  @Test
  void aChangedSlaTableDeployedByTheProcessOwnerAppliesToTheNextTicket() throws Exception {
    setClock(la("2026-11-24T10:00:00")); // Tuesday, open hours
    var before = createTicket("admin", ticket("alice@example.com", "Export shows a wrong total",
        "The total is off; a workaround exists.", "category", "TECHNICAL", "subcategory", "SOFTWARE_BUG", "impact", "MINOR"));
    assertThat(before.get("priority").asText()).isEqualTo("P3");
    // 24 business hours: Tue 8 h + Wed 9 h + Thu 7 h
    assertThat(instant(before, "firstResponseDueAt")).isEqualTo(la("2026-11-26T16:00:00"));

    // the process owner's edit: P3 first response 24 h → 12 h, nothing else
    var original = Files.readString(Path.of("dmn", "slaTargets.dmn"));
    var p3 = "<outputEntry id=\"LiteralExpression_slaTargets_p3_1\">\n          <text>24</text>";
    assertThat(original).contains(p3);
    var edited = original.replace(p3, p3.replace("<text>24</text>", "<text>12</text>"));

    deployAsProcessOwner("P3 answers within 12 business hours", "slaTargets.dmn", edited);

    var after = createTicket("admin", ticket("alice@example.com", "Export shows a wrong total again",
        "The total is off; a workaround exists.", "category", "TECHNICAL", "subcategory", "SOFTWARE_BUG", "impact", "MINOR"));
    // 12 business hours: Tue 8 h + Wed 4 h
    assertThat(instant(after, "firstResponseDueAt")).isEqualTo(la("2026-11-25T13:00:00"));
    assertThat(instant(after, "resolutionDueAt")).isEqualTo(instant(before, "resolutionDueAt"));
    // the running ticket keeps what it was given
    assertThat(instant(ticket(before.get("key").asText()), "firstResponseDueAt")).isEqualTo(la("2026-11-26T16:00:00"));

    // the application restarts, once as it was and once as a release that brings another model file
    // (not slaTargets.dmn): the repository's copy of slaTargets.dmn must not become the latest again
    var owners = repository.createDecisionDefinitionQuery().decisionDefinitionKey("slaTargets").latestVersion().singleResult();
    restartOnTheSameDatabase();
    restartOnTheSameDatabase("--camunda.bpm.deployment-resource-pattern=classpath*:bpmn/**/*.bpmn,classpath*:bpmn/**/*.form,"
        + "classpath*:dmn/**/*.dmn,classpath*:release/dmn/*.dmn");
    assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey("releaseNotice").count()).isEqualTo(1);
    var latest = repository.createDecisionDefinitionQuery().decisionDefinitionKey("slaTargets").latestVersion().singleResult();
    assertThat(latest.getId()).isEqualTo(owners.getId());
    var afterRestart = createTicket("admin", ticket("alice@example.com", "Export shows a wrong total once more",
        "The total is off; a workaround exists.", "category", "TECHNICAL", "subcategory", "SOFTWARE_BUG", "impact", "MINOR"));
    assertThat(instant(afterRestart, "firstResponseDueAt")).isEqualTo(la("2026-11-25T13:00:00"));
  }

  @Test
  void aLifecycleDiagramDeployedAloneStillFindsTheTasklistForms() throws Exception {
    setClock(la("2026-11-24T10:00:00"));
    // the Modeler deploys the diagram it has open: the forms are not part of that deployment
    deployAsProcessOwner("Lifecycle, reworded", "TicketLifecycleProcess.bpmn",
        Files.readString(Path.of("bpmn", "TicketLifecycleProcess.bpmn")).replace("name=\"Triage ticket\"", "name=\"Triage the ticket\""));
    var created = createTicket("admin", ticket("alice@example.com", "Import stops halfway",
        "The import stops at 50 %.", "category", "TECHNICAL", "subcategory", "SOFTWARE_BUG", "impact", "MINOR"));
    var triage = task(created.get("key").asText(), "Task_TriageTicket");
    assertThat(triage.getName()).isEqualTo("Triage the ticket");
    var form = get("tier1", "/engine-rest/task/" + triage.getId() + "/deployed-form");
    assertThat(form.getStatusCode().value()).as("%s", form.getBody()).isEqualTo(200);
    assertThat(form.getBody().path("id").asText()).isEqualTo("Form_TriageTicket");
  }

  @Test
  void aReleasesEmbeddedFormIsDeployedWithTheDiagramsThatNameIt() {
    // a release that brings bpmn/LicenceCheckProcess.bpmn with its form bpmn/CheckLicence.html
    var first = releaseDeploys("embedded-form");
    assertThat(repository.getDeploymentResourceNames(first)).containsExactlyInAnyOrder("bpmn/LicenceCheckProcess.bpmn", "CheckLicence.html");
    assertThat(checkTakes("licenceValid", true).getStatusCode().value()).isEqualTo(204);
    assertThat(checkTakes("licenceExpires", "2027-01-31").getStatusCode().value()).isEqualTo(400);
    assertThat(releaseDeploys("embedded-form")).as("nothing changed: nothing deployed").isEqualTo(first);

    // the next release changes the form only: the diagram comes along, a new version that finds it
    var second = releaseDeploys("embedded-form-v2");
    assertThat(repository.getDeploymentResourceNames(second)).containsExactlyInAnyOrder("bpmn/LicenceCheckProcess.bpmn", "CheckLicence.html");
    assertThat(checkTakes("licenceExpires", "2027-01-31").getStatusCode().value()).isEqualTo(204);

    // and then the diagram only: the form comes along, or the new version's task would find no form
    var third = releaseDeploys("embedded-form-v3");
    assertThat(repository.getDeploymentResourceNames(third)).containsExactlyInAnyOrder("bpmn/LicenceCheckProcess.bpmn", "CheckLicence.html");
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("LicenceCheckProcess").latestVersion().singleResult().getVersion())
        .isEqualTo(3);
    assertThat(checkTakes("licenceExpires", "2027-01-31").getStatusCode().value()).isEqualTo(204);
  }

  /** ModelDeployment of a release whose bpmn/ is {@code folder}/bpmn of the test resources; the latest deployment named support-desk. */
  private String releaseDeploys(String folder) {
    var camunda = new CamundaBpmProperties();
    camunda.setDeploymentResourcePattern(new String[] {"classpath*:" + folder + "/bpmn/*.bpmn", "classpath*:" + folder + "/bpmn/*.html"});
    new ModelDeployment(resources, camunda).postProcessEngineBuild(engine);
    return repository.createDeploymentQuery().deploymentName(ModelDeployment.NAME).orderByDeploymentTime().desc().list().get(0).getId();
  }

  /** Starts the latest licence check and completes its task over /engine-rest with one variable. */
  private ResponseEntity<JsonNode> checkTakes(String variable, Object value) {
    var instance = runtime.startProcessInstanceByKey("LicenceCheckProcess");
    var check = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    return post("tier1", "/engine-rest/task/" + check.getId() + "/complete", Map.of("variables", Map.of(variable, Map.of("value", value))));
  }

  private void deployAsProcessOwner(String deploymentName, String fileName, String content) {
    var deployed = new ModelerDeployment(deploymentName, fileName, content).sendAs(rest, "owner", "demo");
    assertThat(deployed.getStatusCode().value()).as("%s", deployed.getBody()).isEqualTo(200);
  }

  /** A second start of the application on this test's database, as a restart or another node does it. */
  private static void restartOnTheSameDatabase(String... more) {
    var args = new java.util.ArrayList<>(List.of("--spring.datasource.url=jdbc:h2:mem:support-redeploy;DB_CLOSE_DELAY=-1",
        "--server.port=0", "--camunda.bpm.generate-unique-process-engine-name=false", "--camunda.bpm.process-engine-name=restarted"));
    args.addAll(List.of(more));
    try (var restarted = new SpringApplicationBuilder(SupportDeskApplication.class).profiles("test", "demo").run(args.toArray(String[]::new))) {
      assertThat(restarted.isRunning()).isTrue();
    }
  }
}
