package ai.archbuilder.support.faults;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A database of its own on the local PostgreSQL (127.0.0.1:5432, user postgres, trust auth) for
 * one fault test class: {@code faults_<name>_<pid>}, made anew and dropped at the end, like
 * {@code PostgresDatabase} does for the Spring tests. Also the test's own JDBC access to it.
 */
final class FaultDatabase implements AutoCloseable {

  private static final String HOST = "jdbc:postgresql://127.0.0.1:5432/";

  final String name;

  private FaultDatabase(String name) {
    this.name = name;
  }

  static FaultDatabase create(String purpose) {
    var db = new FaultDatabase(("faults_" + purpose + "_" + ProcessHandle.current().pid()).toLowerCase(Locale.ROOT));
    onServer("DROP DATABASE IF EXISTS " + db.name + " WITH (FORCE)");
    onServer("CREATE DATABASE " + db.name);
    return db;
  }

  String url() {
    return HOST + name;
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(url(), "postgres", "");
  }

  long count(String sql, Object... params) {
    return query(sql, rs -> rs.getLong(1), params).get(0);
  }

  <T> List<T> query(String sql, Row<T> row, Object... params) {
    try (var c = connect();
        var s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      try (var rs = s.executeQuery()) {
        var result = new ArrayList<T>();
        while (rs.next()) {
          result.add(row.map(rs));
        }
        return result;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  int update(String sql, Object... params) {
    try (var c = connect();
        var s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      return s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** Ends every session of the application on this database (a "blip"); returns how many. */
  int terminateApplicationConnections() {
    try (var c = DriverManager.getConnection(HOST + "postgres", "postgres", "");
        var s = c.prepareStatement(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
      s.setString(1, name);
      try (var rs = s.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    onServer("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  private static void onServer(String sql) {
    try (var c = DriverManager.getConnection(HOST + "postgres", "postgres", "");
        var s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("The local PostgreSQL (127.0.0.1:5432, user postgres) is needed: " + sql, e);
    }
  }

  @FunctionalInterface
  interface Row<T> {
    T map(ResultSet rs) throws SQLException;
  }
}
