package ai.archbuilder.support.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * Thymeleaf renders the e-mails and nothing else: no web template engine or view resolver of
 * Spring Boot's (which warned at every start that {@code classpath:/templates/} is missing), and
 * the mail templates still render in the running application.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class MailTemplatesOnlyTest {

  @Autowired ApplicationContext context;
  @Autowired MailTemplates templates;

  @Test
  void thymeleafServesTheMailTemplatesOnly() {
    assertThat(context.getBeanNamesForType(ITemplateEngine.class)).isEmpty();
    assertThat(context.getBeanNamesForType(ThymeleafViewResolver.class)).isEmpty();
    var rendered = templates.render("acknowledgement", MailTemplatesTest.model("Export fails"));
    assertThat(rendered.text()).contains("TCK-000007");
    assertThat(rendered.html()).contains("TCK-000007");
  }
}
