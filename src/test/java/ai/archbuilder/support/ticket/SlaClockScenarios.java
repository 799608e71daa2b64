package ai.archbuilder.support.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The SLA clocks that run inside "Work on the ticket in its tier" (policy §4, §5): response and
 * resolution breaches, the 75 % warnings and the status updates. Run on H2 and on PostgreSQL.
 */
abstract class SlaClockScenarios extends ProcessScenarios {

  @Autowired TicketStore tickets;
  @Autowired TicketConversation conversation;
  @Autowired TransactionTemplate transactions;

  @Test
  void nobodyAnswersSoTheResponseBreachMovesTheTicketUpWithTheSmallerResponseTime() {
    setClock(la("2026-11-24T10:00:00")); // Tuesday
    // PROFESSIONAL P2 BILLING: Standard hours, first response 4 h, ceiling Tier 2, Tier 1 time min(48 h, 8 h)
    var key = create("admin", "paul@example.com", "Card charged twice", "The payment was taken twice this month",
        "category", "BILLING", "subcategory", "PAYMENT", "impact", "MAJOR");
    var t = ticket(key);
    assertThat(t.get("priority").asText()).isEqualTo("P2");
    assertThat(instant(t, "firstResponseDueAt")).isEqualTo(la("2026-11-24T14:00:00"));
    assertThat(instant(t, "escalationDueAt")).isEqualTo(la("2026-11-24T18:00:00"));
    assertThat(timerDueDates(key, "Boundary_ResponseDue")).containsExactly(la("2026-11-24T14:00:00"));
    assertThat(timerDueDates(key, "Boundary_ResponseWarning")).containsExactly(la("2026-11-24T13:00:00"));

    advanceTo(la("2026-11-24T14:00:00"));

    t = ticket(key);
    assertThat(t.get("tier").asInt()).isEqualTo(2);
    assertThat(t.get("status").asText()).isEqualTo("IN_PROGRESS");
    var escalation = t.get("escalations").get(0);
    assertThat(escalation.get("trigger").asText()).isEqualTo("RESPONSE_BREACH");
    assertThat(escalation.get("action").asText()).isEqualTo("ESCALATE");
    assertThat(escalation.get("fromTier").asInt()).isEqualTo(1);
    assertThat(escalation.get("toTier").asInt()).isEqualTo(2);
    // entry + min(Tier 2 response 8 h, P2 first response 4 h) = 14:00 + 4 h
    assertThat(instant(t, "tierResponseDueAt")).isEqualTo(la("2026-11-24T18:00:00"));
    assertThat(instant(t, "firstResponseDueAt")).as("the breached due stays on record").isEqualTo(la("2026-11-24T14:00:00"));
    assertThat(instant(t, "resolutionDueAt")).as("not passed: unchanged").isEqualTo(la("2026-11-26T16:00:00"));
    // Tier 2 BILLING: 24 h in the tier, from the entry
    assertThat(instant(t, "escalationDueAt")).isEqualTo(la("2026-11-27T11:00:00"));
    assertThat(details(key, "BREACHED")).containsExactly("RESPONSE_BREACH in Tier 1");
    assertThat(historyEvents(key)).containsSubsequence("SLA_WARNING", "BREACHED", "ESCALATED");

    assertThat(openTasks(key)).extracting(task -> task.getTaskDefinitionKey()).containsExactly("Task_WorkOnTicket");
    assertThat(candidateGroups(key, "Task_WorkOnTicket")).containsExactly("tier2");
    assertThat(timerDueDates(key, "Boundary_ResponseDue")).containsExactly(la("2026-11-24T18:00:00"));
    assertThat(mails(key, "escalation")).extracting(MailRow::recipient).containsExactly("paul@example.com");
    assertThat(mails(key, "handover")).extracting(MailRow::recipient).containsExactly("tier2@archbuilder.app");
    assertThat(lifecycle(key))
        .hasPassed("Boundary_ResponseWarning", "Task_SendResponseWarning", "Boundary_ResponseDue", "End_ResponseBreached",
            "Start_EscalationInTier", "CallActivity_EscalateInTier", "End_ReenterTier", "Boundary_ReenterTier")
        .isWaitingAt("Task_WorkOnTicket", "Task_AwaitFirstResponse");
  }

