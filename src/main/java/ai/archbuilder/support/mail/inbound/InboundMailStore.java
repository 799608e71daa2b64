package ai.archbuilder.support.mail.inbound;

import ai.archbuilder.support.system.Now;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Our inbound tables: processed messages, quarantine, attachments, participants. */
@Repository
class InboundMailStore {

  record Processed(long id, String messageKey, InboundOutcome outcome, Long ticketId, Long linkedTicketId, String reason) {}

  record StoredAttachment(long id, long ticketId, String fileName, String contentType, long size, boolean stored, String rejection) {}

  /** A message kept aside; {@code whole} is false when only its headers are kept (too large to fetch). */
  record Quarantined(
      long id,
      String messageKey,
      String source,
      String sender,
      String subject,
      String reason,
      long rawSize,
      byte[] raw,
      boolean whole,
      OffsetDateTime receivedAt) {}

  /** A reply left unseen because its ticket is on hold: since when, and how often the mailbox tried it. */
  record Held(long id, String messageKey, String ticketKey, String sender, String subject, OffsetDateTime since, OffsetDateTime lastTried, int tries) {}

  private final JdbcClient jdbc;

  InboundMailStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.ofInstant(Now.instant(), ZoneOffset.UTC);
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  Optional<Processed> processed(String messageKey) {
    return jdbc.sql("SELECT * FROM inbound_mail WHERE message_key = ?")
        .param(messageKey)
        .query(
            (rs, i) ->
                new Processed(
                    rs.getLong("id"),
                    rs.getString("message_key"),
                    InboundOutcome.valueOf(rs.getString("outcome")),
                    rs.getObject("ticket_id", Long.class),
                    rs.getObject("linked_ticket_id", Long.class),
                    rs.getString("reason")))
        .optional();
  }

