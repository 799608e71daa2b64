package ai.archbuilder.support.mail.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code HeldReplyReviewProcess}: a customer's reply held in the mailbox because its ticket is on
 * hold (its process suspended in Cockpit) gives the support managers one task, which the reply's
 * delivery closes, or a manager who has seen it. Read over IMAP from GreenMail, on H2 and on
 * PostgreSQL (the two subclasses): the race of two nodes is decided by each database.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class HeldReplyScenarios extends TicketScenarios {

  private static final String SUPPORT = "support@archbuilder.app";

  @RegisterExtension
  static GreenMailExtension greenMail =
      new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
          .withConfiguration(GreenMailConfiguration.aConfig().withUser(SUPPORT, "support", "secret"))
          .withPerMethodLifecycle(true);

  @Autowired InboundMailProcessor processor;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactions;
  @Autowired InboundMailStore store;
  @Autowired HeldReplyReview heldReview;

  @BeforeEach
  void initBpmnAssert() {
    // this context's engine: the H2 and PostgreSQL classes may run in one JVM
    BpmnAwareTests.init(engine);
  }

  /** How many database sessions wait, inserting a held note, for another one's uncommitted note. */
  abstract long notesWaiting();

  // ------------------------------------------------------------------ helpers

  private static String id() {
    return "<" + UUID.randomUUID() + "@mail.example.com>";
  }

  private static String mail(String from, String subject, String messageId, String body) {
    return "From: " + from + "\r\nTo: " + SUPPORT + "\r\nSubject: " + subject + "\r\nMessage-ID: " + messageId
        + "\r\nDate: Tue, 24 Nov 2026 10:00:00 -0800\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
        + body + "\r\n";
  }

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

  private boolean seen() throws Exception {
    return greenMail.getReceivedMessages()[0].getFlags().contains(Flags.Flag.SEEN);
  }

  /** A ticket that waits for its customer's answer (an agent asked her), opened by e-mail. */
  private String newTicketWaitingForTheCustomer(String customer) {
    var h = new HttpHeaders();
    h.setBasicAuth("mail-gateway", "demo");
    h.setContentType(MediaType.parseMediaType("message/rfc822"));
    var raw = mail(customer, "Render hangs", id(), "Rendering hangs at 99 %.");
    ResponseEntity<JsonNode> created =
        rest.exchange("/api/inbound-mail", HttpMethod.POST, new HttpEntity<>(raw.getBytes(StandardCharsets.UTF_8), h), JsonNode.class);
    assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(202);
    var key = created.getBody().get("ticket").asText();
    complete("tier1", task(key, "Task_TriageTicket"), Map.of(
        "category", "TECHNICAL", "subcategory", "SOFTWARE_BUG", "impact", "MINOR", "urgency", "MEDIUM",
        "security", false, "outcome", "REQUEST_INFORMATION", "reply", "Which scene do you render?"));
    return key;
  }

  /** An administrator suspends (true) or activates (false) the ticket's processes in Cockpit. */
  private void onHold(String key, boolean hold) {
    for (var p : runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).list()) {
      if (hold) {
        runtime.suspendProcessInstanceById(p.getId());
      } else {
        runtime.activateProcessInstanceById(p.getId());
      }
    }
  }

  private long heldId(String messageKey) {
    return jdbc.sql("SELECT id FROM inbound_mail_held WHERE message_key = ?").param(messageKey).query(Long.class).single();
  }

  private List<ProcessInstance> reviews() {
    return runtime.createProcessInstanceQuery().processDefinitionKey(HeldReplyReview.PROCESS_KEY).list();
  }

  private long reviewsEver(long heldId) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(HeldReplyReview.PROCESS_KEY)
        .processInstanceBusinessKey(HeldReplyReview.businessKey(heldId)).count();
  }

  private ProcessInstance review(long heldId) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(HeldReplyReview.PROCESS_KEY)
        .processInstanceBusinessKey(HeldReplyReview.businessKey(heldId)).singleResult();
  }

  private Task reviewTask(long heldId) {
    return tasks.createTaskQuery().processDefinitionKey(HeldReplyReview.PROCESS_KEY)
        .processInstanceBusinessKey(HeldReplyReview.businessKey(heldId)).singleResult();
  }

  /** Calls the engine as {@code user}, with her authorizations checked, as Tasklist does. */
  private <T> T as(String user, java.util.concurrent.Callable<T> call) throws Exception {
    var groups = engine.getIdentityService().createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList();
    engine.getIdentityService().setAuthentication(user, groups);
    try {
      return call.call();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
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

  // ------------------------------------------------------------------ paths

  @Test
  void aReplyHeldForATicketOnHoldGivesTheManagersOneTaskThatItsDeliveryCloses() throws Exception {
    setClock(la("2026-11-24T10:00:00"));
    var key = newTicketWaitingForTheCustomer("Sue <sue@paused.example>");
    onHold(key, true);
    var reply = id();
    smtp(mail("Sue <sue@paused.example>", "Re: [" + key + "] Render hangs", reply, "The kitchen scene."));

    setClock(la("2026-11-24T10:05:00"));
    var poller = mailbox();
    assertThat(poller.poll().failed()).isEqualTo(1);
    var held = heldId(reply);
    var task = reviewTask(held);
    assertThat(task).as("the managers' task").isNotNull();
    assertThat(task.getName()).isEqualTo("Review reply held for a ticket on hold");
    assertThat(task.getDescription()).contains("activates the ticket's process in Cockpit");
    assertThat(tasks.createTaskQuery().taskId(task.getId()).taskCandidateGroup("support-managers").count()).isEqualTo(1);
    assertThat(tasks.getVariables(task.getId()))
        .containsEntry("heldId", held)
        .containsEntry("heldTicket", key)
        .containsEntry("mailFrom", "sue@paused.example")
        .containsEntry("mailSubject", "Re: [" + key + "] Render hangs")
        .containsEntry("heldSince", "2026-11-24 18:05 UTC");
    // in the managers' quarantine filter, with its form; agents see neither
    var filter = engine.getFilterService().createFilterQuery().filterName("Managers: Mail quarantine").singleResult();
    assertThat(engine.getFilterService().list(filter.getId())).extracting(t -> ((Task) t).getId()).contains(task.getId());
    var columns = ((List<?>) filter.getProperties().get("variables")).stream().map(v -> String.valueOf(((Map<?, ?>) v).get("name"))).toList();
    assertThat(columns).contains("mailFrom", "mailSubject", "heldTicket");
    var form = as("manager", () -> json.readTree(engine.getFormService().getDeployedTaskForm(task.getId())));
    assertThat(form.get("id").asText()).isEqualTo("Form_ReviewHeldReply");
    assertThat(as("tier1", () -> tasks.createTaskQuery().taskId(task.getId()).count())).isZero();

    // the mailbox tries it again and again: still one task, which says since when it waits
    for (int poll = 1; poll < 4; poll++) {
      setClock(la("2026-11-24T10:05:00").plus(Duration.ofMinutes(poll)));
      assertThat(poller.poll().failed()).as("poll %d", poll).isEqualTo(1);
    }
    assertThat(seen()).isFalse();
    assertThat(heldFor(reply).get("tries").asInt()).isEqualTo(4);
    assertThat(reviewsEver(held)).isEqualTo(1);
    assertThat(reviews()).hasSize(1);
    assertThat(tasks.getVariable(task.getId(), "heldSince")).isEqualTo("2026-11-24 18:05 UTC");

    // an administrator lifts the hold: the next poll delivers the reply and closes the task
    var instance = review(held);
    onHold(key, false);
    assertThat(poller.poll().processed()).isEqualTo(1);
    assertThat(ticket(key).get("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(heldFor(reply)).isNull();
    assertThat(reviewTask(held)).as("closed by itself").isNull();
    assertThat(instance).isEnded().hasPassed("Task_ReviewHeldReply", "Boundary_HeldReplyReleased", "End_Released").hasNotPassed("End_Reviewed");
  }

  @Test
  void aManagerWhoHasSeenTheTaskCompletesItAndTheReplyStaysListedUntilDelivered() throws Exception {
    setClock(la("2026-11-24T11:00:00"));
    var key = newTicketWaitingForTheCustomer("tom@paused.example");
    onHold(key, true);
    var reply = id();
    smtp(mail("tom@paused.example", "Re: [" + key + "] Render hangs", reply, "The garden scene."));
    var poller = mailbox();
    poller.poll();
    var held = heldId(reply);
    var instance = review(held);
    var task = reviewTask(held);

    // seen in Tasklist: the form carries nothing back
    as("manager", () -> {
      engine.getFormService().submitTaskForm(task.getId(), Map.of());
      return null;
    });
    assertThat(instance).isEnded().hasPassed("End_Reviewed").hasNotPassed("Boundary_HeldReplyReleased");
    assertThat(heldFor(reply)).as("still waiting, still listed").isNotNull();

    // the next polls give no task again
    poller.poll();
    assertThat(heldFor(reply).get("tries").asInt()).isEqualTo(2);
    assertThat(reviewsEver(held)).isEqualTo(1);
    assertThat(reviewTask(held)).isNull();

    onHold(key, false);
    assertThat(poller.poll().processed()).isEqualTo(1);
    assertThat(heldFor(reply)).isNull();
    assertThat(reviewsEver(held)).isEqualTo(1);
  }

  @Test
  void aHeldReplyThatFailsOnceTheHoldIsLiftedGoesToTheQuarantineAndItsTaskCloses() throws Exception {
    var key = newTicketWaitingForTheCustomer("xia@paused.example");
    onHold(key, true);
    var reply = id();
    smtp(mail("xia@paused.example", "Re: [" + key + "] Render hangs", reply, "The porch scene."));
    var poller = mailbox();
    poller.poll();
    var held = heldId(reply);
    var instance = review(held);

    onHold(key, false);
    for (int attempt = 1; attempt <= 3; attempt++) { // the test mailbox quarantines at the third failure
      poller.poll(bytes -> {
        throw new IllegalStateException("a bug, fixed later");
      });
    }
    assertThat(seen()).isTrue();
    assertThat(heldFor(reply)).as("no longer waiting for the ticket").isNull();
    assertThat(instance).isEnded().hasPassed("Boundary_HeldReplyReleased", "End_Released");
    // the quarantine's own review takes over
    var quarantined = jdbc.sql("SELECT id FROM inbound_mail_quarantine WHERE message_key = ?").param(reply).query(Long.class).single();
    assertThat(tasks.createTaskQuery().processDefinitionKey(QuarantineReview.PROCESS_KEY)
        .processInstanceBusinessKey(QuarantineReview.businessKey(quarantined)).count()).isEqualTo(1);
  }

  @Test
  void twoNodesHoldingTheSameReplyAtOnceGiveOneTask() throws Exception {
    var key = newTicketWaitingForTheCustomer("uma@paused.example");
    onHold(key, true);
    var reply = id();
    var raw = mail("uma@paused.example", "Re: [" + key + "] Render hangs", reply, "The attic scene.").getBytes(StandardCharsets.UTF_8);

    // node A notes it first and has not committed yet when node B notes it too
    var noted = new CountDownLatch(1);
    var commit = new CountDownLatch(1);
    var pool = Executors.newFixedThreadPool(2);
    try {
      var nodeA = pool.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
        processor.held(raw, reply, key);
        noted.countDown();
        try {
          assertThat(commit.await(60, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
      }));
      assertThat(noted.await(60, TimeUnit.SECONDS)).isTrue();
      var nodeB = pool.submit(() -> processor.held(raw, reply, key));
      // B's insert meets A's uncommitted row in the unique index and waits for A; then A commits
      var waited = Instant.now().plusSeconds(30);
      while (notesWaiting() == 0 && !nodeB.isDone() && Instant.now().isBefore(waited)) {
        Thread.onSpinWait();
      }
      assertThat(nodeB.isDone()).as("B waits for A").isFalse();
      commit.countDown();
      nodeA.get(60, TimeUnit.SECONDS);
      nodeB.get(60, TimeUnit.SECONDS); // B's note is dropped, without an error
    } finally {
      commit.countDown();
      pool.shutdownNow();
    }
    assertThat(jdbc.sql("SELECT COUNT(*) FROM inbound_mail_held WHERE message_key = ?").param(reply).query(Long.class).single()).isEqualTo(1);
    var held = heldId(reply);
    assertThat(reviewsEver(held)).isEqualTo(1);
    assertThat(reviewTask(held)).isNotNull();
    assertThat(heldFor(reply).get("tries").asInt()).isEqualTo(1);

    // and the two nodes poll on: each poll is another try, and still one task
    processor.held(raw, reply, key);
    assertThat(heldFor(reply).get("tries").asInt()).isEqualTo(2);
    assertThat(reviewsEver(held)).isEqualTo(1);
  }

  @Test
  void aNoteWrittenAfterTheReplyWasDeliveredGivesNoTask() {
    var raw = mail("vic@late.example", "Late note", id(), "Hello again.");
    var key = processor.process(raw.getBytes(StandardCharsets.UTF_8), "API");
    assertThat(key.outcome()).isEqualTo(InboundOutcome.NEW_TICKET);
    // another node had found the ticket on hold a moment before, and notes it only now
    processor.held(raw.getBytes(StandardCharsets.UTF_8), key.messageId(), key.ticket());
    assertThat(reviewsEver(heldId(key.messageId()))).isZero();
    assertThat(heldFor(key.messageId())).isNull();
  }

  @Test
  void withoutTheDiagramTheReplyIsHeldAndListedWithoutATask(CapturedOutput output) throws Exception {
    var key = newTicketWaitingForTheCustomer("wes@paused.example");
    onHold(key, true);
    var reply = id();
    smtp(mail("wes@paused.example", "Re: [" + key + "] Render hangs", reply, "The cellar scene."));
    // a process owner removed the diagram
    var repository = engine.getRepositoryService();
    repository.deleteProcessDefinitions().byKey(HeldReplyReview.PROCESS_KEY).cascade().delete();
    try {
      assertThat(mailbox().poll().failed()).isEqualTo(1);
      assertThat(heldFor(reply)).as("listed all the same").isNotNull();
      assertThat(output.getOut()).contains("No HeldReplyReviewProcess deployed: nobody gets a task for the reply " + reply + " held for " + key);
    } finally {
      repository.createDeployment().name("test: the diagram back")
          .addInputStream("HeldReplyReviewProcess.bpmn", Files.newInputStream(Path.of("bpmn", "HeldReplyReviewProcess.bpmn")))
          .deploy();
    }
    onHold(key, false);
    assertThat(mailbox().poll().processed()).isEqualTo(1);
    assertThat(heldFor(reply)).isNull();
  }

  // ------------------------------------------------------------------ the review never decides

  /** Deploys a process owner's version of a review diagram whose end {@code endId} fails (a listener with an unknown bean). */
  private String brokenVersion(String file, String endId) throws Exception {
    var xml = Files.readString(Path.of("bpmn", file));
    var end = java.util.regex.Pattern.compile("(<bpmn:endEvent id=\"" + endId + "\"[^>]*>)").matcher(xml);
    assertThat(end.find()).isTrue();
    var broken = xml.substring(0, end.end())
        + "<bpmn:extensionElements><camunda:executionListener expression=\"${noSuchBean.done()}\" event=\"start\" /></bpmn:extensionElements>"
        + xml.substring(end.end());
    return engine.getRepositoryService().createDeployment().name("test: a broken version of " + file)
        .addString(file, broken).deploy().getId();
  }

  @Test
  void aReplyIsHeldListedAndDeliveredWhileTheReviewDefinitionIsSuspended(CapturedOutput output) throws Exception {
    var key = newTicketWaitingForTheCustomer("yan@paused.example");
    onHold(key, true);
    var reply = id();
    smtp(mail("yan@paused.example", "Re: [" + key + "] Render hangs", reply, "The loft scene."));
    var repository = engine.getRepositoryService();
    repository.suspendProcessDefinitionByKey(HeldReplyReview.PROCESS_KEY);
    try {
      var poller = mailbox();
      assertThat(poller.poll().failed()).isEqualTo(1);
      assertThat(heldFor(reply)).as("noted and listed all the same").isNotNull();
      assertThat(reviewsEver(heldId(reply))).isZero();
      assertThat(output.getOut())
          .contains("Could not start HeldReplyReviewProcess for the reply " + reply + " held for " + key)
          .contains("is suspended");
      assertThat(poller.poll().failed()).isEqualTo(1);
      assertThat(heldFor(reply).get("tries").asInt()).as("each poll another try").isEqualTo(2);

      // the hold lifted: delivered, although the review still cannot start
      onHold(key, false);
      assertThat(poller.poll().processed()).isEqualTo(1);
      assertThat(seen()).isTrue();
      assertThat(ticket(key).get("status").asText()).isEqualTo("IN_PROGRESS");
      assertThat(heldFor(reply)).isNull();
    } finally {
      repository.activateProcessDefinitionByKey(HeldReplyReview.PROCESS_KEY);
    }
  }

  @Test
  void aReviewThatCannotCloseNeitherKeepsTheReplyFromItsDeliveryNorStaysWithoutATry(CapturedOutput output) throws Exception {
    var deployment = brokenVersion("HeldReplyReviewProcess.bpmn", "End_Released");
    try {
      var key = newTicketWaitingForTheCustomer("zoe@paused.example");
      onHold(key, true);
      var reply = id();
      smtp(mail("zoe@paused.example", "Re: [" + key + "] Render hangs", reply, "The roof scene."));
      var poller = mailbox();
      assertThat(poller.poll().failed()).isEqualTo(1);
      var held = heldId(reply);
      assertThat(reviewTask(held)).as("the broken version starts").isNotNull();

      onHold(key, false);
      assertThat(poller.poll().processed()).as("delivered although its review cannot close").isEqualTo(1);
      assertThat(seen()).isTrue();
      assertThat(ticket(key).get("status").asText()).isEqualTo("IN_PROGRESS");
      assertThat(heldFor(reply)).isNull();
      assertThat(output.getOut()).contains("Could not close HeldReplyReviewProcess held-" + held + " (held note " + held + ")");
      assertThat(reviewTask(held)).as("left open by the broken version").isNotNull();

      // each poll tries again (the broken version fails again); a manager can still complete it
      var before = output.getOut().split("Could not close HeldReplyReviewProcess held-" + held, -1).length;
      poller.poll();
      assertThat(output.getOut().split("Could not close HeldReplyReviewProcess held-" + held, -1).length).isEqualTo(before + 1);
      tasks.complete(reviewTask(held).getId());
      assertThat(reviewTask(held)).isNull();
    } finally {
      engine.getRepositoryService().deleteDeployment(deployment, true);
    }
  }

  @Test
  void aReviewLeftOpenForAReplyAnotherNodeDeliveredClosesAtTheNextPoll() throws Exception {
    var key = newTicketWaitingForTheCustomer("ada@paused.example");
    var reply = id();
    var raw = mail("ada@paused.example", "Re: [" + key + "] Render hangs", reply, "The hall scene.").getBytes(StandardCharsets.UTF_8);
    // node A delivers the reply (the hold just lifted) ...
    assertThat(processor.process(raw, "IMAP").outcome()).isEqualTo(InboundOutcome.ANSWERED_INFORMATION_REQUEST);
    // ... while node B, which found the ticket on hold a moment before, notes it and opens its review
    // in a transaction that could not see A's rows: what B's held() does, A's row invisible to it
    new TransactionTemplate(transactions).executeWithoutResult(status -> store.hold(reply, key, raw).ifPresent(heldReview::open));
    var held = heldId(reply);
    var instance = review(held);
    assertThat(reviewTask(held)).as("left open: nothing delivers the reply again").isNotNull();
    assertThat(heldFor(reply)).as("not listed: the reply is processed").isNull();

    // the next poll (of any node, with nothing new in the mailbox) closes it and forgets the note
    assertThat(mailbox().poll().unseen()).isZero();
    assertThat(reviewTask(held)).isNull();
    assertThat(instance).isEnded().hasPassed("Boundary_HeldReplyReleased", "End_Released");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM inbound_mail_held WHERE message_key = ?").param(reply).query(Long.class).single()).isZero();
  }

  @Test
  void aMessageIsQuarantinedWhileTheQuarantineReviewCannotStart(CapturedOutput output) throws Exception {
    var repository = engine.getRepositoryService();
    var first = id();
    var second = id();
    smtp(mail("bob@failing.example", "Help", first, "It fails."));
    smtp(mail("cyd@failing.example", "Help too", second, "It fails too."));
    repository.suspendProcessDefinitionByKey(QuarantineReview.PROCESS_KEY);
    try {
      var poller = mailbox();
      for (int attempt = 1; attempt <= 3; attempt++) { // the test mailbox quarantines at the third failure
        assertThat(poller.poll(bytes -> {
          throw new IllegalStateException("a bug, fixed later");
        }).failed()).as("attempt %d", attempt).isEqualTo(attempt < 3 ? 2 : 0);
      }
      for (var message : greenMail.getReceivedMessages()) {
        assertThat(message.getFlags().contains(Flags.Flag.SEEN)).as("both done with").isTrue();
      }
      var kept = jdbc.sql("SELECT id FROM inbound_mail_quarantine WHERE message_key IN (?, ?)").params(first, second).query(Long.class).list();
      assertThat(kept).as("both kept aside").hasSize(2);
      assertThat(output.getOut()).contains("Could not start MailQuarantineReviewProcess for quarantined message " + kept.get(0));
      assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(QuarantineReview.PROCESS_KEY)
          .processInstanceBusinessKey(QuarantineReview.businessKey(kept.get(0))).count()).isZero();
    } finally {
      repository.activateProcessDefinitionByKey(QuarantineReview.PROCESS_KEY);
    }
  }
}