  @Test
  void aPassedResolutionDueEscalatesWithANewTargetAndAtTheCeilingIsOverseen() {
    var t0 = Instant.parse("2026-11-24T18:00:00Z");
    setClock(t0);
    // P1 (system down): Tier 3, Emergency 24/7, resolution 4 h; BILLING may stay 12 h in Tier 3
    var key = create("admin", "erin@example.com", "Billing portal is down", "Nobody can pay: the billing portal is down.",
        "category", "BILLING", "subcategory", "PAYMENT", "impact", "SYSTEM_DOWN");
    var t = ticket(key);
    assertThat(t.get("tier").asInt()).isEqualTo(3);
    assertThat(instant(t, "resolutionDueAt")).isEqualTo(t0.plus(Duration.ofHours(4)));
    assertThat(instant(t, "escalationDueAt")).isEqualTo(t0.plus(Duration.ofHours(12)));
    assertThat(timerDueDates(key, "Timer_ResolutionWarning")).containsExactly(t0.plus(Duration.ofHours(3)));

    setClock(t0.plus(Duration.ofMinutes(30)));
    post("tier3", "/api/tickets/" + key + "/messages", Map.of("from", "AGENT", "body", "We are on it."));
    advanceTo(t0.plus(Duration.ofHours(4)));

    t = ticket(key);
    assertThat(t.get("tier").asInt()).isEqualTo(4);
    assertThat(t.get("escalations").get(0).get("trigger").asText()).isEqualTo("RESOLUTION_BREACH");
    assertThat(t.get("escalations").get(0).get("action").asText()).isEqualTo("ESCALATE");
    assertThat(details(key, "BREACHED")).containsExactly("RESOLUTION_BREACH in Tier 3");
    // the due passed: a new resolution target from the entry; the response due is entry + min(2 h, 1 h)
    assertThat(instant(t, "resolutionDueAt")).isEqualTo(t0.plus(Duration.ofHours(8)));
    assertThat(instant(t, "tierResponseDueAt")).isEqualTo(t0.plus(Duration.ofHours(5)));
    assertThat(instant(t, "escalationDueAt")).as("no time-based move beyond Tier 4").isNull();
    assertThat(details(key, "SLA_WARNING")).containsExactly("RESOLUTION window 75 % used");
    assertThat(candidateGroups(key, "Task_WorkOnTicket")).containsExactly("tier4");
    assertThat(lifecycle(key)).hasPassed("Timer_ResolutionWarning", "Task_SendResolutionWarning", "Timer_ResolutionDue",
        "End_ResolutionBreached", "CallActivity_EscalateInTier", "Boundary_ReenterTier", "End_NoTimeInTierClock");
    assertThat(timerDueDates(key, "Timer_ResolutionWarning")).containsExactly(t0.plus(Duration.ofHours(7)));

    // Tier 4 is the ceiling: the next breach is recorded for oversight and gets a new target again
    setClock(t0.plus(Duration.ofMinutes(270)));
    post("tier4", "/api/tickets/" + key + "/messages", Map.of("from", "AGENT", "body", "Tier 4 here."));
    advanceTo(t0.plus(Duration.ofHours(8)));
    t = ticket(key);
    assertThat(t.get("tier").asInt()).isEqualTo(4);
    var oversight = t.get("escalations").get(1);
    assertThat(oversight.get("trigger").asText()).isEqualTo("RESOLUTION_BREACH");
    assertThat(oversight.get("action").asText()).isEqualTo("OVERSIGHT");
    assertThat(oversight.get("fromTier").asInt()).isEqualTo(4);
    assertThat(oversight.get("toTier").asInt()).isEqualTo(4);
    assertThat(instant(t, "resolutionDueAt")).isEqualTo(t0.plus(Duration.ofHours(12)));
    assertThat(details(key, "BREACHED")).containsExactly("RESOLUTION_BREACH in Tier 3", "RESOLUTION_BREACH in Tier 4");
    assertThat(mails(key, "manager-notification")).extracting(MailRow::recipient)
        .containsExactly("support-managers@archbuilder.app");
    assertThat(candidateGroups(key, "Task_WorkOnTicket")).containsExactly("tier4");
  }

