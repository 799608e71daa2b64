package ai.archbuilder.support.mail;

import ai.archbuilder.support.system.Now;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The outbox: every e-mail of a ticket, queued in the ticket's transaction and sent by a job. */
@Repository
public class OutboundMails {

  public record Mail(
      long id,
      long ticketId,
      String template,
      String recipient,
      String subject,
      String bodyText,
      String messageId,
      String inReplyTo,
      Instant createdAt,
      Instant sentAt) {}

  private final JdbcClient jdbc;

  OutboundMails(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public long insert(long ticketId, String template, String recipient, String subject, String body, String messageId, String inReplyTo) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql(
            """
            INSERT INTO outbound_mail (ticket_id, template, recipient, subject, body_text, message_id, in_reply_to, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(ticketId, template, recipient, subject, body, messageId, inReplyTo, OffsetDateTime.ofInstant(Now.instant(), ZoneOffset.UTC))
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  public Optional<Mail> find(long id) {
    return jdbc.sql("SELECT * FROM outbound_mail WHERE id = ?").param(id).query(OutboundMails::map).optional();
  }

  public List<Mail> of(long ticketId) {
    return jdbc.sql("SELECT * FROM outbound_mail WHERE ticket_id = ? ORDER BY id").param(ticketId).query(OutboundMails::map).list();
  }

  /** The Message-ID a new customer message of this ticket replies to, so mail clients thread them. */
  public Optional<String> lastCustomerMessageId(long ticketId, String customerAddress) {
    return jdbc.sql("SELECT message_id FROM outbound_mail WHERE ticket_id = ? AND recipient = ? ORDER BY id DESC LIMIT 1")
        .params(ticketId, customerAddress)
        .query(String.class)
        .optional();
  }

  public void markSent(long id) {
    jdbc.sql("UPDATE outbound_mail SET sent_at = ? WHERE id = ?")
        .params(OffsetDateTime.ofInstant(Now.instant(), ZoneOffset.UTC), id)
        .update();
  }

  private static Mail map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
    var sent = rs.getObject("sent_at", OffsetDateTime.class);
    return new Mail(
        rs.getLong("id"),
        rs.getLong("ticket_id"),
        rs.getString("template"),
        rs.getString("recipient"),
        rs.getString("subject"),
        rs.getString("body_text"),
        rs.getString("message_id"),
        rs.getString("in_reply_to"),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        sent == null ? null : sent.toInstant());
  }
}
