package ai.archbuilder.support.mail;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.exceptions.TemplateEngineException;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.templateresolver.SpringResourceTemplateResolver;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * The e-mail templates: {@code <name>.html} and {@code <name>.txt} in a folder a support lead
 * edits without Java. The folders of {@code support.mail.templates-location} are searched in
 * order, per file: an external folder ({@code file:...}) overrides single templates of the
 * built-in ones and is read afresh for every message (no restart needed); built-in templates are
 * cached.
 *
 * <p>A template engine of its own, not a bean. The application has no web views: Spring Boot's
 * Thymeleaf auto-configuration is off (SupportDeskApplication).
 */
@Component
public class MailTemplates {

  /** Both bodies of one message. */
  public record Rendered(String text, String html) {}

  private static final Logger log = LoggerFactory.getLogger(MailTemplates.class);

  private final TemplateEngine engine;
  /** The built-in templates only: used when an edited external template does not render. */
  private final TemplateEngine builtIn;

  @Autowired
  MailTemplates(MailProperties properties, ApplicationContext resources) {
    this(properties.templatesLocation(), resources);
  }

  MailTemplates(List<String> locations, ApplicationContext resources) {
    this.engine = engine(locations, resources);
    var builtIn = locations.stream().filter(l -> l.startsWith("classpath")).toList();
    this.builtIn = builtIn.size() == locations.size() || builtIn.isEmpty() ? null : engine(builtIn, resources);
  }

  private static TemplateEngine engine(List<String> locations, ApplicationContext resources) {
    var engine = new SpringTemplateEngine();
    int order = 1;
    for (var location : locations) {
      var prefix = location.endsWith("/") ? location : location + "/";
      for (var mode : List.of(TemplateMode.HTML, TemplateMode.TEXT)) {
        var resolver = new SpringResourceTemplateResolver();
        resolver.setApplicationContext(resources);
        resolver.setPrefix(prefix);
        resolver.setResolvablePatterns(Set.of(mode == TemplateMode.HTML ? "*.html" : "*.txt"));
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        // fall through to the next folder when this one has no such file
        resolver.setCheckExistence(true);
        resolver.setCacheable(!prefix.startsWith("file:"));
        resolver.setOrder(order++);
        engine.addTemplateResolver(resolver);
      }
    }
    return engine;
  }

  /** Renders {@code <template>.txt} and {@code <template>.html} with the same variables. */
  public Rendered render(String template, Map<String, Object> variables) {
    try {
      return render(engine, template, variables);
    } catch (TemplateEngineException e) {
      if (builtIn == null) {
        throw e;
      }
      // a mistake in an edited template must not hold up the ticket: the built-in one is sent
      log.error("E-mail template {} does not render ({}); the built-in template is used", template, e.getMessage());
      return render(builtIn, template, variables);
    }
  }

  private static Rendered render(TemplateEngine engine, String template, Map<String, Object> variables) {
    var context = new Context(Locale.US, variables);
    return new Rendered(engine.process(template + ".txt", context).strip() + "\n", engine.process(template + ".html", context));
  }
}