  @Test
  void atTheCeilingAnOverseenClockLeavesTheAgentsTaskAndTheOtherClocksAlone() {
    setClock(la("2026-11-24T09:00:00")); // Tuesday, opening time
    // BASIC P3 BILLING: ceiling Tier 1, so a breach there is overseen and the ticket stays
    var key = create("admin", "alice@example.com", "Invoice address is wrong", "The invoice shows an old address",
        "category", "BILLING", "subcategory", "ACCOUNT", "impact", "MINOR");
    triage(key, "BILLING", "ACCOUNT", "MINOR", "CONTINUE");
    var work = task(key, "Task_WorkOnTicket");
    tasks.claim(work.getId(), "tier1");
    var resolutionWarning = management.createJobQuery().processInstanceId(lifecycleId(key)).activityId("Timer_ResolutionWarning")
        .singleResult().getId();
    var t = ticket(key);

    advanceTo(instant(t, "firstResponseDueAt"));
    t = ticket(key);
    assertThat(t.get("tier").asInt()).isEqualTo(1);
    assertThat(t.get("escalations").get(0).get("trigger").asText()).isEqualTo("RESPONSE_BREACH");
    assertThat(t.get("escalations").get(0).get("action").asText()).isEqualTo("OVERSIGHT");
    // the work sub-process was not left: the claimed task and the other clocks are the same ones
    assertThat(task(key, "Task_WorkOnTicket").getId()).isEqualTo(work.getId());
    assertThat(task(key, "Task_WorkOnTicket").getAssignee()).isEqualTo("tier1");
    assertThat(management.createJobQuery().jobId(resolutionWarning).count()).isEqualTo(1);
    assertThat(timerDueDates(key, "Boundary_ResponseDue")).as("the response clock stopped").isEmpty();
    assertThat(mails(key, "manager-notification")).hasSize(1);

    advanceTo(instant(t, "escalationDueAt"));
    t = ticket(key);
    assertThat(t.get("escalations").get(1).get("trigger").asText()).isEqualTo("TIME_IN_TIER");
    assertThat(t.get("escalations").get(1).get("action").asText()).isEqualTo("OVERSIGHT");
    assertThat(t.get("escalationDueAt").isNull()).as("the time-in-tier clock stopped").isTrue();
    assertThat(details(key, "BREACHED")).containsExactly("RESPONSE_BREACH in Tier 1", "TIME_IN_TIER in Tier 1");
    assertThat(task(key, "Task_WorkOnTicket").getId()).isEqualTo(work.getId());
    assertThat(task(key, "Task_WorkOnTicket").getAssignee()).isEqualTo("tier1");
    assertThat(timerDueDates(key, "Timer_TimeInTierElapsed")).isEmpty();
    assertThat(mails(key, "manager-notification")).hasSize(2);
    assertThat(passed(key, "End_OverseenInTier")).isEqualTo(2);
    assertThat(passed(key, "Boundary_ReenterTier")).isZero();
    assertThat(passed(key, "Start_WorkInTier")).as("entered once, at triage").isEqualTo(2);
  }

  @Test
  void aTriageAfterAnOverseenResolutionBreachKeepsTheNewTargetAndRecordsTheBreachOnce() {
    var t0 = Instant.parse("2026-11-24T18:00:00Z");
    setClock(t0);
    // BASIC plan: Tier 1 is the ceiling, so every breach is overseen there; nobody triages in time
    var key = create("admin", "alice@example.com", "Export shows a wrong total", "The monthly total is off, a workaround exists");
    var due = instant(ticket(key), "resolutionDueAt");
    advanceTo(due.plusSeconds(1));
    var t = ticket(key);
    assertThat(t.get("tier").asInt()).isEqualTo(1);
    assertThat(details(key, "BREACHED")).contains("RESOLUTION_BREACH in Tier 1");
    var renewed = instant(t, "resolutionDueAt");
    assertThat(renewed).as("a new target after the overseen breach").isAfter(due.plusSeconds(1));
    var breaches = details(key, "BREACHED");

    // the late triage re-assesses the ticket: its clocks restart from creation, but not the resolution target
    triage(key, "TECHNICAL", "DATA", "MINOR", "CONTINUE");
    t = ticket(key);
    assertThat(instant(t, "resolutionDueAt")).isEqualTo(renewed);
    assertThat(details(key, "BREACHED")).as("no second record of the same breach").isEqualTo(breaches);
    assertThat(t.get("escalations")).hasSize(breaches.size());
    // the resolution lane waits for the 75 % warning of the new target, not for a passed due
    assertThat(timerDueDates(key, "Timer_ResolutionWarning"))
        .singleElement()
        .satisfies(warning -> assertThat(warning).isAfter(due.plusSeconds(1)).isBefore(renewed));
  }

