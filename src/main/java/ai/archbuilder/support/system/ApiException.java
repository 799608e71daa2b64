package ai.archbuilder.support.system;

import org.springframework.http.HttpStatus;

/** An error the API answers with a problem body: the status, a title, and the field at fault if any. */
public class ApiException extends RuntimeException {

  private final HttpStatus status;
  private final String field;

  public ApiException(HttpStatus status, String message, String field) {
    super(message);
    this.status = status;
    this.field = field;
  }

  public static ApiException badRequest(String field, String message) {
    return new ApiException(HttpStatus.BAD_REQUEST, message, field);
  }

  public static ApiException notFound(String message) {
    return new ApiException(HttpStatus.NOT_FOUND, message, null);
  }

  public static ApiException conflict(String message) {
    return new ApiException(HttpStatus.CONFLICT, message, null);
  }

  public static ApiException forbidden(String message) {
    return new ApiException(HttpStatus.FORBIDDEN, message, null);
  }

  public HttpStatus status() {
    return status;
  }

  public String field() {
    return field;
  }
}
