package ai.archbuilder.support.report;

import static org.assertj.core.api.Assertions.assertThat;

import ai.archbuilder.support.ticket.TicketScenarios;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Cockpit's "SLA report" page reads {@code GET /api/reports/sla} with the session of the user
 * logged into the webapps, as a browser does: the session cookie and the session's CSRF token.
 * Nothing else under {@code /api} or {@code /engine-rest} takes that session, the token must be
 * the session's, and the groups are read again on every request.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class SlaReportWithCockpitSessionTest extends TicketScenarios {

  @LocalServerPort int port;

  /** A browser's view of the webapps: cookies and the CSRF token Camunda hands out. */
  final class WebappSession {
    final CookieManager cookies = new CookieManager();
    final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();

    String url(String path) {
      return "http://localhost:" + port + path;
    }

    String csrfToken() {
      return cookies.getCookieStore().getCookies().stream()
          .filter(c -> c.getName().equals("XSRF-TOKEN"))
          .map(HttpCookie::getValue)
          .reduce((first, last) -> last)
          .orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie"));
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Logs in as Cockpit's login page does; {@code app} is the webapp she logs into. */
    WebappSession logIn(String user, String password, String app) throws IOException, InterruptedException {
      // the first page hands out the CSRF token as a cookie
      send(HttpRequest.newBuilder(URI.create(url("/camunda/app/" + app + "/" + engine.getName() + "/"))));
      var form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
          + URLEncoder.encode(password, StandardCharsets.UTF_8);
      var login =
          send(HttpRequest.newBuilder(URI.create(url("/camunda/api/admin/auth/user/" + engine.getName() + "/login/" + app)))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .header("X-XSRF-TOKEN", csrfToken())
              .POST(HttpRequest.BodyPublishers.ofString(form)));
      assertThat(login.statusCode()).as("login of %s: %s", user, login.body()).isEqualTo(200);
      // the login starts a new session; its token comes with the next webapp response
      var me = send(HttpRequest.newBuilder(URI.create(url("/camunda/api/admin/auth/user/" + engine.getName()))));
      assertThat(me.body()).contains("\"userId\":\"" + user + "\"");
      return this;
    }

    HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
      var request = HttpRequest.newBuilder(URI.create(url(path))).header("Accept", "application/json");
      if (token != null) {
        request.header("X-XSRF-TOKEN", token);
      }
      return send(request);
    }

    HttpResponse<String> report(String token) throws IOException, InterruptedException {
      return get("/api/reports/sla?from=2027-09-06&to=2027-09-12", token);
    }
  }

  @Test
  void aManagerLoggedIntoCockpitReadsTheReportWithTheSessionAndItsToken() throws Exception {
    var manager = new WebappSession().logIn("manager", "demo", "cockpit");

    var report = manager.report(manager.csrfToken());
    assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
    var body = json.readTree(report.body());
    assertThat(body.get("from").asText()).isEqualTo("2027-09-06");
    assertThat(body.get("to").asText()).isEqualTo("2027-09-12");
    assertThat(body.has("byPriority")).isTrue();
    // the session keeps its id: Cockpit's requests running beside this one still carry the old one
    assertThat(report.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));

    // the cookie alone, as another site could make a browser send it, is not enough
    assertThat(manager.report(null).statusCode()).isEqualTo(401);
    var wrongToken = manager.report("not-the-token");
    assertThat(wrongToken.statusCode()).isEqualTo(401);
    assertThat(wrongToken.body()).contains("\"status\":401");
    // the page shows its own message: no browser password dialog
    assertThat(wrongToken.headers().firstValue("WWW-Authenticate")).isEmpty();
    assertThat(manager.report(null).headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
    // another session's token does not fit this session
    var auditor = new WebappSession().logIn("auditor", "demo", "cockpit");
    assertThat(manager.report(auditor.csrfToken()).statusCode()).isEqualTo(401);
    assertThat(auditor.report(auditor.csrfToken()).statusCode()).isEqualTo(200);
  }

  @Test
  void theMailQuarantinePageActsWithTheSessionAndItsTokenAsAManager() throws Exception {
    var manager = new WebappSession().logIn("manager", "demo", "cockpit");
    var token = manager.csrfToken();
    assertThat(manager.get("/api/inbound-mail/quarantine", token).statusCode()).isEqualTo(200);
    assertThat(manager.get("/api/inbound-mail/held", token).statusCode()).isEqualTo(200);
    // taken as hers: the entry does not exist
    assertThat(call(manager, "POST", "/api/inbound-mail/quarantine/999999/retry", token).statusCode()).isEqualTo(404);
    assertThat(call(manager, "DELETE", "/api/inbound-mail/quarantine/999999", token).statusCode()).isEqualTo(404);
    // writes too need the session's own token
    assertThat(call(manager, "POST", "/api/inbound-mail/quarantine/999999/retry", null).statusCode()).isEqualTo(401);
    assertThat(call(manager, "DELETE", "/api/inbound-mail/quarantine/999999", "not-the-token").statusCode()).isEqualTo(401);
    // nothing next to them: the gateway's endpoint, other paths under /held
    assertThat(call(manager, "POST", "/api/inbound-mail", token).statusCode()).isEqualTo(401);
    assertThat(manager.get("/api/inbound-mail/held/x", token).statusCode()).isEqualTo(401);

    // an agent's session is hers, and the API refuses her
    var agent = new WebappSession().logIn("tier1", "demo", "tasklist");
    var agentToken = agent.csrfToken();
    assertThat(agent.get("/api/inbound-mail/quarantine", agentToken).statusCode()).isEqualTo(403);
    assertThat(agent.get("/api/inbound-mail/held", agentToken).statusCode()).isEqualTo(403);
    assertThat(call(agent, "POST", "/api/inbound-mail/quarantine/999999/retry", agentToken).statusCode()).isEqualTo(403);
  }

  private static HttpResponse<String> call(WebappSession session, String method, String path, String token)
      throws IOException, InterruptedException {
    var request = HttpRequest.newBuilder(URI.create(session.url(path))).method(method, HttpRequest.BodyPublishers.noBody());
    if (token != null) {
      request.header("X-XSRF-TOKEN", token);
    }
    return session.send(request);
  }

  @Test
  void theSessionOpensNothingButTheReports() throws Exception {
    var manager = new WebappSession().logIn("manager", "demo", "cockpit");
    var token = manager.csrfToken();

    assertThat(manager.get("/api/tickets", token).statusCode()).isEqualTo(401);
    assertThat(manager.get("/api/customers", token).statusCode()).isEqualTo(401);
    assertThat(manager.get("/engine-rest/task", token).statusCode()).isEqualTo(401);
    var post =
        manager.send(HttpRequest.newBuilder(URI.create(manager.url("/api/reports/sla")))
            .header("X-XSRF-TOKEN", token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{}")));
    assertThat(post.statusCode()).isEqualTo(401);
    assertThat(post.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));

    // logged out, the session reads nothing
    var logout =
        manager.send(HttpRequest.newBuilder(URI.create(manager.url("/camunda/api/admin/auth/user/" + engine.getName() + "/logout")))
            .header("X-XSRF-TOKEN", token)
            .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(logout.statusCode()).isEqualTo(200);
    assertThat(manager.report(token).statusCode()).isEqualTo(401);
  }

  @Test
  void whoMayReadIsDecidedByTheUsersGroupsNow() throws Exception {
    // an agent logged into Tasklist: a session, but not one of the report's readers
    var tier1 = new WebappSession().logIn("tier1", "demo", "tasklist");
    var refused = tier1.report(tier1.csrfToken());
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("Reports are for support managers, auditors and admins");

    var identity = engine.getIdentityService();
    var id = "report-reader-" + UUID.randomUUID().toString().substring(0, 8);
    var user = identity.newUser(id);
    user.setPassword("a long enough password");
    identity.saveUser(user);
    identity.createMembership(id, "support-managers");
    try {
      var reader = new WebappSession().logIn(id, "a long enough password", "cockpit");
      assertThat(reader.report(reader.csrfToken()).statusCode()).isEqualTo(200);

      // out of the group: refused at once, not when the webapp's session cache expires
      identity.deleteMembership(id, "support-managers");
      assertThat(reader.report(reader.csrfToken()).statusCode()).isEqualTo(403);
      // deleted: not authenticated at all
      identity.deleteUser(id);
      assertThat(reader.report(reader.csrfToken()).statusCode()).isEqualTo(401);
    } finally {
      if (identity.createUserQuery().userId(id).count() > 0) {
        identity.deleteUser(id);
      }
    }
  }
}
