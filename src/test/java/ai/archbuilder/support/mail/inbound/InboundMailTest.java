package ai.archbuilder.support.mail.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import ai.archbuilder.support.ticket.TicketScenarios;
import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Flags;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Inbound e-mail end to end: messages arrive over SMTP in a GreenMail mailbox and are read over
 * IMAP by {@link ImapMailbox}, or are posted raw to {@code /api/inbound-mail}; the tickets change
 * through the real diagrams.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"support.mail.inbound.max-size=1MB", "support.mail.inbound.attachment-max-size=100KB"})
@ActiveProfiles({"test", "demo"})
@Import(ProcessEngineCoverageConfiguration.class) // the coverage of MailQuarantineReviewProcess
class InboundMailTest extends TicketScenarios {

  private static final String SUPPORT = "support@archbuilder.app";

  @RegisterExtension
  static GreenMailExtension greenMail =
      new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
          .withConfiguration(GreenMailConfiguration.aConfig().withUser(SUPPORT, "support", "secret"))
          .withPerMethodLifecycle(true);

  @Autowired InboundMailProcessor processor;
  @Autowired InboundMailStore store;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactions;

  // ------------------------------------------------------------------ helpers

  private static String id() {
    return "<" + UUID.randomUUID() + "@mail.example.com>";
  }

  /** A plain-text message; extra headers as "Name: value" strings. */
  private static String mail(String from, String subject, String messageId, String body, String... headers) {
    var m = new StringBuilder();
    m.append("From: ").append(from).append("\r\n");
    m.append("To: ").append(SUPPORT).append("\r\n");
    m.append("Subject: ").append(subject).append("\r\n");
    m.append("Message-ID: ").append(messageId).append("\r\n");
    m.append("Date: Tue, 24 Nov 2026 10:00:00 -0800\r\n");
    m.append("MIME-Version: 1.0\r\n");
    for (var h : headers) {
      m.append(h).append("\r\n");
    }
    if (!String.join("", headers).toLowerCase().contains("content-type")) {
      m.append("Content-Type: text/plain; charset=UTF-8\r\n");
    }
    m.append("\r\n").append(body.replace("\n", "\r\n")).append("\r\n");
    return m.toString();
  }

