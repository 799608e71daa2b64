package ai.archbuilder.support.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits of every {@code /api} request before it reaches a controller: a body over
 * {@code support.api.max-body-size} (default 256KB) is a 413 problem, whether the client announced
 * its length or streams it chunked; a NUL character ({@code %00}) in a query parameter or the path is a 400
 * problem (PostgreSQL text cannot hold it). {@code /api/inbound-mail} takes raw e-mails and has
 * its own limit ({@code support.mail.inbound.max-size}).
 */
@Component
class ApiInputLimits extends OncePerRequestFilter {

  /** Thrown by the counted body stream; ProblemDetailsAdvice turns it into a 413. */
  static class BodyTooLargeException extends IOException {
    BodyTooLargeException(long max) {
      super("The request body may have " + max + " bytes at most");
    }
  }

  private final long maxBody;

  ApiInputLimits(@Value("${support.api.max-body-size:256KB}") DataSize maxBody) {
    this.maxBody = maxBody.toBytes();
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    var path = request.getRequestURI();
    return !path.startsWith("/api/") && !path.equals("/api") || path.startsWith("/api/inbound-mail");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > maxBody) {
      problem(response, 413, "Payload Too Large", "The request body may have %d bytes at most".formatted(maxBody));
      return;
    }
    // the raw path and query string (reading parameters could consume a form body before it is counted)
    var query = request.getQueryString();
    if (request.getRequestURI().toLowerCase(Locale.ROOT).contains("%00") || (query != null && query.toLowerCase(Locale.ROOT).contains("%00"))) {
      problem(response, 400, "Bad Request", "Text may not contain NUL characters");
      return;
    }
    chain.doFilter(new CountedBody(request, maxBody), response);
  }

  static void problem(HttpServletResponse response, int status, String title, String detail) throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"%s\",\"status\":%d,\"detail\":\"%s\"}".formatted(title, status, detail));
  }

  /** A body stream that fails once more than {@code max} bytes were read. */
  private static final class CountedBody extends HttpServletRequestWrapper {
    private final long max;
    private ServletInputStream counted;

    CountedBody(HttpServletRequest request, long max) {
      super(request);
      this.max = max;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (counted == null) {
        var in = super.getInputStream();
        counted =
            new ServletInputStream() {
              private long read;

              private void count(long n) throws IOException {
                if (n > 0 && (read += n) > max) {
                  throw new BodyTooLargeException(max);
                }
              }

              @Override
              public int read() throws IOException {
                int b = in.read();
                count(b < 0 ? 0 : 1);
                return b;
              }

              @Override
              public int read(byte[] b, int off, int len) throws IOException {
                int n = in.read(b, off, len);
                count(n);
                return n;
              }

              @Override
              public boolean isFinished() {
                return in.isFinished();
              }

              @Override
              public boolean isReady() {
                return in.isReady();
              }

              @Override
              public void setReadListener(ReadListener listener) {
                in.setReadListener(listener);
              }
            };
      }
      return counted;
    }

    @Override
    public java.io.BufferedReader getReader() throws IOException {
      return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding()));
    }
  }
}