  @Test
  void warningsAt75PercentComeOncePerWindowAndWaitForOpenHoursAtNight() {
    setClock(la("2026-11-24T09:00:00")); // Tuesday, opening time
    // BASIC P3 BILLING: Standard hours, ceiling Tier 1; response 24 h, resolution 72 h, Tier 1 time 48 h
    var key = create("admin", "alice@example.com", "Invoice address is wrong", "The invoice shows an old address",
        "category", "BILLING", "subcategory", "ACCOUNT", "impact", "MINOR");
    // 75 % of 24 h = 18 h: Tuesday and Wednesday, up to the closing time
    assertThat(timerDueDates(key, "Boundary_ResponseWarning")).containsExactly(la("2026-11-25T18:00:00"));
    // 75 % of 72 h = 54 h = six open days
    assertThat(timerDueDates(key, "Timer_ResolutionWarning")).containsExactly(la("2026-12-01T18:00:00"));

    advanceTo(la("2026-11-25T18:00:00"));
    assertThat(details(key, "SLA_WARNING")).containsExactly("RESPONSE window 75 % used");
    var warning = mails(key, "sla-warning");
    assertThat(warning).hasSize(1);
    assertThat(warning.get(0).recipient()).isEqualTo("tier1@archbuilder.app");
    assertThat(warning.get(0).sentAt()).as("closed at 18:00: it waits").isNull();
    var delivery = mailDelivery(key);
    assertThat(delivery).isWaitingAt("Timer_OpenHours");
    assertThat(management.createJobQuery().processInstanceId(delivery.getId()).singleResult().getDuedate().toInstant())
        .isEqualTo(la("2026-11-26T09:00:00"));

    advanceTo(la("2026-11-26T09:00:00"));
    assertThat(mails(key, "sla-warning").get(0).sentAt()).isEqualTo(la("2026-11-26T09:00:00"));
    assertThat(delivery).isEnded().hasPassed("Timer_OpenHours", "Task_DeliverMail", "End_MailSent");
    assertThat(details(key, "MAIL_SENT")).anyMatch(d -> d.startsWith("sla-warning to tier1@archbuilder.app"));

    setClock(la("2026-11-26T09:30:00"));
    post("tier1", "/api/tickets/" + key + "/messages", Map.of("from", "AGENT", "body", "Looking into it."));
    assertThat(lifecycle(key)).hasPassed("End_Responded");
    // Tier 1 time runs out Tue 1 Dec 12:00; Tier 1 is BASIC's ceiling: oversight, and the clock stops
    advanceTo(la("2026-12-01T18:00:00"));
    assertThat(ticket(key).get("escalations").get(0).get("action").asText()).isEqualTo("OVERSIGHT");
    assertThat(details(key, "SLA_WARNING")).containsExactly("RESPONSE window 75 % used", "RESOLUTION window 75 % used");
    assertThat(mails(key, "sla-warning")).hasSize(2);
    assertThat(mails(key, "sla-warning").get(1).sentAt()).isNull();

    // a pause and a resume re-arm the warning timer; it fires again, the warning is not repeated
    setClock(la("2026-12-02T09:00:00"));
    executeDueJobs();
    assertThat(mails(key, "sla-warning").get(1).sentAt()).isEqualTo(la("2026-12-02T09:00:00"));
    triage(key, "BILLING", "ACCOUNT", "MINOR", "REQUEST_INFORMATION", "reply", "Which address should it show?");
    setClock(la("2026-12-02T11:00:00"));
    post("alice", "/api/tickets/" + key + "/messages", Map.of("from", "CUSTOMER", "body", "The new one in Boston."));
    executeDueJobs();
    assertThat(passed(key, "Task_SendResolutionWarning")).isEqualTo(2);
    assertThat(details(key, "SLA_WARNING")).hasSize(2);
    assertThat(mails(key, "sla-warning")).hasSize(2);
  }

