package ai.archbuilder.support.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import ai.archbuilder.support.sla.Coverage;
import ai.archbuilder.support.sla.CoverageClocks;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * From the proposed solution to the end of the follow-up (policy §5, §6): silent confirmation,
 * reopening, late replies, dissatisfaction, the survey's expiry and the knowledge base. Run on H2
 * and on PostgreSQL.
 */
abstract class FollowUpScenarios extends ProcessScenarios {

  @Autowired CoverageClocks clocks;

  /** A P4 question, answered at triage and confirmed by the customer: closed at the current time. */
  private String closedQuestion(String customer, boolean documentInKb) {
    var email = customer + "@example.com";
    var key = create("admin", email, "How do I export to IFC?", "How do I export my model to IFC format?",
        "category", "TRAINING", "subcategory", "DOCUMENTATION", "impact", "QUESTION");
    triage(key, "TRAINING", "DOCUMENTATION", "QUESTION", "RESOLVE", "reply", "Use File > Export > IFC.",
        "documentInKb", documentInKb);
    var accepted = post(customer, "/api/tickets/" + key + "/verification", Map.of("accepted", true));
    assertThat(accepted.getStatusCode().value()).isEqualTo(202);
    assertThat(ticket(key).get("status").asText()).isEqualTo("CLOSED");
    return key;
  }

  @Test
  void noAnswerWithinFiveWorkingDaysCountsAsConfirmedOnStandardHours() {
    setClock(la("2026-11-24T10:00:00")); // Tuesday
    var key = create("admin", "alice@example.com", "How do I export to IFC?", "How do I export my model to IFC format?",
        "category", "TRAINING", "subcategory", "DOCUMENTATION", "impact", "QUESTION");
    triage(key, "TRAINING", "DOCUMENTATION", "QUESTION", "RESOLVE", "reply", "Use File > Export > IFC.", "documentInKb", false);
    assertThat(ticket(key).get("status").asText()).isEqualTo("RESOLVED");
    assertThat(lifecycle(key)).isWaitingAt("Task_AwaitVerification");
    // Wed, Thu, Fri, Mon, Tue
    assertThat(timerDueDates(key, "Boundary_VerificationTimeout")).containsExactly(la("2026-12-01T10:00:00"));

    advanceTo(la("2026-12-01T09:59:59"));
    assertThat(ticket(key).get("status").asText()).isEqualTo("RESOLVED");
    advanceTo(la("2026-12-01T10:00:00"));

    var t = ticket(key);
    assertThat(t.get("status").asText()).isEqualTo("CLOSED");
    assertThat(instant(t, "closedAt")).isEqualTo(la("2026-12-01T10:00:00"));
    assertThat(details(key, "SOLUTION_CONFIRMED")).containsExactly("No answer in time: counted as confirmed");
    assertThat(historyEvents(key)).containsSubsequence("SOLUTION_CONFIRMED", "RESOLVED", "CLOSED", "SURVEY_SENT");
    assertThat(mails(key, "survey")).extracting(MailRow::recipient).containsExactly("alice@example.com");
    assertThat(openTasks(key)).as("nothing to document").isEmpty();
    assertThat(lifecycle(key))
        .hasPassed("Boundary_VerificationTimeout", "Task_RecordSilentConfirmation", "Task_CloseTicket", "End_NoDocumentation")
        .isWaitingAt("Task_AwaitFeedback", "Task_AwaitLateReply");
  }

  @Test
  void noAnswerWithinFiveDaysCountsAsConfirmedOnRoundTheClockCoverage() {
    var resolved = Instant.parse("2026-11-24T23:00:00Z"); // a Tuesday evening in Los Angeles
    setClock(resolved);
    var key = create("admin", "erin@example.com", "How do I export to IFC?", "How do I export my model to IFC format?",
        "category", "TRAINING", "subcategory", "DOCUMENTATION", "impact", "QUESTION");
    assertThat(ticket(key).get("coverage").asText()).isEqualTo("PREMIUM_24_7");
    triage(key, "TRAINING", "DOCUMENTATION", "QUESTION", "RESOLVE", "reply", "Use File > Export > IFC.");
    assertThat(timerDueDates(key, "Boundary_VerificationTimeout")).containsExactly(resolved.plus(Duration.ofDays(5)));

    advanceTo(resolved.plus(Duration.ofDays(5)));
    var t = ticket(key);
    assertThat(t.get("status").asText()).isEqualTo("CLOSED");
    assertThat(instant(t, "closedAt")).isEqualTo(resolved.plus(Duration.ofDays(5)));
    assertThat(count(key, "SOLUTION_CONFIRMED")).isEqualTo(1);
  }

