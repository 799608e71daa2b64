package ai.archbuilder.support.system;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every API error is an RFC 9457 problem ({@code application/problem+json}) that names the field
 * at fault; never a stack trace.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

  static ProblemDetail problem(HttpStatusCode status, String detail, String field) {
    var p = ProblemDetail.forStatusAndDetail(status, detail);
    if (field != null) {
      p.setProperty("field", field);
    }
    return p;
  }

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ProblemDetail> api(ApiException e) {
    return ResponseEntity.status(e.status()).body(problem(e.status(), e.getMessage(), e.field()));
  }

  /** A query parameter or path variable that does not convert: what it takes, as the body's rules say. */
  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
    var type = e.getRequiredType();
    String detail;
    if (type != null && type.isEnum()) {
      detail = "Unknown value for %s; allowed: %s".formatted(e.getName(), Arrays.toString(type.getEnumConstants()));
    } else if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      detail = "Invalid value for %s: a whole number is expected".formatted(e.getName());
    } else if (type == LocalDate.class) {
      detail = "Invalid value for %s: a date (YYYY-MM-DD) is expected".formatted(e.getName());
    } else {
      detail = "Invalid value for " + e.getName();
    }
    return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, detail, e.getName()));
  }

  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<ProblemDetail> engineAuthorization(AuthorizationException e) {
    return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem(HttpStatus.FORBIDDEN, "Not allowed", null));
  }

  @ExceptionHandler({
    CannotGetJdbcConnectionException.class,
    CannotCreateTransactionException.class,
    DataAccessResourceFailureException.class,
    TransientDataAccessException.class,
    QueryTimeoutException.class
  })
  ResponseEntity<ProblemDetail> databaseAway(Exception e) {
    log.warn("Database unavailable: {}", e.getMessage());
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, "5")
        .body(problem(HttpStatus.SERVICE_UNAVAILABLE, DATABASE_AWAY, null));
  }

  static final String DATABASE_AWAY = "The database is not reachable; try again shortly";

  /**
   * The ticket's process moved at the same moment (a timer fired, another request won): the
   * engine rolled this request back, nothing of it was saved. Sent again it meets the new state.
   */
  @ExceptionHandler(OptimisticLockingException.class)
  ResponseEntity<ProblemDetail> concurrentChange(Exception e) {
    log.info("Concurrent change, request rolled back: {}", e.getMessage());
    return ResponseEntity.status(HttpStatus.CONFLICT)
        .header(HttpHeaders.RETRY_AFTER, "1")
        .body(problem(HttpStatus.CONFLICT, CONCURRENT_CHANGE, null));
  }

  @ExceptionHandler(TryAgainLater.class)
  ResponseEntity<ProblemDetail> tryAgainLater(TryAgainLater e) {
    log.info("Request rolled back, to be sent again: {}", e.getMessage());
    return ResponseEntity.status(HttpStatus.CONFLICT)
        .header(HttpHeaders.RETRY_AFTER, Integer.toString(e.retryAfterSeconds()))
        .body(problem(HttpStatus.CONFLICT, e.getMessage(), null));
  }

  static final String CONCURRENT_CHANGE =
      "The ticket changed at the same moment (a timer or another request); nothing was saved: send the request again";

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    if (DatabaseFailures.isDatabaseAway(e)) {
      // the engine wraps a lost connection in its own exceptions (found by DatabaseBlipFaultIT)
      return databaseAway(e);
    }
    if (DatabaseFailures.isConcurrentChange(e)) {
      return concurrentChange(e);
    }
    log.error("Unexpected error", e);
    return ResponseEntity.internalServerError()
        .body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side", null));
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    // the validator reports in no fixed order: name the fields in the order the body declares them
    var target = e.getBindingResult().getTarget();
    var order = target == null ? List.<String>of() : declaredFields(target.getClass());
    var fieldErrors =
        e.getBindingResult().getFieldErrors().stream()
            .sorted(
                Comparator.comparingInt((FieldError f) -> order.indexOf(f.getField()) < 0 ? Integer.MAX_VALUE : order.indexOf(f.getField()))
                    .thenComparing(FieldError::getField)
                    .thenComparing(f -> String.valueOf(f.getDefaultMessage())))
            .toList();
    var detail = fieldErrors.stream().map(f -> f.getField() + ": " + f.getDefaultMessage()).collect(Collectors.joining("; "));
    var p = problem(HttpStatus.BAD_REQUEST, detail, fieldErrors.isEmpty() ? null : fieldErrors.get(0).getField());
    p.setProperty(
        "errors",
        fieldErrors.stream()
            .map(f -> Map.of("field", f.getField(), "detail", String.valueOf(f.getDefaultMessage())))
            .toList());
    return ResponseEntity.badRequest().body(p);
  }

  /** The fields the body has, in the order it declares them. */
  private static List<String> knownFields(UnrecognizedPropertyException e) {
    var known = e.getKnownPropertyIds() == null ? List.<String>of() : e.getKnownPropertyIds().stream().map(String::valueOf).toList();
    var declared = e.getReferringClass() == null ? List.<String>of() : declaredFields(e.getReferringClass());
    return known.stream()
        .sorted(Comparator.comparingInt((String f) -> declared.indexOf(f) < 0 ? Integer.MAX_VALUE : declared.indexOf(f)).thenComparing(f -> f))
        .toList();
  }

  private static List<String> declaredFields(Class<?> type) {
    if (type.isRecord()) {
      return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
    }
    return Arrays.stream(type.getDeclaredFields()).map(Field::getName).toList();
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    var first = e.getParameterValidationResults().stream().findFirst();
    String field = first.map(r -> r.getMethodParameter().getParameterName()).orElse(null);
    // the rule it breaks names the limit: "size must be less than or equal to 200"
    var rule =
        first.flatMap(r -> r.getResolvableErrors().stream().findFirst())
            .map(MessageSourceResolvable::getDefaultMessage)
            .orElse(null);
    var detail = rule == null ? "Invalid value for " + field : field + " " + rule;
    return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, detail, field));
  }

  /** No controller and no file at this path: for /api, say so of the API (not "No static resource"). */
  @Override
  protected ResponseEntity<Object> handleNoResourceFoundException(
      NoResourceFoundException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    var path = "/" + e.getResourcePath();
    var detail =
        path.equals("/api") || path.startsWith("/api/")
            ? "There is no API resource %s %s (see the API in the README)".formatted(e.getHttpMethod(), path)
            : "There is nothing at " + path;
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem(HttpStatus.NOT_FOUND, detail, null));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ApiInputLimits.BodyTooLargeException tooLarge) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem(HttpStatus.PAYLOAD_TOO_LARGE, tooLarge.getMessage(), null));
      }
    }
    String field = null;
    String detail = "The request body is not valid JSON";
    if (e.getCause() == null) {
      // no body at all (or the JSON null)
      detail = "The request body is missing: a JSON object is expected";
    } else if (e.getCause() instanceof MismatchedInputException m && m.getPath().isEmpty()
        && String.valueOf(m.getOriginalMessage()).startsWith("Trailing token")) {
      // {"from":"AGENT","body":"x"} {}: one JSON value, then more
      detail = "The request body has more after its JSON object: send one JSON object";
    } else if (e.getCause() instanceof MismatchedInputException m && m.getPath().isEmpty()) {
      // valid JSON, but an array, a string, a number … where the body's object belongs
      detail = "The request body must be a JSON object";
    } else if (e.getCause() instanceof MismatchedInputException m) {
      field =
          m.getPath().stream()
              .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
              .collect(Collectors.joining("."));
      if (m instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
        detail = "Unknown value for %s; allowed: %s".formatted(field, Arrays.toString(f.getTargetType().getEnumConstants()));
      } else if (m instanceof InvalidFormatException f && f.getTargetType() == String.class && f.getValue() instanceof String) {
        // text that ApiText refuses; a number or boolean where text belongs is a wrong type (below)
        detail = ApiText.RULE + " (" + field + ")";
      } else if (m instanceof UnrecognizedPropertyException u) {
        detail = "Unknown field %s; known fields: %s".formatted(field, knownFields(u));
      } else {
        detail = "Wrong type for " + field;
      }
    }
    return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, detail, field));
  }
}
