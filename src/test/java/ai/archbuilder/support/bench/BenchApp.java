package ai.archbuilder.support.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The application under test, as production runs it: {@code java -Xmx512m -jar support-desk.jar
 * --spring.profiles.active=postgres,demo} on a free port, against the bench database.
 */
final class BenchApp implements AutoCloseable {

  final int port;
  final long startupMillis;
  private final Process process;
  private final Thread killOnExit;

  private BenchApp(int port, long startupMillis, Process process, Thread killOnExit) {
    this.port = port;
    this.startupMillis = startupMillis;
    this.process = process;
    this.killOnExit = killOnExit;
  }

  static BenchApp start(BenchSettings s, String logName) throws IOException, InterruptedException {
    return start(s, logName, false);
  }

  /** The extracted application and its class-data archive, made by {@link #prepareClassDataSharing}. */
  static Path cdsDir(BenchSettings s) {
    return s.workDir().resolve("cds");
  }

  /**
   * Prepares the start-up the Docker image uses (see Dockerfile): the jar extracted ({@code
   * -Djarmode=tools extract}), then one training run that refreshes the application context on an
   * in-memory database and writes the classes it loaded to {@code app.jsa} (class data sharing).
   */
  static void prepareClassDataSharing(BenchSettings s) throws IOException, InterruptedException {
    var dir = cdsDir(s);
    org.springframework.util.FileSystemUtils.deleteRecursively(dir);
    Files.createDirectories(dir);
    run(s, dir.getParent(), "cds-extract.log", java(), "-Djarmode=tools", "-jar", s.jar().toString(), "extract", "--destination", dir.toString());
    var extracted = dir.resolve(s.jar().getFileName());
    Files.move(extracted, dir.resolve("app.jar"));
    run(s, dir, "cds-training.log", java(), "-Xmx" + s.heap(), "-XX:ArchiveClassesAtExit=app.jsa", "-Dspring.context.exit=onRefresh",
        "-jar", "app.jar", "--spring.profiles.active=demo", "--spring.datasource.url=jdbc:h2:mem:cds-training", "--server.port=0");
    if (!Files.isRegularFile(dir.resolve("app.jsa"))) {
      throw new IllegalStateException("The training run wrote no class-data archive; see " + s.workDir().resolve("cds-training.log"));
    }
  }

  private static void run(BenchSettings s, Path dir, String logName, String... command) throws IOException, InterruptedException {
    var log = s.workDir().resolve(logName);
    var p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(s.startupTimeoutSeconds(), java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " failed; see " + log);
    }
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /**
   * Starts the application and waits for {@code /actuator/health} UP. With {@code classDataSharing}
   * it starts as the Docker image does: the extracted jar with the archive of {@link
   * #prepareClassDataSharing}.
   */
  static BenchApp start(BenchSettings s, String logName, boolean classDataSharing) throws IOException, InterruptedException {
    if (!Files.isRegularFile(s.jar())) {
      throw new IllegalStateException("No application jar at " + s.jar() + ": run ./mvnw -Pbench verify (it packages first)");
    }
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(java());
    command.add("-Xmx" + s.heap());
    if (classDataSharing) {
      command.add("-XX:SharedArchiveFile=app.jsa");
    }
    if (!s.extraJvmArgs().isBlank()) {
      command.addAll(Arrays.asList(s.extraJvmArgs().trim().split("\\s+")));
    }
    command.addAll(
        List.of(
            "-jar",
            classDataSharing ? "app.jar" : s.jar().toString(),
            "--spring.profiles.active=postgres,demo",
            "--server.port=" + port,
            "--spring.datasource.url=" + s.jdbcUrl(s.database()),
            "--spring.datasource.username=" + s.pgUser(),
            "--spring.datasource.password=" + s.pgPassword()));
    if (!s.extraAppArgs().isBlank()) {
      command.addAll(Arrays.asList(s.extraAppArgs().trim().split("\\s+")));
    }
    Files.createDirectories(s.workDir());
    var log = s.workDir().resolve(logName);
    long t0 = System.nanoTime();
    var process =
        new ProcessBuilder(command)
            .directory((classDataSharing ? cdsDir(s) : s.workDir()).toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    // a benchmark stopped with Ctrl-C (or a killed test JVM) must not leave the application running
    var killOnExit = new Thread(process::destroyForcibly, "bench-app-stop");
    Runtime.getRuntime().addShutdownHook(killOnExit);
    var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    var health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).timeout(Duration.ofSeconds(5)).build();
    long deadline = System.currentTimeMillis() + s.startupTimeoutSeconds() * 1000L;
    while (true) {
      if (!process.isAlive()) {
        throw new IllegalStateException("The application exited during start-up; see " + log);
      }
      try {
        var r = http.send(health, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
          break;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      if (System.currentTimeMillis() > deadline) {
        process.destroyForcibly();
        throw new IllegalStateException("No /actuator/health UP within " + s.startupTimeoutSeconds() + " s; see " + log);
      }
      Thread.sleep(100);
    }
    return new BenchApp(port, (System.nanoTime() - t0) / 1_000_000, process, killOnExit);
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  long pid() {
    return process.pid();
  }

  /** Resident memory now and at its peak, in MiB, from /proc/&lt;pid&gt;/status. */
  long[] residentMiB() throws IOException {
    long rss = -1;
    long hwm = -1;
    for (var line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
      if (line.startsWith("VmRSS:")) {
        rss = kib(line) / 1024;
      } else if (line.startsWith("VmHWM:")) {
        hwm = kib(line) / 1024;
      }
    }
    return new long[] {rss, hwm};
  }

  private static long kib(String line) {
    return Long.parseLong(line.replaceAll("[^0-9]", ""));
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy(); // SIGTERM: Spring shuts down gracefully
    if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
    Runtime.getRuntime().removeShutdownHook(killOnExit);
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
