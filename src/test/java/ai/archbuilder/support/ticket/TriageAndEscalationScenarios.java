package ai.archbuilder.support.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Triage outcomes that re-assess the ticket, and the escalations an agent or a customer asks for
 * (policy §5, §6): corrections, critical re-classification, manual escalation, the plan ceiling,
 * and an escalation while the ticket waits for the customer. Run on H2 and on PostgreSQL.
 */
abstract class TriageAndEscalationScenarios extends ProcessScenarios {

  @Test
  void triageCorrectionReassessesFromCreationAndKeepsTheCorrection() {
    setClock(la("2026-11-24T10:00:00")); // Tuesday
    var key = create("admin", "alice@example.com", "Crash when saving", "The editor crashes now and then when saving",
        "category", "TECHNICAL", "subcategory", "SOFTWARE_BUG", "impact", "MINOR");
    var before = ticket(key);
    assertThat(before.get("priority").asText()).isEqualTo("P3");
    assertThat(before.get("maxTier").asInt()).isEqualTo(1);
    assertThat(instant(before, "escalationDueAt")).isEqualTo(la("2026-11-26T16:00:00"));

    setClock(la("2026-11-24T11:00:00"));
    triage(key, "TECHNICAL", "SOFTWARE_BUG", "MAJOR", "CONTINUE");

    var t = ticket(key);
    assertThat(t.get("priority").asText()).isEqualTo("P2");
    assertThat(t.get("maxTier").asInt()).as("BASIC P2 may go to Tier 2").isEqualTo(2);
    assertThat(t.get("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(t.get("tier").asInt()).isEqualTo(1);
    // every due counts from creation (10:00), with P2's hours
    assertThat(instant(t, "firstResponseDueAt")).isEqualTo(la("2026-11-24T14:00:00"));
    assertThat(instant(t, "tierResponseDueAt")).isEqualTo(la("2026-11-24T14:00:00"));
    assertThat(instant(t, "resolutionDueAt")).isEqualTo(la("2026-11-26T16:00:00"));
    assertThat(instant(t, "escalationDueAt")).as("Tier 1: min(24 h, P2 window 8 h)").isEqualTo(la("2026-11-24T18:00:00"));
    assertThat(timerDueDates(key, "Boundary_ResponseDue")).containsExactly(la("2026-11-24T14:00:00"));
    assertThat(timerDueDates(key, "Timer_TimeInTierElapsed")).containsExactly(la("2026-11-24T18:00:00"));

    assertThat(count(key, "ASSESSED")).isEqualTo(2);
    assertThat(details(key, "CLASSIFICATION_CORRECTED")).containsExactly("impact: MINOR → MAJOR");
    var corrections =
        jdbc.sql("SELECT field, before_value, after_value, was_inferred, corrected_by FROM classification_correction WHERE ticket_id = ?")
            .param(ticketId(key))
            .query((rs, i) -> "%s %s->%s inferred=%s by %s".formatted(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getBoolean(4), rs.getString(5)))
            .list();
    assertThat(corrections).containsExactly("impact MINOR->MAJOR inferred=false by tier1");

    assertThat(candidateGroups(key, "Task_WorkOnTicket")).containsExactly("tier1");
    assertThat(passed(key, "SubProcess_AssessTicket")).isEqualTo(2);
    assertThat(passed(key, "Task_SendAcknowledgement")).as("acknowledged once").isEqualTo(1);
    assertThat(lifecycle(key)).hasPassed("Task_RecordTriage", "End_Triaged", "Gateway_CriticalReroute")
        .hasNotPassed("CallActivity_Escalate")
        .isWaitingAt("Task_WorkOnTicket");
  }

  @Test
  void aTriageThatCorrectsAndEscalatesAtOnceIsDecidedOnTheCorrectedTicket() {
    setClock(la("2026-11-24T10:00:00"));
    var key = create("admin", "alice@example.com", "Sync loses layers", "Some layers are missing after sync",
        "category", "TECHNICAL", "subcategory", "DATA", "impact", "MINOR");
    assertThat(ticket(key).get("maxTier").asInt()).as("BASIC P3: Tier 1 is the ceiling").isEqualTo(1);

    // the agent finds a major impact (P2: BASIC may reach Tier 2) and escalates in the same step
    setClock(la("2026-11-24T10:10:00"));
    triage(key, "TECHNICAL", "DATA", "MAJOR", "ESCALATE", "escalationReason", "COMPLEX_ISSUE",
        "justification", "Data loss across projects");

    var t = ticket(key);
    assertThat(t.get("priority").asText()).isEqualTo("P2");
    assertThat(t.get("maxTier").asInt()).isEqualTo(2);
    assertThat(t.get("tier").asInt()).as("moved up, not oversight at the old ceiling").isEqualTo(2);
    var escalation = t.get("escalations").get(0);
    assertThat(escalation.get("trigger").asText()).isEqualTo("MANUAL");
    assertThat(escalation.get("reason").asText()).isEqualTo("COMPLEX_ISSUE");
    assertThat(escalation.get("action").asText()).isEqualTo("ESCALATE");
    assertThat(t.get("escalations")).hasSize(1);
    // Tier 2: entry 10:10 + min(8 h, P2 4 h) on Standard hours
    assertThat(instant(t, "tierResponseDueAt")).isEqualTo(la("2026-11-24T14:10:00"));
    assertThat(details(key, "TRIAGED")).containsExactly("TECHNICAL/DATA, impact MAJOR, urgency MEDIUM; re-assessed before ESCALATE");
    assertThat(details(key, "CLASSIFICATION_CORRECTED")).containsExactly("impact: MINOR → MAJOR");
    assertThat(count(key, "ASSESSED")).isEqualTo(2);
    assertThat(candidateGroups(key, "Task_WorkOnTicket")).containsExactly("tier2");
    assertThat(runtime.getVariable(lifecycle(key).getId(), "triageAction")).as("the action is taken once").isNull();
    assertThat(lifecycle(key))
        .hasPassed("Task_RecordTriage", "End_Triaged", "SubProcess_AssessTicket", "Task_RecordOutcome", "End_ManualEscalation")
        .isWaitingAt("Task_WorkOnTicket");
  }

  @Test
  void aTriageThatFindsAnOutageAndEscalatesAProductDefectTakesItToTierFourThroughTierThree() {
    setClock(la("2026-11-24T10:00:00"));
    var key = create("admin", "alice@example.com", "Cannot log in", "Login fails for me",
        "category", "TECHNICAL", "subcategory", "SYSTEM_ERROR", "impact", "MINOR");
    setClock(la("2026-11-24T10:10:00"));
    triage(key, "TECHNICAL", "SYSTEM_ERROR", "SYSTEM_DOWN", "ESCALATE", "escalationReason", "PRODUCT_DEFECT",
        "justification", "The sign-in service crashes on every request");

    var t = ticket(key);
    assertThat(t.get("priority").asText()).isEqualTo("P1");
    assertThat(t.get("tier").asInt()).isEqualTo(4);
    var critical = t.get("escalations").get(0);
    assertThat(critical.get("trigger").asText()).isEqualTo("CRITICAL_PRIORITY");
    assertThat(critical.get("toTier").asInt()).isEqualTo(3);
    assertThat(critical.get("reason").isNull()).as("the agent's reason belongs to her own escalation").isTrue();
    var manual = t.get("escalations").get(1);
    assertThat(manual.get("trigger").asText()).isEqualTo("MANUAL");
    assertThat(manual.get("reason").asText()).isEqualTo("PRODUCT_DEFECT");
    assertThat(manual.get("justification").asText()).isEqualTo("The sign-in service crashes on every request");
    assertThat(manual.get("fromTier").asInt()).isEqualTo(3);
    assertThat(manual.get("toTier").asInt()).isEqualTo(4);
    assertThat(t.get("escalations")).hasSize(2);
    assertThat(candidateGroups(key, "Task_WorkOnTicket")).containsExactly("tier4");
    var id = lifecycle(key).getId();
    assertThat(runtime.getVariable(id, "triageAction")).isNull();
    assertThat(runtime.getVariable(id, "triageEscalationReason")).isNull();
    assertThat(runtime.getVariable(id, "escalationReason")).as("a reason steers one escalation only").isNull();
  }

  @Test
  void aTriageThatFindsAnOutageAndSolvesItAtOnceResolvesTheCriticalTicket() {
    setClock(la("2026-11-24T10:00:00"));
    var key = create("admin", "alice@example.com", "Cannot log in", "Login fails for me",
        "category", "TECHNICAL", "subcategory", "SYSTEM_ERROR", "impact", "MINOR");
    setClock(la("2026-11-24T10:10:00"));
    triage(key, "TECHNICAL", "SYSTEM_ERROR", "SYSTEM_DOWN", "RESOLVE", "reply", "The sign-in service is back; please retry.",
        "documentInKb", false);

    var t = ticket(key);
    // re-assessed first: a P1 on Emergency 24/7 in Tier 3, then the triage's solution
    assertThat(t.get("priority").asText()).isEqualTo("P1");
    assertThat(t.get("coverage").asText()).isEqualTo("EMERGENCY_24_7");
    assertThat(t.get("tier").asInt()).isEqualTo(3);
    assertThat(t.get("escalations").get(0).get("trigger").asText()).isEqualTo("CRITICAL_PRIORITY");
    assertThat(t.get("status").asText()).isEqualTo("RESOLVED");
    assertThat(instant(t, "resolvedAt")).isEqualTo(la("2026-11-24T10:10:00"));
    assertThat(instant(t, "firstRespondedAt")).isEqualTo(la("2026-11-24T10:10:00"));
    assertThat(mails(key, "resolution")).extracting(MailRow::recipient).containsExactly("alice@example.com");
    assertThat(openTasks(key)).isEmpty();
    assertThat(lifecycle(key))
        .hasPassed("Task_RecordTriage", "SubProcess_AssessTicket", "CallActivity_Escalate", "Task_RecordOutcome", "Task_SendResolution")
        .isWaitingAt("Task_AwaitVerification");
  }

  @Test
  void reclassifiedAsCriticalAtTriageMovesToTierThreeAsAnEscalation() {
    setClock(la("2026-11-24T10:00:00"));
    var key = create("admin", "alice@example.com", "Cannot log in", "Login fails for me",
        "category", "TECHNICAL", "subcategory", "SYSTEM_ERROR", "impact", "MINOR");
    setClock(la("2026-11-24T10:10:00"));
    triage(key, "TECHNICAL", "SYSTEM_ERROR", "SYSTEM_DOWN", "CONTINUE");

    var t = ticket(key);
    assertThat(t.get("priority").asText()).isEqualTo("P1");
    assertThat(t.get("coverage").asText()).isEqualTo("EMERGENCY_24_7");
    assertThat(t.get("maxTier").asInt()).isEqualTo(4);
    assertThat(t.get("tier").asInt()).isEqualTo(3);
    var escalation = t.get("escalations").get(0);
    assertThat(escalation.get("trigger").asText()).isEqualTo("CRITICAL_PRIORITY");
    assertThat(escalation.get("action").asText()).isEqualTo("ESCALATE");
    assertThat(escalation.get("fromTier").asInt()).isEqualTo(1);
    assertThat(escalation.get("toTier").asInt()).isEqualTo(3);
    assertThat(instant(t, "firstResponseDueAt")).isEqualTo(la("2026-11-24T11:00:00"));
    // entry 10:10 + min(Tier 3 4 h, P1 1 h)
    assertThat(instant(t, "tierResponseDueAt")).isEqualTo(la("2026-11-24T11:10:00"));
    assertThat(instant(t, "resolutionDueAt")).isEqualTo(la("2026-11-24T14:00:00"));
    assertThat(instant(t, "escalationDueAt")).as("Tier 3 TECHNICAL: 4 h").isEqualTo(la("2026-11-24T14:10:00"));
    assertThat(candidateGroups(key, "Task_WorkOnTicket")).containsExactly("tier3");
    assertThat(mails(key, "escalation")).extracting(MailRow::recipient).containsExactly("alice@example.com");
    assertThat(mails(key, "handover")).extracting(MailRow::recipient).containsExactly("tier3@archbuilder.app");
    assertThat(lifecycle(key)).hasPassed("Gateway_CriticalReroute", "CallActivity_Escalate").isWaitingAt("Task_WorkOnTicket");
  }

  @Test
  void agentEscalatesFromTheWorkTaskAndBasicStaysAtItsCeilingUnderOversight() {
    setClock(la("2026-11-24T10:00:00"));
    var key = create("admin", "paul@example.com", "Sync loses layers", "Some layers are missing after sync",
        "category", "TECHNICAL", "subcategory", "DATA", "impact", "MINOR");
    triage(key, "TECHNICAL", "DATA", "MINOR", "CONTINUE");
    complete("tier1", task(key, "Task_WorkOnTicket"),
        Map.of("outcome", "ESCALATE", "escalationReason", "COMPLEX_ISSUE", "justification", "Needs the server logs"));

    var t = ticket(key);
    assertThat(t.get("tier").asInt()).isEqualTo(2);
    var escalation = t.get("escalations").get(0);
    assertThat(escalation.get("trigger").asText()).isEqualTo("MANUAL");
    assertThat(escalation.get("reason").asText()).isEqualTo("COMPLEX_ISSUE");
    assertThat(escalation.get("justification").asText()).isEqualTo("Needs the server logs");
    assertThat(escalation.get("action").asText()).isEqualTo("ESCALATE");
    assertThat(details(key, "ESCALATION_REQUESTED")).containsExactly("COMPLEX_ISSUE: Needs the server logs");
    assertThat(candidateGroups(key, "Task_WorkOnTicket")).containsExactly("tier2");
    assertThat(lifecycle(key)).hasPassed("Task_WorkOnTicket", "Task_RecordOutcome", "End_ManualEscalation", "CallActivity_EscalateInTier",
        "Boundary_ReenterTier");
    assertThat(runtime.getVariable(lifecycle(key).getId(), "escalationReason")).as("a reason steers one escalation only").isNull();

    // BASIC P3: the ceiling is Tier 1; the escalation becomes oversight and the managers hear of it
    var basic = create("admin", "alice@example.com", "Sync loses layers", "Some layers are missing after sync",
        "category", "TECHNICAL", "subcategory", "DATA", "impact", "MINOR");
    triage(basic, "TECHNICAL", "DATA", "MINOR", "ESCALATE", "escalationReason", "COMPLEX_ISSUE",
        "justification", "Beyond what Tier 1 can do");
    t = ticket(basic);
    assertThat(t.get("tier").asInt()).isEqualTo(1);
    var oversight = t.get("escalations").get(0);
    assertThat(oversight.get("action").asText()).isEqualTo("OVERSIGHT");
    assertThat(oversight.get("trigger").asText()).isEqualTo("MANUAL");
    assertThat(oversight.get("fromTier").asInt()).isEqualTo(1);
    assertThat(oversight.get("toTier").asInt()).isEqualTo(1);
    assertThat(historyEvents(basic)).contains("OVERSIGHT").doesNotContain("BREACHED", "ESCALATED");
    assertThat(mails(basic, "manager-notification")).extracting(MailRow::recipient)
        .containsExactly("support-managers@archbuilder.app");
    assertThat(mails(basic, "handover")).isEmpty();
    assertThat(candidateGroups(basic, "Task_WorkOnTicket")).containsExactly("tier1");
    var escalationInstance =
        engine.getHistoryService().createHistoricProcessInstanceQuery()
            .processDefinitionKey(TicketLifecycle.ESCALATION_PROCESS_KEY)
            .processInstanceBusinessKey(basic)
            .singleResult();
    assertThat(escalationInstance.getEndActivityId()).isEqualTo("End_ManagersNotified");
  }

  @Test
  void triageAfterOversightDoesNotRestartATimeInTierClockThatStoppedAtTheCeiling() {
    setClock(la("2026-11-24T09:00:00"));
    // BASIC P3 BILLING: ceiling Tier 1, 48 h in Tier 1 → Tue 1 Dec 12:00
    var key = create("admin", "alice@example.com", "Invoice address is wrong", "The invoice shows an old address",
        "category", "BILLING", "subcategory", "ACCOUNT", "impact", "MINOR");
    setClock(la("2026-11-24T09:30:00"));
    post("tier1", "/api/tickets/" + key + "/messages", Map.of("from", "AGENT", "body", "We will check."));
    advanceTo(la("2026-12-01T12:00:00"));
    assertThat(ticket(key).get("escalations")).hasSize(1);
    assertThat(ticket(key).get("escalations").get(0).get("action").asText()).isEqualTo("OVERSIGHT");
    assertThat(instant(ticket(key), "escalationDueAt")).as("the clock stopped").isNull();

    setClock(la("2026-12-01T13:00:00"));
    triage(key, "BILLING", "ACCOUNT", "MINOR", "CONTINUE");
    executeDueJobs();

    var t = ticket(key);
    assertThat(t.get("escalations")).as("no second oversight for the same breach").hasSize(1);
    assertThat(count(key, "OVERSIGHT")).isEqualTo(1);
    assertThat(instant(t, "escalationDueAt")).isNull();
    assertThat(timerDueDates(key, "Timer_TimeInTierElapsed")).isEmpty();
    assertThat(mails(key, "manager-notification")).hasSize(1);
    assertThat(candidateGroups(key, "Task_WorkOnTicket")).containsExactly("tier1");
  }

  @Test
  void escalationRequestedWhileWaitingForTheCustomerResumesTheClocksFirst() {
    setClock(la("2026-11-24T10:00:00"));
    var key = create("admin", "paul@example.com", "Import fails", "Import of a DWG file fails with an error",
        "category", "TECHNICAL", "subcategory", "SOFTWARE_BUG", "impact", "MINOR");
    var before = ticket(key);
    triage(key, "TECHNICAL", "SOFTWARE_BUG", "MINOR", "REQUEST_INFORMATION", "reply", "Could you send us the file?");
    assertThat(ticket(key).get("status").asText()).isEqualTo("WAITING_FOR_CUSTOMER");
    assertThat(lifecycle(key)).isWaitingAt("Task_AwaitCustomerInformation");

    setClock(la("2026-11-24T13:00:00"));
    var requested = post("paul", "/api/tickets/" + key + "/escalations",
        Map.of("reason", "CUSTOMER_REQUEST", "justification", "We cannot wait any longer"));
    assertThat(requested.getStatusCode().value()).isEqualTo(202);

    var t = ticket(key);
    assertThat(t.get("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(t.get("tier").asInt()).isEqualTo(2);
    assertThat(t.get("escalations").get(0).get("trigger").asText()).isEqualTo("CUSTOMER_REQUEST");
    assertThat(t.get("escalations").get(0).get("reason").asText()).isEqualTo("CUSTOMER_REQUEST");
    assertThat(instant(t, "resolutionDueAt")).isEqualTo(instant(before, "resolutionDueAt").plusSeconds(3 * 3600));
    // Tier 2: 13:00 + min(8 h, 24 h) on Standard hours
    assertThat(instant(t, "tierResponseDueAt")).isEqualTo(la("2026-11-25T12:00:00"));
    assertThat(details(key, "CLOCKS_RESUMED")).containsExactly("SLA clocks resumed; due dates moved by PT3H");
    assertThat(historyEvents(key)).containsSubsequence("CLOCKS_PAUSED", "ESCALATION_REQUESTED", "CLOCKS_RESUMED", "ESCALATED");
    assertThat(candidateGroups(key, "Task_WorkOnTicket")).containsExactly("tier2");
    // she escalated instead of answering: her ticket is not in "Waiting for customer" as answered
    assertThat(tasks.getVariableLocal(task(key, "Task_WorkOnTicket").getId(), "customerAnswered")).isNull();
    assertThat(lifecycle(key))
        .hasPassed("Boundary_EscalationRequestedWhileWaiting", "Task_ResumeSlaClocksForEscalation", "CallActivity_Escalate")
        .hasNotPassed("Task_ResumeSlaClocks")
        .isWaitingAt("Task_WorkOnTicket");
  }
}
