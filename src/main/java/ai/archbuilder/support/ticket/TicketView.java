package ai.archbuilder.support.ticket;

import ai.archbuilder.support.customer.Customer;
import ai.archbuilder.support.escalation.Escalations.Escalation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A ticket as the API shows it. Instants serialize as ISO-8601 UTC. A customer gets the same
 * fields, with the desk's bookkeeping null (CustomerFacing#ticket): the issue type, the tier
 * ceiling, the coverage, the tier response and escalation dues, the failed attempts, the inferred
 * fields and her VIP flag.
 */
public record TicketView(
    String key,
    TicketStatus status,
    String subject,
    String description,
    CustomerRef customer,
    Channel channel,
    Category category,
    Subcategory subcategory,
    IssueType issueType,
    Impact impact,
    Urgency urgency,
    Priority priority,
    boolean security,
    Integer tier,
    Integer maxTier,
    String coverage,
    Instant firstResponseDueAt,
    Instant resolutionDueAt,
    Instant tierResponseDueAt,
    Instant escalationDueAt,
    Instant firstRespondedAt,
    Instant resolvedAt,
    Instant closedAt,
    Integer failedAttempts,
    List<String> inferred,
    List<EscalationView> escalations,
    String linkedTicket,
    Instant createdAt) {

  public record CustomerRef(String email, String name, String plan, Boolean vip) {}

  public record EscalationView(
      Instant at, int fromTier, int toTier, String trigger, String reason, String justification, String action) {}

  static TicketView of(Ticket t, Customer c, List<Escalation> escalations) {
    var inferred = new ArrayList<String>();
    if (t.categoryInferred()) {
      inferred.add("category");
      inferred.add("subcategory");
    }
    if (t.impactInferred()) {
      inferred.add("impact");
    }
    return new TicketView(
        t.key(),
        t.status(),
        t.subject(),
        t.description(),
        new CustomerRef(c.email(), c.name(), c.plan().name(), c.vip()),
        t.channel(),
        t.category(),
        t.subcategory(),
        t.issueType(),
        t.impact(),
        t.urgency(),
        t.priority(),
        t.security(),
        t.tier(),
        t.maxTier(),
        t.coverage() == null ? null : t.coverage().name(),
        t.firstResponseDueAt(),
        t.resolutionDueAt(),
        t.tierResponseDueAt(),
        t.escalationDueAt(),
        t.firstRespondedAt(),
        t.resolvedAt(),
        t.closedAt(),
        t.failedAttempts(),
        inferred,
        escalations.stream()
            .map(
                e ->
                    new EscalationView(
                        e.at(),
                        e.fromTier(),
                        e.toTier(),
                        e.trigger().name(),
                        e.reason() == null ? null : e.reason().name(),
                        e.justification(),
                        e.action().name()))
            .toList(),
        t.linkedTicketId() == null ? null : TicketKey.of(t.linkedTicketId()),
        t.createdAt());
  }
}
