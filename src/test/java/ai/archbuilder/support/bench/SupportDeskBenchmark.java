package ai.archbuilder.support.bench;

import ai.archbuilder.support.bench.Load.Result;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The benchmark of issue 5: starts the packaged application on a fresh PostgreSQL database, runs
 * the five phases over HTTP and writes BENCHMARKS.md. Not a test: it asserts nothing about speed,
 * it only fails when a request fails. Run it with {@code ./mvnw -Pbench verify} (see BENCHMARKS.md
 * for the sizes); the normal build never runs it (tag {@code bench}, and its name is not a test
 * name).
 */
@Tag("bench")
class SupportDeskBenchmark {

  static final String TICKET_JSON =
      """
      {"customerEmail":"alice@example.com","subject":"Export shows a wrong total",\
      "description":"The monthly total is off, a workaround exists","channel":"PORTAL"}""";

  /** The same ticket's decision inputs as intake computes them (subject + description, lower case). */
  static final String TICKET_TEXT = "export shows a wrong total\\nthe monthly total is off, a workaround exists";

  static final String TRIAGE_JSON =
      """
      {"variables":{"category":{"value":"TECHNICAL"},"subcategory":{"value":"DATA"},"impact":{"value":"MINOR"},\
      "urgency":{"value":"MEDIUM"},"security":{"value":false},"outcome":{"value":"CONTINUE"}}}""";

  /** The raw-engine reference of phase 2: start → timer → end. */
  static final String BENCH_TIMER = "BenchTimerProcess";

  static final String[] BENCH_MODELS = {"BenchOneUserTaskProcess.bpmn", "BenchMailProcess.bpmn", "BenchIntakeProcess.bpmn", BENCH_TIMER + ".bpmn"};

  private static final DateTimeFormatter REST_DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

  final BenchReport report = new BenchReport();

  @Test
  void measureAndWriteBenchmarksMd() throws Exception {
    var s = BenchSettings.fromSystemProperties();
    report.settings = s;
    // earlier work on the machine (a build, the tests) settles first: up to three minutes
    for (int i = 0; i < 36 && BenchReport.busy(BenchReport.loadAverage(), Runtime.getRuntime().availableProcessors()); i++) {
      if (i == 0) {
        say("waiting for the load average to settle: " + BenchReport.loadAverage());
      }
      Thread.sleep(5000);
    }
    report.loadAtStart = BenchReport.loadAverage();
    report.startedAt = Instant.now();
    var db = new BenchDb(s);
    say("fresh database " + s.database());
    db.recreate();
    try (var app = BenchApp.start(s, "app-run.log")) {
      report.startupFreshMillis = app.startupMillis;
      say("application up in " + app.startupMillis + " ms (pid " + app.pid() + ", port " + app.port + ")");
      report.postgres = db.text("SHOW server_version");
      report.postgresSettings = db.text(BenchDb.SERVER_SETTINGS);
      var load = new Load(app.baseUrl(), "admin", "demo");
      deployBenchModels(load);
      intake(s, db, load);
      timers(s, db, load, app.pid());
      rawTimers(s, db, load, app.pid());
      agentWork(s, db, load);
      reads(s, db, load);
      var rss = app.residentMiB();
      report.rssMiB = rss[0];
      report.peakRssMiB = rss[1];
      report.ticketsStored = db.count("SELECT count(*) FROM ticket");
      report.processInstances = db.count("SELECT count(*) FROM ACT_RU_EXECUTION WHERE PARENT_ID_ IS NULL");
      report.waitingJobs = db.count("SELECT count(*) FROM ACT_RU_JOB");
      report.databaseSize = db.text("SELECT pg_size_pretty(pg_database_size(current_database()))");
      say("resident memory " + rss[0] + " MiB (peak " + rss[1] + " MiB)");
    }
    try (var again = BenchApp.start(s, "app-restart.log")) {
      report.startupRestartMillis = again.startupMillis;
      say("restart with the data in place: up in " + again.startupMillis + " ms");
    }
    BenchApp.prepareClassDataSharing(s);
    try (var image = BenchApp.start(s, "app-restart-cds.log", true)) {
      report.startupClassDataSharingMillis = image.startupMillis;
      say("restart as the Docker image starts (extracted jar, class-data archive): up in " + image.startupMillis + " ms");
    }
    report.loadAtEnd = BenchReport.loadAverage();
    report.finishedAt = Instant.now();
    report.write(s.output());
    say("wrote " + s.output());
  }