  @Test
  void theWarningGoesToTheAgentWhoClaimedTheTaskAndToTheGroupWhileNobodyHas() {
    // an agent of her own, whose address is not the group's
    var identities = engine.getIdentityService();
    if (identities.createUserQuery().userId("tess").count() == 0) {
      var tess = identities.newUser("tess");
      tess.setFirstName("Tess");
      tess.setLastName("Agent");
      tess.setEmail("tess.agent@archbuilder.app");
      tess.setPassword("tess-password");
      identities.saveUser(tess);
      identities.createMembership("tess", "tier1");
    }
    try {
      setClock(la("2026-11-24T09:00:00"));
      var key = create("admin", "alice@example.com", "Invoice address is wrong", "The invoice shows an old address",
          "category", "BILLING", "subcategory", "ACCOUNT", "impact", "MINOR");
      var triage = task(key, "Task_TriageTicket");
      tasks.claim(triage.getId(), "tess");

      advanceTo(la("2026-11-25T18:00:00")); // 75 % of the response window
      assertThat(details(key, "SLA_WARNING")).containsExactly("RESPONSE window 75 % used; tess warned");
      assertThat(mails(key, "sla-warning")).extracting(MailRow::recipient).containsExactly("tess.agent@archbuilder.app");
      var text = jdbc.sql("SELECT body_text FROM outbound_mail WHERE id = ?")
          .param(mails(key, "sla-warning").get(0).id()).query(String.class).single();
      assertThat(text).startsWith("Hello Tess Agent,");

      // she hands the task back: the next warning goes to the tier's group
      tasks.setAssignee(triage.getId(), null);
      advanceTo(la("2026-12-01T18:00:00")); // 75 % of the resolution window
      assertThat(details(key, "SLA_WARNING")).containsExactly("RESPONSE window 75 % used; tess warned", "RESOLUTION window 75 % used");
      assertThat(mails(key, "sla-warning")).extracting(MailRow::recipient)
          .containsExactly("tess.agent@archbuilder.app", "tier1@archbuilder.app");
    } finally {
      identities.deleteUser("tess");
    }
  }

  @Test
  void aLateFirstResponseStaysLateWhenTheCustomersAnswerResumesTheClocks() {
    setClock(la("2026-11-24T10:00:00")); // Tuesday
    // PROFESSIONAL P2: first response due 14:00; breached, the ticket goes to Tier 2 (due 18:00 there)
    var key = create("admin", "paul@example.com", "Card charged twice", "The payment was taken twice this month",
        "category", "BILLING", "subcategory", "PAYMENT", "impact", "MAJOR");
    advanceTo(la("2026-11-24T14:00:00"));
    setClock(la("2026-11-24T15:00:00"));
    // Tier 2's question is the first response, an hour late, and it pauses the clocks
    complete("tier2", task(key, "Task_WorkOnTicket"), Map.of("outcome", "REQUEST_INFORMATION", "reply", "Which card was it?"));
    var asked = ticket(key);
    assertThat(instant(asked, "firstRespondedAt")).isEqualTo(la("2026-11-24T15:00:00"));
    assertThat(instant(asked, "resolutionDueAt")).isEqualTo(la("2026-11-26T16:00:00"));

    // she answers the next morning: 4 business hours paused (Tue 15–18, Wed 9–10)
    setClock(la("2026-11-25T10:00:00"));
    post("paul", "/api/tickets/" + key + "/messages", Map.of("from", "CUSTOMER", "body", "The Visa ending 4242."));
    var back = ticket(key);
    assertThat(instant(back, "firstResponseDueAt")).as("a stopped clock's due does not move: the response was late")
        .isEqualTo(la("2026-11-24T14:00:00"));
    assertThat(instant(back, "tierResponseDueAt")).as("Tier 2 answered at 15:00: its due stays too").isEqualTo(la("2026-11-24T18:00:00"));
    // the running clock moves by the pause: Thu 16:00 + 4 business hours
    assertThat(instant(back, "resolutionDueAt")).isEqualTo(la("2026-11-27T11:00:00"));
  }

