package ai.archbuilder.support.ticket;

import ai.archbuilder.support.customer.CustomerStore;
import ai.archbuilder.support.escalation.EscalationReason;
import ai.archbuilder.support.escalation.Escalations;
import ai.archbuilder.support.system.ApiException;
import ai.archbuilder.support.system.CurrentUser;
import ai.archbuilder.support.system.CurrentUsers;
import ai.archbuilder.support.system.Tiers;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.ErrorResponseException;

@RestController
@RequestMapping("/api/tickets")
class TicketController {

  record CreateTicketBody(
      @NotBlank @Email @Size(max = 320) String customerEmail,
      @Size(max = 200) String customerName,
      @NotBlank @Size(max = 200) String subject,
      @NotBlank @Size(max = 20000) String description,
      @NotNull Channel channel,
      Category category,
      Subcategory subcategory,
      Impact impact,
      Urgency urgency,
      Boolean security) {

    TicketService.NewTicketRequest request() {
      return new TicketService.NewTicketRequest(
          customerEmail.trim(), customerName, subject, description, channel, category, subcategory, impact, urgency, security);
    }
  }

  record MessageBody(@NotNull MessageAuthor from, @NotBlank @Size(max = 20000) String body) {}

  record EscalationBody(@NotNull EscalationReason reason, @NotBlank @Size(max = 4000) String justification) {}

  record VerificationBody(@NotNull Boolean accepted, @Size(max = 20000) String comment) {}

  record FeedbackBody(
      @NotNull @Min(1) @Max(5) Integer csat,
      @Min(0) @Max(10) Integer nps,
      @Min(1) @Max(7) Integer ces,
      @Size(max = TicketService.FEEDBACK_COMMENT_MAX) String comment) {}

  record MessageResponse(String outcome, TicketView ticket) {}

  record HistoryView(Instant at, String event, String actor, String detail) {}

  record PageView(List<TicketView> items, long total, int page, int size) {}

  /** How long a request waits for a concurrent one with the same Idempotency-Key. */
  private static final Duration IN_FLIGHT_WAIT = Duration.ofSeconds(15);

  private final TicketService service;
  private final CustomerStore customers;
  private final Escalations escalations;
  private final CurrentUsers users;

  TicketController(TicketService service, CustomerStore customers, Escalations escalations, CurrentUsers users) {
    this.service = service;
    this.customers = customers;
    this.escalations = escalations;
    this.users = users;
  }

  private TicketView view(Ticket t, CurrentUser user) {
    var customer = customers.findById(t.customerId()).orElseThrow();
    var moves = escalations.of(t.id());
    return user.customer() ? CustomerFacing.ticket(t, customer, moves) : TicketView.of(t, customer, moves);
  }

  @PostMapping
  ResponseEntity<TicketView> create(
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @Valid @RequestBody CreateTicketBody body) {
    checkKey(idempotencyKey);
    var user = users.current();
    var request = body.request();
    var created = firstOrReplay(() -> service.replay(user, idempotencyKey, request).orElseGet(() -> service.create(user, idempotencyKey, request)));
    var t = created.ticket();
    return ResponseEntity.created(URI.create("/api/tickets/" + t.key()))
        .header("Idempotent-Replayed", Boolean.toString(created.replayed()))
        .body(view(t, user));
  }

