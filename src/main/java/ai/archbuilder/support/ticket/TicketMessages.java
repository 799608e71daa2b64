package ai.archbuilder.support.ticket;

import ai.archbuilder.support.system.Now;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The conversation of a ticket: what the customer and the agents wrote. */
@Repository
public class TicketMessages {

  public record Message(long id, MessageAuthor author, String authorName, String body, Instant at) {}

  private final JdbcClient jdbc;

  TicketMessages(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void add(long ticketId, MessageAuthor author, String authorName, String body) {
    jdbc.sql("INSERT INTO ticket_message (ticket_id, author, author_name, body, created_at) VALUES (?, ?, ?, ?, ?)")
        .params(ticketId, author.name(), authorName, body, OffsetDateTime.ofInstant(Now.instant(), ZoneOffset.UTC))
        .update();
  }

  public List<Message> of(long ticketId) {
    return jdbc.sql("SELECT * FROM ticket_message WHERE ticket_id = ? ORDER BY id")
        .param(ticketId)
        .query(
            (rs, i) ->
                new Message(
                    rs.getLong("id"),
                    MessageAuthor.valueOf(rs.getString("author")),
                    rs.getString("author_name"),
                    rs.getString("body"),
                    rs.getObject("created_at", OffsetDateTime.class).toInstant()))
        .list();
  }
}
