package ai.archbuilder.support.report;

import static org.assertj.core.api.Assertions.assertThat;

import ai.archbuilder.support.ticket.TicketScenarios;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The SLA report over real tickets, through the API: which first responses and resolutions came
 * within their due dates, escalations, oversight and survey answers, for the tickets created in
 * the period only. Run on H2 and on PostgreSQL. The tickets live in June, July and October 2027,
 * where no other test puts any.
 */
abstract class SlaReportScenarios extends TicketScenarios {

  private String bug(String email, String subject) {
    return createTicket("admin", ticket(email, subject, "The export total is wrong; summing by hand works.",
        "category", "TECHNICAL", "subcategory", "SOFTWARE_BUG", "impact", "MINOR")).get("key").asText();
  }

  @Test
  void countsEachClockAsMetBreachedOrRunningForTheTicketsOfThePeriod() {
    setClock(la("2027-06-01T10:00:00"));
    bug("alice@example.com", "Before the period");

    // A: answered with a solution half an hour after it came in, confirmed, and rated
    setClock(la("2027-06-07T10:00:00")); // a Monday
    var a = bug("alice@example.com", "Answered in time");
    var b = bug("alice@example.com", "Never answered");
    var e = bug("alice@example.com", "Answered after a question");
    setClock(la("2027-06-07T10:30:00"));
    complete("tier1", task(a, "Task_TriageTicket"), Map.of("category", "TECHNICAL", "subcategory", "SOFTWARE_BUG",
        "impact", "MINOR", "urgency", "MEDIUM", "security", false, "outcome", "RESOLVE", "reply", "Update to 4.3, please."));
    assertThat(post("alice", "/api/tickets/" + a + "/verification", Map.of("accepted", true)).getStatusCode().value()).isEqualTo(202);
    assertThat(post("alice", "/api/tickets/" + a + "/feedback", Map.of("csat", 5, "nps", 10, "ces", 2))
        .getStatusCode().value()).isEqualTo(202);

    // E: a question first, the answer, then the solution: closed too, but not at first contact
    complete("tier1", task(e, "Task_TriageTicket"), Map.of("category", "TECHNICAL", "subcategory", "SOFTWARE_BUG",
        "impact", "MINOR", "urgency", "MEDIUM", "security", false, "outcome", "REQUEST_INFORMATION",
        "reply", "Which version do you use?"));
    setClock(la("2027-06-07T11:00:00"));
    post("alice", "/api/tickets/" + e + "/messages", Map.of("from", "CUSTOMER", "body", "Version 4.2"));
    setClock(la("2027-06-07T11:30:00"));
    complete("tier1", task(e, "Task_WorkOnTicket"), Map.of("outcome", "RESOLVE", "reply", "Update to 4.3, please."));
    assertThat(post("alice", "/api/tickets/" + e + "/verification", Map.of("accepted", true)).getStatusCode().value()).isEqualTo(202);
    assertThat(ticket(e).get("status").asText()).isEqualTo("CLOSED");

    // C: the customer asks for the next tier the day after; Tier 1 is the ceiling of her BASIC P3,
    // so it stays there and the managers oversee it
    setClock(la("2027-06-08T10:00:00"));
    var c = bug("alice@example.com", "Escalated by the customer");
    setClock(la("2027-06-08T11:00:00"));
    assertThat(post("alice", "/api/tickets/" + c + "/escalations",
        Map.of("reason", "CUSTOMER_REQUEST", "justification", "It blocks our month-end closing")).getStatusCode().value())
        .isEqualTo(202);
    runDueJobsOf(c);
    assertThat(ticket(c).get("escalations").toString()).contains("CUSTOMER_REQUEST").contains("OVERSIGHT");

    // Thursday noon: B's first response (due Wednesday 16:00) is late, C's is not due yet
    var report = la("2027-06-10T12:00:00");
    setClock(report);
    assertThat(instant(ticket(b), "firstResponseDueAt")).isEqualTo(la("2027-06-09T16:00:00"));
    assertThat(instant(ticket(c), "firstResponseDueAt")).isAfter(report);
    assertThat(instant(ticket(b), "resolutionDueAt")).isAfter(report);

    var r = sla("manager", "from=2027-06-07&to=2027-06-13");
    assertThat(r.get("from").asText()).isEqualTo("2027-06-07");
    assertThat(r.get("to").asText()).isEqualTo("2027-06-13");
    assertThat(r.get("zone").asText()).isEqualTo("America/Los_Angeles");
    assertThat(r.get("tickets").asInt()).isEqualTo(4);
    // every channel and category has its row, in order; these four came through the portal
    assertThat(r.get("byChannel").findValuesAsText("key")).containsExactly("EMAIL", "CHAT", "PHONE", "PORTAL", "API");
    assertThat(row(r, "byChannel", "EMAIL").get("tickets").asInt()).isZero();
    var portal = row(r, "byChannel", "PORTAL");
    assertThat(portal.get("tickets").asInt()).isEqualTo(4);
    assertClock(portal.get("firstResponse"), 2, 1, 1);
    assertClock(portal.get("resolution"), 2, 0, 2);
    assertThat(r.get("byCategory").toString()).isEqualTo("{\"TECHNICAL\":4,\"BILLING\":0,\"FEATURE_REQUEST\":0,\"TRAINING\":0}");
    // the agents' work: tier1 triaged A and E, asked E a question, and proposed both solutions
    assertThat(r.get("agents")).hasSize(1);
    var tier1Work = r.get("agents").get(0);
    assertThat(tier1Work.get("agent").asText()).isEqualTo("tier1");
    assertThat(tier1Work.get("triaged").asInt()).isEqualTo(2);
    assertThat(tier1Work.get("replies").asInt()).as("A's solution, E's question and E's solution").isEqualTo(3);
    assertThat(tier1Work.get("informationRequests").asInt()).isEqualTo(1);
    assertThat(tier1Work.get("solutionsProposed").asInt()).isEqualTo(2);
    assertThat(tier1Work.get("documented").asInt()).isZero();
    // day by day, every day of the period: A, B and E came on Monday, C on Tuesday
    assertThat(r.get("byDay").findValuesAsText("key"))
        .containsExactly("2027-06-07", "2027-06-08", "2027-06-09", "2027-06-10", "2027-06-11", "2027-06-12", "2027-06-13");
    var monday = row(r, "byDay", "2027-06-07");
    assertThat(monday.get("tickets").asInt()).isEqualTo(3);
    assertClock(monday.get("firstResponse"), 2, 1, 0);
    assertClock(row(r, "byDay", "2027-06-08").get("firstResponse"), 0, 0, 1);
    assertThat(row(r, "byDay", "2027-06-09").get("tickets").asInt()).isZero();
    // by the tier that owned each clock: all four stayed in Tier 1 (C at its ceiling)
    assertThat(ticket(c).get("tier").asInt()).isEqualTo(1);
    assertThat(r.get("byTier").findValuesAsText("key")).containsExactly("1");
    var tier1 = row(r, "byTier", "1");
    assertThat(tier1.get("tickets").asInt()).isEqualTo(4);
    assertClock(tier1.get("firstResponse"), 2, 1, 1);
    assertClock(tier1.get("resolution"), 2, 0, 2);

    var all = r.get("allPriorities");
    assertClock(all.get("firstResponse"), 2, 1, 1);
    assertThat(all.get("firstResponse").get("compliance").asDouble()).isEqualTo(0.6667);
    assertThat(all.get("firstResponse").get("medianHours").asDouble()).isEqualTo(0.5);
    assertClock(all.get("resolution"), 2, 0, 2);
    assertThat(all.get("resolution").get("compliance").asDouble()).isEqualTo(1.0);
    assertThat(all.get("resolution").get("medianHours").asDouble()).as("0.5 h and 1.5 h").isEqualTo(1.0);

    var p3 = priority(r, "P3");
    assertThat(p3.get("tickets").asInt()).isEqualTo(4);
    assertClock(p3.get("firstResponse"), 2, 1, 1);
    var p1 = priority(r, "P1");
    assertThat(p1.get("tickets").asInt()).isZero();
    assertThat(p1.get("firstResponse").get("compliance").isNull()).isTrue();

    assertThat(r.get("escalated").get("tickets").asInt()).as("C did not move").isZero();
    assertThat(r.get("escalated").get("share").asDouble()).isZero();
    assertThat(r.get("oversight").get("tickets").asInt()).as("C").isEqualTo(1);
    assertThat(r.get("oversight").get("share").asDouble()).isEqualTo(0.25);
    assertThat(r.get("reopened").get("tickets").asInt()).isZero();
    assertThat(r.get("closed").get("tickets").asInt()).isEqualTo(2);
    assertThat(r.get("closed").get("firstContact").asInt()).as("A only").isEqualTo(1);
    assertThat(r.get("closed").get("firstContactShare").asDouble()).isEqualTo(0.5);
    var satisfaction = r.get("satisfaction");
    assertThat(satisfaction.get("responses").asInt()).isEqualTo(1);
    assertThat(satisfaction.get("csat").asDouble()).isEqualTo(5.0);
    assertThat(satisfaction.get("nps").asInt()).isEqualTo(100);
    assertThat(satisfaction.get("customerEffort").asDouble()).isEqualTo(2.0);

    // a day later nothing has changed but the clock: C's first response is late now too
    setClock(la("2027-06-11T12:00:00"));
    assertClock(sla("auditor", "from=2027-06-07&to=2027-06-13").get("allPriorities").get("firstResponse"), 2, 2, 0);
    // the day before holds none of them; the first of June holds the one before the period
    assertThat(sla("manager", "from=2027-06-06&to=2027-06-06").get("tickets").asInt()).isZero();
    assertThat(sla("admin", "from=2027-06-01&to=2027-06-01").get("tickets").asInt()).isEqualTo(1);
  }

