package ai.archbuilder.support.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Direct JDBC to the bench database: set-up, the bulk rows, the timer trick and the counts. */
final class BenchDb {

  static final String TIME_IN_TIER_JOBS =
      """
      FROM ACT_RU_JOB j JOIN ACT_RU_JOBDEF d ON j.JOB_DEF_ID_ = d.ID_
      WHERE d.ACT_ID_ = 'Timer_TimeInTierElapsed' AND d.PROC_DEF_KEY_ = 'TicketLifecycleProcess'
      """;

  /** The SQL of the timer phase, shown as is in BENCHMARKS.md. */
  /** The server's settings that decide what a write costs (buffers, checkpoints, WAL), as text. */
  static final String SERVER_SETTINGS =
      "SELECT string_agg(name || ' ' || current_setting(name), ', ' ORDER BY name) FROM pg_settings"
          + " WHERE name IN ('shared_buffers', 'max_wal_size', 'checkpoint_timeout', 'wal_compression',"
          + " 'synchronous_commit', 'autovacuum')";

  static final String MAKE_DUE_NOW =
      "UPDATE ACT_RU_JOB SET DUEDATE_ = now() WHERE ID_ IN (SELECT j.ID_ " + TIME_IN_TIER_JOBS.strip().replace('\n', ' ') + " ORDER BY j.ID_ LIMIT ?)";

  private final BenchSettings s;

  BenchDb(BenchSettings s) {
    this.s = s;
  }

  /** Drops and creates the bench database: every run starts empty. */
  void recreate() throws SQLException {
    if (!s.database().matches("[a-z_][a-z0-9_]*")) {
      throw new IllegalArgumentException("bench.db must be a plain lower-case name: " + s.database());
    }
    try (var c = DriverManager.getConnection(s.jdbcUrl("postgres"), s.pgUser(), s.pgPassword());
        var st = c.createStatement()) {
      st.execute("DROP DATABASE IF EXISTS " + s.database() + " WITH (FORCE)");
      st.execute("CREATE DATABASE " + s.database());
    }
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(s.jdbcUrl(s.database()) + "?reWriteBatchedInserts=true", s.pgUser(), s.pgPassword());
  }