  // ------------------------------------------------------------------ phases

  private void intake(BenchSettings s, BenchDb db, Load load) throws Exception {
    String run = Long.toString(System.currentTimeMillis(), 36);
    say("1. intake: warm-up, " + s.warmup() + " of each kind");
    if (s.warmup() > 0) {
      load.run("warm-up intake", 8, s.warmup(), i -> intakeRequest(load, s, "w" + run + "-" + i));
      load.run("warm-up (a)", 8, s.warmup(), i -> oneUserTaskRequest(load, "WA-" + i));
      load.run("warm-up (b)", 8, s.warmup(), i -> benchIntakeRequest(load, "WB-" + i));
    }
    db.analyze();
    for (int clients : s.clients()) {
      var intake = load.run("Intake: POST /api/tickets", clients, s.intakeCount(), i -> intakeRequest(load, s, "m" + run + "-" + clients + "-" + i));
      var a = load.run("(a) one-user-task start", clients, s.intakeCount(), i -> oneUserTaskRequest(load, "A" + clients + "-" + i));
      var b = load.run("(b) intake's engine work start", clients, s.intakeCount(), i -> benchIntakeRequest(load, "B" + clients + "-" + i));
      report.intake.add(new Result[] {intake, a, b});
      say("   %d clients: intake %.1f/s, (a) %.1f/s, (b) %.1f/s".formatted(clients, intake.perSecond(), a.perSecond(), b.perSecond()));
    }
  }