  @Test
  void oversightAtTheCeilingIsReportedApartFromEscalations() {
    setClock(la("2027-10-04T10:00:00")); // a Monday
    // BASIC P3: Tier 1 is its ceiling, so her request for the next tier is recorded for oversight
    var kept = bug("alice@example.com", "Asked for the next tier at the ceiling");
    setClock(la("2027-10-04T10:15:00"));
    assertThat(post("alice", "/api/tickets/" + kept + "/escalations",
        Map.of("reason", "CUSTOMER_REQUEST", "justification", "We need this today")).getStatusCode().value()).isEqualTo(202);
    runDueJobsOf(kept);
    var t = ticket(kept);
    assertThat(t.get("tier").asInt()).isEqualTo(1);
    assertThat(t.get("escalations")).hasSize(1);
    assertThat(t.get("escalations").get(0).get("action").asText()).isEqualTo("OVERSIGHT");
    // Tier 1 solves it with its first solution, and she confirms it
    setClock(la("2027-10-04T10:30:00"));
    complete("tier1", task(kept, "Task_TriageTicket"), Map.of("category", "TECHNICAL", "subcategory", "SOFTWARE_BUG",
        "impact", "MINOR", "urgency", "MEDIUM", "security", false, "outcome", "RESOLVE", "reply", "Update to 4.3, please."));
    assertThat(post("alice", "/api/tickets/" + kept + "/verification", Map.of("accepted", true)).getStatusCode().value()).isEqualTo(202);
    assertThat(ticket(kept).get("status").asText()).isEqualTo("CLOSED");
    // PROFESSIONAL P3: her request moves it to Tier 2
    var moved = bug("paul@example.com", "Asked for the next tier below the ceiling");
    assertThat(post("paul", "/api/tickets/" + moved + "/escalations",
        Map.of("reason", "CUSTOMER_REQUEST", "justification", "We need this today")).getStatusCode().value()).isEqualTo(202);
    runDueJobsOf(moved);
    assertThat(ticket(moved).get("tier").asInt()).isEqualTo(2);

    var r = sla("manager", "from=2027-10-04&to=2027-10-04");
    assertThat(r.get("tickets").asInt()).isEqualTo(2);
    assertThat(r.get("escalated").get("tickets").asInt()).as("the move to Tier 2 only").isEqualTo(1);
    assertThat(r.get("escalated").get("share").asDouble()).isEqualTo(0.5);
    assertThat(r.get("oversight").get("tickets").asInt()).as("the request at the ceiling only").isEqualTo(1);
    assertThat(r.get("oversight").get("share").asDouble()).isEqualTo(0.5);
    // oversight does not spoil first-contact resolution: the tier that took it solved it at once
    assertThat(r.get("closed").get("tickets").asInt()).isEqualTo(1);
    assertThat(r.get("closed").get("firstContact").asInt()).isEqualTo(1);
  }

