package ai.archbuilder.support.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The policy's cases, end to end through the API and the real diagrams and tables. Run once on
 * H2 and once on PostgreSQL (the two subclasses).
 */
abstract class TicketLifecycleScenarios extends TicketScenarios {

  @Test
  void aMessageWrittenWhileTheAgentWorksShowsInHerOpenTask() {
    setClock(la("2026-11-24T10:00:00"));
    var t = createTicket("admin", ticket("alice@example.com", "Report export shows a wrong total",
        "The monthly report total is off; a workaround is to sum by hand.", "category", "TECHNICAL",
        "subcategory", "SOFTWARE_BUG", "impact", "MINOR"));
    var key = t.get("key").asText();
    var triage = tasks.createTaskQuery().processInstanceBusinessKey(key).singleResult();
    assertThat((String) tasks.getVariableLocal(triage.getId(), "ticketConversation")).doesNotContain("Also the CSV export");

    setClock(la("2026-11-24T10:30:00"));
    var added = post("alice", "/api/tickets/" + key + "/messages", Map.of("from", "CUSTOMER", "body", "Also the CSV export is off by one."));
    assertThat(added.getBody().get("outcome").asText()).isEqualTo("ADDED");
    assertThat((String) tasks.getVariableLocal(triage.getId(), "ticketConversation")).contains("Also the CSV export is off by one.");
  }

  @Test
  void basicP3CreatedFridayEveningIsDueWednesdayAfternoon() {
    setClock(la("2026-11-20T17:30:00"));
    var t = createTicket("admin", ticket("alice@example.com", "Report export shows a wrong total",
        "The monthly report total is off; a workaround is to sum by hand.", "category", "TECHNICAL",
        "subcategory", "SOFTWARE_BUG", "impact", "MINOR"));
    assertThat(t.get("priority").asText()).isEqualTo("P3");
    assertThat(t.get("tier").asInt()).isEqualTo(1);
    assertThat(t.get("coverage").asText()).isEqualTo("STANDARD");
    assertThat(t.get("status").asText()).isEqualTo("TRIAGE");
    // 0.5 h Friday + 9 h Monday + 9 h Tuesday + 5.5 h Wednesday
    assertThat(instant(t, "firstResponseDueAt")).isEqualTo(la("2026-11-25T14:30:00"));
    assertThat(instant(t, "tierResponseDueAt")).isEqualTo(la("2026-11-25T14:30:00"));
    // 72 business hours: 0.5 + 7 x 9 to Tue 1 Dec, 8.5 h on Wed 2 Dec
    assertThat(instant(t, "resolutionDueAt")).isEqualTo(la("2026-12-02T17:30:00"));
    // Tier 1: min(TECHNICAL 24 h, P3 window 48 h) = 24 h, from creation
    assertThat(instant(t, "escalationDueAt")).isEqualTo(la("2026-11-25T14:30:00"));

    var key = t.get("key").asText();
    assertThat(tasks.createTaskQuery().taskCandidateGroup("tier1").processInstanceBusinessKey(key).count()).isEqualTo(1);
    var dueDates = timers(key).stream().map(j -> j.getDuedate().toInstant()).toList();
    // response due and time in tier (both Wed 14:30), resolution warning at 75 % of 72 h = 54 h
    assertThat(dueDates).contains(la("2026-11-25T14:30:00"), la("2026-11-30T17:30:00"));
  }

  @Test
  void enterpriseP2RunsOnTheRoundTheClockCoverage() {
    setClock(Instant.parse("2026-11-21T03:00:00Z")); // a Friday night in Los Angeles
    var t = createTicket("admin", ticket("erin@example.com", "Sync to the cloud fails",
        "Core feature broken: syncing projects to the cloud fails for all users.", "category", "TECHNICAL",
        "subcategory", "INTEGRATION", "impact", "MAJOR"));
    assertThat(t.get("priority").asText()).isEqualTo("P2");
    assertThat(t.get("coverage").asText()).isEqualTo("PREMIUM_24_7");
    assertThat(t.get("issueType").asText()).isEqualTo("INTEGRATION");
    assertThat(instant(t, "firstResponseDueAt")).isEqualTo(Instant.parse("2026-11-21T07:00:00Z"));
    assertThat(instant(t, "resolutionDueAt")).isEqualTo(Instant.parse("2026-11-22T03:00:00Z"));
    // Tier 1: min(INTEGRATION 12 h, P2 window 8 h)
    assertThat(instant(t, "escalationDueAt")).isEqualTo(Instant.parse("2026-11-21T11:00:00Z"));
  }

