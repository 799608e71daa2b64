package ai.archbuilder.support.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** HTTP clients in threads of their own, each request timed; latencies are kept and sorted. */
final class Load {

  /** One timed request: the index of the request in the run. */
  @FunctionalInterface
  interface Call {
    HttpRequest request(int index) throws Exception;
  }

  /** What a run measured. Latencies in milliseconds. */
  record Result(String name, int clients, int count, double seconds, double p50, double p99, double max) {
    double perSecond() {
      return count / seconds;
    }
  }

  private final HttpClient http;
  private final String base;
  private final String authorization;

  Load(String base, String user, String password) {
    this.http =
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    this.base = base;
    this.authorization =
        "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  HttpRequest.Builder get(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization).timeout(Duration.ofSeconds(120)).GET();
  }

  HttpRequest.Builder postJson(String path, String json) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .header("Authorization", authorization)
        .header("Content-Type", "application/json")
        .timeout(Duration.ofSeconds(120))
        .POST(HttpRequest.BodyPublishers.ofString(json));
  }

  HttpResponse<String> send(HttpRequest request) throws Exception {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Sends {@code count} requests from {@code clients} threads, each thread sending its next
   * request when the previous one is answered (closed loop). Any answer other than 2xx stops the
   * run with the body: a benchmark of errors is worth nothing.
   */
  Result run(String name, int clients, int count, Call call) throws Exception {
    long[] nanos = new long[count];
    var next = new AtomicInteger();
    var failure = new AtomicReference<Exception>();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long t0 = System.nanoTime();
    try {
      Future<?>[] futures = new Future<?>[clients];
      for (int c = 0; c < clients; c++) {
        futures[c] =
            pool.submit(
                () -> {
                  int i;
                  while (failure.get() == null && (i = next.getAndIncrement()) < count) {
                    try {
                      var request = call.request(i);
                      long start = System.nanoTime();
                      var response = http.send(request, HttpResponse.BodyHandlers.ofString());
                      nanos[i] = System.nanoTime() - start;
                      if (response.statusCode() / 100 != 2) {
                        throw new IllegalStateException(
                            "%s #%d: %s %d %s".formatted(name, i, request.uri(), response.statusCode(), response.body()));
                      }
                    } catch (Exception e) {
                      failure.compareAndSet(null, e);
                    }
                  }
                });
      }
      for (var f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    if (failure.get() != null) {
      throw failure.get();
    }
    Arrays.sort(nanos);
    return new Result(name, clients, count, seconds, percentile(nanos, 50), percentile(nanos, 99), nanos[count - 1] / 1e6);
  }

  /** Nearest-rank percentile, in milliseconds. */
  static double percentile(long[] sorted, double p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
  }
}