  @Test
  void eachClockCountsInTheTierThatOwnedIt() {
    setClock(la("2027-10-11T10:00:00")); // a Monday
    // PROFESSIONAL P3 (ceiling Tier 2): Tier 1 answers, she asks for Tier 2, Tier 2 solves it
    var moved = bug("paul@example.com", "Answered in Tier 1, solved in Tier 2");
    // the same, moved before anyone answered: its first response is owed by Tier 2
    var waiting = bug("paul@example.com", "Moved before an answer");
    setClock(la("2027-10-11T10:30:00"));
    assertThat(post("tier1", "/api/tickets/" + moved + "/messages", Map.of("from", "AGENT", "body", "We are looking into it."))
        .getStatusCode().value()).isEqualTo(202);
    setClock(la("2027-10-11T11:00:00"));
    for (var key : new String[] {moved, waiting}) {
      assertThat(post("paul", "/api/tickets/" + key + "/escalations",
          Map.of("reason", "CUSTOMER_REQUEST", "justification", "Our print run is Friday")).getStatusCode().value()).isEqualTo(202);
      runDueJobsOf(key);
      assertThat(ticket(key).get("tier").asInt()).isEqualTo(2);
    }
    setClock(la("2027-10-11T12:00:00"));
    complete("tier2", task(moved, "Task_WorkOnTicket"), Map.of("outcome", "RESOLVE", "reply", "Fixed in 4.3.1.", "documentInKb", false));
    assertThat(post("paul", "/api/tickets/" + moved + "/verification", Map.of("accepted", true)).getStatusCode().value()).isEqualTo(202);
    assertThat(ticket(moved).get("status").asText()).isEqualTo("CLOSED");

    var r = sla("manager", "from=2027-10-11&to=2027-10-11");
    assertThat(r.get("byTier").findValuesAsText("key")).containsExactly("1", "2");
    // Tier 1 gave the first response of the ticket it handed on, half an hour after it came in
    var tier1 = row(r, "byTier", "1");
    assertThat(tier1.get("tickets").asInt()).isEqualTo(1);
    assertClock(tier1.get("firstResponse"), 1, 0, 0);
    assertThat(tier1.get("firstResponse").get("medianHours").asDouble()).isEqualTo(0.5);
    assertClock(tier1.get("resolution"), 0, 0, 0);
    // Tier 2 resolved it two hours after it came in, and owes the other one both clocks
    var tier2 = row(r, "byTier", "2");
    assertThat(tier2.get("tickets").asInt()).isEqualTo(2);
    assertClock(tier2.get("firstResponse"), 0, 0, 1);
    assertClock(tier2.get("resolution"), 1, 0, 1);
    assertThat(tier2.get("resolution").get("medianHours").asDouble()).isEqualTo(2.0);
    // the other tables count each ticket once
    assertClock(r.get("allPriorities").get("firstResponse"), 1, 0, 1);
    assertClock(r.get("allPriorities").get("resolution"), 1, 0, 1);
    assertThat(r.get("escalated").get("tickets").asInt()).isEqualTo(2);
    assertThat(r.get("oversight").get("tickets").asInt()).isZero();
    assertThat(r.get("closed").get("firstContact").asInt()).as("handed on").isZero();
  }