  @Test
  void p1GoesStraightToTierThreeAndSecurityP1ToTierFour() {
    setClock(Instant.parse("2026-11-24T18:00:00Z"));
    var outage = createTicket("admin", ticket("alice@example.com", "Everything is down",
        "System down: nobody can log in.", "impact", "SYSTEM_DOWN", "category", "TECHNICAL"));
    assertThat(outage.get("priority").asText()).isEqualTo("P1");
    assertThat(outage.get("tier").asInt()).isEqualTo(3);
    assertThat(outage.get("coverage").asText()).isEqualTo("EMERGENCY_24_7");
    assertThat(outage.get("maxTier").asInt()).isEqualTo(4);
    assertThat(instant(outage, "firstResponseDueAt")).isEqualTo(Instant.parse("2026-11-24T19:00:00Z"));
    assertThat(instant(outage, "resolutionDueAt")).isEqualTo(Instant.parse("2026-11-24T22:00:00Z"));
    var key = outage.get("key").asText();
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(key).taskCandidateGroup("tier3").count()).isEqualTo(1);

    var breach = createTicket("admin", ticket("alice@example.com", "Unauthorized access",
        "Someone accessed our account.", "impact", "SECURITY_BREACH", "security", true));
    assertThat(breach.get("priority").asText()).isEqualTo("P1");
    assertThat(breach.get("tier").asInt()).isEqualTo(4);
    assertThat(breach.get("issueType").asText()).isEqualTo("SECURITY");
  }

  @Test
  void happyPathTriageProposeConfirmCloseAndSurvey() {
    setClock(la("2026-11-24T10:00:00"));
    var key = createTicket("alice", ticket("alice@example.com", "How do I export to IFC?",
        "How do I export my model to IFC format?")).get("key").asText();
    var t = ticket(key);
    assertThat(t.get("inferred").toString()).contains("category", "impact");
    assertThat(t.get("category").asText()).isNotEmpty();
    // the inferring decisions belong to the ticket's process: the auditor's "Ticket audit" lists them
    var lifecycle = runtime.createProcessInstanceQuery().processInstanceBusinessKey(key)
        .processDefinitionKey("TicketLifecycleProcess").singleResult();
    assertThat(engine.getHistoryService().createHistoricDecisionInstanceQuery().processInstanceId(lifecycle.getId())
        .includeInputs().list())
        .filteredOn(d -> List.of("ticketCategorization", "impactInference").contains(d.getDecisionDefinitionKey()))
        .hasSize(2)
        .allSatisfy(d -> {
          assertThat(d.getActivityId()).isEqualTo("Task_CategorizeTicket");
          assertThat(d.getInputs()).singleElement().satisfies(i -> assertThat((String) i.getValue()).contains("export"));
        });

    complete("tier1", task(key, "Task_TriageTicket"), Map.of(
        "category", "TRAINING", "subcategory", "DOCUMENTATION", "impact", "QUESTION", "urgency", "MEDIUM",
        "security", false, "outcome", "RESOLVE", "reply", "Use File > Export > IFC.", "documentInKb", true));
    t = ticket(key);
    assertThat(t.get("status").asText()).isEqualTo("RESOLVED");
    assertThat(t.get("priority").asText()).isEqualTo("P4");
    assertThat(instant(t, "firstRespondedAt")).isEqualTo(la("2026-11-24T10:00:00"));

    var accepted = post("alice", "/api/tickets/" + key + "/verification", Map.of("accepted", true));
    assertThat(accepted.getStatusCode().value()).isEqualTo(202);
    t = ticket(key);
    assertThat(t.get("status").asText()).isEqualTo("CLOSED");
    assertThat(task(key, "Task_DocumentSolution")).isNotNull();

    var feedback = post("alice", "/api/tickets/" + key + "/feedback", Map.of("csat", 5, "nps", 9, "ces", 2));
    assertThat(feedback.getStatusCode().value()).isEqualTo(202);
    assertThat(historyEvents(key)).contains("CREATED", "CATEGORIZED", "ASSESSED", "ROUTED", "TRIAGED",
        "CLASSIFICATION_CORRECTED", "FIRST_RESPONSE", "SOLUTION_PROPOSED", "RESOLVED", "CLOSED", "SURVEY_SENT", "FEEDBACK");
    // a second survey answer has nothing to answer
    assertThat(post("alice", "/api/tickets/" + key + "/feedback", Map.of("csat", 4)).getStatusCode().value()).isEqualTo(409);
  }

  @Test
  void waitingForTheCustomerPausesTheClocksAndMovesTheDueDates() {
    setClock(la("2026-11-24T10:00:00")); // Tuesday
    var key = createTicket("admin", ticket("paul@example.com", "Import fails", "Import of a DWG file fails with an error",
        "category", "TECHNICAL", "subcategory", "SOFTWARE_BUG", "impact", "MINOR")).get("key").asText();
    var before = ticket(key);
    complete("tier1", task(key, "Task_TriageTicket"), Map.of("category", "TECHNICAL", "subcategory", "SOFTWARE_BUG",
        "impact", "MINOR", "urgency", "MEDIUM", "security", false, "outcome", "REQUEST_INFORMATION",
        "reply", "Could you send us the file?"));
    assertThat(ticket(key).get("status").asText()).isEqualTo("WAITING_FOR_CUSTOMER");
    assertThat(openTasks(key)).isEmpty();

    setClock(la("2026-11-24T13:00:00")); // three business hours later
    var answer = post("paul", "/api/tickets/" + key + "/messages", Map.of("from", "CUSTOMER", "body", "Here it is."));
    assertThat(answer.getBody().get("outcome").asText()).isEqualTo("ANSWERED_INFORMATION_REQUEST");
    var after = ticket(key);
    assertThat(after.get("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(instant(after, "resolutionDueAt")).isEqualTo(instant(before, "resolutionDueAt").plusSeconds(3 * 3600));
    assertThat(task(key, "Task_WorkOnTicket")).isNotNull();
  }

  @Test
  void secondRejectionInATierEscalatesOneTierUp() {
    setClock(la("2026-11-24T10:00:00"));
    var key = createTicket("admin", ticket("paul@example.com", "Slow rendering", "Rendering is slow on large models",
        "category", "TECHNICAL", "subcategory", "PERFORMANCE", "impact", "MINOR")).get("key").asText();
    complete("tier1", task(key, "Task_TriageTicket"), Map.of("category", "TECHNICAL", "subcategory", "PERFORMANCE",
        "impact", "MINOR", "urgency", "MEDIUM", "security", false, "outcome", "RESOLVE", "reply", "Try turning off shadows."));
    post("paul", "/api/tickets/" + key + "/verification", Map.of("accepted", false, "comment", "Still slow"));
    assertThat(ticket(key).get("failedAttempts").asInt()).isEqualTo(1);
    complete("tier1", task(key, "Task_WorkOnTicket"), Map.of("outcome", "RESOLVE", "reply", "Reduce the texture size."));
    post("paul", "/api/tickets/" + key + "/verification", Map.of("accepted", false, "comment", "No better"));
    var t = ticket(key);
    assertThat(t.get("failedAttempts").asInt()).isEqualTo(2);
    assertThat(t.get("tier").asInt()).isEqualTo(2);
    assertThat(t.get("escalations").get(0).get("trigger").asText()).isEqualTo("FAILED_ATTEMPTS");
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(key).taskCandidateGroup("tier2").count()).isEqualTo(1);
  }

  @Test
  void timeInTierEscalatesUpToThePlanCeilingThenManagersOversee() {
    setClock(la("2026-11-24T10:00:00"));
    // PROFESSIONAL: ceiling Tier 2. BILLING: 48 h in Tier 1 (P3 window 48 h), 24 h in Tier 2.
    var t = createTicket("admin", ticket("paul@example.com", "Invoice has the wrong VAT", "The invoice VAT rate is wrong",
        "category", "BILLING", "subcategory", "PAYMENT", "impact", "MINOR"));
    var key = t.get("key").asText();
    // an agent answers, so the response clock stops and only the time-in-tier clock runs out
    post("tier1", "/api/tickets/" + key + "/messages", Map.of("from", "AGENT", "body", "We are looking into it."));
    advanceTo(instant(t, "escalationDueAt").plusSeconds(1));
    t = ticket(key);
    assertThat(t.get("tier").asInt()).isEqualTo(2);
    assertThat(t.get("escalations").get(0).get("trigger").asText()).isEqualTo("TIME_IN_TIER");
    post("tier2", "/api/tickets/" + key + "/messages", Map.of("from", "AGENT", "body", "Tier 2 here."));
    var escalationDue = instant(t, "escalationDueAt");
    assertThat(escalationDue).isNotNull();
    advanceTo(escalationDue.plusSeconds(1));
    t = ticket(key);
    assertThat(t.get("tier").asInt()).as("PROFESSIONAL stops at Tier 2").isEqualTo(2);
    assertThat(t.get("escalations").get(1).get("action").asText()).isEqualTo("OVERSIGHT");
    assertThat(t.get("escalations").get(1).get("trigger").asText()).isIn("TIME_IN_TIER", "RESOLUTION_BREACH");
    assertThat(historyEvents(key)).contains("OVERSIGHT", "BREACHED");
  }

  @Test
  void productDefectGoesStraightToTierFourAndCustomerMayAskForEscalation() {
    setClock(la("2026-11-24T10:00:00"));
    var key = createTicket("admin", ticket("erin@example.com", "Walls disappear", "Walls disappear after saving",
        "category", "TECHNICAL", "subcategory", "SOFTWARE_BUG", "impact", "MAJOR")).get("key").asText();
    var requested = post("erin", "/api/tickets/" + key + "/escalations",
        Map.of("reason", "CUSTOMER_REQUEST", "justification", "We lose work every day"));
    assertThat(requested.getStatusCode().value()).isEqualTo(202);
    assertThat(ticket(key).get("tier").asInt()).isEqualTo(2);
    var manual = post("tier2", "/api/tickets/" + key + "/escalations",
        Map.of("reason", "PRODUCT_DEFECT", "justification", "Reproduced: a bug in the save routine"));
    assertThat(manual.getStatusCode().value()).isEqualTo(202);
    var t = ticket(key);
    assertThat(t.get("tier").asInt()).isEqualTo(4);
    assertThat(t.get("escalations").get(1).get("reason").asText()).isEqualTo("PRODUCT_DEFECT");
    assertThat(t.get("escalations").get(1).get("fromTier").asInt()).isEqualTo(2);

    // her own request is hers to read again; the agent's and its justification are not
    var requests = new java.util.ArrayList<String>();
    get("erin", "/api/tickets/" + key + "/history").getBody().forEach(e -> {
      if (e.get("event").asText().equals("ESCALATION_REQUESTED")) {
        requests.add(e.get("actor").asText() + ": " + e.get("detail").asText());
      }
    });
    assertThat(requests).containsExactly("erin: CUSTOMER_REQUEST: We lose work every day");
    var hers = get("erin", "/api/tickets/" + key).getBody().get("escalations");
    assertThat(hers).hasSize(2);
    hers.forEach(e -> assertThat(e.get("justification").isNull()).as("%s", e).isTrue());
  }
  @Test
  void theCustomerSeesHerConversationAndStatusButNoInternalNotesAddressesOrJustifications() {
    setClock(la("2026-11-24T10:00:00"));
    var key = createTicket("paul", ticket("paul@example.com", "Sync loses layers", "Some layers are missing after sync",
        "category", "TECHNICAL", "subcategory", "DATA", "impact", "MINOR")).get("key").asText();
    complete("tier1", task(key, "Task_TriageTicket"), Map.of("category", "TECHNICAL", "subcategory", "DATA", "impact", "MINOR",
        "urgency", "MEDIUM", "security", false, "outcome", "REQUEST_INFORMATION", "reply", "Which version do you use?"));
    // staff answer each other by e-mail in the ticket's thread: an internal note
    var raw = """
        From: tier1@archbuilder.app\r
        To: support@archbuilder.app\r
        Subject: Re: [%s] Sync loses layers\r
        Message-ID: <internal-%s@archbuilder.app>\r
        MIME-Version: 1.0\r
        Content-Type: text/plain; charset=UTF-8\r
        \r
        Known bug in 4.2, the fix ships Friday. Do not tell him yet.\r
        """.formatted(key, key);
    var h = new org.springframework.http.HttpHeaders();
    h.setBasicAuth("mail-gateway", "demo");
    h.setContentType(org.springframework.http.MediaType.parseMediaType("message/rfc822"));
    var internal = rest.exchange("/api/inbound-mail", org.springframework.http.HttpMethod.POST,
        new org.springframework.http.HttpEntity<>(raw.getBytes(java.nio.charset.StandardCharsets.UTF_8), h), com.fasterxml.jackson.databind.JsonNode.class);
    assertThat(internal.getBody().get("outcome").asText()).as("%s", internal.getBody()).isEqualTo("INTERNAL_REPLY");
    assertThat(post("paul", "/api/tickets/" + key + "/messages", Map.of("from", "CUSTOMER", "body", "Version 4.2."))
        .getStatusCode().value()).isEqualTo(202);
    complete("tier1", task(key, "Task_WorkOnTicket"),
        Map.of("outcome", "ESCALATE", "escalationReason", "COMPLEX_ISSUE", "justification", "Needs the server logs, he is difficult"));
    assertThat(ticket(key).get("tier").asInt()).isEqualTo(2);

    // staff see everything
    var staff = get("tier2", "/api/tickets/" + key + "/history").getBody();
    assertThat(events(staff)).contains("INTERNAL_NOTE", "TRIAGED", "ESCALATION_REQUESTED", "ESCALATED", "MAIL_QUEUED");
    assertThat(staff.toString()).contains("Known bug in 4.2", "Needs the server logs", "tier2@archbuilder.app", "\"actor\":\"tier1\"");
    assertThat(get("tier2", "/api/tickets/" + key).getBody().get("escalations").get(0).get("justification").asText())
        .isEqualTo("Needs the server logs, he is difficult");

    // the customer sees her conversation and where her ticket stands, nothing of the desk's inside
    var customer = get("paul", "/api/tickets/" + key + "/history").getBody();
    assertThat(events(customer))
        .contains("CREATED", "REPLIED", "INFORMATION_REQUESTED", "CUSTOMER_MESSAGE", "ESCALATED")
        .doesNotContain("INTERNAL_NOTE", "TRIAGED", "ESCALATION_REQUESTED", "ASSESSED", "ROUTED", "CLOCKS_PAUSED", "FIRST_RESPONSE");
    assertThat(customer.toString())
        .contains("Which version do you use?", "Version 4.2.")
        .doesNotContain("Known bug", "Do not tell him", "Needs the server logs", "he is difficult", "@archbuilder.app", "COMPLEX_ISSUE");
    customer.forEach(e -> assertThat(e.get("actor").asText()).as("%s", e).isIn("paul", "paul@example.com", "support", "system", "customer"));
    // mails that went to her are hers to see
    assertThat(customer).anyMatch(e -> e.get("event").asText().equals("MAIL_QUEUED"));
    customer.forEach(e -> {
      if (e.get("event").asText().startsWith("MAIL_")) {
        assertThat(e.get("detail").asText()).contains("paul@example.com");
      }
    });
    var escalations = get("paul", "/api/tickets/" + key).getBody().get("escalations");
    assertThat(escalations).hasSize(1);
    assertThat(escalations.get(0).get("toTier").asInt()).isEqualTo(2);
    assertThat(escalations.get(0).get("justification").isNull()).isTrue();
    assertThat(escalations.get(0).get("reason").isNull()).as("the agent's reason is the desk's").isTrue();
    assertThat(escalations.get(0).get("trigger").asText()).isEqualTo("MANUAL");
    assertThat(get("tier2", "/api/tickets/" + key).getBody().get("escalations").get(0).get("reason").asText()).isEqualTo("COMPLEX_ISSUE");
  }

  private static List<String> events(com.fasterxml.jackson.databind.JsonNode history) {
    var events = new java.util.ArrayList<String>();
    history.forEach(e -> events.add(e.get("event").asText()));
    return events;
  }
}
