package ai.archbuilder.support.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.HashMap;
import org.junit.jupiter.api.Test;

/** {@code MailDeliveryProcess}: one e-mail, sent by a job of its own, never twice. H2 and PostgreSQL. */
abstract class MailDeliveryScenarios extends ProcessScenarios {

  @Test
  void theDeliveryJobSendsTheQueuedMailOnceEvenWhenItRunsAgain() {
    setClock(la("2026-11-24T10:00:00"));
    var key = create("alice", "alice@example.com", "Export shows a wrong total", "The monthly total is off",
        "category", "TECHNICAL", "subcategory", "SOFTWARE_BUG", "impact", "MINOR");
    var ack = mails(key, "acknowledgement");
    assertThat(ack).hasSize(1);
    assertThat(ack.get(0).recipient()).isEqualTo("alice@example.com");
    assertThat(ack.get(0).sentAt()).as("queued in the ticket's transaction, sent by a job").isNull();
    assertThat(details(key, "MAIL_QUEUED")).containsExactly("acknowledgement to alice@example.com");
    var delivery =
        runtime.createProcessInstanceQuery().processDefinitionKey(TicketLifecycle.MAIL_PROCESS_KEY).processInstanceBusinessKey(key).singleResult();
    assertThat(delivery).isWaitingAt("Task_DeliverMail").hasPassed("Gateway_Deferred").hasNotPassed("Timer_OpenHours");
    assertThat(management.createJobQuery().processInstanceId(delivery.getId()).singleResult().getDuedate().toInstant())
        .isEqualTo(la("2026-11-24T10:00:00"));

    setClock(la("2026-11-24T10:00:05"));
    executeDueJobs();
    var sent = mails(key, "acknowledgement").get(0);
    assertThat(sent.sentAt()).isEqualTo(la("2026-11-24T10:00:05"));
    // the tests run with e-mail turned off, as the embedded default does: the history does not claim it went out
    assertThat(details(key, "MAIL_SENT")).singleElement().asString().startsWith("acknowledgement to alice@example.com <tck-")
        .endsWith("(written to the log, not sent: support.mail.enabled=false)");
    assertThat(delivery).isEnded().hasPassed("Gateway_Deliver", "Task_DeliverMail", "End_MailSent");

    // the same e-mail delivered again (a repeated job): nothing is sent twice
    var again = new HashMap<String, Object>();
    again.put("mailId", sent.id());
    again.put("deliverAfter", null);
    var repeat = runtime.startProcessInstanceByKey(TicketLifecycle.MAIL_PROCESS_KEY, key, again);
    setClock(la("2026-11-24T10:05:00"));
    executeDueJobs();
    assertThat(repeat).isEnded().hasPassed("Task_DeliverMail");
    assertThat(mails(key, "acknowledgement").get(0).sentAt()).isEqualTo(la("2026-11-24T10:00:05"));
    assertThat(count(key, "MAIL_SENT")).isEqualTo(1);
  }
}