  private void timers(BenchSettings s, BenchDb db, Load load, long pid) throws Exception {
    long have = db.waitingTimeInTierTimers();
    int missing = (int) Math.max(0, s.timerTickets() - have);
    say("2. timers: " + have + " tickets wait on their time-in-tier timer; creating " + missing + " more");
    if (missing > 0) {
      String run = Long.toString(System.currentTimeMillis(), 36);
      report.timerCreation =
          load.run("Tickets created for the timer phase", s.timerCreateClients(), missing, i -> intakeRequest(load, s, "t" + run + "-" + i));
    }
    settle(s, db);
    report.waitingTimersBefore = db.count("SELECT count(*) FROM ACT_RU_JOB WHERE DUEDATE_ > now()");
    long lastEscalationBefore = db.lastEscalationId();
    long jobsBefore = db.successfulJobs();
    Thread.sleep(1500); // the counts of the last transactions are published
    long rowsBefore = db.rowsWritten();
    var tablesBefore = db.rowsWrittenByTable();
    boolean statements = db.statementStatistics();
    if (statements) {
      db.resetStatementStatistics();
    }
    var cpuBefore = BenchCpu.read(pid);
    int moved = db.makeTimeInTierTimersDue(s.timerTickets());
    var dueAt = Instant.now();
    long t0 = System.nanoTime();
    say("   " + moved + " timers due now, over " + report.waitingTimersBefore + " waiting jobs");
    long deadline = System.currentTimeMillis() + s.timerTimeoutSeconds() * 1000L;
    Double pickedUp = null;
    Double escalated = null;
    Double drained = null;
    // polled twice a second with cheap queries; the escalations' own timestamps give their times
    while (escalated == null || drained == null) {
      Thread.sleep(500);
      if (escalated == null && db.escalationsAfter(lastEscalationBefore) >= moved) {
        var span = db.escalationSpan(lastEscalationBefore);
        pickedUp = secondsAfter(dueAt, span[0]);
        escalated = secondsAfter(dueAt, span[1]);
      }
      if (escalated != null && drained == null && !db.anyJobDue()) {
        drained = (System.nanoTime() - t0) / 1e9;
        report.cpuMsPerEscalation = BenchCpu.read(pid).msPer(cpuBefore, moved);
        if (statements) {
          report.statementMillisPerEscalation = db.statementTimeTotal() / moved;
          report.statementsPerEscalation.addAll(db.statementTimes(25));
        }
      }
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException(
            "Timer phase not done in %d s: %d of %d escalations"
                .formatted(s.timerTimeoutSeconds(), db.escalationsAfter(lastEscalationBefore), moved));
      }
    }
    report.timersDue = moved;
    report.timerPickUpSeconds = pickedUp;
    report.escalationSeconds = escalated;
    report.drainSeconds = drained;
    report.jobsExecuted = db.successfulJobs() - jobsBefore;
    report.failedJobs = db.count("SELECT count(*) FROM ACT_RU_JOB WHERE EXCEPTION_MSG_ IS NOT NULL");
    Thread.sleep(1500);
    report.rowsPerEscalation = (db.rowsWritten() - rowsBefore) / (double) moved;
    db.rowsWrittenByTable().entrySet().stream()
        .map(e -> java.util.Map.entry(e.getKey(), (e.getValue() - tablesBefore.getOrDefault(e.getKey(), 0L)) / (double) moved))
        .filter(e -> e.getValue() >= 0.05)
        .sorted(java.util.Map.Entry.<String, Double>comparingByValue().reversed())
        .forEachOrdered(e -> report.rowsPerEscalationByTable.put(e.getKey(), e.getValue()));
    say("   rows written per escalation: " + report.rowsPerEscalationByTable);
    say("   first escalation after %.1f s; %d escalations in %.1f s (%.0f jobs/s after the first); all due jobs (%d) done in %.1f s"
        .formatted(pickedUp, moved, escalated, moved / (escalated - pickedUp), report.jobsExecuted, drained));
    say("   CPU per escalation, its due jobs included: JVM %.1f ms, PostgreSQL %.1f ms"
        .formatted(report.cpuMsPerEscalation[0], report.cpuMsPerEscalation[1]));
  }

  /**
   * The reference for phase 2: the raw engine's timer drain on this machine, with the same backlog
   * waiting. As many {@code BenchTimerProcess} instances (start → timer → end: the job does no work
   * but the engine's own) are started through {@code /engine-rest}, made due at once the same way,
   * and timed until the last one ends.
   */
  private void rawTimers(BenchSettings s, BenchDb db, Load load, long pid) throws Exception {
    int n = s.timerTickets();
    say("2b. reference: " + n + " no-work timers of the raw engine");
    String due = REST_DATE.format(Instant.now().plusSeconds(30L * 86_400));
    String json = "{\"variables\":{\"due\":{\"value\":\"" + due + "\",\"type\":\"Date\"}}}";
    load.run("(reference) timer process start", 8, n, i -> load.postJson("/engine-rest/process-definition/key/" + BENCH_TIMER + "/start", json).build());
    settle(s, db);
    var cpuBefore = BenchCpu.read(pid);
    int moved = db.update("UPDATE ACT_RU_JOB SET DUEDATE_ = now() WHERE PROCESS_DEF_KEY_ = '" + BENCH_TIMER + "'");
    var dueAt = Instant.now();
    long deadline = System.currentTimeMillis() + s.timerTimeoutSeconds() * 1000L;
    // polled twice a second on the due-date index; the instances' end times give the times
    while (db.anyJobDue(BENCH_TIMER)) {
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("Reference timers not done in " + s.timerTimeoutSeconds() + " s");
      }
      Thread.sleep(500);
    }
    report.cpuMsPerRawTimer = BenchCpu.read(pid).msPer(cpuBefore, moved);
    var ended = db.endTimes(BENCH_TIMER);
    report.rawTimersDue = moved;
    report.rawTimerSeconds = secondsAfter(dueAt, ended[1]);
    report.rawTimerPickUpSeconds = secondsAfter(dueAt, ended[0]);
    say("   %d no-work timers in %.1f s (%.0f jobs/s after the first); CPU per timer: JVM %.1f ms, PostgreSQL %.1f ms"
        .formatted(moved, report.rawTimerSeconds, moved / (report.rawTimerSeconds - report.rawTimerPickUpSeconds),
            report.cpuMsPerRawTimer[0], report.cpuMsPerRawTimer[1]));
  }

  /** Seconds from {@code start} to {@code end}. */
  private static double secondsAfter(Instant start, Instant end) {
    return java.time.Duration.between(start, end).toNanos() / 1e9;
  }

  /**
   * Before timers are made due: the jobs already due (the acknowledgements of the tickets just
   * created) finish first, so the clock measures the timers alone; then fresh planner statistics.
   */
  private static void settle(BenchSettings s, BenchDb db) throws Exception {
    long quietBy = System.currentTimeMillis() + s.timerTimeoutSeconds() * 1000L;
    while (db.anyJobDue()) {
      if (System.currentTimeMillis() > quietBy) {
        throw new IllegalStateException("Jobs still due " + s.timerTimeoutSeconds() + " s after the load");
      }
      Thread.sleep(250);
    }
    db.analyze();
  }

  private void agentWork(BenchSettings s, BenchDb db, Load load) throws Exception {
    var ids = db.triageTaskIds(s.agentCount() * s.clients().length);
    if (ids.length < s.agentCount() * s.clients().length) {
      throw new IllegalStateException("Only " + ids.length + " open triage tasks; raise bench.timers.tickets or lower bench.agent.count");
    }
    db.analyze();
    say("3. agent work: completing " + ids.length + " triage tasks");
    int offset = 0;
    for (int clients : s.clients()) {
      final int from = offset;
      var r = load.run("Triage completed: POST /engine-rest/task/{id}/complete", clients, s.agentCount(),
          i -> load.postJson("/engine-rest/task/" + ids[from + i] + "/complete", TRIAGE_JSON).build());
      report.agent.add(r);
      offset += s.agentCount();
      say("   %d clients: %.1f tasks/s".formatted(clients, r.perSecond()));
    }
  }

  /** SLA reports timed per period: each reads every ticket of its period. */
  static final int REPORTS = 10;

  private void reads(BenchSettings s, BenchDb db, Load load) throws Exception {
    long t0 = System.nanoTime();
    long inserted = db.bulkTickets(s.readTickets());
    report.bulkInserted = inserted;
    report.bulkSeconds = (System.nanoTime() - t0) / 1e9;
    db.analyze();
    long min = db.count("SELECT min(id) FROM ticket");
    long max = db.count("SELECT max(id) FROM ticket");
    report.readTicketsStored = db.count("SELECT count(*) FROM ticket");
    say("4. reads: %d tickets stored (%d inserted by JDBC in %.1f s)".formatted(report.readTicketsStored, inserted, report.bulkSeconds));
    var random = new Random(42);
    long[] keys = new long[s.readCount()];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = min + (long) (random.nextDouble() * (max - min + 1));
    }
    String list = "/api/tickets?status=TRIAGE&priority=P3&page=0&size=20";
    int warm = Math.min(200, Math.max(s.readCount(), s.listCount()));
    load.run("warm-up get", 1, warm, i -> load.get("/api/tickets/" + key(keys[i % keys.length])).build());
    load.run("warm-up list", 1, warm, i -> load.get(list).build());
    report.readOne = load.run("GET /api/tickets/{key}", 1, s.readCount(), i -> load.get("/api/tickets/" + key(keys[i])).build());
    report.readList = load.run("GET " + list, 1, s.listCount(), i -> load.get(list).build());
    say("   get p99 %.1f ms, list p99 %.1f ms".formatted(report.readOne.p99(), report.readList.p99()));
    // the SLA report reads every ticket of its period: the bulk tickets are one a minute, about 69 days at 100,000.
    // The longest period ends today in the application's zone (its default); UTC's date is never behind it.
    String year = "/api/reports/sla?from=" + java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(365);
    load.run("warm-up report", 1, 3, i -> load.get(year).build());
    report.reportMonth = load.run("GET /api/reports/sla", 1, REPORTS, i -> load.get("/api/reports/sla").build());
    report.reportYear = load.run("GET " + year, 1, REPORTS, i -> load.get(year).build());
    say("   SLA report p50: last 30 days %.0f ms, 366 days %.0f ms".formatted(report.reportMonth.p50(), report.reportYear.p50()));
  }

  // ------------------------------------------------------------------ requests

  private static String key(long id) {
    return "TCK-%06d".formatted(id);
  }

  private static HttpRequest intakeRequest(Load load, BenchSettings s, String idempotencyKey) {
    var b = load.postJson("/api/tickets", TICKET_JSON);
    if (s.idempotencyKeys()) {
      b.header("Idempotency-Key", "bench-" + idempotencyKey);
    }
    return b.build();
  }

  private static HttpRequest oneUserTaskRequest(Load load, String businessKey) {
    return load.postJson("/engine-rest/process-definition/key/BenchOneUserTaskProcess/start", "{\"businessKey\":\"" + businessKey + "\"}").build();
  }

  /** Baseline (b): intake's decision inputs and its four SLA due dates, as variables. */
  private static HttpRequest benchIntakeRequest(Load load, String businessKey) {
    var now = Instant.now();
    String json =
        """
        {"businessKey":"%s","variables":{\
        "text":{"value":"%s","type":"String"},\
        "urgency":{"value":"MEDIUM","type":"String"},\
        "security":{"value":false,"type":"Boolean"},\
        "plan":{"value":"BASIC","type":"String"},\
        "tier":{"value":1,"type":"Integer"},\
        "triaged":{"value":false,"type":"Boolean"},\
        "responseDue":{"value":"%s","type":"Date"},\
        "responseWarningAt":{"value":"%s","type":"Date"},\
        "resolutionWarningAt":{"value":"%s","type":"Date"},\
        "resolutionDue":{"value":"%s","type":"Date"},\
        "escalationDue":{"value":"%s","type":"Date"}}}"""
            .formatted(
                businessKey,
                TICKET_TEXT,
                REST_DATE.format(now.plusSeconds(4 * 86_400)),
                REST_DATE.format(now.plusSeconds(3 * 86_400)),
                REST_DATE.format(now.plusSeconds(8 * 86_400)),
                REST_DATE.format(now.plusSeconds(12 * 86_400)),
                REST_DATE.format(now.plusSeconds(4 * 86_400)));
    return load.postJson("/engine-rest/process-definition/key/BenchIntakeProcess/start", json).build();
  }

  /** The bench-only diagrams, deployed as the Modeler would: multipart to /engine-rest/deployment/create. */
  private void deployBenchModels(Load load) throws Exception {
    String boundary = "bench-" + UUID.randomUUID();
    var body = new ByteArrayOutputStream();
    List<String[]> fields = new ArrayList<>();
    fields.add(new String[] {"deployment-name", "bench"});
    fields.add(new String[] {"deployment-source", "bench harness"});
    for (var f : fields) {
      body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f[0] + "\"\r\n\r\n" + f[1] + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    for (var model : BENCH_MODELS) {
      body.write(
          ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + model + "\"; filename=\"" + model
                  + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      try (var in = SupportDeskBenchmark.class.getResourceAsStream("/bench/" + model)) {
        if (in == null) {
          throw new IOException("Missing test resource bench/" + model);
        }
        in.transferTo(body);
      }
      body.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    var request =
        load.get("/engine-rest/deployment/create")
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build();
    var response = load.send(request);
    if (response.statusCode() != 200) {
      throw new IllegalStateException("Deployment of the bench models failed: " + response.statusCode() + " " + response.body());
    }
    say("deployed the bench-only models");
  }

  static void say(String line) {
    System.out.println("[bench] " + line);
    System.out.flush();
  }
}
