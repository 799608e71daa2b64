package ai.archbuilder.support.ticket;

import static ai.archbuilder.support.system.ProcessVariable.bool;
import static ai.archbuilder.support.system.ProcessVariable.integer;
import static ai.archbuilder.support.system.ProcessVariable.number;
import static ai.archbuilder.support.system.ProcessVariable.string;

import ai.archbuilder.support.system.ProcessVariable;

/**
 * The "process class" of {@code bpmn/TicketLifecycleProcess.bpmn} and its escalation diagram: the
 * process keys, message names, element ids and typed variables the Java code relies on.
 */
public final class TicketLifecycle {

  private TicketLifecycle() {}

  public static final String PROCESS_KEY = "TicketLifecycleProcess";
  public static final String ESCALATION_PROCESS_KEY = "EscalationProcess";
  public static final String MAIL_PROCESS_KEY = "MailDeliveryProcess";

  /** Message names the API correlates (by business key = ticket key). */
  public static final class Messages {
    public static final String CUSTOMER_REPLIED = "CustomerReplied";
    public static final String AGENT_RESPONDED = "AgentResponded";
    public static final String ESCALATION_REQUESTED = "EscalationRequested";
    public static final String SOLUTION_VERIFIED = "SolutionVerified";
    public static final String FEEDBACK_RECEIVED = "FeedbackReceived";

    private Messages() {}
  }

  /** Element ids the code and tests refer to. */
  public static final class Elements {
    public static final String TRIAGE = "Task_TriageTicket";
    public static final String WORK = "Task_WorkOnTicket";
    public static final String AWAIT_CUSTOMER_INFORMATION = "Task_AwaitCustomerInformation";
    public static final String AWAIT_VERIFICATION = "Task_AwaitVerification";
    public static final String AWAIT_FEEDBACK = "Task_AwaitFeedback";
    public static final String AWAIT_LATE_REPLY = "Task_AwaitLateReply";
    public static final String DOCUMENT_SOLUTION = "Task_DocumentSolution";
    public static final String WORK_IN_TIER = "SubProcess_WorkInTier";

    private Elements() {}
  }

  /** Agents' decision when completing triage or a work task. */
  public enum Outcome {
    /** Triage done, hand on to work in the tier (re-assess first). */
    CONTINUE,
    /** Propose a solution to the customer. */
    RESOLVE,
    /** Ask the customer for information: the clocks pause. */
    REQUEST_INFORMATION,
    /** Escalate manually, with a reason and a justification. */
    ESCALATE
  }

  // decision inputs
  public static final ProcessVariable<String> CATEGORY = string("category");
  public static final ProcessVariable<String> SUBCATEGORY = string("subcategory");
  public static final ProcessVariable<String> IMPACT = string("impact");
  public static final ProcessVariable<String> URGENCY = string("urgency");
  public static final ProcessVariable<Boolean> SECURITY = bool("security");
  public static final ProcessVariable<String> PLAN = string("plan");
  // decision outputs
  public static final ProcessVariable<String> PRIORITY = string("priority");
  public static final ProcessVariable<String> ISSUE_TYPE = string("issueType");
  public static final ProcessVariable<String> COVERAGE = string("coverage");
  public static final ProcessVariable<Integer> ENTRY_TIER = integer("entryTier");
  public static final ProcessVariable<Integer> MAX_TIER = integer("maxTier");
  public static final ProcessVariable<Integer> TIER = integer("tier");
  public static final ProcessVariable<Double> FIRST_RESPONSE_HOURS = number("firstResponseHours");
  public static final ProcessVariable<Double> RESOLUTION_HOURS = number("resolutionHours");
  public static final ProcessVariable<Double> TIME_IN_TIER_HOURS = number("timeInTierHours");
  public static final ProcessVariable<Double> TIER_RESPONSE_HOURS = number("tierResponseHours");
  public static final ProcessVariable<Double> STATUS_UPDATE_HOURS = number("statusUpdateHours");
  public static final ProcessVariable<String> ACTION = string("action");
  public static final ProcessVariable<Integer> TARGET_TIER = integer("targetTier");
  // flow
  public static final ProcessVariable<Boolean> TRIAGED = bool("triaged");
  public static final ProcessVariable<String> OUTCOME = string("outcome");
  /**
   * A triage that corrected the classification and chose to act at once (resolve, ask, escalate):
   * its action waits here while the ticket is re-assessed, then takes effect (cleared after).
   */
  public static final ProcessVariable<String> TRIAGE_ACTION = string("triageAction");
  /**
   * The reason and justification of a parked ESCALATE: kept apart while the re-assessment runs, so
   * that an escalation of its own (a critical re-classification) neither takes them nor clears them.
   */
  public static final ProcessVariable<String> TRIAGE_ESCALATION_REASON = string("triageEscalationReason");
  public static final ProcessVariable<String> TRIAGE_JUSTIFICATION = string("triageJustification");
  public static final ProcessVariable<String> REPLY = string("reply");
  public static final ProcessVariable<String> TRIGGER = string("trigger");
  public static final ProcessVariable<String> ESCALATION_REASON = string("escalationReason");
  public static final ProcessVariable<String> JUSTIFICATION = string("justification");
  public static final ProcessVariable<Boolean> ACCEPTED = bool("accepted");
  public static final ProcessVariable<Integer> FAILED_ATTEMPTS_IN_TIER = integer("failedAttemptsInTier");
  public static final ProcessVariable<Integer> CSAT = integer("csat");
  public static final ProcessVariable<String> REOPEN_REASON = string("reopenReason");
  public static final ProcessVariable<Boolean> DOCUMENT_IN_KB = bool("documentInKb");
  public static final ProcessVariable<String> KB_ARTICLE = string("kbArticle");
  // task-local, set by the agents' task listener: the customer answered the agent's question
  public static final ProcessVariable<Boolean> CUSTOMER_ANSWERED = bool("customerAnswered");
  // MailDeliveryProcess
  public static final ProcessVariable<Long> MAIL_ID = new ProcessVariable<>("mailId", Long.class);
  public static final ProcessVariable<java.util.Date> DELIVER_AFTER = new ProcessVariable<>("deliverAfter", java.util.Date.class);
}