  @Test
  void aFailingSlaTimerIsRetriedEveryMinuteThenBecomesAnIncidentAndEscalatesOnceRetried() {
    setClock(la("2026-11-24T10:00:00")); // Tuesday
    // PROFESSIONAL P2: first response due 14:00
    var key = create("admin", "paul@example.com", "Card charged twice", "The payment was taken twice this month",
        "category", "BILLING", "subcategory", "PAYMENT", "impact", "MAJOR");
    advanceTo(la("2026-11-24T13:30:00")); // the 75 % warning
    // something the job cannot get past: the escalation decision cannot read the ceiling
    runtime.setVariable(lifecycleId(key), "maxTier", "two");
    setClock(la("2026-11-24T14:00:00"));
    var timer = management.createJobQuery().processInstanceId(lifecycleId(key)).activityId("Boundary_ResponseDue").singleResult();

    for (int attempt = 1; attempt <= 5; attempt++) {
      var id = timer.getId();
      assertThatThrownBy(() -> management.executeJob(id)).isInstanceOf(RuntimeException.class);
      timer = management.createJobQuery().jobId(id).singleResult();
      assertThat(timer.getRetries()).as("retries left after attempt %d", attempt).isEqualTo(5 - attempt);
      if (attempt < 5) {
        assertThat(timer.getDuedate().toInstant()).as("not at once: a minute later").isEqualTo(ClockUtil.getCurrentTime().toInstant().plusSeconds(60));
        setClock(timer.getDuedate().toInstant());
      }
    }
    assertThat(management.createJobQuery().jobId(timer.getId()).executable().count()).as("the job stops").isZero();
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(lifecycleId(key)).list())
        .extracting(i -> i.getIncidentType())
        .containsExactly("failedJob");
    assertThat(ticket(key).get("tier").asInt()).as("nothing happened to the ticket yet").isEqualTo(1);