  @Test
  void aResolutionBreachTheEngineAnsweredWithANewTargetStaysABreach() {
    var t0 = java.time.Instant.parse("2027-07-06T18:00:00Z"); // Tuesday 11:00 in Los Angeles
    setClock(t0);
    // P1 (system down): Tier 3, Emergency 24/7, resolution due in 4 h
    var key = createTicket("admin", ticket("erin@example.com", "Billing portal is down",
        "Nobody can pay: the billing portal is down.", "category", "BILLING", "subcategory", "PAYMENT",
        "impact", "SYSTEM_DOWN")).get("key").asText();
    var due = instant(ticket(key), "resolutionDueAt");
    assertThat(due).isEqualTo(t0.plus(java.time.Duration.ofHours(4)));
    setClock(t0.plusSeconds(1800));
    post("tier3", "/api/tickets/" + key + "/messages", Map.of("from", "AGENT", "body", "We are on it."));
    setClock(due.plusSeconds(60));
    runDueJobsOf(key);
    var t = ticket(key);
    assertThat(t.get("escalations").get(0).get("trigger").asText()).isEqualTo("RESOLUTION_BREACH");
    assertThat(instant(t, "resolutionDueAt")).as("a new target").isAfter(due.plusSeconds(60));

    var p1 = priority(sla("manager", "from=2027-07-06&to=2027-07-06"), "P1");
    assertThat(p1.get("tickets").asInt()).isEqualTo(1);
    assertClock(p1.get("firstResponse"), 1, 0, 0);
    assertThat(p1.get("firstResponse").get("medianHours").asDouble()).isEqualTo(0.5);
    assertClock(p1.get("resolution"), 0, 1, 0);
    assertThat(p1.get("resolution").get("compliance").asDouble()).isZero();
  }

