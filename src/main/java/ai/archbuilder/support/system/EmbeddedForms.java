package ai.archbuilder.support.system;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.attoparser.ParseException;
import org.attoparser.config.ParseConfiguration;
import org.attoparser.simple.AbstractSimpleMarkupHandler;
import org.attoparser.simple.SimpleMarkupParser;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.core.io.ResourceLoader;

/**
 * The variables a task's embedded HTML form ({@code camunda:formKey="embedded:…"}) declares: the
 * {@code cam-variable-name} of its {@code input}, {@code select} and {@code textarea} elements, the
 * elements through which Tasklist's form SDK reads and submits variables.
 *
 * <ul>
 *   <li>{@code embedded:deployment:NAME}: the resource NAME of the task's own deployment (the
 *       engine's deployed-form lookup, as Tasklist loads it). A process owner deploying from the
 *       Modeler attaches the HTML file to the diagram's deployment;
 *   <li>{@code embedded:app:PATH}: Tasklist loads it from the process application's web context, so
 *       here PATH among the application's static resources ({@code static/PATH}, …), if the release
 *       carries it; else the form is unknown;
 *   <li>any other embedded key (a URL, {@code engine://…}): unknown.
 * </ul>
 *
 * <p>What a form's {@code cam-script} does in JavaScript (a variable it creates or changes) cannot
 * be read: such a variable is not declared, and so refused; a script that computes a value writes it
 * into an element that declares it ({@code <input type="hidden" cam-variable-name="…">}). Markup
 * inside {@code <script>}, {@code <style>} and comments declares nothing. An unknown form, or one
 * whose markup cannot be read (an attribute never closed), declares nothing, with the reason.
 *
 * <p>Deployed resources never change, and the application's own files not while it runs: what a
 * form declares is kept per deployment and resource (and per application file), a few hundred forms
 * at most.
 */
final class EmbeddedForms {

  static final String EMBEDDED = "embedded:";
  static final String DEPLOYMENT = "deployment:";
  static final String APP = "app:";

  private static final int CACHED_FORMS = 500;
  private static final Set<String> FIELD_ELEMENTS = Set.of("input", "select", "textarea");
  private static final String VARIABLE_ATTRIBUTE = "cam-variable-name";
  /** Content the browser does not render as elements; the parser would read tags inside strings. */
  private static final Pattern NOT_RENDERED = Pattern.compile("(?is)<(script|style)\\b.*?(?:</\\1\\s*>|\\z)");

  /** What a form declares: its variables, or none and why (for the refusal). */
  record Declared(Set<String> variables, String unknownBecause) {

    static Declared unknown(String because) {
      return new Declared(Set.of(), because);
    }
  }

  private final ResourceLoader resources;
  private final List<String> staticLocations;
  private final Map<String, Declared> cache =
      Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Declared> eldest) {
          return size() > CACHED_FORMS;
        }
      });

  EmbeddedForms(ResourceLoader resources, List<String> staticLocations) {
    this.resources = resources;
    this.staticLocations = staticLocations;
  }

  /**
   * What the embedded form {@code formKey} of a task of deployment {@code deploymentId} declares;
   * {@code deployedForm} reads the task's deployed form (the engine's lookup, with the caller's
   * rights on the task).
   */
  Declared of(String formKey, String deploymentId, Supplier<InputStream> deployedForm) {
    var key = formKey.substring(EMBEDDED.length());
    if (key.startsWith(DEPLOYMENT)) {
      return cached("deployment " + deploymentId + " " + key, () -> fromDeployment(formKey, deployedForm));
    }
    if (key.startsWith(APP)) {
      return cached("app " + key, () -> fromApplication(formKey, key.substring(APP.length())));
    }
    return Declared.unknown("its embedded form " + formKey + " is neither in the task's deployment (embedded:deployment:) "
        + "nor a file of the application (embedded:app:), so its fields are not known");
  }

  /** Read outside the cache's lock: reading a deployed form is a command of the engine. */
  private Declared cached(String key, Supplier<Declared> read) {
    var known = cache.get(key);
    if (known == null) {
      known = read.get();
      cache.put(key, known);
    }
    return known;
  }

  private static Declared fromDeployment(String formKey, Supplier<InputStream> deployedForm) {
    InputStream form;
    try {
      form = deployedForm.get();
    } catch (BadUserRequestException notDeployed) {
      return Declared.unknown("its embedded form " + formKey + " is not a resource of the task's deployment");
    }
    try (form) {
      return read(formKey, form);
    } catch (IOException e) {
      throw new ProcessEngineException("The form " + formKey + " cannot be read", e);
    }
  }

  private Declared fromApplication(String formKey, String path) {
    var relative = path.replaceFirst("^/+", "");
    // no way out of the static locations: no "..", no other scheme, and no escapes a file: location
    // would decode (%2e%2e)
    if (relative.isEmpty() || relative.contains("..") || relative.contains("\\") || relative.contains(":") || relative.contains("%")) {
      return Declared.unknown("its embedded form " + formKey + " is not a path of the application's files");
    }
    for (var location : staticLocations) {
      var file = resources.getResource(location.endsWith("/") ? location + relative : location + "/" + relative);
      if (file.isReadable()) {
        try (var in = file.getInputStream()) {
          return read(formKey, in);
        } catch (IOException e) {
          throw new ProcessEngineException("The form " + formKey + " cannot be read", e);
        }
      }
    }
    return Declared.unknown("its embedded form " + formKey + " is not a file of the application (static/" + relative
        + "); a process owner deploys the HTML file with the diagram and names it embedded:deployment:");
  }

  private static Declared read(String formKey, InputStream form) throws IOException {
    var html = new String(form.readAllBytes(), StandardCharsets.UTF_8);
    try {
      return new Declared(variableNames(html), null);
    } catch (ParseException malformed) {
      return Declared.unknown("its embedded form " + formKey + " cannot be read as HTML (" + malformed.getMessage() + ")");
    }
  }

  /** The {@code cam-variable-name}s of the form's input, select and textarea elements. */
  static Set<String> variableNames(String html) throws ParseException {
    var names = new TreeSet<String>();
    var handler = new AbstractSimpleMarkupHandler() {
      private void element(String name, Map<String, String> attributes) {
        if (attributes == null || !FIELD_ELEMENTS.contains(name.toLowerCase(Locale.ROOT))) {
          return;
        }
        attributes.forEach((attribute, value) -> {
          if (attribute.equalsIgnoreCase(VARIABLE_ATTRIBUTE) && value != null && !value.isBlank()) {
            names.add(value);
          }
        });
      }

      @Override
      public void handleStandaloneElement(String name, Map<String, String> attributes, boolean minimized, int line, int col) {
        element(name, attributes);
      }

      @Override
      public void handleOpenElement(String name, Map<String, String> attributes, int line, int col) {
        element(name, attributes);
      }

      @Override
      public void handleAutoOpenElement(String name, Map<String, String> attributes, int line, int col) {
        element(name, attributes);
      }
    };
    new SimpleMarkupParser(ParseConfiguration.htmlConfiguration()).parse(NOT_RENDERED.matcher(html).replaceAll(""), handler);
    return names;
  }
}