  @Test
  void aReplyToATicketWhoseProcessAnAdministratorSuspendedWaitsUntilItRunsAgain() {
    setClock(la("2026-11-24T10:00:00"));
    var key = closedQuestion("alice", true);
    advanceTo(la("2026-12-04T10:00:00")); // within the reopen window
    // an administrator suspends the ticket's process in Cockpit (a migration, an investigation)
    runtime.suspendProcessInstanceById(lifecycleId(key));
    var historyBefore = historyEvents(key);

    var refused = post("alice", "/api/tickets/" + key + "/messages", Map.of("from", "CUSTOMER", "body", "The export is empty again."));
    assertThat(refused.getStatusCode().value()).as("%s", refused.getBody()).isEqualTo(409);
    assertThat(refused.getHeaders().getFirst("Retry-After")).isNotNull();
    assertThat(refused.getBody().get("detail").asText()).contains("send it again");
    assertThat(ticket(key).get("status").asText()).isEqualTo("CLOSED");
    assertThat(historyEvents(key)).as("nothing of the message was kept").isEqualTo(historyBefore);

    runtime.activateProcessInstanceById(lifecycleId(key));
    var reply = post("alice", "/api/tickets/" + key + "/messages", Map.of("from", "CUSTOMER", "body", "The export is empty again."));
    assertThat(reply.getStatusCode().value()).isEqualTo(202);
    assertThat(reply.getBody().get("outcome").asText()).isEqualTo("REOPENED");
    assertThat(count(key, "CUSTOMER_MESSAGE")).isEqualTo(1);
  }

  @Test
  void aReplyWithinFourteenDaysReopensTheTicketInItsTierAndOwesANewResponse() {
    setClock(la("2026-11-24T10:00:00"));
    var key = closedQuestion("alice", true);
    var closed = ticket(key);
    assertThat(task(key, "Task_DocumentSolution")).isNotNull();

    advanceTo(la("2026-12-04T10:00:00")); // ten days later, a Friday
    var reply = post("alice", "/api/tickets/" + key + "/messages", Map.of("from", "CUSTOMER", "body", "The export is empty again."));
    assertThat(reply.getStatusCode().value()).isEqualTo(202);
    assertThat(reply.getBody().get("outcome").asText()).isEqualTo("REOPENED");

    var t = ticket(key);
    assertThat(t.get("status").asText()).isEqualTo("REOPENED");
    assertThat(t.get("tier").asInt()).isEqualTo(1);
    assertThat(t.get("escalations")).isEmpty();
    assertThat(instant(t, "resolvedAt")).isNull();
    // a new response is owed: now + P4's 72 h on Standard hours
    assertThat(instant(t, "tierResponseDueAt")).isEqualTo(la("2026-12-16T10:00:00"));
    assertThat(timerDueDates(key, "Boundary_ResponseDue")).containsExactly(la("2026-12-16T10:00:00"));
    // solved at once and closed: the resolution clock stood still from then on, so the whole
    // P4 window (168 business hours) is ahead again
    var standard = clocks.forCoverage(Coverage.STANDARD);
    assertThat(instant(t, "resolutionDueAt"))
        .isAfter(instant(closed, "resolutionDueAt"))
        .isEqualTo(standard.plus(la("2026-12-04T10:00:00"), Duration.ofHours(168)));
    assertThat(details(key, "REOPENED")).containsExactly("Customer replied within the reopen window");
    assertThat(openTasks(key)).extracting(task -> task.getTaskDefinitionKey()).containsExactly("Task_WorkOnTicket");
    assertThat(candidateGroups(key, "Task_WorkOnTicket")).containsExactly("tier1");
    assertThat(lifecycle(key))
        .hasPassed("Task_AwaitLateReply", "End_CustomerReplied", "Boundary_Reopen", "Task_ReopenTicket", "Gateway_ReopenOneTierUp")
        .isWaitingAt("Task_WorkOnTicket", "Task_AwaitFirstResponse");

    // the time in the tier starts again at the reopening: Tier 1's 24 business hours for a
    // TECHNICAL P4 (Fri 8 h, Mon 9 h, Tue 7 h), not the limit of its first stay, long passed
    assertThat(instant(t, "escalationDueAt")).isEqualTo(la("2026-12-08T16:00:00"));
    assertThat(timerDueDates(key, "Timer_TimeInTierElapsed")).containsExactly(la("2026-12-08T16:00:00"));
    advanceTo(la("2026-12-08T15:59:59"));
    assertThat(ticket(key).get("escalations")).as("no escalation before the new limit").isEmpty();
    assertThat(mails(key, "manager-notification")).isEmpty();
    assertThat(openTasks(key)).extracting(task -> task.getTaskDefinitionKey()).containsExactly("Task_WorkOnTicket");
  }

