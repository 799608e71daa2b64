package ai.archbuilder.support.ticket;

import ai.archbuilder.support.sla.Coverage;
import ai.archbuilder.support.system.Tiers;
import java.time.Instant;

/** One row of the ticket table: the business data of a ticket. */
public record Ticket(
    long id,
    long customerId,
    String subject,
    String description,
    Channel channel,
    TicketStatus status,
    Category category,
    Subcategory subcategory,
    boolean categoryInferred,
    Impact impact,
    boolean impactInferred,
    Urgency urgency,
    boolean security,
    Priority priority,
    IssueType issueType,
    Coverage coverage,
    Integer tier,
    Integer maxTier,
    Instant tierEnteredAt,
    Instant firstResponseDueAt,
    Instant resolutionDueAt,
    Instant tierResponseDueAt,
    Instant escalationDueAt,
    Instant responseWarningAt,
    Instant resolutionWarningAt,
    boolean responseWarned,
    boolean resolutionWarned,
    boolean responseBreached,
    Instant firstRespondedAt,
    Instant tierRespondedAt,
    Instant lastStatusUpdateAt,
    Instant pausedAt,
    long pausedSeconds,
    Instant resolvedAt,
    Instant closedAt,
    int failedAttempts,
    int failedAttemptsInTier,
    boolean documentInKb,
    String kbArticle,
    Long linkedTicketId,
    String createdBy,
    Instant createdAt,
    Instant updatedAt) {

  public String key() {
    return TicketKey.of(id);
  }

  public String tierGroup() {
    return Tiers.group(tier);
  }
}
