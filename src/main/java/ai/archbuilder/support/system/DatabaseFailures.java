package ai.archbuilder.support.system;

import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells "the database is away" (a lost or refused connection, a server shutting down) from other
 * failures, wherever the cause sits: Spring translates JDBC errors for our own SQL, but the engine
 * wraps them (ProcessEnginePersistenceException → MyBatis PersistenceException → PSQLException),
 * and a failed rollback on a dead connection hides the cause in a TransactionSystemException.
 */
public final class DatabaseFailures {

  private DatabaseFailures() {}

  /** The engine's optimistic locking rolled the work back: another transaction changed the same rows. */
  public static boolean isConcurrentChange(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof OptimisticLockingException) {
        return true;
      }
    }
    return false;
  }

  public static boolean isDatabaseAway(Throwable error) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    var todo = new ArrayDeque<Throwable>();
    if (error != null) {
      todo.add(error);
    }
    while (!todo.isEmpty()) {
      var t = todo.poll();
      if (!seen.add(t)) {
        continue;
      }
      if (t instanceof CannotGetJdbcConnectionException
          || t instanceof CannotCreateTransactionException
          || t instanceof DataAccessResourceFailureException
          || t instanceof QueryTimeoutException
          || t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException
          || t instanceof SQLRecoverableException
          // the socket to the database broke (Hikari's "Connection is closed" carries it as the cause)
          || (t instanceof SocketException && seen.stream().anyMatch(SQLException.class::isInstance))) {
        return true;
      }
      if (t instanceof SQLException sql && connectionState(sql.getSQLState())) {
        return true;
      }
      // a JDBC commit or rollback fails only on a broken connection (Hikari: "Connection is closed")
      if (t instanceof TransactionSystemException && t.getCause() instanceof SQLException) {
        return true;
      }
      if (t.getCause() != null) {
        todo.add(t.getCause());
      }
      // a rollback that failed on the dead connection hides the error that made it roll back
      if (t instanceof TransactionSystemException tx && tx.getApplicationException() != null) {
        todo.add(tx.getApplicationException());
      }
      Collections.addAll(todo, t.getSuppressed());
    }
    return false;
  }

  /**
   * SQLSTATE class 08 (connection exception, also Hikari's "Connection is closed"), 53 (insufficient
   * resources, e.g. too many connections), 57P01–57P03 (administrator or crash shutdown, the server
   * cannot take connections yet).
   */
  private static boolean connectionState(String state) {
    return state != null
        && (state.startsWith("08") || state.startsWith("53") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03"));
  }
}