  /** Records a message as processed; a second row with the same key fails on the unique index. */
  long markProcessed(
      String messageKey, String source, String sender, String subject, InboundOutcome outcome, Long ticketId, Long linkedTicketId, String reason) {
    // whatever became of it, it no longer waits for a ticket on hold, nor for a larger size limit
    releaseHeld(messageKey);
    jdbc.sql("DELETE FROM inbound_mail_quarantine WHERE message_key = ? AND whole = FALSE").param(messageKey).update();
    var keys = new GeneratedKeyHolder();
    jdbc.sql(
            """
            INSERT INTO inbound_mail (message_key, source, sender, subject, outcome, ticket_id, linked_ticket_id, reason, received_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            messageKey, source, cut(sender, 320), cut(subject, 400), outcome.name(), ticketId, linkedTicketId, cut(reason, 1000), now())
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  /** Keeps a message aside; its entry, as stored. */
  Quarantined quarantine(String messageKey, String source, String reason, long rawSize, byte[] raw, boolean whole) {
    var envelope = MailParser.envelope(raw);
    var keys = new GeneratedKeyHolder();
    var at = now();
    jdbc.sql(
            """
            INSERT INTO inbound_mail_quarantine (message_key, source, sender, subject, reason, raw_size, raw, whole, received_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(messageKey, source, cut(envelope.from(), 320), cut(envelope.subject(), 400), cut(reason, 1000), rawSize, raw, whole, at)
        .update(keys, "id");
    return new Quarantined(
        keys.getKey().longValue(), messageKey, source, cut(envelope.from(), 320), cut(envelope.subject(), 400), cut(reason, 1000), rawSize,
        raw, whole, at);
  }

  /** The entries of {@code messageKey} kept with their headers only (it was too large to fetch). */
  List<Long> headersOnly(String messageKey) {
    return jdbc.sql("SELECT id FROM inbound_mail_quarantine WHERE message_key = ? AND whole = FALSE").param(messageKey).query(Long.class).list();
  }

  List<Quarantined> quarantined() {
    return jdbc.sql("SELECT * FROM inbound_mail_quarantine ORDER BY id").query(QUARANTINED).list();
  }

  /** The newest first, without their content. */
  List<Quarantined> quarantinedPage(int page, int size) {
    return jdbc.sql(
            """
            SELECT id, message_key, source, sender, subject, reason, raw_size, whole, received_at, NULL AS raw FROM inbound_mail_quarantine
            ORDER BY received_at DESC, id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY
            """)
        .params((long) page * size, size)
        .query(QUARANTINED)
        .list();
  }

  long quarantinedCount() {
    return jdbc.sql("SELECT COUNT(*) FROM inbound_mail_quarantine").query(Long.class).single();
  }

  Optional<Quarantined> quarantinedOne(long id) {
    return jdbc.sql("SELECT * FROM inbound_mail_quarantine WHERE id = ?").param(id).query(QUARANTINED).optional();
  }

  /** Takes a message out of the quarantine; false when another request already did. */
  boolean release(long id) {
    return jdbc.sql("DELETE FROM inbound_mail_quarantine WHERE id = ?").param(id).update() == 1;
  }

  /** Forgets that a quarantined message was processed, so that it can be processed again. */
  void forgetQuarantined(String messageKey) {
    jdbc.sql("DELETE FROM inbound_mail WHERE message_key = ? AND outcome = ?").params(messageKey, InboundOutcome.QUARANTINED.name()).update();
  }

  /** Notes on the processed message who discarded it from the quarantine, and when. */
  void noteDiscarded(String messageKey, String by) {
    jdbc.sql("SELECT reason FROM inbound_mail WHERE message_key = ?")
        .param(messageKey)
        .query(String.class)
        .optional()
        .ifPresent(
            reason ->
                jdbc.sql("UPDATE inbound_mail SET reason = ? WHERE message_key = ?")
                    .params(cut("Discarded from the quarantine by %s at %s. %s".formatted(by, now(), reason), 1000), messageKey)
                    .update());
  }

  private static final RowMapper<Quarantined> QUARANTINED =
      (rs, row) ->
          new Quarantined(
              rs.getLong("id"),
              rs.getString("message_key"),
              rs.getString("source"),
              rs.getString("sender"),
              rs.getString("subject"),
              rs.getString("reason"),
              rs.getLong("raw_size"),
              rs.getBytes("raw"),
              rs.getBoolean("whole"),
              rs.getObject("received_at", OffsetDateTime.class));

  /**
   * Notes another try of a message held back by its ticket's hold; the first one inserts it and
   * returns the new row (a second node inserting it at the same moment fails on the unique index).
   */
  Optional<Held> hold(String messageKey, String ticketKey, byte[] raw) {
    var now = now();
    int updated =
        jdbc.sql("UPDATE inbound_mail_held SET last_held_at = ?, tries = tries + 1, ticket_key = ? WHERE message_key = ?")
            .params(now, ticketKey, messageKey)
            .update();
    if (updated > 0) {
      return Optional.empty();
    }
    var envelope = MailParser.envelope(raw);
    var sender = cut(envelope.from(), 320);
    var subject = cut(envelope.subject(), 400);
    var keys = new GeneratedKeyHolder();
    jdbc.sql(
            """
            INSERT INTO inbound_mail_held (message_key, ticket_key, sender, subject, first_held_at, last_held_at, tries)
            VALUES (?, ?, ?, ?, ?, ?, 1)
            """)
        .params(messageKey, ticketKey, sender, subject, now, now)
        .update(keys, "id");
    return Optional.of(new Held(keys.getKey().longValue(), messageKey, ticketKey, sender, subject, now, now, 1));
  }

  /** The note of a message held back by its ticket's hold, if there is one. */
  Optional<Long> heldId(String messageKey) {
    return jdbc.sql("SELECT id FROM inbound_mail_held WHERE message_key = ?").param(messageKey).query(Long.class).optional();
  }

  /** Forgets that a message waited for a ticket on hold. */
  void releaseHeld(String messageKey) {
    jdbc.sql("DELETE FROM inbound_mail_held WHERE message_key = ?").param(messageKey).update();
  }

  /** Forgets the notes written after their message was processed (by another node, at the same moment). */
  void forgetHeldProcessed() {
    jdbc.sql("DELETE FROM inbound_mail_held h WHERE EXISTS (SELECT 1 FROM inbound_mail m WHERE m.message_key = h.message_key)").update();
  }

  /**
   * The messages held back now, the longest-waiting first: not those processed meanwhile (a note
   * written by one node just after another processed the message).
   */
  List<Held> held() {
    return jdbc.sql(
            """
            SELECT * FROM inbound_mail_held h
            WHERE NOT EXISTS (SELECT 1 FROM inbound_mail m WHERE m.message_key = h.message_key)
            ORDER BY h.first_held_at, h.id
            """)
        .query(
            (rs, row) ->
                new Held(
                    rs.getLong("id"),
                    rs.getString("message_key"),
                    rs.getString("ticket_key"),
                    rs.getString("sender"),
                    rs.getString("subject"),
                    rs.getObject("first_held_at", OffsetDateTime.class),
                    rs.getObject("last_held_at", OffsetDateTime.class),
                    rs.getInt("tries")))
        .list();
  }

  void attach(long ticketId, long inboundMailId, String fileName, String contentType, long size, byte[] content, String rejection) {
    jdbc.sql(
            """
            INSERT INTO ticket_attachment (ticket_id, inbound_mail_id, file_name, content_type, size_bytes, content, rejection, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(ticketId, inboundMailId, fileName, contentType, size, content, cut(rejection, 500), now())
        .update();
  }

  List<StoredAttachment> attachments(long ticketId) {
    return jdbc.sql("SELECT id, ticket_id, file_name, content_type, size_bytes, rejection FROM ticket_attachment WHERE ticket_id = ? ORDER BY id")
        .param(ticketId)
        .query(
            (rs, i) ->
                new StoredAttachment(
                    rs.getLong("id"),
                    rs.getLong("ticket_id"),
                    rs.getString("file_name"),
                    rs.getString("content_type"),
                    rs.getLong("size_bytes"),
                    rs.getString("rejection") == null,
                    rs.getString("rejection")))
        .list();
  }

  boolean isParticipant(long ticketId, String address) {
    return jdbc.sql("SELECT COUNT(*) FROM ticket_participant WHERE ticket_id = ? AND address = ?")
            .params(ticketId, address)
            .query(Long.class)
            .single()
        > 0;
  }

  void addParticipant(long ticketId, String address, String addedBy) {
    if (address.length() <= 320 && !isParticipant(ticketId, address)) {
      jdbc.sql("INSERT INTO ticket_participant (ticket_id, address, added_by, added_at) VALUES (?, ?, ?, ?)")
          .params(ticketId, address, addedBy, now())
          .update();
    }
  }

  /** The ticket one of our own e-mails (or an inbound message we processed) with this Message-ID belongs to. */
  Optional<Long> ticketOfMessageId(String messageId) {
    var outbound =
        jdbc.sql("SELECT ticket_id FROM outbound_mail WHERE message_id = ? ORDER BY id DESC").param(messageId).query(Long.class).list();
    if (!outbound.isEmpty()) {
      return Optional.of(outbound.get(0));
    }
    return jdbc.sql("SELECT ticket_id FROM inbound_mail WHERE message_key = ? AND ticket_id IS NOT NULL")
        .param(messageId)
        .query(Long.class)
        .optional();
  }

  /** Whether we sent a message with this Message-ID: then it came back to us (a loop). */
  boolean isOurMessageId(String messageId) {
    return jdbc.sql("SELECT COUNT(*) FROM outbound_mail WHERE message_id = ?").param(messageId).query(Long.class).single() > 0;
  }
}