  long count(String sql) throws SQLException {
    try (var c = connect();
        var st = c.createStatement();
        var rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  String text(String sql) throws SQLException {
    try (var c = connect();
        var st = c.createStatement();
        var rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  long waitingTimeInTierTimers() throws SQLException {
    return count("SELECT count(*) " + TIME_IN_TIER_JOBS);
  }

  /**
   * Fresh planner statistics for the whole database, as autovacuum keeps them in production. The
   * local test server runs with {@code autovacuum = off}: without this, the planner keeps the
   * estimates of the empty tables, and the engine's most frequent query (an execution's variables)
   * took 30–60 ms instead of 0.1 ms once ACT_RU_VARIABLE held 400,000 rows.
   */
  void analyze() throws SQLException {
    try (var c = connect();
        var st = c.createStatement()) {
      st.execute("ANALYZE");
    }
  }

  int update(String sql) throws SQLException {
    try (var c = connect();
        var st = c.createStatement()) {
      return st.executeUpdate(sql);
    }
  }

  /**
   * Rows inserted, updated and deleted in this database so far ({@code pg_stat_user_tables}). The
   * server publishes a backend's counts within a second of its transaction ending: wait that long
   * after the work before reading.
   */
  long rowsWritten() throws SQLException {
    return count("SELECT coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0) FROM pg_stat_user_tables");
  }

  /** {@link #rowsWritten()} per table, for where an escalation's writes go. */
  java.util.Map<String, Long> rowsWrittenByTable() throws SQLException {
    var rows = new java.util.TreeMap<String, Long>();
    try (var c = connect();
        var st = c.createStatement();
        var rs = st.executeQuery("SELECT lower(relname), n_tup_ins + n_tup_upd + n_tup_del FROM pg_stat_user_tables")) {
      while (rs.next()) {
        rows.put(rs.getString(1), rs.getLong(2));
      }
    }
    return rows;
  }

  /**
   * Whether the server collects statement statistics ({@code pg_stat_statements} in
   * {@code shared_preload_libraries}); then the extension is created in the bench database. Off on
   * a default server: the harness then simply leaves the statement table out.
   */
  boolean statementStatistics() {
    try (var c = connect();
        var st = c.createStatement()) {
      st.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
      st.executeQuery("SELECT 1 FROM pg_stat_statements LIMIT 1").close();
      return true;
    } catch (SQLException notLoaded) {
      return false;
    }
  }

  void resetStatementStatistics() throws SQLException {
    try (var c = connect();
        var st = c.createStatement()) {
      st.execute("SELECT pg_stat_statements_reset()");
    }
  }

  /** One statement's share of the server's time since the last reset. */
  record StatementTime(String query, long calls, double totalMillis, long rows) {}

  /** This database's statements since the last reset, the most server time first. */
  java.util.List<StatementTime> statementTimes(int limit) throws SQLException {
    var rows = new java.util.ArrayList<StatementTime>();
    try (var c = connect();
        var st = c.prepareStatement(
            "SELECT query, calls, total_exec_time, rows FROM pg_stat_statements"
                + " WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())"
                + " AND query NOT LIKE '%pg_stat_statements%' ORDER BY total_exec_time DESC LIMIT ?")) {
      st.setInt(1, limit);
      try (var rs = st.executeQuery()) {
        while (rs.next()) {
          rows.add(new StatementTime(rs.getString(1), rs.getLong(2), rs.getDouble(3), rs.getLong(4)));
        }
      }
    }
    return rows;
  }

  /** This database's total statement time since the last reset, in milliseconds. */
  double statementTimeTotal() throws SQLException {
    try (var c = connect();
        var st = c.createStatement();
        var rs = st.executeQuery(
            "SELECT coalesce(sum(total_exec_time), 0) FROM pg_stat_statements"
                + " WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())")) {
      rs.next();
      return rs.getDouble(1);
    }
  }

  long escalations() throws SQLException {
    return count("SELECT count(*) FROM escalation");
  }

  long lastEscalationId() throws SQLException {
    return count("SELECT coalesce(max(id), 0) FROM escalation");
  }

  /**
   * Escalations recorded after {@code id}: a range of the primary key, cheap enough to poll while
   * the timers drain (a {@code count(*)} of the whole table, polled every 100 ms, took 5–10 % of
   * the server's time away from the work it measured).
   */
  long escalationsAfter(long id) throws SQLException {
    return count("SELECT count(*) FROM escalation WHERE id > " + id);
  }

  /** When the first and the last escalation after {@code id} were recorded (their {@code at}). */
  Instant[] escalationSpan(long id) throws SQLException {
    return span("SELECT min(at), max(at) FROM escalation WHERE id > ?", id);
  }

  /** When the first and the last instance of {@code processKey} ended. */
  Instant[] endTimes(String processKey) throws SQLException {
    return span("SELECT min(END_TIME_), max(END_TIME_) FROM ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = ? AND END_TIME_ IS NOT NULL", processKey);
  }

  /** The two timestamps a {@code SELECT min(..), max(..)} with one parameter answers. */
  private Instant[] span(String sql, Object parameter) throws SQLException {
    try (var c = connect();
        var ps = c.prepareStatement(sql)) {
      ps.setObject(1, parameter);
      try (var rs = ps.executeQuery()) {
        rs.next();
        return new Instant[] {rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()};
      }
    }
  }

  /**
   * Whether any job is due and runnable: what the job executor still has to do. It stops at the
   * first such job on the due-date index, so polling it costs the server next to nothing.
   */
  boolean anyJobDue() throws SQLException {
    return anyJobDueWhere("");
  }

  /** {@link #anyJobDue()} for the jobs of one process only. */
  boolean anyJobDue(String processKey) throws SQLException {
    return anyJobDueWhere(" AND PROCESS_DEF_KEY_ = '" + processKey + "'");
  }

  private boolean anyJobDueWhere(String condition) throws SQLException {
    return count("SELECT count(*) FROM (SELECT 1 FROM ACT_RU_JOB WHERE DUEDATE_ <= now() AND RETRIES_ > 0 AND SUSPENSION_STATE_ = 1"
        + condition + " LIMIT 1) due") > 0;
  }

  long successfulJobs() throws SQLException {
    return count("SELECT count(*) FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 2");
  }

  /** Makes the time-in-tier timers of {@code n} tickets due now; returns how many it moved. */
  int makeTimeInTierTimersDue(int n) throws SQLException {
    try (var c = connect();
        var ps = c.prepareStatement(MAKE_DUE_NOW)) {
      ps.setInt(1, n);
      return ps.executeUpdate();
    }
  }

  String[] triageTaskIds(int n) throws SQLException {
    try (var c = connect();
        var ps = c.prepareStatement("SELECT ID_ FROM ACT_RU_TASK WHERE TASK_DEF_KEY_ = 'Task_TriageTicket' ORDER BY ID_ LIMIT ?")) {
      ps.setInt(1, n);
      var ids = new java.util.ArrayList<String>();
      try (var rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
      return ids.toArray(String[]::new);
    }
  }

  /**
   * Fills the ticket table up to {@code total} rows with plain INSERTs (no process instances):
   * the stored tickets the reads run against. Statuses, priorities and tiers are spread as on a
   * working desk; 1,000 extra customers own them.
   */
  long bulkTickets(long total) throws SQLException {
    long existing = count("SELECT count(*) FROM ticket");
    long missing = total - existing;
    if (missing <= 0) {
      return 0;
    }
    String[] statuses = {"TRIAGE", "IN_PROGRESS", "IN_PROGRESS", "WAITING_FOR_CUSTOMER", "RESOLVED", "CLOSED", "CLOSED", "CLOSED"};
    String[] priorities = {"P1", "P2", "P3", "P3", "P4"};
    String[] categories = {"TECHNICAL", "BILLING", "FEATURE_REQUEST", "TRAINING"};
    String[] plans = {"BASIC", "PROFESSIONAL", "ENTERPRISE"};
    var now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    try (var c = connect()) {
      c.setAutoCommit(false);
      int customers = 1000;
      try (var ps = c.prepareStatement("INSERT INTO customer (email, name, plan, vip, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
        for (int i = 0; i < customers; i++) {
          ps.setString(1, "bench-customer-" + i + "@example.com");
          ps.setString(2, "Bench Customer " + i);
          ps.setString(3, plans[i % plans.length]);
          ps.setBoolean(4, i % 50 == 0);
          ps.setTimestamp(5, Timestamp.from(now));
          ps.addBatch();
        }
        ps.executeBatch();
      }
      long firstCustomer = 0;
      try (var st = c.createStatement();
          var rs = st.executeQuery("SELECT min(id) FROM customer WHERE email LIKE 'bench-customer-%'")) {
        rs.next();
        firstCustomer = rs.getLong(1);
      }
      try (var ps =
          c.prepareStatement(
              """
              INSERT INTO ticket (customer_id, subject, description, channel, status, category, category_inferred,
                                  impact, urgency, security, priority, issue_type, coverage, tier, max_tier,
                                  tier_entered_at, first_response_due_at, resolution_due_at, created_by, created_at, updated_at)
              VALUES (?, ?, ?, 'PORTAL', ?, ?, TRUE, 'MINOR', 'MEDIUM', FALSE, ?, 'TECHNICAL', 'STANDARD', ?, 4, ?, ?, ?, 'bench', ?, ?)
              """)) {
        for (long i = 0; i < missing; i++) {
          var created = Timestamp.from(now.minusSeconds(60 * (missing - i)));
          ps.setLong(1, firstCustomer + (i % customers));
          ps.setString(2, "Bench ticket " + i + ": the export shows a wrong total");
          ps.setString(3, "Stored by the benchmark to give the reads a realistic table. The monthly total is off.");
          ps.setString(4, statuses[(int) (i % statuses.length)]);
          ps.setString(5, categories[(int) (i % categories.length)]);
          ps.setString(6, priorities[(int) (i % priorities.length)]);
          ps.setInt(7, 1 + (int) (i % 3));
          ps.setTimestamp(8, created);
          ps.setTimestamp(9, Timestamp.from(created.toInstant().plusSeconds(86_400)));
          ps.setTimestamp(10, Timestamp.from(created.toInstant().plusSeconds(3 * 86_400)));
          ps.setTimestamp(11, created);
          ps.setTimestamp(12, created);
          ps.addBatch();
          if (i % 5000 == 4999) {
            ps.executeBatch();
          }
        }
        ps.executeBatch();
      }
      c.commit();
      c.setAutoCommit(true);
      try (var st = c.createStatement()) {
        st.execute("ANALYZE customer");
        st.execute("ANALYZE ticket");
      }
    }
    return missing;
  }
}