  @Test
  void aTicketReopenedInTierTwoCountsItsClocksFromTheReopening() {
    var t0 = Instant.parse("2026-11-24T18:00:00Z");
    setClock(t0);
    // ENTERPRISE P2 (24/7), moved to Tier 2 at the customer's request, solved there and closed
    var key = create("admin", "erin@example.com", "Walls vanish on save", "Walls disappear after saving the model",
        "category", "TECHNICAL", "subcategory", "SOFTWARE_BUG", "impact", "MAJOR");
    post("erin", "/api/tickets/" + key + "/escalations", Map.of("reason", "CUSTOMER_REQUEST", "justification", "Urgent for us"));
    assertThat(ticket(key).get("tier").asInt()).isEqualTo(2);
    setClock(t0.plus(Duration.ofHours(1)));
    complete("tier2", task(key, "Task_WorkOnTicket"), Map.of("outcome", "RESOLVE", "reply", "Fixed in 4.2.1.", "documentInKb", false));
    post("erin", "/api/tickets/" + key + "/verification", Map.of("accepted", true));
    assertThat(ticket(key).get("status").asText()).isEqualTo("CLOSED");

    var reopened = t0.plus(Duration.ofDays(3));
    setClock(reopened);
    var reply = post("erin", "/api/tickets/" + key + "/messages", Map.of("from", "CUSTOMER", "body", "Walls vanish again."));
    assertThat(reply.getBody().get("outcome").asText()).isEqualTo("REOPENED");
    var t = ticket(key);
    assertThat(t.get("tier").asInt()).isEqualTo(2);
    // Tier 2's time (TECHNICAL: 8 h) and P2's status updates (every 4 h) count from the reopening
    assertThat(instant(t, "escalationDueAt")).isEqualTo(reopened.plus(Duration.ofHours(8)));
    assertThat(timerDueDates(key, "Timer_TimeInTierElapsed")).containsExactly(reopened.plus(Duration.ofHours(8)));
    assertThat(timerDueDates(key, "Timer_StatusUpdateDue")).containsExactly(reopened.plus(Duration.ofHours(4)));
    executeDueJobs();
    assertThat(mails(key, "status-update")).as("no update owed at the moment of reopening").isEmpty();
    assertThat(t.get("escalations")).hasSize(1);
  }

  @Test
  void theResolutionClockStandsStillFromTheSolutionToTheReopening() {
    var created = Instant.parse("2026-11-24T18:00:00Z");
    setClock(created);
    // ENTERPRISE P4 (24/7): resolution within 168 h, warned at 126 h
    var key = create("admin", "erin@example.com", "How do I export to IFC?", "How do I export my model to IFC format?",
        "category", "TRAINING", "subcategory", "DOCUMENTATION", "impact", "QUESTION");
    assertThat(instant(ticket(key), "resolutionDueAt")).isEqualTo(created.plus(Duration.ofHours(168)));
    setClock(created.plus(Duration.ofHours(24)));
    triage(key, "TRAINING", "DOCUMENTATION", "QUESTION", "RESOLVE", "reply", "Use File > Export > IFC.");
    setClock(created.plus(Duration.ofHours(120)));
    post("erin", "/api/tickets/" + key + "/verification", Map.of("accepted", true));
    assertThat(ticket(key).get("status").asText()).isEqualTo("CLOSED");

    setClock(created.plus(Duration.ofHours(144)));
    var reply = post("erin", "/api/tickets/" + key + "/messages", Map.of("from", "CUSTOMER", "body", "It exports nothing now."));
    assertThat(reply.getBody().get("outcome").asText()).isEqualTo("REOPENED");
    // 24 h were spent before the solution; 144 h of the window are left, counted from the reopening
    var t = ticket(key);
    assertThat(instant(t, "resolutionDueAt")).isEqualTo(created.plus(Duration.ofHours(288)));
    assertThat(timerDueDates(key, "Timer_ResolutionWarning")).containsExactly(created.plus(Duration.ofHours(246)));
    executeDueJobs();
    assertThat(details(key, "SLA_WARNING")).as("the 75 % mark of the first count has not come").isEmpty();
  }

