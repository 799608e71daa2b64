package ai.archbuilder.support.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the repository's models ({@code bpmn/}, {@code dmn/}, the forms) when the engine starts,
 * in place of the starter's auto-deployment ({@code camunda.bpm.auto-deployment-enabled: false}).
 *
 * <p>Only a file whose content differs from the last start's copy becomes a new version (the
 * engine's duplicate filter, per resource, within deployments named {@link #NAME}). So a table or
 * diagram that a process owner deployed from the Modeler stays the latest version across restarts
 * and further nodes starting; it is replaced only by a release that changes that same file. The
 * starter's own auto-deployment deployed every file again at every start and put the repository's
 * copy back on top of the owner's change.
 *
 * <p>Resources are named by their path in the repository ({@code dmn/slaTargets.dmn}) wherever the
 * classes come from (the jar, {@code target/classes}), so the comparison holds between
 * {@code spring-boot:run} and {@code java -jar}.
 */
@Component
class ModelDeployment extends AbstractProcessEnginePlugin {

  /** The deployment name of the repository's models, as Cockpit lists it. */
  static final String NAME = "support-desk";

  static final String SOURCE = "support desk release";

  private static final Logger log = LoggerFactory.getLogger(ModelDeployment.class);

  private final ResourcePatternResolver resources;
  private final CamundaBpmProperties camunda;

  ModelDeployment(ResourcePatternResolver resources, CamundaBpmProperties camunda) {
    this.resources = resources;
    this.camunda = camunda;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    var files = repositoryModels();
    if (files.isEmpty()) {
      return;
    }
    var repository = engine.getRepositoryService();
    long deploymentsBefore = repository.createDeploymentQuery().deploymentName(NAME).count();
    var builder = repository.createDeployment().name(NAME).source(SOURCE).enableDuplicateFiltering(true);
    files.forEach((name, resource) -> {
      try {
        builder.addInputStream(name, resource.getInputStream());
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + name, e);
      }
    });
    var deployed = builder.deployWithResult();
    if (repository.createDeploymentQuery().deploymentName(NAME).count() == deploymentsBefore) {
      log.info("Models: the {} files of bpmn/ and dmn/ are deployed already, unchanged; the latest versions stay in use", files.size());
      return;
    }
    var changed = new ArrayList<String>();
    // a kind the deployment has none of is null
    for (List<? extends ResourceDefinition> definitions :
        Arrays.asList(deployed.getDeployedProcessDefinitions(), deployed.getDeployedDecisionDefinitions())) {
      if (definitions != null) {
        definitions.forEach(d -> changed.add(d.getKey() + " v" + d.getVersion()));
      }
    }
    log.info("Models: deployed {} new or changed file(s) of {} as deployment {}: {}",
        repository.getDeploymentResourceNames(deployed.getId()).size(), files.size(), deployed.getId(), changed);
  }

  /** The files of the deployment patterns by their repository path, sorted. */
  TreeMap<String, Resource> repositoryModels() {
    var files = new TreeMap<String, Resource>();
    for (String pattern : camunda.getDeploymentResourcePattern()) {
      try {
        for (Resource r : resources.getResources(pattern)) {
          if (r.isReadable()) {
            files.putIfAbsent(repositoryPath(r), r);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot list " + pattern, e);
      }
    }
    return files;
  }

  /** {@code .../classes/dmn/slaTargets.dmn} or {@code jar:...!/BOOT-INF/classes!/dmn/slaTargets.dmn} → {@code dmn/slaTargets.dmn}. */
  static String repositoryPath(Resource r) {
    String url;
    try {
      url = r.getURL().toString();
    } catch (IOException e) {
      return r.getFilename();
    }
    // the last of the two folders: the application may itself live under a folder named bpmn or dmn
    int at = Math.max(url.lastIndexOf("/bpmn/"), url.lastIndexOf("/dmn/"));
    return at >= 0 ? url.substring(at + 1) : r.getFilename();
  }
}
