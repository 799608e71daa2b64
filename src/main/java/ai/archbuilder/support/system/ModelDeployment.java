package ai.archbuilder.support.system;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
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
 * <p>Only a file whose content differs from the last start's copy becomes a new version (compared
 * per resource within deployments named {@link #NAME}, as the engine's duplicate filter does, which
 * checks again under its deployment lock). So a table or
 * diagram that a process owner deployed from the Modeler stays the latest version across restarts
 * and further nodes starting; it is replaced only by a release that changes that same file, or an
 * embedded HTML form the diagram names (the two are deployed together). The
 * starter's own auto-deployment deployed every file again at every start and put the repository's
 * copy back on top of the owner's change.
 *
 * <p>Resources are named by their path in the repository ({@code dmn/slaTargets.dmn}) wherever the
 * classes come from (the jar, {@code target/classes}), so the comparison holds between
 * {@code spring-boot:run} and {@code java -jar}; an embedded HTML form of {@code bpmn/} by its path
 * below it, and always together with the diagrams that name it ({@link #withTheirEmbeddedForms}).
 */
@Component
class ModelDeployment extends AbstractProcessEnginePlugin {

  /** The deployment name of the repository's models, as Cockpit lists it. */
  static final String NAME = "support-desk";

  static final String SOURCE = "support desk release";

  /** A form key naming a resource of the diagram's deployment ({@code embedded:deployment:…}, {@code deployment:…}). */
  private static final Pattern DEPLOYED_FORM_KEY = Pattern.compile("formKey\\s*=\\s*([\"'])(?:embedded:)?deployment:(.+?)\\1");

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
    var contents = new TreeMap<String, byte[]>();
    files.forEach((path, resource) -> {
      try (var in = resource.getInputStream()) {
        contents.put(resourceName(path), in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + path, e);
      }
    });
    var repository = engine.getRepositoryService();
    var toDeploy = withTheirEmbeddedForms(contents, changed(engine, contents));
    if (toDeploy.isEmpty()) {
      log.info("Models: the {} files of bpmn/ and dmn/ are deployed already, unchanged; the latest versions stay in use", files.size());
      return;
    }
    long deploymentsBefore = repository.createDeploymentQuery().deploymentName(NAME).count();
    // every file given is deployed if one of them changed (the engine compares again, under its
    // deployment lock, as another node may have deployed them meanwhile): a diagram goes with its embedded forms
    var builder = repository.createDeployment().name(NAME).source(SOURCE).enableDuplicateFiltering(false);
    toDeploy.forEach(name -> builder.addInputStream(name, new ByteArrayInputStream(contents.get(name))));
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

  /**
   * The files whose content differs from their latest copy in the deployments named {@link #NAME}
   * (or that have none): what the engine's duplicate filter compares, asked before deploying.
   */
  private static Set<String> changed(ProcessEngine engine, Map<String, byte[]> contents) {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    Map<String, ResourceEntity> latest = configuration.getCommandExecutorTxRequired().execute(context ->
        context.getResourceManager().findLatestResourcesByDeploymentName(NAME, contents.keySet(), SOURCE, null));
    var changed = new TreeSet<String>();
    contents.forEach((name, bytes) -> {
      var deployed = latest.get(name);
      if (deployed == null || !Arrays.equals(deployed.getBytes(), bytes)) {
        changed.add(name);
      }
    });
    return changed;
  }

  /**
   * The changed files, each diagram with the embedded HTML forms it names
   * ({@code camunda:formKey="embedded:deployment:x.html"}) and each such form with the diagrams that
   * name it: the engine looks a task's embedded form up in the deployment of its diagram, so a
   * diagram deployed without its form (or a form without its diagram) would find none, or the old one.
   */
  static Set<String> withTheirEmbeddedForms(Map<String, byte[]> contents, Set<String> changed) {
    var references = new TreeMap<String, Set<String>>();
    contents.forEach((name, bytes) -> {
      if (name.endsWith(".bpmn")) {
        var named = new TreeSet<String>();
        var forms = DEPLOYED_FORM_KEY.matcher(new String(bytes, StandardCharsets.UTF_8));
        while (forms.find()) {
          if (contents.containsKey(forms.group(2))) {
            named.add(forms.group(2));
          }
        }
        references.put(name, named);
      }
    });
    var together = new TreeSet<>(changed);
    boolean grew = true;
    while (grew) {
      grew = false;
      for (var diagram : references.entrySet()) {
        var forms = diagram.getValue();
        boolean involved = together.contains(diagram.getKey()) || forms.stream().anyMatch(together::contains);
        if (involved && (together.add(diagram.getKey()) | together.addAll(forms))) {
          grew = true;
        }
      }
    }
    return together;
  }

  /**
   * A file's name in the deployment: its repository path ({@code dmn/slaTargets.dmn}), but an HTML
   * form's path below {@code bpmn/} ({@code bpmn/CheckLicence.html} → {@code CheckLicence.html}), the
   * name the Modeler gives the file a process owner attaches to a deployment, so that one diagram
   * names it the same way ({@code embedded:deployment:CheckLicence.html}) from either.
   */
  static String resourceName(String repositoryPath) {
    return repositoryPath.startsWith("bpmn/") && repositoryPath.endsWith(".html") ? repositoryPath.substring("bpmn/".length()) : repositoryPath;
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
