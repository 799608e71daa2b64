package ai.archbuilder.support.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The e-mail element templates offer exactly the templates {@link TicketMailer} knows. */
class MailElementTemplatesTest {

  private static final Path TEMPLATES = Path.of("bpmn/.camunda/element-templates");
  private static final List<String> KNOWN =
      List.of("acknowledgement", "information-request", "resolution", "status-update", "escalation", "survey",
          "handover", "manager-notification");

  private static List<String> templateValues(String file) throws Exception {
    JsonNode t = new ObjectMapper().readTree(TEMPLATES.resolve(file).toFile());
    var values = new ArrayList<String>();
    for (var p : t.get("properties")) {
      if (p.get("binding").path("type").asText().equals("camunda:inputParameter") && p.get("binding").path("name").asText().equals("template")) {
        if (p.hasNonNull("value")) {
          values.add(p.get("value").asText());
        }
        p.path("choices").forEach(c -> values.add(c.get("value").asText()));
      }
    }
    return values;
  }

  @Test
  void sendTicketMailOffersEveryTemplateTheMailerKnows() throws Exception {
    var offered = templateValues("send-ticket-mail.json");
    offered.forEach(v -> assertThatCode(() -> TicketMailer.audience(v)).as(v).doesNotThrowAnyException());
    assertThat(offered).containsAll(KNOWN);
    // the SLA warning needs its window, the task's assignee and the warned flag: sendSlaWarningDelegate
    // sends it, the generic mail step would send a wrong one
    assertThat(offered).doesNotContain("sla-warning");
    // the reply carries the message an agent just wrote through the API (SendAgentReplyListener): a
    // diagram's step would send the latest agent message again, or none
    assertThat(offered).doesNotContain("reply");
    KNOWN.forEach(v -> assertThatCode(() -> TicketMailer.audience(v)).as(v).doesNotThrowAnyException());
  }

  @Test
  void notifyManagersSendsTheManagersTemplate() throws Exception {
    assertThat(templateValues("notify-managers.json")).containsExactly("manager-notification");
    assertThat(TicketMailer.audience("manager-notification")).isEqualTo(TicketMailer.Audience.MANAGERS);
  }
}