  private static void checkKey(String idempotencyKey) {
    if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
      throw ApiException.badRequest("Idempotency-Key", "An Idempotency-Key has 1 to 200 characters");
    }
  }

  /**
   * Does the request (creates the ticket, adds the message), or answers with what an earlier
   * request with the same Idempotency-Key did. Concurrent requests with the same key meet at the
   * key's primary key (and a new customer's first tickets at the customer's e-mail): the first
   * transaction wins, the others wait for it and then fail with a duplicate key, or, if the winner
   * takes longer than the database's lock timeout, with a lock timeout (H2's comes as a query
   * timeout). Either way the loser's transaction rolled back whole, so it looks again: it replays
   * the winner's (or gets the 422 for a different body). A winner still busy after {@link
   * #IN_FLIGHT_WAIT} is a 409 to retry.
   */
  private static <T> T firstOrReplay(java.util.function.Supplier<T> doOrReplay) {
    long deadline = System.nanoTime() + IN_FLIGHT_WAIT.toNanos();
    for (int attempt = 1; ; attempt++) {
      try {
        return doOrReplay.get();
      } catch (DuplicateKeyException | PessimisticLockingFailureException | QueryTimeoutException raced) {
        if (System.nanoTime() > deadline) {
          var problem =
              ProblemDetail.forStatusAndDetail(
                  HttpStatus.CONFLICT, "A request with this Idempotency-Key is still being processed; retry shortly");
          problem.setProperty("field", "Idempotency-Key");
          var busy = new ErrorResponseException(HttpStatus.CONFLICT, problem, raced);
          busy.getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
          throw busy;
        }
        pause(Math.min(20L * attempt, 200L));
      }
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for a concurrent request", e);
    }
  }

  @GetMapping("/{key}")
  TicketView get(@PathVariable String key) {
    var user = users.current();
    return view(service.visible(key, user), user);
  }

  @GetMapping
  PageView list(
      @RequestParam(required = false) TicketStatus status,
      @RequestParam(required = false) Priority priority,
      @RequestParam(required = false) @Min(Tiers.LOWEST) @Max(Tiers.HIGHEST) Integer tier,
      @RequestParam(required = false) String customerEmail,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
    if (page < 0) {
      throw ApiException.badRequest("page", "page is 0 or more");
    }
    if (size < 1 || size > 200) {
      throw ApiException.badRequest("size", "size is 1 to 200");
    }
    if (tier != null && (tier < Tiers.LOWEST || tier > Tiers.HIGHEST)) {
      throw ApiException.badRequest("tier", "tier is %d to %d".formatted(Tiers.LOWEST, Tiers.HIGHEST));
    }
    var user = users.current();
    var p = service.list(user, status, priority, tier, customerEmail, page, size);
    return new PageView(p.items().stream().map(t -> view(t, user)).toList(), p.total(), p.page(), p.size());
  }

  @PostMapping("/{key}/messages")
  ResponseEntity<MessageResponse> message(
      @PathVariable String key,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @Valid @RequestBody MessageBody body) {
    checkKey(idempotencyKey);
    var user = users.current();
    var sent =
        firstOrReplay(() -> service.replayMessage(user, idempotencyKey, key, body.from(), body.body())
            .map(r -> new Sent(r, true))
            .orElseGet(() -> new Sent(service.addMessage(key, body.from(), body.body(), user, idempotencyKey), false)));
    var result = sent.result();
    var response = new MessageResponse(result.outcome().name(), view(result.ticket(), user));
    var answer =
        result.outcome() == TicketService.MessageOutcome.NEW_TICKET_LINKED
            ? ResponseEntity.created(URI.create("/api/tickets/" + result.ticket().key()))
            : ResponseEntity.accepted();
    return answer.header("Idempotent-Replayed", Boolean.toString(sent.replayed())).body(response);
  }

  /** A message's result, and whether it is an earlier request's, answered again. */
  private record Sent(TicketService.MessageResult result, boolean replayed) {}

  @PostMapping("/{key}/escalations")
  ResponseEntity<TicketView> escalate(@PathVariable String key, @Valid @RequestBody EscalationBody body) {
    var user = users.current();
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(view(service.escalate(key, body.reason(), body.justification(), user), user));
  }

  @PostMapping("/{key}/verification")
  ResponseEntity<TicketView> verify(@PathVariable String key, @Valid @RequestBody VerificationBody body) {
    var user = users.current();
    return ResponseEntity.accepted().body(view(service.verify(key, body.accepted(), body.comment(), user), user));
  }

  @PostMapping("/{key}/feedback")
  ResponseEntity<TicketView> feedback(@PathVariable String key, @Valid @RequestBody FeedbackBody body) {
    var user = users.current();
    return ResponseEntity.accepted().body(view(service.feedback(key, body.csat(), body.nps(), body.ces(), body.comment(), user), user));
  }

  @GetMapping("/{key}/history")
  List<HistoryView> history(@PathVariable String key) {
    return service.history(key, users.current()).stream()
        .map(e -> new HistoryView(e.at(), e.event().name(), e.actor(), e.detail()))
        .toList();
  }
}
