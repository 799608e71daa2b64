package ai.archbuilder.support.ticket;

import ai.archbuilder.support.system.Now;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The ticket history: one row per event, in order. */
@Repository
public class TicketHistory {

  public record Entry(long id, Instant at, HistoryEvent event, String actor, String detail) {}

  private static final int DETAIL_LIMIT = 4000;

  private final JdbcClient jdbc;

  TicketHistory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void record(long ticketId, HistoryEvent event, String actor, String detail) {
    var text = detail == null || detail.length() <= DETAIL_LIMIT ? detail : detail.substring(0, DETAIL_LIMIT);
    jdbc.sql("INSERT INTO ticket_history (ticket_id, at, event, actor, detail) VALUES (?, ?, ?, ?, ?)")
        .params(ticketId, OffsetDateTime.ofInstant(Now.instant(), ZoneOffset.UTC), event.name(), actor, text)
        .update();
  }

  public List<Entry> of(long ticketId) {
    return jdbc.sql("SELECT * FROM ticket_history WHERE ticket_id = ? ORDER BY id")
        .param(ticketId)
        .query(
            (rs, i) ->
                new Entry(
                    rs.getLong("id"),
                    rs.getObject("at", OffsetDateTime.class).toInstant(),
                    HistoryEvent.valueOf(rs.getString("event")),
                    rs.getString("actor"),
                    rs.getString("detail")))
        .list();
  }

  public long count(long ticketId, HistoryEvent event) {
    return jdbc.sql("SELECT COUNT(*) FROM ticket_history WHERE ticket_id = ? AND event = ?")
        .params(ticketId, event.name())
        .query(Long.class)
        .single();
  }
}