  @Test
  void aResolutionBreachCountsInTheTierWhoseClockRanOutAndTheNextTierByItsNewTarget() {
    var t0 = java.time.Instant.parse("2027-07-13T18:00:00Z"); // Tuesday 11:00 in Los Angeles
    setClock(t0);
    // P1: Tier 3, ceiling Tier 4, resolution due in 4 h; Tier 3 answers but does not solve it
    var key = createTicket("admin", ticket("erin@example.com", "Invoices are not generated",
        "No invoice has been generated since this morning.", "category", "BILLING", "subcategory", "PAYMENT",
        "impact", "SYSTEM_DOWN")).get("key").asText();
    assertThat(ticket(key).get("tier").asInt()).isEqualTo(3);
    var due = instant(ticket(key), "resolutionDueAt");
    setClock(t0.plusSeconds(1800));
    post("tier3", "/api/tickets/" + key + "/messages", Map.of("from", "AGENT", "body", "We are on it."));
    setClock(due.plusSeconds(60));
    runDueJobsOf(key);
    var moved = ticket(key);
    assertThat(moved.get("escalations").get(0).get("trigger").asText()).isEqualTo("RESOLUTION_BREACH");
    assertThat(moved.get("tier").asInt()).as("moved up a tier").isEqualTo(4);
    var newTarget = instant(moved, "resolutionDueAt");
    assertThat(newTarget).isAfter(due.plusSeconds(60));
    // Tier 4 solves it within its new target
    setClock(due.plusSeconds(1800));
    complete("tier4", task(key, "Task_WorkOnTicket"), Map.of("outcome", "RESOLVE", "reply", "The invoice run is back.", "documentInKb", false));
    assertThat(instant(ticket(key), "resolvedAt")).isBefore(newTarget);

    var r = sla("manager", "from=2027-07-13&to=2027-07-13");
    assertThat(r.get("byTier").findValuesAsText("key")).containsExactly("3", "4");
    // Tier 3 answered in time and let the resolution clock run out: its breach, without a resolution time
    var tier3 = row(r, "byTier", "3");
    assertThat(tier3.get("tickets").asInt()).isEqualTo(1);
    assertClock(tier3.get("firstResponse"), 1, 0, 0);
    assertClock(tier3.get("resolution"), 0, 1, 0);
    assertThat(tier3.get("resolution").get("medianHours").isNull()).isTrue();
    // Tier 4 met the target it was given
    var tier4 = row(r, "byTier", "4");
    assertThat(tier4.get("tickets").asInt()).isEqualTo(1);
    assertClock(tier4.get("firstResponse"), 0, 0, 0);
    assertClock(tier4.get("resolution"), 1, 0, 0);
    assertThat(tier4.get("resolution").get("medianHours").asDouble()).isEqualTo(4.5);
    // for the customer the ticket's resolution was late all the same
    assertClock(r.get("allPriorities").get("resolution"), 0, 1, 0);
  }

