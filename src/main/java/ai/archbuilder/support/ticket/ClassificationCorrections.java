package ai.archbuilder.support.ticket;

import ai.archbuilder.support.system.Now;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every change triage makes to a ticket's classification: the classifier's training data. */
@Repository
public class ClassificationCorrections {

  private final JdbcClient jdbc;
  private final TicketHistory history;

  ClassificationCorrections(JdbcClient jdbc, TicketHistory history) {
    this.jdbc = jdbc;
    this.history = history;
  }

  public void record(Ticket t, String field, Object before, Object after, boolean wasInferred, String agent) {
    var from = before == null ? null : before.toString();
    var to = after == null ? null : after.toString();
    if (Objects.equals(from, to)) {
      return;
    }
    jdbc.sql(
            """
            INSERT INTO classification_correction (ticket_id, field, before_value, after_value, was_inferred, corrected_by, at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        .params(t.id(), field, from, to, wasInferred, agent, OffsetDateTime.ofInstant(Now.instant(), ZoneOffset.UTC))
        .update();
    history.record(
        t.id(),
        HistoryEvent.CLASSIFICATION_CORRECTED,
        agent,
        "%s: %s → %s%s".formatted(field, from, to, wasInferred ? " (was inferred)" : ""));
  }

  public long count(long ticketId) {
    return jdbc.sql("SELECT COUNT(*) FROM classification_correction WHERE ticket_id = ?")
        .param(ticketId)
        .query(Long.class)
        .single();
  }
}
