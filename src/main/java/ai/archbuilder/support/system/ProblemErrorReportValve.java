package ai.archbuilder.support.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Tomcat's last word on a request, as an RFC 9457 problem instead of its HTML error page.
 *
 * <p>Some requests never reach the application: Tomcat itself refuses an encoded NUL or a
 * malformed escape in the path, an invalid header, a request line it cannot parse. Tomcat's host
 * then renders the error with its error-report valve, an HTML page. This valve takes its place and
 * writes {@code application/problem+json} with the status and its reason, and nothing about the
 * server. Errors inside the application never get here: Spring answers those itself.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    var reason = HttpStatus.resolve(status);
    String title = reason == null ? "Error" : reason.getReasonPhrase();
    String detail =
        status == 400
            ? "The request could not be read: its URL, a header or the request line is malformed."
            : title + ".";
    String body =
        "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}";
    try {
      response.setContentType("application/problem+json");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      var writer = response.getReporter();
      if (writer != null) {
        writer.write(body);
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // the client is gone or the response is already on its way: nothing more to say
    }
  }

  /** Puts the valve on Tomcat's host in place of the error-report valve Spring Boot configures. */
  @Component
  static class Installer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
      factory.addContextCustomizers(context -> {
        if (context.getParent() instanceof StandardHost host) {
          for (var valve : host.getPipeline().getValves()) {
            if (valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
              host.getPipeline().removeValve(valve);
            }
          }
          // the host adds a valve of this class on start unless one is there: name ours, so it adds no second one
          host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
          host.getPipeline().addValve(new ProblemErrorReportValve());
        }
      });
    }

    @Override
    public int getOrder() {
      // after Spring Boot's own customizer, which adds the plain ErrorReportValve
      return Ordered.LOWEST_PRECEDENCE;
    }
  }
}
