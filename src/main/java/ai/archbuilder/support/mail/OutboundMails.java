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
      String bodyHtml,
      String messageId,
      String inReplyTo,
      String references,
      Instant createdAt,
      Instant sentAt) {}

  /** A message to queue: both bodies as rendered now, our Message-ID and its place in the thread. */
  public record NewMail(
      long ticketId,
      String template,
      String recipient,
      String subject,
      String bodyText,
      String bodyHtml,
      String messageId,
      String inReplyTo,
      String references) {}

  private final JdbcClient jdbc;

  OutboundMails(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public long insert(NewMail m) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql(
            """
            INSERT INTO outbound_mail
              (ticket_id, template, recipient, subject, body_text, body_html, message_id, in_reply_to, mail_references, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            m.ticketId(),
            m.template(),
            m.recipient(),
            m.subject(),
            m.bodyText(),
            m.bodyHtml(),
            m.messageId(),
            m.inReplyTo(),
            m.references(),
            OffsetDateTime.ofInstant(Now.instant(), ZoneOffset.UTC))
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  public Optional<Mail> find(long id) {
    return jdbc.sql("SELECT * FROM outbound_mail WHERE id = ?").param(id).query(OutboundMails::map).optional();
  }

  public List<Mail> of(long ticketId) {
    return jdbc.sql("SELECT * FROM outbound_mail WHERE ticket_id = ? ORDER BY id").param(ticketId).query(OutboundMails::map).list();
  }

  /** The ticket's latest message to this address: a new one replies to it, so mail clients thread them. */
  public Optional<Mail> lastTo(long ticketId, String recipient) {
    return jdbc.sql("SELECT * FROM outbound_mail WHERE ticket_id = ? AND recipient = ? ORDER BY id DESC LIMIT 1")
        .params(ticketId, recipient)
        .query(OutboundMails::map)
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
        rs.getString("body_html"),
        rs.getString("message_id"),
        rs.getString("in_reply_to"),
        rs.getString("mail_references"),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        sent == null ? null : sent.toInstant());
  }
}