  /** Sends the raw message over SMTP as it is (Transport#sendMessage keeps its Message-ID). */
  private static void smtp(String raw) throws Exception {
    var session = greenMail.getSmtp().createSession();
    var message = new MimeMessage(session, new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
    try (var transport = session.getTransport("smtp")) {
      transport.connect();
      transport.sendMessage(message, new InternetAddress[] {new InternetAddress(SUPPORT)});
    }
    assertThat(greenMail.waitForIncomingEmail(5000, 1)).isTrue();
  }

  private ImapMailbox mailbox() {
    var imap = greenMail.getImap().getServerSetup();
    return new ImapMailbox(
        new InboundMailProperties.Imap(imap.getBindAddress(), imap.getPort(), false, "support", "secret", "INBOX", Duration.ofMinutes(1), false, 3),
        1024 * 1024,
        processor);
  }

  private ResponseEntity<JsonNode> postMail(String user, String raw) {
    var h = new HttpHeaders();
    h.setBasicAuth(user, "demo");
    h.setContentType(MediaType.parseMediaType("message/rfc822"));
    return rest.exchange("/api/inbound-mail", HttpMethod.POST, new HttpEntity<>(raw.getBytes(StandardCharsets.UTF_8), h), JsonNode.class);
  }

  private JsonNode accepted(ResponseEntity<JsonNode> response, String outcome) {
    assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(202);
    assertThat(response.getBody().get("outcome").asText()).as("%s", response.getBody()).isEqualTo(outcome);
    return response.getBody();
  }

  private boolean seen(int index) throws Exception {
    return greenMail.getReceivedMessages()[index].getFlags().contains(Flags.Flag.SEEN);
  }

  private long ticketsOf(String email) {
    return jdbc.sql("SELECT COUNT(*) FROM ticket t JOIN customer c ON c.id = t.customer_id WHERE c.email = ?")
        .param(email)
        .query(Long.class)
        .single();
  }

  private String onlyTicketOf(String email) {
    var page = get("admin", "/api/tickets?customerEmail=" + email).getBody();
    assertThat(page.get("total").asLong()).isEqualTo(1);
    return page.get("items").get(0).get("key").asText();
  }

  private String outboundMessageId(String key, String template) {
    return jdbc.sql(
            "SELECT message_id FROM outbound_mail WHERE ticket_id = (SELECT id FROM ticket WHERE id = ?) AND template = ? ORDER BY id DESC")
        .params(Long.parseLong(key.substring(4)), template)
        .query(String.class)
        .list()
        .get(0);
  }

  private java.util.List<String> conversation(String key) {
    return jdbc.sql("SELECT author_name || ': ' || body FROM ticket_message WHERE ticket_id = ? ORDER BY id")
        .param(Long.parseLong(key.substring(4)))
        .query(String.class)
        .list();
  }

  private void triage(String key, String outcome, String reply) {
    complete("tier1", task(key, "Task_TriageTicket"), Map.of(
        "category", "TECHNICAL", "subcategory", "SOFTWARE_BUG", "impact", "MINOR", "urgency", "MEDIUM",
        "security", false, "outcome", outcome, "reply", reply));
  }

  // ------------------------------------------------------------------ tests

  @Test
  void aNewMailReadOverImapOpensAnEmailTicketForANewBasicCustomer() throws Exception {
    setClock(la("2026-11-24T10:00:00"));
    smtp(mail("Nora New <nora@newco.example>", "Sheet numbers vanish after sync", id(),
        "Since this morning the sheet numbers disappear when I sync.\n\nNora"));
    assertThat(seen(0)).isFalse();

    var report = mailbox().poll();

    assertThat(report.processed()).isEqualTo(1);
    assertThat(seen(0)).as("marked \\Seen after the commit").isTrue();
    var key = onlyTicketOf("nora@newco.example");
    var t = ticket(key);
    assertThat(t.get("channel").asText()).isEqualTo("EMAIL");
    assertThat(t.get("subject").asText()).isEqualTo("Sheet numbers vanish after sync");
    assertThat(t.get("description").asText()).startsWith("Since this morning the sheet numbers disappear");
    var customer = get("admin", "/api/customers/nora@newco.example").getBody();
    assertThat(customer.get("plan").asText()).isEqualTo("BASIC");
    assertThat(customer.get("name").asText()).isEqualTo("Nora New");
    assertThat(task(key, "Task_TriageTicket")).isNotNull();
    // a second pass finds nothing unseen
    assertThat(mailbox().poll().unseen()).isZero();
  }

  @Test
  void htmlIsReadAsTextAndAttachmentsAreStoredOrRejected() {
    var pdf = Base64.getMimeEncoder().encodeToString("%PDF-1.4 a small report".getBytes(StandardCharsets.US_ASCII));
    var exe = Base64.getMimeEncoder().encodeToString(new byte[] {'M', 'Z', 1, 2, 3});
    var big = Base64.getMimeEncoder().encodeToString(new byte[200 * 1024]);
    var body = """
        --outer
        Content-Type: multipart/alternative; boundary="alt"

        --alt
        Content-Type: text/html; charset=UTF-8

        <html><head><style>p {color: red}</style></head><body><p>The export &amp; the <b>print</b> fail.</p><ul><li>Revit 2025</li><li>Windows 11</li></ul></body></html>
        --alt--
        --outer
        Content-Type: application/pdf; name="report.pdf"
        Content-Disposition: attachment; filename="report.pdf"
        Content-Transfer-Encoding: base64

        %s
        --outer
        Content-Type: application/x-msdownload; name="fix.exe"
        Content-Disposition: attachment; filename="fix.exe"
        Content-Transfer-Encoding: base64

        %s
        --outer
        Content-Type: image/png; name="huge.png"
        Content-Disposition: attachment; filename="huge.png"
        Content-Transfer-Encoding: base64

        %s
        --outer--
        """.formatted(pdf, exe, big);
    var result = accepted(postMail("admin", mail("hana@html.example", "Export and print fail", id(), body,
        "Content-Type: multipart/mixed; boundary=\"outer\"")), "NEW_TICKET");

    var key = result.get("ticket").asText();
    var description = ticket(key).get("description").asText();
    assertThat(description).startsWith("The export & the print fail.\n\n- Revit 2025\n- Windows 11");
    assertThat(description).doesNotContain("<", "color: red");
    assertThat(description).contains("report.pdf (application/pdf", "stored", "fix.exe", "rejected, content type application/x-msdownload");
    var attachments = store.attachments(Long.parseLong(key.substring(4)));
    assertThat(attachments).extracting(InboundMailStore.StoredAttachment::fileName).containsExactly("report.pdf", "fix.exe", "huge.png");
    assertThat(attachments).extracting(InboundMailStore.StoredAttachment::stored).containsExactly(true, false, false);
    assertThat(attachments.get(2).rejection()).startsWith("larger than");
    assertThat(jdbc.sql("SELECT content FROM ticket_attachment WHERE id = ?").param(attachments.get(0).id()).query(byte[].class).single())
        .asString(StandardCharsets.US_ASCII).isEqualTo("%PDF-1.4 a small report");
    assertThat(result.get("attachments")).hasSize(3);
  }

  @Test
  void repliesByTagAndByInReplyToThreadToTheirTicketAndAnswerInformationRequests() throws Exception {
    setClock(la("2026-11-24T10:00:00"));
    var first = accepted(postMail("mail-gateway", mail("Ivan <ivan@reply.example>", "DWG import fails", id(),
        "Importing a DWG file fails with an error.")), "NEW_TICKET");
    var key = first.get("ticket").asText();
    triage(key, "REQUEST_INFORMATION", "Could you send us the file?");
    assertThat(ticket(key).get("status").asText()).isEqualTo("WAITING_FOR_CUSTOMER");

    // 1: by the tag in the subject (a mail client that drops In-Reply-To)
    setClock(la("2026-11-24T11:00:00"));
    smtp(mail("ivan@reply.example", "Re: [" + key + "] DWG import fails", id(),
        "Here is the file, see attached.\n\nOn Tue, 24 Nov 2026 support wrote:\n> Could you send us the file?"));
    mailbox().poll();
    var t = ticket(key);
    assertThat(t.get("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(conversation(key)).last().isEqualTo("ivan@reply.example: Here is the file, see attached.");
    assertThat(jdbc.sql("SELECT outcome FROM inbound_mail WHERE ticket_id = ? ORDER BY id DESC").param(Long.parseLong(key.substring(4)))
        .query(String.class).list().get(0)).isEqualTo("ANSWERED_INFORMATION_REQUEST");

    // 2: by In-Reply-To our information request, subject without a tag
    complete("tier1", task(key, "Task_WorkOnTicket"), Map.of("outcome", "REQUEST_INFORMATION", "reply", "Which version of the app?"));
    var question = outboundMessageId(key, "information-request");
    var answer = postMail("mail-gateway", mail("ivan@reply.example", "Re: your question", id(), "Version 4.2.", "In-Reply-To: " + question,
        "References: " + id() + " " + question));
    var body = accepted(answer, "ANSWERED_INFORMATION_REQUEST");
    assertThat(body.get("ticket").asText()).isEqualTo(key);
    assertThat(ticket(key).get("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(ticketsOf("ivan@reply.example")).isEqualTo(1);

    // 3: while the ticket is being worked, a reply joins the conversation
    accepted(postMail("mail-gateway", mail("ivan@reply.example", "Re: [" + key + "] DWG import fails", id(), "Any news?")), "ADDED_TO_TICKET");
  }

  @Test
  void aStrangersReplyWithSomeoneElsesTagOpensANewTicketThatLinksTheOldOne() throws Exception {
    var key = accepted(postMail("admin", mail("owner@victim.example", "Licence keys for the team", id(), "Please send the keys.")),
        "NEW_TICKET").get("ticket").asText();

    smtp(mail("mallory@stranger.example", "Re: [" + key + "] Licence keys for the team", id(), "Please send them to me instead."));
    mailbox().poll();

    assertThat(conversation(key)).noneMatch(m -> m.contains("mallory"));
    var newKey = onlyTicketOf("mallory@stranger.example");
    var t = ticket(newKey);
    assertThat(t.get("linkedTicket").asText()).isEqualTo(key);
    assertThat(t.get("subject").asText()).isEqualTo("Re: Licence keys for the team");
    var why = get("admin", "/api/tickets/" + newKey + "/history").getBody();
    assertThat(why.toString()).contains("LINKED", "neither its customer nor a participant");
    assertThat(historyEvents(key)).contains("LINKED");

    // someone the customer copied in is a participant and may reply
    var withCc = mail("owner@victim.example", "Re: [" + key + "] Licence keys for the team", id(), "My colleague Cleo will follow up.",
        "Cc: Cleo <cleo@victim.example>");
    accepted(postMail("admin", withCc), "ADDED_TO_TICKET");
    accepted(postMail("admin", mail("cleo@victim.example", "Re: [" + key + "] Licence keys for the team", id(), "We need 12 keys.")),
        "ADDED_TO_TICKET");
    assertThat(conversation(key)).last().isEqualTo("cleo@victim.example: We need 12 keys.");
  }

  @Test
  void staffAnsweringAnInternalMailWriteToTheHistoryNotToTheCustomer() {
    setClock(la("2026-11-24T10:00:00"));
    var key = accepted(postMail("admin", mail("dora@design.example", "Hatch patterns missing", id(), "The hatch patterns are gone.")),
        "NEW_TICKET").get("ticket").asText();
    var identities = engine.getIdentityService();
    if (identities.createUserQuery().userId("sam").count() == 0) {
      var sam = identities.newUser("sam");
      sam.setEmail("sam.staff@archbuilder.app");
      sam.setPassword("sam-password");
      identities.saveUser(sam);
      identities.createMembership("sam", "tier2");
    }
    try {
      // the tier's shared mailbox and an agent's own address, both replying in the ticket's thread
      var fromGroup = accepted(postMail("admin", mail("tier1@archbuilder.app", "Re: [" + key + "] Hatch patterns missing", id(),
          "Looking at it now.\n\n> The hatch patterns are gone.")), "INTERNAL_REPLY");
      assertThat(fromGroup.get("reason").asText()).contains("not sent to the customer");
      accepted(postMail("admin", mail("sam.staff@archbuilder.app", "Re: [" + key + "] Hatch patterns missing", id(),
          "Tier 2 knows this one.")), "INTERNAL_REPLY");

      assertThat(conversation(key)).noneMatch(m -> m.contains("Looking at it now") || m.contains("Tier 2 knows"));
      assertThat(ticketsOf("tier1@archbuilder.app") + ticketsOf("sam.staff@archbuilder.app")).as("no ticket for staff").isZero();
      var notes = jdbc.sql("SELECT actor || ': ' || detail FROM ticket_history WHERE ticket_id = ? AND event = 'INTERNAL_NOTE' ORDER BY id")
          .param(Long.parseLong(key.substring(4))).query(String.class).list();
      assertThat(notes).containsExactly("tier1@archbuilder.app: By e-mail: Looking at it now.", "sam: By e-mail: Tier 2 knows this one.");
      assertThat(ticket(key).get("status").asText()).isEqualTo("TRIAGE");

      // a stranger is still a stranger: his reply opens a ticket of his own
      accepted(postMail("admin", mail("eve@elsewhere.example", "Re: [" + key + "] Hatch patterns missing", id(), "Me too.")),
          "NEW_TICKET_LINKED");
    } finally {
      identities.deleteUser("sam");
    }
  }

  @Test
  void mailConfirmsASolutionAutoRepliesAreIgnoredAndAReplyWithinTheWindowReopens() throws Exception {
    setClock(la("2026-11-24T10:00:00"));
    var key = accepted(postMail("admin", mail("carla@close.example", "How to print to scale", id(), "How do I print 1:100?")),
        "NEW_TICKET").get("ticket").asText();
    triage(key, "RESOLVE", "Use Print > Scale > 1:100.");
    assertThat(ticket(key).get("status").asText()).isEqualTo("RESOLVED");

    // an out-of-office answer to the resolution mail neither confirms nor reopens anything
    var resolution = outboundMessageId(key, "resolution");
    var outOfOffice = mail("carla@close.example", "Automatic reply: [" + key + "] How to print to scale", id(),
        "I am out of the office; yes, solved problems wait until Monday.", "Auto-Submitted: auto-replied", "In-Reply-To: " + resolution);
    var ignored = accepted(postMail("admin", outOfOffice), "IGNORED_AUTO_REPLY");
    assertThat(ignored.get("reason").asText()).isEqualTo("Auto-Submitted: auto-replied");
    assertThat(ticket(key).get("status").asText()).isEqualTo("RESOLVED");

    setClock(la("2026-11-24T12:00:00"));
    accepted(postMail("admin", mail("carla@close.example", "Re: [" + key + "] How to print to scale", id(),
        "Yes, solved. Thank you!\n\n> Use Print > Scale > 1:100.", "In-Reply-To: " + resolution)), "SOLUTION_CONFIRMED");
    assertThat(ticket(key).get("status").asText()).isEqualTo("CLOSED");

    // closed: auto-replies, bounces and our own mail never reopen it
    setClock(la("2026-11-26T12:00:00"));
    accepted(postMail("admin", mail("carla@close.example", "Out of office [" + key + "]", id(), "Away.", "X-Autoreply: yes")),
        "IGNORED_AUTO_REPLY");
    accepted(postMail("admin", mail("carla@close.example", "[" + key + "] newsletter", id(), "Bulk.", "Precedence: bulk")),
        "IGNORED_AUTO_REPLY");
    accepted(postMail("admin", mail("MAILER-DAEMON@mx.example", "Undelivered Mail Returned to Sender [" + key + "]", id(), "Bounce.")),
        "IGNORED_AUTO_REPLY");
    accepted(postMail("admin", mail("ArchBuilder.AI Support <support@archbuilder.app>", "[" + key + "] How to print to scale", id(), "Loop.")),
        "IGNORED_AUTO_REPLY");
    var report = mail("postmaster@mx.example", "Delivery Status Notification", id(), """
        --r
        Content-Type: text/plain

        Delivery failed.
        --r
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mx.example
        --r--
        """, "Content-Type: multipart/report; report-type=delivery-status; boundary=\"r\"");
    accepted(postMail("admin", report), "IGNORED_AUTO_REPLY");
    assertThat(ticket(key).get("status").asText()).isEqualTo("CLOSED");
    assertThat(ticketsOf("postmaster@mx.example") + ticketsOf("mailer-daemon@mx.example")).isZero();

    // her answer to the survey e-mail, scores first as it asks: recorded, the ticket stays closed
    var survey = outboundMessageId(key, "survey");
    accepted(postMail("admin", mail("carla@close.example", "Re: [" + key + "] How to print to scale", id(),
        "5, 9, 7 \u2013 quick and friendly\n\n> How did we do?", "In-Reply-To: " + survey)), "FEEDBACK_RECORDED");
    assertThat(ticket(key).get("status").asText()).isEqualTo("CLOSED");
    assertThat(jdbc.sql("SELECT csat, nps, ces, comment FROM feedback WHERE ticket_id = ?")
        .param(Long.parseLong(key.substring(4)))
        .query((rs, i) -> rs.getInt(1) + "/" + rs.getInt(2) + "/" + rs.getInt(3) + " " + rs.getString(4))
        .list()).containsExactly("5/9/7 quick and friendly");
    // a person's reply within 14 days reopens it, also one that starts with a number
    accepted(postMail("admin", mail("carla@close.example", "Re: [" + key + "] How to print to scale", id(),
        "2 sheets print at 1:200 again after the update.")), "REOPENED");
    assertThat(ticket(key).get("status").asText()).isNotEqualTo("CLOSED");
  }

  @Test
  void surveyScoresAfterTheSurveyExpiredAreKeptButNeitherCountNorReopenTheTicket() throws Exception {
    setClock(la("2026-11-24T10:00:00"));
    var key = accepted(postMail("admin", mail("lena@late.example", "How to print to scale", id(), "How do I print 1:100?")),
        "NEW_TICKET").get("ticket").asText();
    triage(key, "RESOLVE", "Use Print > Scale > 1:100.");
    accepted(postMail("admin", mail("lena@late.example", "Re: [" + key + "] How to print to scale", id(), "Yes, solved. Thank you!")),
        "SOLUTION_CONFIRMED");
    var survey = outboundMessageId(key, "survey");

    // ten days later the survey has expired (7 days); the reopen window (14 days) has not
    advanceTo(la("2026-12-04T12:00:00"));
    assertThat(historyEvents(key)).contains("SURVEY_EXPIRED");
    accepted(postMail("admin", mail("lena@late.example", "Re: [" + key + "] How to print to scale", id(),
        "4, 8, 6 - sorry for the delay\n\n> How did we do?", "In-Reply-To: " + survey)), "LATE_SURVEY_ANSWER");

    assertThat(ticket(key).get("status").asText()).isEqualTo("CLOSED");
    assertThat(ticketsOf("lena@late.example")).isEqualTo(1);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM feedback WHERE ticket_id = ?").param(Long.parseLong(key.substring(4)))
        .query(Long.class).single()).as("not counted").isZero();
    assertThat(conversation(key)).last().isEqualTo("lena@late.example: 4, 8, 6 - sorry for the delay");
  }

  @Test
  void notSolvedRejectsTheProposedSolution() {
    setClock(la("2026-11-24T10:00:00"));
    var key = accepted(postMail("admin", mail("rita@reject.example", "Rendering is slow", id(), "Rendering takes an hour.")),
        "NEW_TICKET").get("ticket").asText();
    triage(key, "RESOLVE", "Lower the texture quality.");
    accepted(postMail("admin", mail("rita@reject.example", "Re: [" + key + "] Rendering is slow", id(),
        "Not solved, it still takes an hour.")), "SOLUTION_REJECTED");
    assertThat(ticket(key).get("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(historyEvents(key)).contains("SOLUTION_REJECTED");
  }

  @Test
  void aMalformedMessageIsQuarantinedWithItsReasonAndNeverLost() throws Exception {
    var raw = mail("moe@broken.example", "Broken", "<broken-1@mail.example.com>", "no boundary in here at all",
        "Content-Type: multipart/mixed; boundary=\"missing\"");
    smtp(raw);
    var report = mailbox().poll();
    assertThat(report.quarantined()).isEqualTo(1);
    assertThat(seen(0)).isTrue();
    var kept = store.quarantined().stream().filter(q -> q.messageKey().equals("<broken-1@mail.example.com>")).toList();
    assertThat(kept).hasSize(1);
    assertThat(kept.get(0).reason()).contains("Unreadable message");
    assertThat(new String(kept.get(0).raw(), StandardCharsets.UTF_8)).contains("no boundary in here at all");
    // a manager who has seen it completes the review in Tasklist; the entry stays in the quarantine
    complete("manager", review(kept.get(0).id()), Map.of());
    assertThat(reviewEnded(kept.get(0).id())).containsExactly("End_Reviewed");
    assertThat(store.quarantinedOne(kept.get(0).id())).isPresent();
    assertThat(ticketsOf("moe@broken.example")).isZero();

    // no From address at all, posted by a gateway
    var noFrom = "Subject: who am i\r\nMessage-ID: <nofrom-1@mail.example.com>\r\n\r\nHello\r\n";
    var quarantined = accepted(postMail("admin", noFrom), "QUARANTINED");
    assertThat(quarantined.get("reason").asText()).isEqualTo("No From address");
    // handed in again: already kept
    accepted(postMail("admin", noFrom), "DUPLICATE");
  }

  @Test
  void anImapMessageIsProcessedExactlyOnceAcrossACrashAndARestart() throws Exception {
    var sender = "xavier@once.example";
    smtp(mail(sender, "Exactly once please", "<once-1@mail.example.com>", "One ticket, not two, not none."));

    // 1: the application dies after the ticket change but before the commit: all of it rolls back
    var tx = new TransactionTemplate(transactions);
    var crashed = mailbox().poll(raw -> tx.execute(status -> {
      var result = processor.process(raw, "IMAP");
      assertThat(result.outcome()).isEqualTo(InboundOutcome.NEW_TICKET);
      throw new IllegalStateException("crash before commit");
    }));
    assertThat(crashed.failed()).isEqualTo(1);
    assertThat(ticketsOf(sender)).as("rolled back").isZero();
    assertThat(store.processed("<once-1@mail.example.com>")).isEmpty();
    assertThat(seen(0)).as("still unseen: it will be read again").isFalse();

    // 2: after the restart the next poll reads it again and processes it
    var restarted = mailbox();
    assertThat(restarted.poll().processed()).isEqualTo(1);
    assertThat(ticketsOf(sender)).isEqualTo(1);
    assertThat(seen(0)).isTrue();

    // 3: the application dies after the commit but before \Seen: read again, it is a no-op
    greenMail.getReceivedMessages()[0].setFlag(Flags.Flag.SEEN, false);
    var again = mailbox().poll(raw -> {
      var result = processor.process(raw, "IMAP");
      assertThat(result.outcome()).isEqualTo(InboundOutcome.DUPLICATE);
      return result;
    });
    assertThat(again.processed()).isEqualTo(1);
    assertThat(seen(0)).isTrue();
    assertThat(ticketsOf(sender)).isEqualTo(1);

    // and a gateway handing in the same message once more changes nothing either
    var same = greenMail.getReceivedMessages()[0];
    var out = new java.io.ByteArrayOutputStream();
    same.writeTo(out);
    accepted(postMail("mail-gateway", out.toString(StandardCharsets.UTF_8)), "DUPLICATE");
    assertThat(ticketsOf(sender)).isEqualTo(1);
  }

  @Test
  void aDatabaseOutageOrARaceDoesNotCountTowardsTheQuarantine() throws Exception {
    var sender = "dora@outage.example";
    smtp(mail(sender, "Written during an outage", "<outage-1@mail.example.com>", "Please do not lose me."));

    // eight polls of one poller (more than its 3 attempts each way): four while the database is away, four racing a timer
    var poller = mailbox();
    for (int poll = 0; poll < 8; poll++) {
      Exception failure = poll < 4
          ? new org.springframework.jdbc.CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", new java.sql.SQLTransientConnectionException("pool timed out"))
          : new org.camunda.bpm.engine.OptimisticLockingException("ENGINE-03005 Execution of 'UPDATE ExecutionEntity' failed");
      var report = poller.poll(raw -> {
        throw failure;
      });
      assertThat(report.failed()).as("poll %d", poll).isEqualTo(1);
      assertThat(report.quarantined()).as("poll %d", poll).isZero();
      assertThat(seen(0)).isFalse();
    }
    // the database is back: the message becomes its ticket
    assertThat(poller.poll().processed()).isEqualTo(1);
    assertThat(ticketsOf(sender)).isEqualTo(1);
  }

  @Test
  void aReplyToATicketWhoseProcessIsSuspendedStaysUnseenUntilItRuns() throws Exception {
    setClock(la("2026-11-24T10:00:00"));
    var key = accepted(postMail("mail-gateway", mail("Sue <sue@paused.example>", "Render hangs", id(),
        "Rendering hangs at 99 %.")), "NEW_TICKET").get("ticket").asText();
    triage(key, "REQUEST_INFORMATION", "Which scene do you render?");
    // an administrator suspends the ticket's process in Cockpit
    var instances = runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).list();
    instances.forEach(p -> runtime.suspendProcessInstanceById(p.getId()));

    var reply = id();
    smtp(mail("sue@paused.example", "Re: [" + key + "] Render hangs", reply, "The kitchen scene."));
    var poller = mailbox();
    for (int poll = 0; poll < 4; poll++) { // more polls than the attempts before a quarantine
      var report = poller.poll();
      assertThat(report.failed()).as("poll %d", poll).isEqualTo(1);
      assertThat(report.quarantined()).as("poll %d", poll).isZero();
      assertThat(seen(0)).isFalse();
    }
    assertThat(ticket(key).get("status").asText()).isEqualTo("WAITING_FOR_CUSTOMER");
    // managers see what waits, and for which ticket; agents do not
    var held = heldFor(reply);
    assertThat(held).as("listed as held").isNotNull();
    assertThat(held.get("ticket").asText()).isEqualTo(key);
    assertThat(held.get("from").asText()).isEqualTo("sue@paused.example");
    assertThat(held.get("subject").asText()).isEqualTo("Re: [" + key + "] Render hangs");
    assertThat(held.get("tries").asInt()).isEqualTo(4);
    assertThat(get("tier1", "/api/inbound-mail/held").getStatusCode().value()).isEqualTo(403);

    instances.forEach(p -> runtime.activateProcessInstanceById(p.getId()));
    assertThat(poller.poll().processed()).isEqualTo(1);
    assertThat(ticket(key).get("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(conversation(key)).last().isEqualTo("sue@paused.example: The kitchen scene.");
    assertThat(heldFor(reply)).as("delivered: no longer held").isNull();
  }

  private JsonNode heldFor(String messageId) {
    var response = get("manager", "/api/inbound-mail/held");
    assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(200);
    for (var item : response.getBody()) {
      if (item.get("messageId").asText().equals(messageId)) {
        return item;
      }
    }
    return null;
  }

  @Test
  void theEndpointIsForGatewaysAndHasASizeLimit() {
    var raw = mail("sam@size.example", "Hello", id(), "Hi");
    assertThat(postMail("alice", raw).getStatusCode().value()).isEqualTo(403);
    var h = new HttpHeaders();
    h.setContentType(MediaType.parseMediaType("message/rfc822"));
    assertThat(rest.exchange("/api/inbound-mail", HttpMethod.POST, new HttpEntity<>(raw.getBytes(StandardCharsets.UTF_8), h), JsonNode.class)
        .getStatusCode().value()).isEqualTo(401);

    var tooBig = mail("sam@size.example", "Big", id(), "x".repeat(1024 * 1024 + 10));
    var response = postMail("mail-gateway", tooBig);
    assertThat(response.getStatusCode().value()).isEqualTo(413);
    assertThat(response.getHeaders().getContentType().toString()).contains("problem+json");
    assertThat(ticketsOf("sam@size.example")).isZero();
  }

  // ------------------------------------------------------------------ the quarantine, reviewed

  private JsonNode quarantine(String user) {
    var response = get(user, "/api/inbound-mail/quarantine?size=200");
    assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(200);
    return response.getBody();
  }

  private JsonNode quarantined(String messageId) {
    for (var item : quarantine("manager").get("items")) {
      if (item.get("messageId").asText().equals(messageId)) {
        return item;
      }
    }
    return null;
  }

  /** The managers' open review task of quarantine entry {@code id}, or null. */
  private org.camunda.bpm.engine.task.Task review(long id) {
    return tasks.createTaskQuery().processDefinitionKey(QuarantineReview.PROCESS_KEY)
        .processInstanceBusinessKey(QuarantineReview.businessKey(id)).singleResult();
  }

  /** Where the review of entry {@code id} ended. */
  private List<String> reviewEnded(long id) {
    var instance = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(QuarantineReview.PROCESS_KEY)
        .processInstanceBusinessKey(QuarantineReview.businessKey(id)).singleResult();
    assertThat(instance.getEndTime()).as("review of %d ended", id).isNotNull();
    return engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).activityType("noneEndEvent")
        .list().stream().map(a -> a.getActivityId()).toList();
  }

  @Test
  void aManagerRetriesAMessageThatFailedAgainAndAgainOnceItsCauseIsFixed() throws Exception {
    var sender = "quinn@retry.example";
    var raw = mail(sender, "Texture import fails", "<retry-1@mail.example.com>", "The importer stops at 80 %.");
    smtp(raw);
    var poller = mailbox();
    for (int attempt = 1; attempt <= 3; attempt++) { // the test mailbox quarantines at the third failure
      poller.poll(bytes -> {
        throw new IllegalStateException("a bug, fixed later");
      });
    }
    assertThat(seen(0)).isTrue();
    assertThat(ticketsOf(sender)).isZero();

    var kept = quarantined("<retry-1@mail.example.com>");
    assertThat(kept).as("listed").isNotNull();
    assertThat(kept.get("reason").asText()).contains("Processing failed 3 times").contains("a bug, fixed later");
    assertThat(kept.get("source").asText()).isEqualTo("IMAP");
    assertThat(kept.get("from").asText()).isEqualTo(sender);
    assertThat(kept.get("subject").asText()).isEqualTo("Texture import fails");
    assertThat(kept.get("whole").asBoolean()).isTrue();
    assertThat(kept.has("raw")).as("no content in the list").isFalse();
    var id = kept.get("id").asLong();

    // the managers get a task in Tasklist, which shows who wrote, what about and why
    var task = review(id);
    assertThat(task).as("a review task").isNotNull();
    assertThat(task.getName()).isEqualTo("Review quarantined e-mail");
    assertThat(task.getDescription()).contains("Mail quarantine");
    assertThat(tasks.createTaskQuery().taskId(task.getId()).taskCandidateGroup("support-managers").count()).isEqualTo(1);
    // in the managers' own Tasklist filter
    var filter = engine.getFilterService().createFilterQuery().filterName("Managers: Mail quarantine").singleResult();
    assertThat(engine.getFilterService().list(filter.getId())).extracting(t -> ((org.camunda.bpm.engine.task.Task) t).getId())
        .contains(task.getId());
    assertThat(tasks.getVariables(task.getId()))
        .containsEntry("mailFrom", sender)
        .containsEntry("mailSubject", "Texture import fails")
        .containsEntry("quarantineId", id)
        .hasEntrySatisfying("mailReason", reason -> assertThat((String) reason).contains("Processing failed 3 times"));

    // agents, auditors and customers do not see it; its content comes back as it came
    for (var user : List.of("tier1", "auditor", "alice")) {
      assertThat(get(user, "/api/inbound-mail/quarantine").getStatusCode().value()).as(user).isEqualTo(403);
      assertThat(post(user, "/api/inbound-mail/quarantine/" + id + "/retry", null).getStatusCode().value()).as(user).isEqualTo(403);
    }
    var h = new HttpHeaders();
    h.setBasicAuth("manager", "demo");
    var message = rest.exchange("/api/inbound-mail/quarantine/" + id + "/message", HttpMethod.GET, new HttpEntity<>(h), byte[].class);
    assertThat(message.getStatusCode().value()).isEqualTo(200);
    assertThat(message.getHeaders().getContentType().toString()).isEqualTo("message/rfc822");
    assertThat(message.getHeaders().getContentDisposition().getFilename()).isEqualTo("quarantined-" + id + ".eml");
    assertThat(new String(message.getBody(), StandardCharsets.UTF_8)).contains("The importer stops at 80 %.");

    // the cause fixed, a retry processes it as if it had just arrived: a ticket, once
    var retried = post("manager", "/api/inbound-mail/quarantine/" + id + "/retry", null);
    assertThat(retried.getStatusCode().value()).as("%s", retried.getBody()).isEqualTo(200);
    assertThat(retried.getBody().get("outcome").asText()).isEqualTo("NEW_TICKET");
    assertThat(onlyTicketOf(sender)).isEqualTo(retried.getBody().get("ticket").asText());
    assertThat(quarantined("<retry-1@mail.example.com>")).as("out of the quarantine").isNull();
    assertThat(review(id)).as("the task is closed").isNull();
    assertThat(reviewEnded(id)).containsExactly("End_Handled");
    assertThat(store.processed("<retry-1@mail.example.com>")).hasValueSatisfying(p -> assertThat(p.outcome()).isEqualTo(InboundOutcome.NEW_TICKET));

    var again = post("manager", "/api/inbound-mail/quarantine/" + id + "/retry", null);
    assertThat(again.getStatusCode().value()).isEqualTo(404);
    assertThat(again.getHeaders().getContentType().toString()).contains("problem+json");
    accepted(postMail("mail-gateway", raw), "DUPLICATE");
    assertThat(ticketsOf(sender)).isEqualTo(1);
  }

  @Test
  void anUnreadableMessageRetriedStaysInTheQuarantineAndADiscardedOneStaysProcessed() {
    var broken = mail("uma@broken.example", "Broken", "<broken-2@mail.example.com>", "no boundary here",
        "Content-Type: multipart/mixed; boundary=\"missing\"");
    accepted(postMail("mail-gateway", broken), "QUARANTINED");
    var entry = quarantined("<broken-2@mail.example.com>");
    assertThat(entry.get("from").asText()).as("read from its headers all the same").isEqualTo("uma@broken.example");
    assertThat(entry.get("subject").asText()).isEqualTo("Broken");
    var first = entry.get("id").asLong();

    var retried = post("admin", "/api/inbound-mail/quarantine/" + first + "/retry", null);
    assertThat(retried.getStatusCode().value()).isEqualTo(200);
    assertThat(retried.getBody().get("outcome").asText()).isEqualTo("QUARANTINED");
    var second = quarantined("<broken-2@mail.example.com>").get("id").asLong();
    assertThat(second).as("kept again, as a new entry").isNotEqualTo(first);
    assertThat(get("manager", "/api/inbound-mail/quarantine/" + first).getStatusCode().value()).isEqualTo(404);

    assertThat(reviewEnded(first)).containsExactly("End_Handled");
    assertThat(review(second)).as("the new entry's own review").isNotNull();
    var discarded = call("manager", HttpMethod.DELETE, "/api/inbound-mail/quarantine/" + second, null, Map.of());
    assertThat(discarded.getStatusCode().value()).isEqualTo(204);
    assertThat(review(second)).isNull();
    assertThat(reviewEnded(second)).containsExactly("End_Handled");
    assertThat(quarantined("<broken-2@mail.example.com>")).isNull();
    assertThat(store.processed("<broken-2@mail.example.com>"))
        .hasValueSatisfying(p -> assertThat(p.reason()).startsWith("Discarded from the quarantine by manager at"));
    accepted(postMail("mail-gateway", broken), "DUPLICATE");
    assertThat(call("manager", HttpMethod.DELETE, "/api/inbound-mail/quarantine/" + second, null, Map.of()).getStatusCode().value())
        .isEqualTo(404);
    assertThat(ticketsOf("uma@broken.example")).isZero();

    var notAnId = get("manager", "/api/inbound-mail/quarantine/abc");
    assertThat(notAnId.getStatusCode().value()).isEqualTo(400);
    assertThat(notAnId.getHeaders().getContentType().toString()).contains("problem+json");
    assertThat(get("manager", "/api/inbound-mail/quarantine?size=0").getStatusCode().value()).isEqualTo(400);
  }

  @Test
  void aMessageTooLargeToFetchIsListedWithItsHeadersStaysInTheMailboxAndIsTakenOnceTheLimitIsRaised() throws Exception {
    var size = 1024 * 1024 + 100;
    smtp(mail("vic@huge.example", "A huge scene", "<huge-1@mail.example.com>", "x".repeat(size)));
    var imap = greenMail.getImap().getServerSetup();
    var deleting = new InboundMailProperties.Imap(
        imap.getBindAddress(), imap.getPort(), false, "support", "secret", "INBOX", Duration.ofMinutes(1), true, 3);
    assertThat(new ImapMailbox(deleting, 1024 * 1024, processor).poll().quarantined()).isEqualTo(1);
    var inbox = greenMail.getReceivedMessages();
    assertThat(inbox).as("never deleted, even where processed mail is").hasSize(1);
    assertThat(seen(0)).isTrue();

    var kept = quarantined("<huge-1@mail.example.com>");
    assertThat(kept.get("whole").asBoolean()).isFalse();
    assertThat(kept.get("size").asLong()).as("the message's size, not its headers'").isGreaterThanOrEqualTo(size);
    assertThat(kept.get("reason").asText()).contains("exceeds support.mail.inbound.max-size");
    var retry = post("manager", "/api/inbound-mail/quarantine/" + kept.get("id").asLong() + "/retry", null);
    assertThat(retry.getStatusCode().value()).isEqualTo(409);
    assertThat(retry.getBody().get("detail").asText()).contains("headers only").contains("mark it unread");
    assertThat(quarantined("<huge-1@mail.example.com>")).as("still there").isNotNull();
    assertThat(ticketsOf("vic@huge.example")).isZero();
    var hugeId = kept.get("id").asLong();
    assertThat(review(hugeId)).isNotNull();

    // the limit raised and the message marked unread, the next poll processes it, and the entry goes
    var client = greenMail.getImap().createStore();
    client.connect("support", "secret");
    var folder = client.getFolder("INBOX");
    folder.open(jakarta.mail.Folder.READ_WRITE);
    folder.getMessage(1).setFlag(Flags.Flag.SEEN, false);
    folder.close(false);
    client.close();
    assertThat(new ImapMailbox(deleting, 4 * 1024 * 1024, processor).poll().processed()).isEqualTo(1);
    assertThat(ticketsOf("vic@huge.example")).isEqualTo(1);
    assertThat(quarantined("<huge-1@mail.example.com>")).isNull();
    assertThat(reviewEnded(hugeId)).containsExactly("End_Handled");
  }

  @Test
  void aHeldNoteWrittenAfterTheMessageWasProcessedIsNotListedAndGoesWithTheNextDelivery() {
    var raw = mail("wes@late-note.example", "Late note", "<late-note-1@mail.example.com>", "Hello again.");
    accepted(postMail("mail-gateway", raw), "NEW_TICKET");
    // another node had found the ticket on hold a moment before, and notes it only now
    processor.held(raw.getBytes(StandardCharsets.UTF_8), "<late-note-1@mail.example.com>", "TCK-000001");
    assertThat(heldFor("<late-note-1@mail.example.com>")).isNull();
    accepted(postMail("mail-gateway", raw), "DUPLICATE");
    assertThat(store.held()).noneMatch(h -> h.messageKey().equals("<late-note-1@mail.example.com>"));
    assertThat(jdbc.sql("SELECT COUNT(*) FROM inbound_mail_held WHERE message_key = ?").param("<late-note-1@mail.example.com>")
        .query(Long.class).single()).as("the row is gone, not only hidden").isZero();
  }
}