  @Test
  void aReplyAfterFourteenDaysOpensANewTicketThatLinksTheOldOne() {
    setClock(la("2026-11-24T10:00:00"));
    var key = closedQuestion("alice", false);
    var processInstanceId = lifecycle(key).getId();
    assertThat(timerDueDates(key, "Boundary_ReopenWindowClosed")).containsExactly(la("2026-12-08T10:00:00"));

    advanceTo(la("2026-12-08T10:00:00"));
    assertThat(lifecycleRunning(key)).isFalse();
    var ended = engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
    assertThat(ended.getEndActivityId()).isEqualTo("End_TicketDone");
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
        .activityId("End_ReopenWindowClosed").count()).isEqualTo(1);

    var reply = post("alice", "/api/tickets/" + key + "/messages", Map.of("from", "CUSTOMER", "body", "The IFC export fails now."));
    assertThat(reply.getStatusCode().value()).isEqualTo(201);
    assertThat(reply.getBody().get("outcome").asText()).isEqualTo("NEW_TICKET_LINKED");
    var linked = reply.getBody().get("ticket");
    var newKey = linked.get("key").asText();
    assertThat(newKey).isNotEqualTo(key);
    assertThat(linked.get("linkedTicket").asText()).isEqualTo(key);
    assertThat(linked.get("subject").asText()).isEqualTo("Re: How do I export to IFC?");
    assertThat(linked.get("status").asText()).isEqualTo("TRIAGE");
    assertThat(ticket(key).get("status").asText()).as("the old ticket stays closed").isEqualTo("CLOSED");
    assertThat(details(key, "LINKED")).containsExactly("Late reply opened " + newKey);
    assertThat(historyEvents(newKey)).contains("CREATED", "LINKED", "ROUTED");
    assertThat(task(newKey, "Task_TriageTicket")).isNotNull();
  }

  @Test
  void aReplyAfterTheTicketsWindowEndedOpensANewTicketEvenWhenTheProcessOwnerLengthenedTheWindowSince() throws Exception {
    setClock(la("2026-11-24T10:00:00"));
    var key = closedQuestion("alice", false);
    advanceTo(la("2026-12-08T10:00:00")); // the ticket's 14 days are over: its process has ended
    assertThat(lifecycleRunning(key)).isFalse();

    // the process owner makes the reopen window 30 days; the ticket's window was set when it closed
    var table = java.nio.file.Files.readString(java.nio.file.Path.of("dmn", "lifecycleDeadlines.dmn"));
    var rule = java.util.regex.Pattern.compile("(\"REOPEN_WINDOW\".*?<outputEntry[^>]*>\\s*<text>)14(</text>)", java.util.regex.Pattern.DOTALL);
    var longer = rule.matcher(table).replaceAll("$130$2");
    assertThat(longer).isNotEqualTo(table);
    var repository = engine.getRepositoryService();
    var deployment = repository.createDeployment().name("Reopen window 30 days").addString("lifecycleDeadlines.dmn", longer).deploy();
    try {
      advanceTo(la("2026-12-14T10:00:00")); // day 20: inside the new window, outside the ticket's own
      var reply = post("alice", "/api/tickets/" + key + "/messages", Map.of("from", "CUSTOMER", "body", "The IFC export fails again."));
      assertThat(reply.getStatusCode().value()).isEqualTo(201);
      assertThat(reply.getBody().get("outcome").asText()).as("not attached to a closed ticket nobody works").isEqualTo("NEW_TICKET_LINKED");
      var newKey = reply.getBody().get("ticket").get("key").asText();
      assertThat(task(newKey, "Task_TriageTicket")).isNotNull();
      assertThat(ticket(key).get("status").asText()).isEqualTo("CLOSED");
    } finally {
      repository.deleteDeployment(deployment.getId(), true);
    }
  }

  @Test
  void aMessageWhileTheSolutionAwaitsVerificationGoesBackToTheAgentInsteadOfCountingAsSilence() {
    setClock(la("2026-11-24T10:00:00"));
    var key = create("admin", "alice@example.com", "How do I export to IFC?", "How do I export my model to IFC format?",
        "category", "TRAINING", "subcategory", "DOCUMENTATION", "impact", "QUESTION");
    triage(key, "TRAINING", "DOCUMENTATION", "QUESTION", "RESOLVE", "reply", "Use File > Export > IFC.", "documentInKb", false);
    assertThat(ticket(key).get("status").asText()).isEqualTo("RESOLVED");
    assertThat(timerDueDates(key, "Boundary_VerificationTimeout")).hasSize(1);

    setClock(la("2026-11-24T11:00:00"));
    var reply = post("alice", "/api/tickets/" + key + "/messages", Map.of("from", "CUSTOMER", "body", "Does that also work for IFC4?"));
    assertThat(reply.getStatusCode().value()).isEqualTo(202);
    assertThat(reply.getBody().get("outcome").asText()).isEqualTo("RETURNED_TO_AGENT");
    var t = ticket(key);
    assertThat(t.get("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(t.get("resolvedAt").isNull()).isTrue();
    assertThat(task(key, "Task_WorkOnTicket")).isNotNull();
    assertThat(candidateGroups(key, "Task_WorkOnTicket")).containsExactly("tier1");
    // her message is in the task's conversation
    assertThat((String) tasks.getVariableLocal(task(key, "Task_WorkOnTicket").getId(), "ticketConversation")).contains("Does that also work for IFC4?");
    assertThat(historyEvents(key)).containsSubsequence("SOLUTION_PROPOSED", "CUSTOMER_MESSAGE", "RETURNED_TO_WORK");
    assertThat(count(key, "SOLUTION_REJECTED")).as("not a failed attempt").isZero();
    assertThat(timerDueDates(key, "Boundary_VerificationTimeout")).isEmpty();

    // the five working days pass: she answered, so nothing closes the ticket as confirmed
    advanceTo(la("2026-12-02T11:00:00"));
    assertThat(ticket(key).get("status").asText()).isNotIn("RESOLVED", "CLOSED");
    assertThat(count(key, "CLOSED")).isZero();
    assertThat(lifecycle(key)).hasPassed("Boundary_CustomerWroteWhileVerifying", "Task_BackToWorkWithReply");
  }

  @Test
  void aDissatisfiedCustomerReopensTheTicketOneTierUp() {
    setClock(la("2026-11-24T10:00:00"));
    var key = closedQuestion("paul", false);
    setClock(la("2026-11-25T10:00:00"));
    var feedback = post("paul", "/api/tickets/" + key + "/feedback", Map.of("csat", 2, "comment", "Did not help"));
    assertThat(feedback.getStatusCode().value()).isEqualTo(202);

    var t = ticket(key);
    assertThat(t.get("tier").asInt()).isEqualTo(2);
    assertThat(t.get("status").asText()).isEqualTo("IN_PROGRESS");
    var escalation = t.get("escalations").get(0);
    assertThat(escalation.get("trigger").asText()).isEqualTo("DISSATISFACTION");
    assertThat(escalation.get("action").asText()).isEqualTo("ESCALATE");
    assertThat(escalation.get("fromTier").asInt()).isEqualTo(1);
    assertThat(escalation.get("toTier").asInt()).isEqualTo(2);
    assertThat(details(key, "FEEDBACK")).containsExactly("CSAT 2 of 5");
    assertThat(details(key, "REOPENED")).containsExactly("Customer dissatisfied: reopened one tier up");
    assertThat(historyEvents(key)).containsSubsequence("FEEDBACK", "REOPENED", "ESCALATED");
    // Tier 2: 10:00 + min(8 h, P4 72 h)
    assertThat(instant(t, "tierResponseDueAt")).isEqualTo(la("2026-11-25T18:00:00"));
    assertThat(candidateGroups(key, "Task_WorkOnTicket")).containsExactly("tier2");
    assertThat(jdbc.sql("SELECT csat FROM feedback WHERE ticket_id = ?").param(ticketId(key)).query(Integer.class).list())
        .containsExactly(2);
    assertThat(lifecycle(key))
        .hasPassed("Task_RecordFeedback", "Task_DecideFeedbackFollowUp", "End_Dissatisfied", "Boundary_Reopen",
            "Gateway_ReopenOneTierUp", "CallActivity_Escalate")
        .isWaitingAt("Task_WorkOnTicket");
  }

  @Test
  void theArticleOfARejectedSolutionIsNotTheNextSolutions() {
    setClock(la("2026-11-24T10:00:00"));
    var key = create("admin", "paul@example.com", "Slow rendering", "Rendering is slow on large models",
        "category", "TECHNICAL", "subcategory", "PERFORMANCE", "impact", "MINOR");
    triage(key, "TECHNICAL", "PERFORMANCE", "MINOR", "CONTINUE");
    complete("tier1", task(key, "Task_WorkOnTicket"), Map.of("outcome", "RESOLVE", "reply", "Turn off real-time shadows.",
        "documentInKb", true, "kbArticle", "https://kb.archbuilder.app/shadows"));
    post("paul", "/api/tickets/" + key + "/verification", Map.of("accepted", false, "comment", "Still slow."));
    assertThat(runtime.getVariable(lifecycle(key).getId(), "kbArticle")).as("the new work task starts blank").isNull();

    // a new solution, to be written up: no article is linked to it, so it goes to Tier 1 to document
    complete("tier1", task(key, "Task_WorkOnTicket"), Map.of("outcome", "RESOLVE", "reply", "Lower the texture quality.",
        "documentInKb", true));
    post("paul", "/api/tickets/" + key + "/verification", Map.of("accepted", true));
    assertThat(task(key, "Task_DocumentSolution")).isNotNull();
  }

  @Test
  void theSurveyExpiresAfterSevenDays() {
    setClock(la("2026-11-24T10:00:00"));
    var key = closedQuestion("alice", false);
    assertThat(timerDueDates(key, "Boundary_SurveyExpired")).containsExactly(la("2026-12-01T10:00:00"));

    advanceTo(la("2026-12-01T10:00:00"));
    assertThat(count(key, "SURVEY_EXPIRED")).isEqualTo(1);
    var late = post("alice", "/api/tickets/" + key + "/feedback", Map.of("csat", 4));
    assertThat(late.getStatusCode().value()).isEqualTo(409);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM feedback WHERE ticket_id = ?").param(ticketId(key)).query(Long.class).single())
        .as("the late answer is not kept").isZero();
    assertThat(lifecycle(key))
        .hasPassed("Boundary_SurveyExpired", "Task_RecordSurveyExpired", "End_SurveyExpired")
        .hasNotPassed("Task_RecordFeedback")
        .isWaitingAt("Task_AwaitLateReply");
  }

  @Test
  void aSolutionToDocumentGoesToTierOneUnlessAnArticleIsLinkedAlready() {
    setClock(la("2026-11-24T10:00:00"));
    var key = create("admin", "paul@example.com", "Slow rendering", "Rendering is slow on large models",
        "category", "TECHNICAL", "subcategory", "PERFORMANCE", "impact", "MINOR");
    triage(key, "TECHNICAL", "PERFORMANCE", "MINOR", "CONTINUE");
    complete("tier1", task(key, "Task_WorkOnTicket"),
        Map.of("outcome", "RESOLVE", "reply", "Turn off real-time shadows.", "documentInKb", true));
    post("paul", "/api/tickets/" + key + "/verification", Map.of("accepted", true));
    assertThat(candidateGroups(key, "Task_DocumentSolution")).containsExactly("tier1");
    assertThat(task(key, "Task_DocumentSolution").getDueDate()).as("no SLA clock runs after closing").isNull();
    complete("tier1", task(key, "Task_DocumentSolution"), Map.of("kbArticle", "https://kb.archbuilder.app/slow-rendering"));
    assertThat(details(key, "KB_DOCUMENTED")).containsExactly("https://kb.archbuilder.app/slow-rendering");
    assertThat(row(key).get("kb_article")).isEqualTo("https://kb.archbuilder.app/slow-rendering");
    assertThat(lifecycle(key)).hasPassed("Task_DocumentSolution", "Task_RecordKbArticle", "End_Documented");

    // not to be documented: no task
    var notDocumented = closedQuestion("paul", false);
    assertThat(openTasks(notDocumented)).isEmpty();
    assertThat(lifecycle(notDocumented)).hasPassed("End_NoDocumentation");

    // an article is linked already: no new documentation
    var linked = create("admin", "paul@example.com", "How do I export to IFC?", "How do I export my model to IFC format?",
        "category", "TRAINING", "subcategory", "DOCUMENTATION", "impact", "QUESTION");
    triage(linked, "TRAINING", "DOCUMENTATION", "QUESTION", "RESOLVE", "reply", "See our article.", "documentInKb", true,
        "kbArticle", "https://kb.archbuilder.app/ifc-export");
    post("paul", "/api/tickets/" + linked + "/verification", Map.of("accepted", true));
    assertThat(openTasks(linked)).isEmpty();
    assertThat(row(linked).get("kb_article")).isEqualTo("https://kb.archbuilder.app/ifc-export");
    assertThat(row(linked).get("document_in_kb")).isEqualTo(true);
    assertThat(lifecycle(linked)).hasPassed("End_NoDocumentation").hasNotPassed("Task_DocumentSolution");
  }
}
