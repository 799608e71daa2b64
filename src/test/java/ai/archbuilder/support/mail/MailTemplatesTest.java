package ai.archbuilder.support.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.support.StaticApplicationContext;

/** The template folders: an external folder overrides single files, the built-in ones fill in. */
class MailTemplatesTest {

  @TempDir Path folder;

  /** The variables TicketMailer gives every template (absent values are null, not missing). */
  static Map<String, Object> model(String subject) {
    var ticket = new HashMap<String, Object>();
    ticket.putAll(Map.of("key", "TCK-000007", "subject", subject, "status", "triage", "group", "tier1"));
    ticket.put("priority", null);
    ticket.put("tier", null);
    ticket.put("coverageTerms", null);
    var contact = new HashMap<String, Object>(Map.of("team", "Support", "email", "support@example.com"));
    contact.put("phone", null);
    contact.put("web", null);
    var model = new HashMap<String, Object>();
    model.put("ticket", ticket);
    model.put("customer", Map.of("name", "Alice", "email", "alice@example.com", "vip", false));
    model.put("contact", contact);
    model.put("firstResponse", null);
    return model;
  }

  @Test
  void anExternalFolderOverridesOneFileAndIsReadAfreshForEveryMessage() throws Exception {
    var templates = new MailTemplates(List.of("file:" + folder + "/", "classpath:/mail-templates/"), new StaticApplicationContext());
    Files.writeString(folder.resolve("acknowledgement.txt"), "Dear [(${customer.name})], we got [(${ticket.key})].");

    var rendered = templates.render("acknowledgement", model("Help"));
    assertThat(rendered.text()).isEqualTo("Dear Alice, we got TCK-000007.\n");
    // the HTML body is not overridden: the built-in one
    assertThat(rendered.html()).contains("<html", "TCK-000007", "support@example.com");

    // a support lead edits the file: the next message uses it, no restart
    Files.writeString(folder.resolve("acknowledgement.txt"), "Hi [(${customer.name})]!");
    assertThat(templates.render("acknowledgement", model("Help")).text()).isEqualTo("Hi Alice!\n");
  }

  @Test
  void aBrokenEditedTemplateFallsBackToTheBuiltInOne() throws Exception {
    var templates = new MailTemplates(List.of("file:" + folder + "/", "classpath:/mail-templates/"), new StaticApplicationContext());
    Files.writeString(folder.resolve("acknowledgement.txt"), "Dear [(${customer.name.nonsense()})]");
    assertThat(templates.render("acknowledgement", model("Help")).text()).startsWith("Hello Alice,").contains("TCK-000007");
  }

  @Test
  void htmlEscapesTicketTextPlainTextKeepsIt() {
    var templates = new MailTemplates(List.of("classpath:/mail-templates/"), new StaticApplicationContext());
    var rendered = templates.render("acknowledgement", model("<script>alert(1)</script> & co"));
    assertThat(rendered.html()).contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co").doesNotContain("<script>");
    assertThat(rendered.text()).contains("<script>alert(1)</script> & co");
  }
}
