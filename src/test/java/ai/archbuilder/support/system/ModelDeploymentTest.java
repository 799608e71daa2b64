package ai.archbuilder.support.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.MalformedURLException;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.UrlResource;

/**
 * A model's resource name is its path in the repository wherever the application is installed:
 * the duplicate filter compares by name, so a name that changed with the install folder would
 * deploy the repository's copy on top of a process owner's version again.
 */
class ModelDeploymentTest {

  @Test
  void theNameIsTheRepositoryPathFromAJarOrFromClassesWhateverTheFoldersAbove() throws MalformedURLException {
    assertThat(ModelDeployment.repositoryPath(new UrlResource("jar:file:/opt/bpmn/support-desk.jar!/BOOT-INF/classes!/dmn/slaTargets.dmn")))
        .isEqualTo("dmn/slaTargets.dmn");
    assertThat(ModelDeployment.repositoryPath(new UrlResource("file:/home/owner/dmn/checkout/target/classes/bpmn/TicketLifecycleProcess.bpmn")))
        .isEqualTo("bpmn/TicketLifecycleProcess.bpmn");
    assertThat(ModelDeployment.repositoryPath(new UrlResource("file:/srv/app/target/classes/bpmn/TriageTicket.form")))
        .isEqualTo("bpmn/TriageTicket.form");
  }

  @Test
  void anEmbeddedFormOfBpmnIsNamedAsTheModelerNamesAnAttachedFileTheOtherModelsByTheirPath() {
    assertThat(ModelDeployment.resourceName("bpmn/CheckLicence.html")).isEqualTo("CheckLicence.html");
    assertThat(ModelDeployment.resourceName("bpmn/forms/CheckLicence.html")).isEqualTo("forms/CheckLicence.html");
    assertThat(ModelDeployment.resourceName("bpmn/TriageTicket.form")).isEqualTo("bpmn/TriageTicket.form");
    assertThat(ModelDeployment.resourceName("dmn/slaTargets.dmn")).isEqualTo("dmn/slaTargets.dmn");
  }

  @Test
  void aChangedDiagramGoesWithTheEmbeddedFormsItNamesAndAChangedFormWithTheDiagramsThatNameIt() {
    var contents = new java.util.TreeMap<String, byte[]>();
    contents.put("bpmn/A.bpmn", "<userTask camunda:formKey=\"embedded:deployment:a.html\"/><userTask camunda:formKey=\"embedded:deployment:shared.html\"/>".getBytes());
    contents.put("bpmn/B.bpmn", "<userTask camunda:formKey=\"deployment:shared.html\"/><userTask camunda:formKey=\"embedded:deployment:gone.html\"/>".getBytes());
    contents.put("bpmn/C.bpmn", "<userTask camunda:formRef=\"Form_C\" camunda:formRefBinding=\"latest\"/>".getBytes());
    // single quotes are XML too
    contents.put("bpmn/D.bpmn", "<userTask camunda:formKey = 'embedded:deployment:d.html'/>".getBytes());
    contents.put("d.html", new byte[0]);
    contents.put("a.html", new byte[0]);
    contents.put("shared.html", new byte[0]);
    contents.put("bpmn/C.form", new byte[0]);
    contents.put("dmn/d.dmn", new byte[0]);

    assertThat(ModelDeployment.withTheirEmbeddedForms(contents, java.util.Set.of())).isEmpty();
    assertThat(ModelDeployment.withTheirEmbeddedForms(contents, java.util.Set.of("dmn/d.dmn", "bpmn/C.form"))).containsExactly("bpmn/C.form", "dmn/d.dmn");
    // A names shared.html, which B names too
    assertThat(ModelDeployment.withTheirEmbeddedForms(contents, java.util.Set.of("bpmn/A.bpmn")))
        .containsExactly("a.html", "bpmn/A.bpmn", "bpmn/B.bpmn", "shared.html");
    assertThat(ModelDeployment.withTheirEmbeddedForms(contents, java.util.Set.of("a.html")))
        .containsExactly("a.html", "bpmn/A.bpmn", "bpmn/B.bpmn", "shared.html");
    assertThat(ModelDeployment.withTheirEmbeddedForms(contents, java.util.Set.of("bpmn/C.bpmn"))).containsExactly("bpmn/C.bpmn");
    assertThat(ModelDeployment.withTheirEmbeddedForms(contents, java.util.Set.of("d.html"))).containsExactly("bpmn/D.bpmn", "d.html");
  }
}
