package ai.archbuilder.support.ticket;

import ai.archbuilder.support.sla.Coverage;
import ai.archbuilder.support.system.Now;
import ai.archbuilder.support.system.TransactionCache;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The ticket table. All writes go through here; values are typed, columns are named once. */
@Repository
public class TicketStore {

  /** The columns that change during a ticket's life. */
  public enum Column {
    STATUS("status"),
    CATEGORY("category"),
    SUBCATEGORY("subcategory"),
    CATEGORY_INFERRED("category_inferred"),
    IMPACT("impact"),
    IMPACT_INFERRED("impact_inferred"),
    URGENCY("urgency"),
    SECURITY("security"),
    PRIORITY("priority"),
    ISSUE_TYPE("issue_type"),
    COVERAGE("coverage"),
    TIER("tier"),
    MAX_TIER("max_tier"),
    TIER_ENTERED_AT("tier_entered_at"),
    FIRST_RESPONSE_DUE_AT("first_response_due_at"),
    RESOLUTION_DUE_AT("resolution_due_at"),
    TIER_RESPONSE_DUE_AT("tier_response_due_at"),
    ESCALATION_DUE_AT("escalation_due_at"),
    RESPONSE_WARNING_AT("response_warning_at"),
    RESOLUTION_WARNING_AT("resolution_warning_at"),
    RESPONSE_WARNED("response_warned"),
    RESOLUTION_WARNED("resolution_warned"),
    RESPONSE_BREACHED("response_breached"),
    FIRST_RESPONDED_AT("first_responded_at"),
    TIER_RESPONDED_AT("tier_responded_at"),
    LAST_STATUS_UPDATE_AT("last_status_update_at"),
    PAUSED_AT("paused_at"),
    PAUSED_SECONDS("paused_seconds"),
    RESOLVED_AT("resolved_at"),
    CLOSED_AT("closed_at"),
    FAILED_ATTEMPTS("failed_attempts"),
    FAILED_ATTEMPTS_IN_TIER("failed_attempts_in_tier"),
    DOCUMENT_IN_KB("document_in_kb"),
    KB_ARTICLE("kb_article"),
    LINKED_TICKET_ID("linked_ticket_id");

    private final String sql;

    Column(String sql) {
      this.sql = sql;
    }
  }

  /** A set of column changes to one ticket, written in one UPDATE. */
  public final class Changes {
    private final long id;
    private final Map<Column, Object> values = new EnumMap<>(Column.class);

    private Changes(long id) {
      this.id = id;
    }

    public Changes set(Column column, Object value) {
      values.put(column, value);
      return this;
    }

    public void apply() {
      if (values.isEmpty()) {
        return;
      }
      var sql = new StringBuilder("UPDATE ticket SET ");
      var params = new ArrayList<>();
      values.forEach(
          (column, value) -> {
            sql.append(column.sql).append(" = ?, ");
            params.add(toSql(value));
          });
      sql.append("updated_at = ? WHERE id = ?");
      params.add(toSql(Now.instant()));
      params.add(id);
      jdbc.sql(sql.toString()).params(params).update();
      rows.evict(id);
    }
  }

  /** What a new ticket starts with. */
  public record NewTicket(
      long customerId,
      String subject,
      String description,
      Channel channel,
      Category category,
      Subcategory subcategory,
      Impact impact,
      Urgency urgency,
      boolean security,
      Long linkedTicketId,
      String createdBy) {}

  /** Filters of the ticket list; null means any. */
  public record Filter(
      TicketStatus status, Priority priority, Integer tier, Long customerId, Integer maxTierVisible) {}

  private final JdbcClient jdbc;
  private final TransactionCache<Long, Ticket> rows = new TransactionCache<>("ticket");

  TicketStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Ticket insert(NewTicket t) {
    var keys = new GeneratedKeyHolder();
    var now = toSql(Now.instant());
    jdbc.sql(
            """
            INSERT INTO ticket (customer_id, subject, description, channel, status, category, subcategory,
                                impact, urgency, security, linked_ticket_id, created_by, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            t.customerId(),
            t.subject(),
            t.description(),
            t.channel().name(),
            TicketStatus.NEW.name(),
            toSql(t.category()),
            toSql(t.subcategory()),
            toSql(t.impact()),
            toSql(t.urgency()),
            t.security(),
            t.linkedTicketId(),
            t.createdBy(),
            now,
            now)
        .update(keys, "id");
    return find(keys.getKey().longValue()).orElseThrow();
  }

  /** The ticket; read once per transaction (every write here evicts it, see {@link TransactionCache}). */
  public Optional<Ticket> find(long id) {
    return rows.get(id, () -> jdbc.sql("SELECT * FROM ticket WHERE id = ?").param(id).query(TicketStore::map).optional());
  }

  public Optional<Ticket> findByKey(String key) {
    return TicketKey.parse(key).flatMap(this::find);
  }

  /** Loads a ticket the process refers to: its absence is a bug, not a user error. */
  public Ticket get(String key) {
    return findByKey(key).orElseThrow(() -> new IllegalStateException("No ticket " + key));
  }

  public Changes change(long id) {
    return new Changes(id);
  }

  /**
   * Sets a moment that happens once (the first response, the tier's first response) unless it is on
   * record already, in one conditional UPDATE: of two agents answering at once, whose requests both
   * read the ticket before either wrote, only the first counts. True when this call set it.
   */
  public boolean setOnce(long id, Column column, Instant at) {
    var updated =
        jdbc.sql("UPDATE ticket SET " + column.sql + " = ?, updated_at = ? WHERE id = ? AND " + column.sql + " IS NULL")
            .params(toSql(at), toSql(Now.instant()), id)
            .update();
    rows.evict(id);
    return updated == 1;
  }

  public List<Ticket> list(Filter f, int page, int size) {
    var params = new ArrayList<>();
    var where = where(f, params);
    params.add(size);
    params.add((long) page * size);
    return jdbc.sql("SELECT * FROM ticket" + where + " ORDER BY id DESC LIMIT ? OFFSET ?")
        .params(params)
        .query(TicketStore::map)
        .list();
  }

  public long count(Filter f) {
    var params = new ArrayList<>();
    var where = where(f, params);
    return jdbc.sql("SELECT COUNT(*) FROM ticket" + where).params(params).query(Long.class).single();
  }

  private static String where(Filter f, List<Object> params) {
    var where = new StringBuilder(" WHERE 1 = 1");
    condition(where, params, "status = ?", toSql(f.status()));
    condition(where, params, "priority = ?", toSql(f.priority()));
    condition(where, params, "tier = ?", f.tier());
    condition(where, params, "customer_id = ?", f.customerId());
    condition(where, params, "tier <= ?", f.maxTierVisible());
    return where.toString();
  }

  private static void condition(StringBuilder where, List<Object> params, String sql, Object value) {
    if (value != null) {
      where.append(" AND ").append(sql);
      params.add(value);
    }
  }

  static Object toSql(Object value) {
    if (value instanceof Enum<?> e) {
      return e.name();
    }
    if (value instanceof Instant i) {
      return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }
    return value;
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    var t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  private static <E> E value(ResultSet rs, String column, Function<String, E> parse) throws SQLException {
    var s = rs.getString(column);
    return s == null ? null : parse.apply(s);
  }

  private static Integer integer(ResultSet rs, String column) throws SQLException {
    var v = rs.getInt(column);
    return rs.wasNull() ? null : v;
  }

  private static Ticket map(ResultSet rs, int row) throws SQLException {
    return new Ticket(
        rs.getLong("id"),
        rs.getLong("customer_id"),
        rs.getString("subject"),
        rs.getString("description"),
        Channel.valueOf(rs.getString("channel")),
        TicketStatus.valueOf(rs.getString("status")),
        value(rs, "category", Category::valueOf),
        value(rs, "subcategory", Subcategory::valueOf),
        rs.getBoolean("category_inferred"),
        value(rs, "impact", Impact::valueOf),
        rs.getBoolean("impact_inferred"),
        value(rs, "urgency", Urgency::valueOf),
        rs.getBoolean("security"),
        value(rs, "priority", Priority::valueOf),
        value(rs, "issue_type", IssueType::valueOf),
        value(rs, "coverage", Coverage::valueOf),
        integer(rs, "tier"),
        integer(rs, "max_tier"),
        instant(rs, "tier_entered_at"),
        instant(rs, "first_response_due_at"),
        instant(rs, "resolution_due_at"),
        instant(rs, "tier_response_due_at"),
        instant(rs, "escalation_due_at"),
        instant(rs, "response_warning_at"),
        instant(rs, "resolution_warning_at"),
        rs.getBoolean("response_warned"),
        rs.getBoolean("resolution_warned"),
        rs.getBoolean("response_breached"),
        instant(rs, "first_responded_at"),
        instant(rs, "tier_responded_at"),
        instant(rs, "last_status_update_at"),
        instant(rs, "paused_at"),
        rs.getLong("paused_seconds"),
        instant(rs, "resolved_at"),
        instant(rs, "closed_at"),
        rs.getInt("failed_attempts"),
        rs.getInt("failed_attempts_in_tier"),
        rs.getBoolean("document_in_kb"),
        rs.getString("kb_article"),
        rs.getObject("linked_ticket_id", Long.class),
        rs.getString("created_by"),
        instant(rs, "created_at"),
        instant(rs, "updated_at"));
  }
}
