package ai.archbuilder.support.escalation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The escalation records of tickets: every move up, and every breach handed to oversight. */
@Repository
public class Escalations {

  /** ESCALATE moved the ticket up; OVERSIGHT kept it in its tier and told the managers. */
  public enum Action {
    ESCALATE,
    OVERSIGHT
  }

  public record Escalation(
      Instant at,
      int fromTier,
      int toTier,
      EscalationTrigger trigger,
      EscalationReason reason,
      String justification,
      Action action) {}

  private final JdbcClient jdbc;

  Escalations(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void record(long ticketId, Escalation e) {
    jdbc.sql(
            """
            INSERT INTO escalation (ticket_id, at, from_tier, to_tier, trigger_name, reason, justification, action)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            ticketId,
            OffsetDateTime.ofInstant(e.at(), ZoneOffset.UTC),
            e.fromTier(),
            e.toTier(),
            e.trigger().name(),
            e.reason() == null ? null : e.reason().name(),
            e.justification(),
            e.action().name())
        .update();
  }

  public List<Escalation> of(long ticketId) {
    return jdbc.sql("SELECT * FROM escalation WHERE ticket_id = ? ORDER BY id")
        .param(ticketId)
        .query(
            (rs, i) -> {
              var reason = rs.getString("reason");
              return new Escalation(
                  rs.getObject("at", OffsetDateTime.class).toInstant(),
                  rs.getInt("from_tier"),
                  rs.getInt("to_tier"),
                  EscalationTrigger.valueOf(rs.getString("trigger_name")),
                  reason == null ? null : EscalationReason.valueOf(reason),
                  rs.getString("justification"),
                  Action.valueOf(rs.getString("action")));
            })
        .list();
  }
}