    // the cause fixed, the administrator retries the incident in Cockpit: the breach happens once
    runtime.setVariable(lifecycleId(key), "maxTier", 2);
    management.setJobRetries(timer.getId(), 1);
    management.executeJob(timer.getId());
    executeDueJobs();
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(lifecycleId(key)).count()).isZero();
    assertThat(ticket(key).get("tier").asInt()).isEqualTo(2);
    assertThat(details(key, "BREACHED")).containsExactly("RESPONSE_BREACH in Tier 1");
  }

  @Test
  void anAgentsReplyToATicketWhoseProcessIsSuspendedIsRefusedUntilItRunsSoTheResponseClockAgrees() {
    setClock(la("2026-11-24T10:00:00"));
    var key = create("admin", "paul@example.com", "Card charged twice", "The payment was taken twice this month",
        "category", "BILLING", "subcategory", "PAYMENT", "impact", "MAJOR");
    runtime.suspendProcessInstanceById(lifecycleId(key));
    setClock(la("2026-11-24T11:00:00"));
    var refused = post("tier1", "/api/tickets/" + key + "/messages", Map.of("from", "AGENT", "body", "We are on it."));
    assertThat(refused.getStatusCode().value()).as("%s", refused.getBody()).isEqualTo(409);
    assertThat(refused.getHeaders().getFirst("Retry-After")).isEqualTo("60");
    assertThat(instant(ticket(key), "firstRespondedAt")).isNull();
    assertThat(historyEvents(key)).doesNotContain("REPLIED", "FIRST_RESPONSE");

    runtime.activateProcessInstanceById(lifecycleId(key));
    var reply = post("tier1", "/api/tickets/" + key + "/messages", Map.of("from", "AGENT", "body", "We are on it."));
    assertThat(reply.getStatusCode().value()).as("%s", reply.getBody()).isEqualTo(202);
    assertThat(instant(ticket(key), "firstRespondedAt")).isEqualTo(la("2026-11-24T11:00:00"));
    assertThat(lifecycle(key)).hasPassed("Task_AwaitFirstResponse");
  }

  @Test
  void twoAgentsAnsweringAtOnceGiveOneFirstResponse() {
    setClock(la("2026-11-24T10:00:00"));
    var key = create("admin", "paul@example.com", "Card charged twice", "The payment was taken twice this month",
        "category", "BILLING", "subcategory", "PAYMENT", "impact", "MAJOR");
    // both requests read the ticket before either wrote: each sees no first response yet
    var readByBoth = tickets.find(ticketId(key)).orElseThrow();
    setClock(la("2026-11-24T10:05:00"));
    transactions.executeWithoutResult(s -> conversation.agentReplied(readByBoth, "tess", "We are on it."));
    setClock(la("2026-11-24T10:06:00"));
    transactions.executeWithoutResult(s -> conversation.agentReplied(readByBoth, "tom", "Looking into it."));

    assertThat(count(key, "REPLIED")).isEqualTo(2);
    assertThat(count(key, "FIRST_RESPONSE")).as("one first response, the earlier one").isEqualTo(1);
    assertThat(instant(ticket(key), "firstRespondedAt")).isEqualTo(la("2026-11-24T10:05:00"));
    assertThat(row(key).get("tier_responded_at").toString()).as("the tier's response is the earlier one too")
        .isEqualTo(row(key).get("first_responded_at").toString());
  }

  @Test
  void aResponseBreachRecordedAtTheCeilingStaysABreachWhenTriageLowersThePriority() {
    setClock(la("2026-11-24T10:00:00")); // Tuesday
    // BASIC P3: first response due Thu 16:00; BASIC's ceiling is Tier 1, so the breach is oversight
    var key = create("admin", "alice@example.com", "Export shows a wrong total", "The total is off; a workaround exists.",
        "category", "TECHNICAL", "subcategory", "SOFTWARE_BUG", "impact", "MINOR");
    assertThat(instant(ticket(key), "firstResponseDueAt")).isEqualTo(la("2026-11-26T16:00:00"));
    advanceTo(la("2026-11-26T16:00:00"));
    assertThat(row(key).get("response_breached")).isEqualTo(true);
    assertThat(details(key, "BREACHED")).contains("RESPONSE_BREACH in Tier 1");

    // Friday: triage corrects the impact to cosmetic (P4, 72 h from creation would be next week)
    setClock(la("2026-11-27T10:00:00"));
    triage(key, "TECHNICAL", "SOFTWARE_BUG", "COSMETIC", "CONTINUE");
    var t = ticket(key);
    assertThat(t.get("priority").asText()).isEqualTo("P4");
    assertThat(instant(t, "firstResponseDueAt")).as("the breached due stays on record").isEqualTo(la("2026-11-26T16:00:00"));
    executeDueJobs();
    assertThat(details(key, "BREACHED")).as("and is not recorded twice").containsOnlyOnce("RESPONSE_BREACH in Tier 1");
  }

  @Test
  void backFromWaitingForTheCustomerTheNextStatusUpdateIsACadenceAway() {
    var entry = Instant.parse("2026-11-24T19:00:00Z");
    setClock(entry.minus(Duration.ofHours(1)));
    // ENTERPRISE P2 (24/7) in Tier 2: a status update every 4 h
    var key = create("admin", "erin@example.com", "Walls vanish on save", "Walls disappear after saving the model",
        "category", "TECHNICAL", "subcategory", "SOFTWARE_BUG", "impact", "MAJOR");
    setClock(entry);
    post("erin", "/api/tickets/" + key + "/escalations", Map.of("reason", "CUSTOMER_REQUEST", "justification", "Urgent for us"));
    assertThat(timerDueDates(key, "Timer_StatusUpdateDue")).containsExactly(entry.plus(Duration.ofHours(4)));

    setClock(entry.plus(Duration.ofMinutes(30)));
    complete("tier2", task(key, "Task_WorkOnTicket"), Map.of("outcome", "REQUEST_INFORMATION", "reply", "Which version do you use?"));
    assertThat(timerDueDates(key, "Timer_StatusUpdateDue")).as("no updates while we wait for her").isEmpty();

    // she answers ten hours later: the update that fell due while we waited is not sent the moment she writes
    var answered = entry.plus(Duration.ofHours(10));
    setClock(answered);
    post("erin", "/api/tickets/" + key + "/messages", Map.of("from", "CUSTOMER", "body", "Version 4.2."));
    executeDueJobs();
    assertThat(mails(key, "status-update")).isEmpty();
    assertThat(timerDueDates(key, "Timer_StatusUpdateDue")).containsExactly(answered.plus(Duration.ofHours(4)));
    advanceTo(answered.plus(Duration.ofHours(4)));
    assertThat(mails(key, "status-update")).extracting(MailRow::recipient).containsExactly("erin@example.com");
  }

  @Test
  void aTriageThatLowersThePriorityOwesTheWarningOfTheNewWindow() {
    setClock(la("2026-11-24T10:00:00")); // Tuesday
    // BASIC P2: response 4 h, warned at 75 % = 13:00
    var key = create("admin", "alice@example.com", "Export fails", "The export fails for large models",
        "category", "TECHNICAL", "subcategory", "SOFTWARE_BUG", "impact", "MAJOR");
    assertThat(ticket(key).get("priority").asText()).isEqualTo("P2");
    advanceTo(la("2026-11-24T13:00:00"));
    assertThat(details(key, "SLA_WARNING")).containsExactly("RESPONSE window 75 % used");

    // triage: low urgency makes it a P3, whose response window (24 h) is 75 % used on Thursday 10:00
    setClock(la("2026-11-24T13:30:00"));
    triage(key, "TECHNICAL", "SOFTWARE_BUG", "MAJOR", "CONTINUE", "urgency", "LOW");
    assertThat(ticket(key).get("priority").asText()).isEqualTo("P3");
    assertThat(timerDueDates(key, "Boundary_ResponseWarning")).containsExactly(la("2026-11-26T10:00:00"));
    advanceTo(la("2026-11-26T10:00:00"));
    assertThat(details(key, "SLA_WARNING")).containsExactly("RESPONSE window 75 % used", "RESPONSE window 75 % used");
    assertThat(mails(key, "sla-warning")).hasSize(2);
  }

  @Test
  void aTierTwoP2TicketGetsStatusUpdatesEveryFourHoursTierOneAndP4GetNone() {
    var t0 = Instant.parse("2026-11-24T18:00:00Z");
    setClock(t0);
    // ENTERPRISE P2: 24/7 coverage
    var key = create("admin", "erin@example.com", "Walls vanish on save", "Walls disappear after saving the model",
        "category", "TECHNICAL", "subcategory", "SOFTWARE_BUG", "impact", "MAJOR");
    assertThat(ticket(key).get("coverage").asText()).isEqualTo("PREMIUM_24_7");
    assertThat(timerDueDates(key, "Timer_StatusUpdateDue")).as("Tier 1: none").isEmpty();
    assertThat(passed(key, "End_NoStatusUpdates")).isEqualTo(1);

    var entry = t0.plus(Duration.ofHours(1));
    setClock(entry);
    post("erin", "/api/tickets/" + key + "/escalations", Map.of("reason", "CUSTOMER_REQUEST", "justification", "Urgent for us"));
    assertThat(ticket(key).get("tier").asInt()).isEqualTo(2);
    assertThat(timerDueDates(key, "Timer_StatusUpdateDue")).containsExactly(entry.plus(Duration.ofHours(4)));

    setClock(entry.plus(Duration.ofMinutes(30)));
    post("tier2", "/api/tickets/" + key + "/messages", Map.of("from", "AGENT", "body", "Reproducing it now."));
    advanceTo(entry.plus(Duration.ofHours(4)));
    assertThat(count(key, "STATUS_UPDATE")).isEqualTo(1);
    assertThat(mails(key, "status-update")).extracting(MailRow::recipient).containsExactly("erin@example.com");
    assertThat(row(key).get("last_status_update_at")).isNotNull();
    assertThat(timerDueDates(key, "Timer_StatusUpdateDue")).containsExactly(entry.plus(Duration.ofHours(8)));
    assertThat(lifecycle(key)).hasPassed("Task_DetermineStatusCadence", "Timer_StatusUpdateDue", "Task_SendStatusUpdate")
        .isWaitingAt("Timer_StatusUpdateDue");

    // P4 in Tier 2: the cadence table has no updates for P4
    var p4 = create("admin", "paul@example.com", "Idea: dark mode", "Please add a dark mode to the editor",
        "category", "FEATURE_REQUEST", "subcategory", "NEW_FEATURE", "impact", "COSMETIC");
    assertThat(ticket(p4).get("priority").asText()).isEqualTo("P4");
    post("paul", "/api/tickets/" + p4 + "/escalations", Map.of("reason", "CUSTOMER_REQUEST", "justification", "We need it soon"));
    assertThat(ticket(p4).get("tier").asInt()).isEqualTo(2);
    assertThat(timerDueDates(p4, "Timer_StatusUpdateDue")).isEmpty();
    assertThat(passed(p4, "End_NoStatusUpdates")).as("in Tier 1 and in Tier 2").isEqualTo(2);
    assertThat(count(p4, "STATUS_UPDATE")).isZero();
  }

  private org.camunda.bpm.engine.runtime.ProcessInstance mailDelivery(String key) {
    List<org.camunda.bpm.engine.runtime.ProcessInstance> running =
        runtime.createProcessInstanceQuery().processDefinitionKey(TicketLifecycle.MAIL_PROCESS_KEY).processInstanceBusinessKey(key).list();
    assertThat(running).hasSize(1);
    return running.get(0);
  }
}
