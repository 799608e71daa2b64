package ai.archbuilder.support.ticket;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How many rows our tables and the engine's runtime and history hold: taken before and after a
 * request, it shows whether the request stored anything.
 */
public final class StoredRows {

  private static final List<String> TABLES =
      List.of(
          "customer",
          "ticket",
          "ticket_message",
          "ticket_history",
          "escalation",
          "idempotency_key",
          "classification_correction",
          "feedback",
          "outbound_mail",
          "ACT_RU_EXECUTION",
          "ACT_RU_TASK",
          "ACT_RU_JOB",
          "ACT_RU_VARIABLE",
          "ACT_HI_PROCINST",
          "ACT_RE_DEPLOYMENT");

  private StoredRows() {}

  public static Map<String, Long> count(JdbcClient jdbc) {
    var counts = new LinkedHashMap<String, Long>();
    for (var table : TABLES) {
      counts.put(table, jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single());
    }
    return counts;
  }
}
