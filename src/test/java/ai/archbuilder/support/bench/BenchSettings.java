package ai.archbuilder.support.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every size and knob of the benchmark, read from system properties ({@code -Dbench.x=...}). The
 * defaults are the sizes of issue 5; smaller values are for trying the harness out, and the report
 * says so when they are used.
 */
record BenchSettings(
    Path jar,
    Path output,
    Path workDir,
    Path applicationYml,
    String pgHost,
    int pgPort,
    String pgUser,
    String pgPassword,
    String database,
    String heap,
    String extraJvmArgs,
    String extraAppArgs,
    int warmup,
    int intakeCount,
    int[] clients,
    boolean idempotencyKeys,
    int timerTickets,
    int timerCreateClients,
    int timerTimeoutSeconds,
    int agentCount,
    int readTickets,
    int readCount,
    int listCount,
    int startupTimeoutSeconds,
    String note) {

  /** The sizes: what a published BENCHMARKS.md must be measured with. */
  static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

  static {
    DEFAULTS.put("bench.warmup", "500");
    DEFAULTS.put("bench.intake.count", "2000");
    DEFAULTS.put("bench.clients", "1,8");
    DEFAULTS.put("bench.timers.tickets", "10000");
    DEFAULTS.put("bench.agent.count", "2000");
    DEFAULTS.put("bench.reads.tickets", "100000");
    DEFAULTS.put("bench.reads.count", "2000");
    DEFAULTS.put("bench.reads.listCount", "1000");
  }

  static BenchSettings fromSystemProperties() {
    var base = Path.of(System.getProperty("bench.basedir", ".")).toAbsolutePath().normalize();
    return new BenchSettings(
        Path.of(prop("bench.jar", base.resolve("target/support-desk-0.1.0-SNAPSHOT.jar").toString())),
        Path.of(prop("bench.output", base.resolve("BENCHMARKS.md").toString())),
        Path.of(prop("bench.workdir", base.resolve("target/bench").toString())),
        base.resolve("src/main/resources/application.yml"),
        prop("bench.pg.host", "127.0.0.1"),
        Integer.parseInt(prop("bench.pg.port", "5432")),
        prop("bench.pg.user", "postgres"),
        prop("bench.pg.password", ""),
        prop("bench.db", "support_bench"),
        prop("bench.heap", "512m"),
        prop("bench.jvmArgs", ""),
        prop("bench.appArgs", ""),
        integer("bench.warmup"),
        integer("bench.intake.count"),
        java.util.Arrays.stream(prop("bench.clients", DEFAULTS.get("bench.clients")).split(","))
            .map(String::trim)
            .mapToInt(Integer::parseInt)
            .toArray(),
        Boolean.parseBoolean(prop("bench.idempotencyKeys", "true")),
        integer("bench.timers.tickets"),
        Integer.parseInt(prop("bench.timers.createClients", "8")),
        Integer.parseInt(prop("bench.timers.timeoutSeconds", "1800")),
        integer("bench.agent.count"),
        integer("bench.reads.tickets"),
        integer("bench.reads.count"),
        integer("bench.reads.listCount"),
        Integer.parseInt(prop("bench.startup.timeoutSeconds", "600")),
        prop("bench.note", ""));
  }

  /** The sizes that differ from the issue's, as "name=value (issue: default)". */
  Map<String, String> reducedSizes() {
    var reduced = new LinkedHashMap<String, String>();
    for (var e : DEFAULTS.entrySet()) {
      var value = prop(e.getKey(), e.getValue());
      if (!value.replace(" ", "").equals(e.getValue())) {
        reduced.put(e.getKey(), value + " (issue size: " + e.getValue() + ")");
      }
    }
    return reduced;
  }

  String jdbcUrl(String db) {
    return "jdbc:postgresql://%s:%d/%s".formatted(pgHost, pgPort, db);
  }

  private static String prop(String name, String fallback) {
    var v = System.getProperty(name);
    return v == null || v.isBlank() ? fallback : v.trim();
  }

  private static int integer(String name) {
    return Integer.parseInt(prop(name, DEFAULTS.get(name)));
  }
}
