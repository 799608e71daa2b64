package ai.archbuilder.support.faults;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * The packaged application ({@code target/support-desk-*.jar}) as a process of its own, started
 * exactly as an operator would ({@code java -Xmx384m -jar …}) on the test's database. The process
 * is the JVM itself (no shell in between), so {@link #kill()} is a SIGKILL of the application.
 */
final class AppNode {

  /** Start-up of the whole application on a busy 2-core machine can take a minute or more. */
  private static final Duration START_TIMEOUT = Duration.ofSeconds(Long.getLong("faults.startTimeoutSeconds", 300));

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  final String name;
  final int port;
  private final FaultDatabase db;
  private final List<String> extraArgs;
  private Process process;
  private int starts;

  AppNode(String name, FaultDatabase db, String... extraArgs) {
    this.name = name;
    this.port = freePort();
    this.db = db;
    this.extraArgs = List.of(extraArgs);
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  static Path jar() {
    try (var files = Files.list(Path.of("target"))) {
      return files
          .filter(p -> p.getFileName().toString().matches("support-desk-.*\\.jar"))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("No target/support-desk-*.jar: run the fault tests with ./mvnw verify (after package)"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts the process and waits until /actuator/health is UP; returns the start-up time. */
  Duration start() {
    var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    var command = new ArrayList<>(List.of(
        java,
        "-Xmx384m",
        "-jar",
        jar().toString(),
        "--spring.profiles.active=postgres,demo",
        "--server.port=" + port,
        "--spring.datasource.url=" + db.url(),
        "--spring.datasource.username=postgres",
        "--spring.datasource.password=",
        // thousands of e-mails are "sent" to the log when mail is off: keep the log readable
        "--logging.level.ai.archbuilder.support.mail.DeliverMailDelegate=WARN"));
    command.addAll(extraArgs);
    var log = new File("target/faults/" + db.name + "-" + name + "-" + (++starts) + ".log");
    log.getParentFile().mkdirs();
    long began = System.nanoTime();
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    var info = process.info().command().orElse(java);
    if (!info.endsWith("java")) {
      throw new IllegalStateException("The application process is not the JVM itself: " + info);
    }
    long deadline = began + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + " during start-up; see " + log);
      }
      if (healthy()) {
        return Duration.ofNanos(System.nanoTime() - began);
      }
      sleep(500);
    }
    kill();
    throw new IllegalStateException(name + " was not UP within " + START_TIMEOUT + "; see " + log);
  }

  boolean healthy() {
    try {
      var response = HTTP.send(
          HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health")).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 && response.body().contains("\"UP\"");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** SIGKILL: no shutdown hook, no graceful stop, transactions in flight die with the process. */
  void kill() {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
      waitForExit();
    }
  }

  /** SIGTERM and wait (the end of a test). */
  void stop() {
    if (process != null && process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
          kill();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        kill();
      }
    }
  }

  long pid() {
    return process.pid();
  }

  private void waitForExit() {
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() {
    try (var socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return name + " (port " + port + ", args " + Arrays.toString(extraArgs.toArray()) + ")";
  }
}
