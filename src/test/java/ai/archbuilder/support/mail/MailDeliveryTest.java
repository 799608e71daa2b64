package ai.archbuilder.support.mail;

import static ai.archbuilder.support.ticket.TicketLifecycle.MAIL_PROCESS_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import ai.archbuilder.support.ticket.TicketScenarios;
import ai.archbuilder.support.ticket.TicketStore;
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
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * E-mail through a real SMTP server (GreenMail): every template arrives as multipart/alternative
 * with our headers and escaped customer text; later messages thread; an SMTP server that is away
 * never touches the ticket, becomes an incident after the last retry and, once back, the retried
 * job delivers the message exactly once.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "support.mail.enabled=true",
      // a database of its own: jobs of other test classes' tickets must not send mail here
      "spring.datasource.url=jdbc:h2:mem:support-mail-test;DB_CLOSE_DELAY=-1",
      "spring.mail.properties.mail.smtp.connectiontimeout=2000",
      "spring.mail.properties.mail.smtp.timeout=2000"
    })
@ActiveProfiles({"test", "demo"})
class MailDeliveryTest extends TicketScenarios {

  /** A free port rather than GreenMail's fixed 3025: other builds may run on this machine at the same time. */
  private static final int SMTP_PORT = freePort();

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.port(SMTP_PORT)).withPerMethodLifecycle(false);

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP_PORT);
  }

  @Autowired TicketStore ticketStore;
  @Autowired TicketMailer mailer;
  @Autowired OutboundMails outbox;

  private static final String EVIL_SUBJECT = "Export <script>alert('x')</script> & \"totals\"";

  @BeforeEach
  void emptyMailbox() throws Exception {
    if (!smtp.isRunning()) {
      smtp.start();
    }
    smtp.purgeEmailFromAllMailboxes();
  }

  @AfterEach
  void clock() {
    ClockUtil.reset();
  }

  @Test
  void customerMailsThreadAndAreMultipartWithEscapedCustomerText() throws Exception {
    setClock(la("2026-12-01T10:00:00")); // Tuesday
    var key = createTicket("alice", ticket("alice@example.com", EVIL_SUBJECT, "The total is off <b>by one</b> & more",
        "category", "TECHNICAL", "subcategory", "SOFTWARE_BUG", "impact", "MINOR")).get("key").asText();
    executeDueJobs();
    complete("tier1", task(key, "Task_TriageTicket"), Map.of("category", "TECHNICAL", "subcategory", "SOFTWARE_BUG",
        "impact", "MINOR", "urgency", "MEDIUM", "security", false, "outcome", "REQUEST_INFORMATION",
        "reply", "Which version do you use? <img src=x onerror=alert(1)> & which file?"));
    executeDueJobs();
    setClock(la("2026-12-01T11:00:00"));
    post("alice", "/api/tickets/" + key + "/messages", Map.of("from", "CUSTOMER", "body", "Version 3.2"));
    complete("tier1", task(key, "Task_WorkOnTicket"), Map.of("outcome", "RESOLVE", "reply", "Update to 3.3.", "documentInKb", false));
    executeDueJobs();

    var mails = to("alice@example.com", key);
    assertThat(mails).extracting(m -> template(m, key)).containsExactly("acknowledgement", "information-request", "resolution");
    var ack = mails.get(0);
    var info = mails.get(1);
    var resolution = mails.get(2);

    // subject: the ticket's tag and the customer's subject, on one line
    assertThat(ack.getSubject()).isEqualTo("[" + key + "] " + EVIL_SUBJECT);
    // our Message-ID, as recorded on the ticket; the first message starts the thread
    var rows = outbox.of(ticketStore.get(key).id()).stream().filter(r -> r.recipient().equals("alice@example.com")).toList();
    assertThat(ack.getMessageID()).isEqualTo(rows.get(0).messageId()).endsWith("@archbuilder.app>");
    assertThat(ack.getHeader("In-Reply-To")).isNull();
    assertThat(ack.getHeader("References")).isNull();
    // later messages reply to the previous one; References is the chain
    assertThat(info.getHeader("In-Reply-To")).containsExactly(ack.getMessageID());
    assertThat(info.getHeader("References")).containsExactly(ack.getMessageID());
    assertThat(resolution.getHeader("In-Reply-To")).containsExactly(info.getMessageID());
    assertThat(resolution.getHeader("References")[0].split("\\s+")).containsExactly(ack.getMessageID(), info.getMessageID());
    var ackId = ack.getMessageID();
    var infoId = info.getMessageID();
    assertThat(historyDetails(key, "MAIL_SENT")).anyMatch(d -> d.contains(ackId)).anyMatch(d -> d.contains(infoId))
        .noneMatch(d -> d.contains("not sent"));

    for (var mail : mails) {
      assertThat(mail.getContentType()).startsWith("multipart/alternative");
      var text = part(mail, "text/plain");
      var html = part(mail, "text/html");
      // HTML: customer and agent text escaped, never markup
      assertThat(html).doesNotContain("<script>", "<img").contains("&lt;script&gt;alert(", "&amp;");
      // plain text: as typed
      assertThat(text).contains("<script>alert('x')</script> & \"totals\"");
      // contact details
      assertThat(text).contains("support@archbuilder.app", "+1 (555) 123-4567");
      assertThat(html).contains("support@archbuilder.app");
    }
    assertThat(part(ack, "text/plain")).contains("An agent will respond within 24 business hours (by Thu 3 Dec 16:00 PST).");
    assertThat(part(info, "text/html")).contains("Which version do you use? &lt;img src=x onerror=alert(1)&gt; &amp; which file?");
    assertThat(part(info, "text/plain")).contains("Status:   waiting for customer");
    assertThat(part(resolution, "text/plain")).contains("Update to 3.3.", "Without an answer by Tue 8 Dec 11:00 PST");
  }

  @Test
  void everyTemplateRendersAndArrivesWithItsHeaders() throws Exception {
    setClock(la("2026-12-01T10:00:00")); // Tuesday, open hours: internal mail is not held back
    var key = createTicket("alice", ticket("alice@example.com", EVIL_SUBJECT, "Line one\r\nline <two> & three",
        "category", "TECHNICAL", "subcategory", "SOFTWARE_BUG", "impact", "MINOR")).get("key").asText();
    executeDueJobs();
    smtp.purgeEmailFromAllMailboxes();
    var t = ticketStore.get(key);
    for (var template : TicketMailer.TEMPLATES) {
      var details = new HashMap<String, Object>();
      switch (template) {
        case "sla-warning" -> details.putAll(Map.of("window", "RESPONSE", "used", "75 %"));
        case "sla-breach" -> details.putAll(Map.of("tier", 1, "trigger", "RESPONSE_BREACH", "outcome", "escalated to Tier 2"));
        case "manager-notification", "handover", "escalation" -> details.put("trigger", "TIME_IN_TIER");
        default -> {}
      }
      mailer.queue(t, template, details);
    }
    executeDueJobs();

    var received = Arrays.asList(smtp.getReceivedMessages());
    assertThat(received).hasSize(TicketMailer.TEMPLATES.size());
    var expected = Map.of("CUSTOMER", "alice@example.com", "TIER", "tier1@archbuilder.app", "MANAGERS", "support-managers@archbuilder.app");
    var rows = outbox.of(t.id());
    for (var template : TicketMailer.TEMPLATES) {
      var row = rows.stream().filter(r -> r.template().equals(template)).reduce((a, b) -> b).orElseThrow();
      var mail = received.stream().filter(m -> messageId(m).equals(row.messageId())).findFirst().orElseThrow(() -> new AssertionError(template + " not received"));
      assertThat(mail.getRecipients(Message.RecipientType.TO)[0].toString()).as(template)
          .isEqualTo(expected.get(TicketMailer.audience(template).name()));
      assertThat(mail.getSubject()).as(template).isEqualTo("[" + key + "] " + EVIL_SUBJECT);
      assertThat(mail.getHeader("Message-ID")).as(template).isNotNull();
      assertThat(mail.getContentType()).as(template).startsWith("multipart/alternative");
      var text = part(mail, "text/plain");
      var html = part(mail, "text/html");
      assertThat(text).as(template).contains(key, EVIL_SUBJECT).doesNotContain("&lt;", "&amp;", "[(", "th:", "${");
      assertThat(html).as(template).contains(key, "&lt;script&gt;").doesNotContain("<script>", "th:", "${");
      // what was sent is what was rendered when it was queued
      assertThat(text.strip()).as(template).isEqualTo(row.bodyText().replace("\r\n", "\n").strip());
    }
    var byTemplate = new HashMap<String, String>();
    rows.forEach(r -> byTemplate.put(r.template(), r.bodyText()));
    assertThat(byTemplate.get("sla-warning")).contains("has used 75 % of its response window", "Respond to the customer within 24 business hours (by Thu 3 Dec 16:00 PST).");
    assertThat(byTemplate.get("sla-breach")).contains("missed its response target in Tier 1", "escalated to Tier 2");
    assertThat(byTemplate.get("handover")).contains("line <two> & three");
    assertThat(byTemplate.get("survey")).contains("from 1 (very unsatisfied) to 5");
    assertThat(byTemplate.get("manager-notification")).contains("Oversight needed".toUpperCase());
  }

  @Test
  void aBreachTellsTheTierThatMissedItAndAtTheCeilingTheManagersToo() throws Exception {
    setClock(la("2026-12-01T10:00:00")); // Tuesday
    // PROFESSIONAL, P2: response due in 4 business hours; ceiling Tier 2
    var key = createTicket("paul", ticket("paul@example.com", "Sync broken", "Cloud sync is broken for everyone",
        "category", "TECHNICAL", "subcategory", "SOFTWARE_BUG", "impact", "MAJOR")).get("key").asText();
    executeDueJobs();
    advanceTo(instant(ticket(key), "tierResponseDueAt").plusSeconds(1));
    var t = ticket(key);
    assertThat(t.get("tier").asInt()).isEqualTo(2);
    assertThat(t.get("escalations").get(0).get("trigger").asText()).isEqualTo("RESPONSE_BREACH");

    var breach = only(to("tier1@archbuilder.app", key), "sla-breach", key);
    // sent to Tier 1 after the ticket moved to Tier 2: it greets the tier it goes to
    assertThat(part(breach, "text/plain")).startsWith("Hello Tier 1 team,").contains("missed its response target in Tier 1", "escalated to Tier 2");
    assertThat(part(breach, "text/html")).contains("Hello <span>Tier 1 team</span>,");
    assertThat(part(only(to("tier2@archbuilder.app", key), "handover", key), "text/plain"))
        .startsWith("Hello Tier 2 team,").contains("escalated for RESPONSE_BREACH");
    var escalation = only(to("paul@example.com", key), "escalation", key);
    assertThat(part(escalation, "text/plain")).contains("A specialist will respond within 4 business hours");
    assertThat(escalation.getHeader("In-Reply-To")).isNotNull();

    // Tier 2 is the ceiling: the next response breach is overseen, Tier 2 and the managers hear of it
    advanceTo(instant(ticket(key), "tierResponseDueAt").plusSeconds(1));
    assertThat(ticket(key).get("escalations").get(1).get("action").asText()).isEqualTo("OVERSIGHT");
    assertThat(part(only(to("tier2@archbuilder.app", key), "sla-breach", key), "text/plain"))
        .contains("missed its response target in Tier 2", "stays in Tier 2, its ceiling");
    assertThat(part(only(to("support-managers@archbuilder.app", key), "manager-notification", key), "text/plain"))
        .contains("OVERSIGHT NEEDED", "(RESPONSE_BREACH)");
  }

  @Test
  void roundTheClockCoverageSpeaksInPlainHours() throws Exception {
    setClock(la("2026-12-05T22:00:00")); // Saturday night: 24/7 counts every hour
    var key = createTicket("erin", ticket("erin@example.com", "Sync fails", "Cloud sync fails with an error",
        "category", "TECHNICAL", "subcategory", "SOFTWARE_BUG", "impact", "MINOR")).get("key").asText();
    executeDueJobs();
    var ack = to("erin@example.com", key).get(0);
    assertThat(part(ack, "text/plain")).contains("within 24 hours (by Sun 6 Dec 22:00 PST)", "24/7").doesNotContain("business hours");
  }

  @Test
  void smtpDownRetriesThenIncidentAndOnceBackTheRetriedJobDeliversExactlyOnce() throws Exception {
    var start = la("2026-12-01T10:00:00");
    setClock(start);
    smtp.stop();
    var key = createTicket("alice", ticket("alice@example.com", "Mail server away", "Nothing arrives",
        "category", "TECHNICAL", "subcategory", "SOFTWARE_BUG", "impact", "MINOR")).get("key").asText();
    var mailInstance = runtime.createProcessInstanceQuery().processDefinitionKey(MAIL_PROCESS_KEY).processInstanceBusinessKey(key).singleResult();
    var mailId = ((Number) runtime.getVariable(mailInstance.getId(), "mailId")).longValue();

    // five attempts a minute apart (R5/PT1M): the retries count down, the due date moves by a minute
    for (int attempt = 1; attempt <= 5; attempt++) {
      setClock(start.plus(Duration.ofMinutes(attempt - 1)));
      executeDueJobsTolerating();
      var job = deliveryJob(mailInstance.getId());
      assertThat(job.getRetries()).as("retries after attempt %d", attempt).isEqualTo(5 - attempt);
      assertThat(job.getExceptionMessage()).as("attempt %d", attempt).isNotBlank();
      if (attempt < 5) {
        assertThat(job.getDuedate().toInstant()).isEqualTo(start.plus(Duration.ofMinutes(attempt)));
      }
    }
    // no retries left: an incident for Cockpit, nothing executable, the mail not sent
    var job = deliveryJob(mailInstance.getId());
    assertThat(runtime.createIncidentQuery().processInstanceId(mailInstance.getId()).incidentType("failedJob").count()).isEqualTo(1);
    setClock(start.plus(Duration.ofHours(1)));
    assertThat(management.createJobQuery().jobId(job.getId()).executable().count()).isZero();
    executeDueJobsTolerating();
    assertThat(outbox.find(mailId).orElseThrow().sentAt()).isNull();

    // the ticket is untouched: still waiting for triage, nothing rolled back
    assertThat(task(key, "Task_TriageTicket")).isNotNull();
    assertThat(ticket(key).get("status").asText()).isEqualTo("TRIAGE");
    assertThat(historyEvents(key)).contains("CREATED", "MAIL_QUEUED").doesNotContain("MAIL_SENT");

    // the server is back; the operator retries the incident (Cockpit: "Increment retries")
    smtp.start();
    management.setJobRetries(job.getId(), 1);
    management.executeJob(job.getId());
    assertThat(to("alice@example.com", key)).hasSize(1);
    assertThat(runtime.createIncidentQuery().processInstanceId(mailInstance.getId()).count()).isZero();
    assertThat(outbox.find(mailId).orElseThrow().sentAt()).isNotNull();
    assertThat(historyEvents(key).stream().filter("MAIL_SENT"::equals)).hasSize(1);

    // a repeated delivery of the same outbox row (a second job for it) sends nothing twice
    var again = new HashMap<String, Object>();
    again.put("mailId", mailId);
    again.put("deliverAfter", null);
    runtime.startProcessInstanceByKey(MAIL_PROCESS_KEY, key, again);
    executeDueJobs();
    executeDueJobs();
    assertThat(to("alice@example.com", key)).hasSize(1);
    assertThat(historyEvents(key).stream().filter("MAIL_SENT"::equals)).hasSize(1);
  }

  // ---- helpers

  private Job deliveryJob(String processInstanceId) {
    return management.createJobQuery().processInstanceId(processInstanceId).activityId("Task_DeliverMail").singleResult();
  }

  /** Like executeDueJobs, but a failing job (SMTP down) fails as it would in the job executor. */
  private void executeDueJobsTolerating() {
    var failed = new java.util.HashSet<String>();
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

  private List<MimeMessage> to(String address, String key) throws Exception {
    var list = new java.util.ArrayList<MimeMessage>();
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
    var id = messageId(m);
    return outbox.of(ticketStore.get(key).id()).stream().filter(r -> r.messageId().equals(id)).findFirst().orElseThrow().template();
  }

  private static String messageId(MimeMessage m) {
    try {
      return m.getMessageID();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<String> historyDetails(String key, String event) {
    var details = new java.util.ArrayList<String>();
    get("admin", "/api/tickets/" + key + "/history").getBody().forEach(e -> {
      if (e.get("event").asText().equals(event)) {
        details.add(e.get("detail").asText());
      }
    });
    return details;
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
