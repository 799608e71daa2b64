package ai.archbuilder.support.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** Plain HTTP to a running node, the way an outside client talks to it. */
final class ApiClient {

  static final ObjectMapper JSON = new ObjectMapper();

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).version(HttpClient.Version.HTTP_1_1).build();

  /** One answer; status -1 is "no answer" (connection refused or reset, timeout) with the error in body. */
  record Answer(int status, String contentType, String body, String replayed) {

    boolean noAnswer() {
      return status < 0;
    }

    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("Not JSON (" + status + "): " + body, e);
      }
    }

    boolean isProblem() {
      return contentType != null && contentType.startsWith("application/problem+json");
    }

    @Override
    public String toString() {
      return status + " " + contentType + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
    }
  }

  private ApiClient() {}

  static Answer post(String baseUrl, String user, String path, String json, String idempotencyKey) {
    var request = base(baseUrl, user, path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return send(request.build());
  }

  static Answer get(String baseUrl, String user, String path) {
    return send(base(baseUrl, user, path).GET().build());
  }

  private static HttpRequest.Builder base(String baseUrl, String user, String path) {
    var auth = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60)).header("Authorization", "Basic " + auth);
  }

  private static Answer send(HttpRequest request) {
    try {
      var r = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(
          r.statusCode(),
          r.headers().firstValue("Content-Type").orElse(null),
          r.body(),
          r.headers().firstValue("Idempotent-Replayed").orElse(null));
    } catch (IOException e) {
      return new Answer(-1, null, e.toString(), null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(-1, null, e.toString(), null);
    }
  }
}
