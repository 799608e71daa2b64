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
}