  @Test
  void aFirstResponseThatRanOutInOneTierIsThatTiersBreachNotTheTierThatAnsweredLater() {
    var t0 = java.time.Instant.parse("2027-07-20T18:00:00Z"); // Tuesday 11:00 in Los Angeles
    setClock(t0);
    // ENTERPRISE P2 (ceiling Tier 4): Tier 1 owes the first response within 4 hours and gives none
    var key = createTicket("admin", ticket("erin@example.com", "Reports time out",
        "Every report times out since the upgrade.", "category", "TECHNICAL", "subcategory", "PERFORMANCE",
        "impact", "MAJOR")).get("key").asText();
    var created = ticket(key);
    assertThat(created.get("priority").asText()).isEqualTo("P2");
    assertThat(created.get("tier").asInt()).isEqualTo(1);
    var due = instant(created, "firstResponseDueAt");
    setClock(due.plusSeconds(60));
    runDueJobsOf(key);
    var moved = ticket(key);
    assertThat(moved.get("escalations").get(0).get("trigger").asText()).isEqualTo("RESPONSE_BREACH");
    assertThat(moved.get("tier").asInt()).as("moved up a tier").isEqualTo(2);
    // Tier 2 answers half an hour later
    setClock(due.plusSeconds(1800));
    assertThat(post("tier2", "/api/tickets/" + key + "/messages", Map.of("from", "AGENT", "body", "Tier 2 is on it."))
        .getStatusCode().value()).isEqualTo(202);

    var r = sla("manager", "from=2027-07-20&to=2027-07-20");
    assertThat(r.get("byTier").findValuesAsText("key")).containsExactly("1", "2");
    var tier1 = row(r, "byTier", "1");
    assertThat(tier1.get("tickets").asInt()).isEqualTo(1);
    assertClock(tier1.get("firstResponse"), 0, 1, 0);
    assertThat(tier1.get("firstResponse").get("medianHours").isNull()).as("Tier 1 gave no response").isTrue();
    var tier2 = row(r, "byTier", "2");
    assertThat(tier2.get("tickets").asInt()).isEqualTo(1);
    assertClock(tier2.get("firstResponse"), 0, 0, 0);
    assertThat(tier2.get("firstResponse").get("medianHours").asDouble()).as("its response time still counts").isEqualTo(4.5);
    assertClock(tier2.get("resolution"), 0, 0, 1);
    // for the customer the first response was late all the same
    assertClock(r.get("allPriorities").get("firstResponse"), 0, 1, 0);
  }

  @Test
  void onlyManagersAuditorsAndAdminsReadReportsAndBadPeriodsAreProblems() {
    assertThat(get("manager", "/api/reports/sla").getStatusCode().value()).isEqualTo(200);
    for (var user : new String[] {"tier1", "tier4", "owner", "alice"}) {
      var refused = get(user, "/api/reports/sla");
      assertThat(refused.getStatusCode().value()).as(user).isEqualTo(403);
      assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    }
    for (var query : new String[] {"from=2027-13-01", "from=2027-06-08&to=2027-06-07", "from=2026-01-01&to=2027-06-01", "to=yesterday",
        // days the period arithmetic or the database cannot hold were 500s
        "from=%2B999999999-12-31&to=%2B999999999-12-31", "from=%2B300000-01-01&to=%2B300000-01-01", "from=1900-01-01&to=1900-01-02",
        "to=-999999999-01-01"}) {
      var bad = get("manager", "/api/reports/sla?" + query);
      assertThat(bad.getStatusCode().value()).as(query).isEqualTo(400);
      assertThat(bad.getHeaders().getContentType().toString()).startsWith("application/problem+json");
      assertThat(bad.getBody().get("detail").asText()).as(query).isNotBlank();
    }
  }

  /** Runs the due jobs of this ticket's processes only: the test databases hold other tests' tickets too. */
  private void runDueJobsOf(String key) {
    for (int round = 0; round < 100; round++) {
      var ids = runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).list().stream().map(p -> p.getId()).toList();
      var next = management.createJobQuery().executable().orderByJobDuedate().asc().list().stream()
          .filter(j -> ids.contains(j.getProcessInstanceId()))
          .findFirst();
      if (next.isEmpty()) {
        return;
      }
      management.executeJob(next.get().getId());
    }
    throw new IllegalStateException("the jobs of " + key + " keep falling due");
  }

  private JsonNode sla(String user, String query) {
    var response = get(user, "/api/reports/sla?" + query);
    assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(200);
    return response.getBody();
  }

  private static JsonNode priority(JsonNode report, String priority) {
    return row(report, "byPriority", priority);
  }

  private static JsonNode row(JsonNode report, String table, String key) {
    for (var row : report.get(table)) {
      if (row.get("key").asText().equals(key)) {
        return row;
      }
    }
    throw new AssertionError("no row " + key + " in " + table + ": " + report.get(table));
  }

  private static void assertClock(JsonNode clock, int met, int breached, int running) {
    assertThat(clock.get("met").asInt()).as("met in %s", clock).isEqualTo(met);
    assertThat(clock.get("breached").asInt()).as("breached in %s", clock).isEqualTo(breached);
    assertThat(clock.get("running").asInt()).as("running in %s", clock).isEqualTo(running);
  }
}
