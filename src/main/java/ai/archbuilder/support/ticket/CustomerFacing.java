package ai.archbuilder.support.ticket;

import ai.archbuilder.support.customer.Customer;
import ai.archbuilder.support.escalation.EscalationTrigger;
import ai.archbuilder.support.escalation.Escalations.Action;
import ai.archbuilder.support.escalation.Escalations.Escalation;
import ai.archbuilder.support.system.CurrentUser;
import java.util.List;
import java.util.Locale;

/**
 * What a customer sees of her ticket, its history and escalations: her conversation with the desk,
 * where the ticket stands and what the desk owes her, nothing of the desk's inside. Support staff
 * see every field and every row whole.
 *
 * <p>Not hers: internal notes (staff answering each other by e-mail), classification, routing and
 * SLA bookkeeping, breaches, warnings and the managers' oversight, agents' escalation requests and
 * every justification, mails to anyone but her, and which agent did what (staff act as "support").
 */
final class CustomerFacing {

  private CustomerFacing() {}

  /**
   * Her ticket: what she sent and its classification (category, impact, urgency, security, the
   * priority they give), its status and tier (her e-mails name both), her SLA commitments (first
   * response and resolution due, policy §4) and when they were met, her plan, and the moves up a
   * tier as {@link #escalations} shows them. The desk's bookkeeping is null, so that she reads the
   * same shape as staff: the issue type (the escalation matrix's key), the tier ceiling of her plan,
   * the coverage (her e-mails state its terms in words), the tier response and time-in-tier dues
   * (the desk's internal clocks), the failed attempts, which fields intake inferred, and the VIP
   * flag. Every field is written out, so a new field does not compile until someone decides.
   */
  static TicketView ticket(Ticket t, Customer c, List<Escalation> moves) {
    var whole = TicketView.of(t, c, escalations(moves));
    var customer = whole.customer();
    return new TicketView(
        whole.key(),
        whole.status(),
        whole.subject(),
        whole.description(),
        new TicketView.CustomerRef(customer.email(), customer.name(), customer.plan(), null),
        whole.channel(),
        whole.category(),
        whole.subcategory(),
        null, // issueType
        whole.impact(),
        whole.urgency(),
        whole.priority(),
        whole.security(),
        whole.tier(),
        null, // maxTier
        null, // coverage
        whole.firstResponseDueAt(),
        whole.resolutionDueAt(),
        null, // tierResponseDueAt
        null, // escalationDueAt
        whole.firstRespondedAt(),
        whole.resolvedAt(),
        whole.closedAt(),
        null, // failedAttempts
        null, // inferred
        whole.escalations(),
        whole.linkedTicket(),
        whole.createdAt());
  }

  /** How much of a row a customer sees. */
  enum Share {
    /** Nothing. */
    NONE,
    /** That it happened and when; the detail is written for staff. */
    EVENT,
    /** The whole row: the detail is written for her (her messages, the desk's replies, status). */
    ALL,
    /** The whole row if she did it herself, else nothing. */
    OWN,
    /** The whole row if the mail went to her own address, else nothing. */
    MAIL_TO_HER
  }

  /** Decided per event: a new event does not compile until someone decides. */
  static Share share(HistoryEvent event) {
    return switch (event) {
      case CREATED, CUSTOMER_MESSAGE, REPLIED, INFORMATION_REQUESTED, SOLUTION_PROPOSED, SOLUTION_CONFIRMED, STATUS_UPDATE,
          CLOSED, SURVEY_SENT, FEEDBACK, REOPENED -> Share.ALL;
      case SOLUTION_REJECTED, RETURNED_TO_WORK, RESOLVED, ESCALATED, SURVEY_EXPIRED -> Share.EVENT;
      case ESCALATION_REQUESTED, LINKED -> Share.OWN;
      case MAIL_QUEUED, MAIL_SENT -> Share.MAIL_TO_HER;
      case CATEGORIZED, ASSESSED, ROUTED, TRIAGED, CLASSIFICATION_CORRECTED, FIRST_RESPONSE, CLOCKS_PAUSED, CLOCKS_RESUMED,
          OVERSIGHT, BREACHED, SLA_WARNING, KB_DOCUMENTED, INTERNAL_NOTE -> Share.NONE;
    };
  }

  static List<TicketHistory.Entry> history(List<TicketHistory.Entry> all, CurrentUser customer) {
    return all.stream()
        .filter(e -> visible(e, customer))
        .map(
            e ->
                new TicketHistory.Entry(
                    e.id(), e.at(), e.event(), actor(e, customer), share(e.event()) == Share.EVENT ? null : e.detail()))
        .toList();
  }

  private static boolean visible(TicketHistory.Entry e, CurrentUser customer) {
    return switch (share(e.event())) {
      case NONE -> false;
      case EVENT, ALL -> true;
      case OWN -> isHer(e.actor(), customer);
      case MAIL_TO_HER -> customer.email() != null && mailedTo(e.detail(), customer.email());
    };
  }

  /** The mail rows read "template to recipient" (queued) and "template to recipient message-id" (sent). */
  private static boolean mailedTo(String detail, String email) {
    return detail != null && (" " + detail + " ").toLowerCase(Locale.ROOT).contains(" to " + email.toLowerCase(Locale.ROOT) + " ");
  }

  /** Herself, the system, or the people on her side of the conversation by e-mail; any staff member is "support". */
  private static String actor(TicketHistory.Entry e, CurrentUser customer) {
    var actor = e.actor();
    if (actor == null || isHer(actor, customer) || actor.equals("system") || actor.equals("customer")) {
      return actor;
    }
    if (e.event() == HistoryEvent.CUSTOMER_MESSAGE && actor.contains("@")) {
      return actor; // a participant she copied in; staff writing for her are recorded by their user id
    }
    return "support";
  }

  private static boolean isHer(String actor, CurrentUser customer) {
    return actor != null && (actor.equalsIgnoreCase(customer.id()) || actor.equalsIgnoreCase(customer.email()));
  }

  /**
   * The moves up a tier, without the justification (the managers' oversight is not hers). Why it
   * moved shows only when she asked for it; a breach or an agent's reason reads as a move by the
   * desk ({@code MANUAL}, no reason).
   */
  static List<Escalation> escalations(List<Escalation> all) {
    return all.stream()
        .filter(e -> e.action() == Action.ESCALATE)
        .map(e -> e.trigger() == EscalationTrigger.CUSTOMER_REQUEST
            ? new Escalation(e.at(), e.fromTier(), e.toTier(), e.trigger(), e.reason(), null, e.action())
            : new Escalation(e.at(), e.fromTier(), e.toTier(), EscalationTrigger.MANUAL, null, null, e.action()))
        .toList();
  }
}
