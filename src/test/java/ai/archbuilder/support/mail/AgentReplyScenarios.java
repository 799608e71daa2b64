package ai.archbuilder.support.mail;

import static org.assertj.core.api.Assertions.assertThat;

import ai.archbuilder.support.ticket.TicketScenarios;
import ai.archbuilder.support.ticket.TicketStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An agent's public message through the API ({@code from: AGENT}) reaches the customer as the
 * {@code reply} e-mail, through a real SMTP server (GreenMail), on H2 and on PostgreSQL (the two
 * subclasses): queued in the message's transaction, sent once by its job, threaded like the
 * desk's other e-mails, the agent's text escaped in HTML and as typed in plain text; with the
 * server away the job retries, becomes an incident and, retried once back, delivers it once.
 */
abstract class AgentReplyScenarios extends TicketScenarios {

  /** A free port rather than GreenMail's fixed 3025: other builds may run on this machine at the same time. */
  private static final int SMTP_PORT = freePort();

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.port(SMTP_PORT)).withPerMethodLifecycle(false);

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry registry) {
    registry.add("support.mail.enabled", () -> "true");
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP_PORT);
    registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> "2000");
    registry.add("spring.mail.properties.mail.smtp.timeout", () -> "2000");
  }

  /** HTML-special characters, a quote of each kind, several lines and non-ASCII letters. */
  private static final String BODY =
      "Looking into it <b>now</b> & \"soon\" - it's the <script>alert('x')</script> export.\n\nTwo lines down: ü, € and 3 < 4 > 2.";

  @Autowired TicketStore ticketStore;
  @Autowired OutboundMails outbox;

  @BeforeEach
  void emptyMailbox() throws Exception {
    if (!smtp.isRunning()) {
      smtp.start();
    }
    smtp.purgeEmailFromAllMailboxes();
  }

  @Test
  void anAgentsReplyReachesTheCustomerOnceThreadedAndItsAnswerThreadsBack() throws Exception {
    setClock(la("2026-12-01T10:00:00")); // Tuesday
    var key = createTicket("alice", ticket("alice@example.com", "Export shows a wrong total", "The monthly total is off",
        "category", "TECHNICAL", "subcategory", "SOFTWARE_BUG", "impact", "MINOR")).get("key").asText();
    executeDueJobs();
    var ack = only(to("alice@example.com", key), "acknowledgement", key);
    assertThat(lifecycleWaitsAt(key, "Task_AwaitFirstResponse")).as("the response clock runs").isTrue();

    setClock(la("2026-12-01T11:00:00"));
    var answer = post("tier1", "/api/tickets/" + key + "/messages", Map.of("from", "AGENT", "body", BODY));
    assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(202);
    assertThat(answer.getBody().get("outcome").asText()).isEqualTo("ADDED");

    // queued in the message's transaction, not sent yet: the job sends it
    var row = rows(key, "reply");
    assertThat(row).singleElement().satisfies(r -> {
      assertThat(r.recipient()).isEqualTo("alice@example.com");
      assertThat(r.sentAt()).isNull();
    });
    assertThat(historyEvents(key)).containsSubsequence("REPLIED", "FIRST_RESPONSE", "MAIL_QUEUED");
    assertThat(details(key, "MAIL_QUEUED")).contains("reply to alice@example.com");
    // the first-response clock stopped at the reply
    assertThat(instant(ticket(key), "firstRespondedAt")).isEqualTo(la("2026-12-01T11:00:00"));
    assertThat(lifecycleWaitsAt(key, "Task_AwaitFirstResponse")).isFalse();

    executeDueJobs();
    executeDueJobs();
    var replies = to("alice@example.com", key).stream().filter(m -> template(m, key).equals("reply")).toList();
    assertThat(replies).as("exactly one e-mail with the reply").hasSize(1);
    var reply = replies.get(0);
    assertThat(reply.getSubject()).isEqualTo("[" + key + "] Export shows a wrong total");
    assertThat(reply.getMessageID()).isEqualTo(row.get(0).messageId()).endsWith("@archbuilder.app>");
    // in the ticket's thread: it answers the acknowledgement
    assertThat(reply.getHeader("In-Reply-To")).containsExactly(ack.getMessageID());
    assertThat(reply.getHeader("References")).containsExactly(ack.getMessageID());
    assertThat(reply.getContentType()).startsWith("multipart/alternative");
    var text = part(reply, "text/plain");
    var html = part(reply, "text/html");
    // plain text: the agent's message byte for byte; HTML: escaped, never markup
    assertThat(text).contains(BODY, "Ticket:   " + key + " – Export shows a wrong total", "keep " + key + " in the subject");
    assertThat(html)
        .contains("Looking into it &lt;b&gt;now&lt;/b&gt; &amp;", "&lt;script&gt;alert(", "3 &lt; 4 &gt; 2", "ü, €", key)
        .doesNotContain("<b>now", "<script>");
    assertThat(details(key, "MAIL_SENT")).filteredOn(d -> d.startsWith("reply to alice@example.com"))
        .singleElement().asString().contains(reply.getMessageID()).doesNotContain("not sent");
    assertThat(rows(key, "reply").get(0).sentAt()).isEqualTo(la("2026-12-01T11:00:00"));
    // the customer reads the mail in her history, as she does the other mails to her
    assertThat(customerHistory("alice", key)).contains("MAIL_QUEUED", "MAIL_SENT");

    // her answer to it, without the tag in the subject, threads back by In-Reply-To
    var back = postMail(raw("alice@example.com", "Re: your message", reply.getMessageID(), "Thanks, it is version 3.2."));
    assertThat(back.getStatusCode().value()).as("%s", back.getBody()).isEqualTo(202);
    assertThat(back.getBody().get("ticket").asText()).isEqualTo(key);
    assertThat(back.getBody().get("outcome").asText()).isEqualTo("ADDED_TO_TICKET");

    // an agent answering by e-mail stays internal: no mail to the customer
    var internal = postMail(raw("tier1@archbuilder.app", "Re: [" + key + "] Export shows a wrong total", reply.getMessageID(), "Noted."));
    assertThat(internal.getBody().get("outcome").asText()).isEqualTo("INTERNAL_REPLY");
    executeDueJobs();
    assertThat(rows(key, "reply")).hasSize(1);
    assertThat(to("alice@example.com", key)).hasSize(2);
  }

  @Test
  void aReplyOnAClosedTicketIsMailedTooAndLeavesItClosed() throws Exception {
    setClock(la("2026-12-01T10:00:00"));
    var key = createTicket("alice", ticket("alice@example.com", "How do I export to IFC?", "How do I export my model to IFC format?",
        "category", "TRAINING", "subcategory", "DOCUMENTATION", "impact", "QUESTION")).get("key").asText();
    executeDueJobs();
    complete("tier1", task(key, "Task_TriageTicket"), Map.of("category", "TRAINING", "subcategory", "DOCUMENTATION",
        "impact", "QUESTION", "urgency", "MEDIUM", "security", false, "outcome", "RESOLVE",
        "reply", "Use File > Export > IFC.", "documentInKb", false));
    executeDueJobs();
    assertThat(post("alice", "/api/tickets/" + key + "/verification", Map.of("accepted", true)).getStatusCode().value()).isEqualTo(202);
    executeDueJobs();
    assertThat(ticket(key).get("status").asText()).isEqualTo("CLOSED");
    // the Tasklist outcome sent its own e-mail, not a reply
    assertThat(rows(key, "reply")).isEmpty();
    assertThat(rows(key, "resolution")).hasSize(1);

    setClock(la("2026-12-02T09:00:00"));
    var answer = post("tier1", "/api/tickets/" + key + "/messages", Map.of("from", "AGENT", "body", "IFC 4 works as well."));
    assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(202);
    executeDueJobs();

    var reply = only(to("alice@example.com", key), "reply", key);
    var text = part(reply, "text/plain");
    assertThat(text).contains("IFC 4 works as well.", "Your ticket is closed", "Status:   closed");
    assertThat(part(reply, "text/html")).contains("IFC 4 works as well.", "Your ticket is closed");
    assertThat(ticket(key).get("status").asText()).isEqualTo("CLOSED");
  }

  @Test
  void smtpDownTheReplyRetriesBecomesAnIncidentAndOnceBackIsDeliveredOnce() throws Exception {
    var start = la("2026-12-01T10:00:00");
    setClock(start);
    var key = createTicket("alice", ticket("alice@example.com", "Mail server away", "Nothing arrives",
        "category", "TECHNICAL", "subcategory", "SOFTWARE_BUG", "impact", "MINOR")).get("key").asText();
    executeDueJobs();
    smtp.stop();

    var answer = post("tier1", "/api/tickets/" + key + "/messages", Map.of("from", "AGENT", "body", "Looking into it"));
    assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(202);
    var mailId = rows(key, "reply").get(0).id();
    var delivery = runtime.createProcessInstanceQuery().processDefinitionKey("MailDeliveryProcess").processInstanceBusinessKey(key)
        .variableValueEquals("mailId", mailId).singleResult();

    // five attempts a minute apart (R5/PT1M), each failing
    for (int attempt = 1; attempt <= 5; attempt++) {
      setClock(start.plus(Duration.ofMinutes(attempt - 1)));
      executeDueJobsTolerating();
      var job = deliveryJob(delivery.getId());
      assertThat(job.getRetries()).as("retries after attempt %d", attempt).isEqualTo(5 - attempt);
      assertThat(job.getExceptionMessage()).isNotBlank();
    }
    var job = deliveryJob(delivery.getId());
    assertThat(runtime.createIncidentQuery().processInstanceId(delivery.getId()).incidentType("failedJob").count()).isEqualTo(1);
    assertThat(outbox.find(mailId).orElseThrow().sentAt()).isNull();
    // the reply stands and its clock stopped, whatever the mail server does
    assertThat(instant(ticket(key), "firstRespondedAt")).isEqualTo(start);
    assertThat(historyEvents(key)).contains("REPLIED", "FIRST_RESPONSE");

    // the server is back; the operator retries the incident (Cockpit: "Increment retries")
    smtp.start();
    management.setJobRetries(job.getId(), 1);
    management.executeJob(job.getId());
    executeDueJobs();
    assertThat(to("alice@example.com", key).stream().filter(m -> template(m, key).equals("reply"))).hasSize(1);
    assertThat(part(only(to("alice@example.com", key), "reply", key), "text/plain")).contains("Looking into it");
    assertThat(runtime.createIncidentQuery().processInstanceId(delivery.getId()).count()).isZero();
    assertThat(details(key, "MAIL_SENT")).filteredOn(d -> d.startsWith("reply to ")).hasSize(1);
  }

  // ------------------------------------------------------------------ helpers

  private boolean lifecycleWaitsAt(String key, String activityId) {
    return runtime.createExecutionQuery().processInstanceBusinessKey(key).activityId(activityId).count() > 0;
  }

  private List<OutboundMails.Mail> rows(String key, String template) {
    return outbox.of(ticketStore.get(key).id()).stream().filter(r -> r.template().equals(template)).toList();
  }

  private Job deliveryJob(String processInstanceId) {
    return management.createJobQuery().processInstanceId(processInstanceId).activityId("Task_DeliverMail").singleResult();
  }

  /** Like executeDueJobs, but a failing job (SMTP down) fails as it would in the job executor. */
  private void executeDueJobsTolerating() {
    var failed = new HashSet<String>();
    for (int round = 0; round < 500; round++) {
      var now = ClockUtil.getCurrentTime();
      var next = management.createJobQuery().executable().orderByJobDuedate().asc().list().stream()
          .filter(j -> !failed.contains(j.getId()))
          .filter(j -> j.getDuedate() == null || !j.getDuedate().after(now))
          .findFirst();
      if (next.isEmpty()) {
        return;
      }
      try {
        management.executeJob(next.get().getId());
      } catch (RuntimeException e) {
        failed.add(next.get().getId());
      }
    }
    throw new IllegalStateException("Jobs keep falling due");
  }

  private List<String> details(String key, String event) {
    var details = new ArrayList<String>();
    get("admin", "/api/tickets/" + key + "/history").getBody().forEach(e -> {
      if (e.get("event").asText().equals(event)) {
        details.add(e.get("detail").asText());
      }
    });
    return details;
  }

  private List<String> customerHistory(String customer, String key) {
    var events = new ArrayList<String>();
    get(customer, "/api/tickets/" + key + "/history").getBody().forEach(e -> events.add(e.get("event").asText()));
    return events;
  }

  private static String raw(String from, String subject, String inReplyTo, String body) {
    return """
        From: %s
        To: support@archbuilder.app
        Subject: %s
        Message-ID: <%s@mail.example.com>
        In-Reply-To: %s
        Date: Tue, 1 Dec 2026 12:00:00 -0800
        MIME-Version: 1.0
        Content-Type: text/plain; charset=UTF-8

        %s
        """.formatted(from, subject, UUID.randomUUID(), inReplyTo, body).replace("\n", "\r\n");
  }

  private ResponseEntity<JsonNode> postMail(String raw) {
    var h = new HttpHeaders();
    h.setBasicAuth("admin", "demo");
    h.setContentType(MediaType.parseMediaType("message/rfc822"));
    return rest.exchange("/api/inbound-mail", HttpMethod.POST, new HttpEntity<>(raw.getBytes(StandardCharsets.UTF_8), h), JsonNode.class);
  }

  private List<MimeMessage> to(String address, String key) throws Exception {
    var list = new ArrayList<MimeMessage>();
    for (var m : smtp.getReceivedMessages()) {
      if (m.getSubject().startsWith("[" + key + "]") && m.getRecipients(Message.RecipientType.TO)[0].toString().equals(address)) {
        list.add(m);
      }
    }
    return list;
  }

  private MimeMessage only(List<MimeMessage> mails, String template, String key) {
    var found = mails.stream().filter(m -> template(m, key).equals(template)).toList();
    assertThat(found).as(template).hasSize(1);
    return found.get(0);
  }

  private String template(MimeMessage m, String key) {
    try {
      var id = m.getMessageID();
      return outbox.of(ticketStore.get(key).id()).stream().filter(r -> r.messageId().equals(id)).findFirst().orElseThrow().template();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String part(MimeMessage m, String type) throws Exception {
    var multipart = (MimeMultipart) m.getContent();
    for (int i = 0; i < multipart.getCount(); i++) {
      BodyPart part = multipart.getBodyPart(i);
      if (part.isMimeType(type)) {
        // SMTP sends lines ending in CRLF
        return ((String) part.getContent()).replace("\r\n", "\n");
      }
    }
    throw new AssertionError("no " + type + " part in " + GreenMailUtil.getWholeMessage(m));
  }

  private static int freePort() {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
