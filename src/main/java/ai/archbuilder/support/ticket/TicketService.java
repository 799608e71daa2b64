package ai.archbuilder.support.ticket;

import static ai.archbuilder.support.ticket.TicketLifecycle.ACCEPTED;
import static ai.archbuilder.support.ticket.TicketLifecycle.CSAT;
import static ai.archbuilder.support.ticket.TicketLifecycle.ESCALATION_REASON;
import static ai.archbuilder.support.ticket.TicketLifecycle.JUSTIFICATION;
import static ai.archbuilder.support.ticket.TicketLifecycle.TRIGGER;

import ai.archbuilder.support.customer.Customer;
import ai.archbuilder.support.customer.CustomerStore;
import ai.archbuilder.support.customer.Plan;
import ai.archbuilder.support.escalation.EscalationReason;
import ai.archbuilder.support.system.ApiException;
import ai.archbuilder.support.system.CurrentUser;
import ai.archbuilder.support.system.Now;
import ai.archbuilder.support.system.TryAgainLater;
import ai.archbuilder.support.ticket.TicketLifecycle.Messages;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the API does with tickets. Each method is one transaction: our rows and the engine's
 * state commit together, so a ticket is never half created and never created twice.
 */
@Service
public class TicketService {

  /** The longest survey comment kept (the feedback table's column), by the API and by e-mail. */
  public static final int FEEDBACK_COMMENT_MAX = 4000;

  public record NewTicketRequest(
      String customerEmail,
      String customerName,
      String subject,
      String description,
      Channel channel,
      Category category,
      Subcategory subcategory,
      Impact impact,
      Urgency urgency,
      Boolean security) {}

  public record Created(Ticket ticket, boolean replayed) {}

  /** What became of a customer's or agent's message. */
  public enum MessageOutcome {
    ADDED,
    ANSWERED_INFORMATION_REQUEST,
    /** She wrote while the proposed solution waited for her verification: back to the agent. */
    RETURNED_TO_AGENT,
    REOPENED,
    NEW_TICKET_LINKED
  }

  public record MessageResult(MessageOutcome outcome, Ticket ticket) {}

  private final TicketStore tickets;
  private final CustomerStore customers;
  private final TicketHistory history;
  private final TicketConversation conversation;
  private final TicketClock clock;
  private final RuntimeService runtime;
  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;

  TicketService(
      TicketStore tickets,
      CustomerStore customers,
      TicketHistory history,
      TicketConversation conversation,
      TicketClock clock,
      RuntimeService runtime,
      JdbcClient jdbc,
      ApplicationEventPublisher events) {
    this.tickets = tickets;
    this.customers = customers;
    this.history = history;
    this.conversation = conversation;
    this.clock = clock;
    this.runtime = runtime;
    this.jdbc = jdbc;
    this.events = events;
  }

  // ------------------------------------------------------------------ create

  /** The ticket an earlier request with this Idempotency-Key created, if any. */
  @Transactional(readOnly = true)
  public Optional<Created> replay(CurrentUser user, String idempotencyKey, NewTicketRequest request) {
    if (idempotencyKey == null) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT ticket_id, request_hash FROM idempotency_key WHERE principal = ? AND idem_key = ?")
        .params(user.id(), idempotencyKey)
        .query(
            (rs, i) -> {
              if (!rs.getString("request_hash").equals(hash(request))) {
                throw new ApiException(
                    org.springframework.http.HttpStatus.UNPROCESSABLE_ENTITY,
                    "This Idempotency-Key was used for a different request",
                    "Idempotency-Key");
              }
              return new Created(tickets.find(rs.getLong("ticket_id")).orElseThrow(), true);
            })
        .optional();
  }

  @Transactional
  public Created create(CurrentUser user, String idempotencyKey, NewTicketRequest r) {
    var customer = customerFor(user, r);
    var category = r.category() != null ? r.category() : r.subcategory() == null ? null : r.subcategory().category();
    if (r.subcategory() != null && r.subcategory().category() != category) {
      throw ApiException.badRequest(
          "subcategory", "Subcategory %s does not belong to category %s".formatted(r.subcategory(), category));
    }
    var ticket =
        tickets.insert(
            new TicketStore.NewTicket(
                customer.id(),
                r.subject(),
                r.description(),
                r.channel(),
                category,
                r.subcategory(),
                r.impact(),
                r.urgency() == null ? Urgency.MEDIUM : r.urgency(),
                Boolean.TRUE.equals(r.security()),
                null,
                user.id()));
    if (idempotencyKey != null) {
      jdbc.sql("INSERT INTO idempotency_key (principal, idem_key, request_hash, ticket_id, created_at) VALUES (?, ?, ?, ?, ?)")
          .params(user.id(), idempotencyKey, hash(r), ticket.id(), TicketStore.toSql(Now.instant()))
          .update();
    }
    return new Created(start(ticket, customer, user.id()), false);
  }

  private Ticket start(Ticket ticket, Customer customer, String actor) {
    history.record(ticket.id(), HistoryEvent.CREATED, actor, "Via " + ticket.channel());
    Map<String, Object> variables = new HashMap<>();
    variables.put(TicketLifecycle.CATEGORY.name(), name(ticket.category()));
    variables.put(TicketLifecycle.SUBCATEGORY.name(), name(ticket.subcategory()));
    variables.put(TicketLifecycle.IMPACT.name(), name(ticket.impact()));
    variables.put(TicketLifecycle.URGENCY.name(), name(ticket.urgency()));
    variables.put(TicketLifecycle.SECURITY.name(), ticket.security());
    variables.put(TicketLifecycle.PLAN.name(), customer.plan().name());
    variables.put(TicketLifecycle.TRIAGED.name(), false);
    variables.put(TicketLifecycle.ESCALATION_REASON.name(), null);
    variables.put(TicketLifecycle.JUSTIFICATION.name(), null);
    runtime.startProcessInstanceByKey(TicketLifecycle.PROCESS_KEY, ticket.key(), variables);
    return tickets.find(ticket.id()).orElseThrow();
  }

  private static String name(Enum<?> e) {
    return e == null ? null : e.name();
  }

  private Customer customerFor(CurrentUser user, NewTicketRequest r) {
    if (user.customer() && !r.customerEmail().equalsIgnoreCase(Objects.toString(user.email(), ""))) {
      throw ApiException.forbidden("A customer opens tickets for herself only");
    }
    if (!user.customer() && !user.worksTickets()) {
      throw ApiException.forbidden("Your role cannot open tickets");
    }
    return customers
        .findByEmail(r.customerEmail())
        .orElseGet(() -> customers.insert(r.customerEmail(), r.customerName(), null, Plan.BASIC, false));
  }

  static String hash(NewTicketRequest r) {
    return sha256(
        String.join(
            "\u0000",
            Objects.toString(r.customerEmail(), "").toLowerCase(java.util.Locale.ROOT),
            Objects.toString(r.customerName(), ""),
            Objects.toString(r.subject(), ""),
            Objects.toString(r.description(), ""),
            Objects.toString(r.channel(), ""),
            Objects.toString(r.category(), ""),
            Objects.toString(r.subcategory(), ""),
            Objects.toString(r.impact(), ""),
            Objects.toString(r.urgency(), ""),
            Objects.toString(r.security(), "")));
  }

  // ------------------------------------------------------------------ read

  /** A ticket the caller may see; anyone else's is "not found" (no hint that it exists). */
  @Transactional(readOnly = true)
  public Ticket visible(String key, CurrentUser user) {
    var t = tickets.findByKey(key).orElseThrow(() -> ApiException.notFound("No ticket " + key));
    if (!maySee(user, t)) {
      throw ApiException.notFound("No ticket " + key);
    }
    return t;
  }

  boolean maySee(CurrentUser user, Ticket t) {
    if (user.seesAllTickets()) {
      return true;
    }
    if (user.agentTier() > 0) {
      return t.tier() == null || t.tier() <= user.agentTier();
    }
    if (user.customer()) {
      return customers.findById(t.customerId()).map(c -> c.email().equalsIgnoreCase(user.email())).orElse(false);
    }
    return false;
  }

  public record Page(List<Ticket> items, long total, int page, int size) {}

  @Transactional(readOnly = true)
  public Page list(CurrentUser user, TicketStatus status, Priority priority, Integer tier, String customerEmail, int page, int size) {
    Long customerId = null;
    if (customerEmail != null) {
      var c = customers.findByEmail(customerEmail);
      if (c.isEmpty()) {
        return new Page(List.of(), 0, page, size);
      }
      customerId = c.get().id();
    }
    Integer maxTier = null;
    if (user.customer()) {
      var own = customers.findByEmail(Objects.toString(user.email(), ""));
      if (own.isEmpty() || (customerId != null && customerId != own.get().id())) {
        return new Page(List.of(), 0, page, size);
      }
      customerId = own.get().id();
    } else if (!user.seesAllTickets()) {
      if (user.agentTier() == 0) {
        throw ApiException.forbidden("Your role cannot list tickets");
      }
      maxTier = user.agentTier();
    }
    var filter = new TicketStore.Filter(status, priority, tier, customerId, maxTier);
    return new Page(tickets.list(filter, page, size), tickets.count(filter), page, size);
  }

  // ------------------------------------------------------------------ actions

  /**
   * What an earlier message with this Idempotency-Key became, if there was one: its outcome, with
   * the ticket as it is now (the one it was added to, or the new linked ticket a late reply made).
   */
  @Transactional(readOnly = true)
  public Optional<MessageResult> replayMessage(CurrentUser user, String idempotencyKey, String key, MessageAuthor from, String body) {
    if (idempotencyKey == null) {
      return Optional.empty();
    }
    visible(key, user);
    return jdbc.sql("SELECT ticket_id, request_hash, outcome FROM idempotency_key WHERE principal = ? AND idem_key = ?")
        .params(user.id(), idempotencyKey)
        .query(
            (rs, i) -> {
              if (rs.getString("outcome") == null || !rs.getString("request_hash").equals(messageHash(key, from, body))) {
                throw new ApiException(
                    org.springframework.http.HttpStatus.UNPROCESSABLE_ENTITY,
                    "This Idempotency-Key was used for a different request",
                    "Idempotency-Key");
              }
              return new MessageResult(MessageOutcome.valueOf(rs.getString("outcome")), tickets.find(rs.getLong("ticket_id")).orElseThrow());
            })
        .optional();
  }

  /**
   * Adds the message and, with an Idempotency-Key, keeps what it became under the key in the same
   * transaction: sent again, it is answered from there ({@link #replayMessage}) and neither stored
   * nor (an agent's) e-mailed twice. A message refused or rolled back keeps no key.
   */
  @Transactional
  public MessageResult addMessage(String key, MessageAuthor from, String body, CurrentUser user, String idempotencyKey) {
    var result = addMessage(key, from, body, user);
    if (idempotencyKey != null) {
      jdbc.sql("INSERT INTO idempotency_key (principal, idem_key, request_hash, ticket_id, created_at, outcome) VALUES (?, ?, ?, ?, ?, ?)")
          .params(user.id(), idempotencyKey, messageHash(key, from, body), result.ticket().id(), TicketStore.toSql(Now.instant()),
              result.outcome().name())
          .update();
    }
    return result;
  }

  static String messageHash(String key, MessageAuthor from, String body) {
    return sha256(String.join("\u0000", "message", key, String.valueOf(from), body));
  }

  private static String sha256(String canonical) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Transactional
  public MessageResult addMessage(String key, MessageAuthor from, String body, CurrentUser user) {
    var t = visible(key, user);
    if (from == MessageAuthor.AGENT) {
      if (!user.worksTickets()) {
        throw ApiException.forbidden("Only support staff write as AGENT");
      }
      conversation.agentReplied(t, user.id(), body);
      correlate(key, Messages.AGENT_RESPONDED, Map.of());
      // a public reply: the customer gets it by e-mail, queued in this transaction (also on a closed ticket)
      events.publishEvent(new AgentReplied(key, body));
      events.publishEvent(new MessageAdded(key));
      return new MessageResult(MessageOutcome.ADDED, tickets.find(t.id()).orElseThrow());
    }
    if (!user.customer() && !user.worksTickets()) {
      throw ApiException.forbidden("Your role cannot write to tickets");
    }
    // after the window, by today's table or by the ticket's own (its process no longer listens: the
    // window was set when it closed, and a process owner may have lengthened it since)
    if (t.status() == TicketStatus.CLOSED && (!clock.withinReopenWindow(t, Now.instant()) || !waitsFor(key, Messages.CUSTOMER_REPLIED))) {
      return new MessageResult(MessageOutcome.NEW_TICKET_LINKED, followUpTicket(t, body, user));
    }
    conversation.customerWrote(t, author(user), body);
    var correlated = correlate(key, Messages.CUSTOMER_REPLIED, Map.of());
    MessageOutcome outcome =
        correlated.isEmpty()
            ? MessageOutcome.ADDED
            : switch (t.status()) {
              case CLOSED -> MessageOutcome.REOPENED;
              case RESOLVED -> MessageOutcome.RETURNED_TO_AGENT;
              default -> MessageOutcome.ANSWERED_INFORMATION_REQUEST;
            };
    // a task open while she wrote (the agent at work) shows her message too, not only new tasks
    events.publishEvent(new MessageAdded(key));
    return new MessageResult(outcome, tickets.find(t.id()).orElseThrow());
  }

  /**
   * Delivers a message to the ticket's process; none answers when nothing waits for it. A process
   * that waits but did not take it (an administrator suspended it, or it moved on at this very
   * moment: a timer ended the wait) would lose it: the request is rolled back, to be sent again.
   */
  private List<MessageCorrelationResult> correlate(String key, String message, Map<String, Object> variables) {
    boolean waits = waitsFor(key, message);
    var correlated =
        runtime.createMessageCorrelation(message).processInstanceBusinessKey(key).setVariables(variables).correlateAllWithResult();
    if (correlated.isEmpty() && waits) {
      throw runtime.createProcessInstanceQuery().processDefinitionKey(TicketLifecycle.PROCESS_KEY).processInstanceBusinessKey(key)
              .suspended().count() > 0
          ? new TicketOnHold(key)
          : new TryAgainLater("The ticket moved on at the same moment; nothing was saved: send it again", 1);
    }
    return correlated;
  }

  /** Whom a message is from: a customer by her e-mail, staff by user id. */
  private static String author(CurrentUser user) {
    return user.customer() ? user.email() : user.id();
  }

  /** Whether the ticket's process waits for {@code message} now. */
  public boolean waitsFor(String key, String message) {
    return runtime.createExecutionQuery().processInstanceBusinessKey(key).messageEventSubscriptionName(message).count() > 0;
  }

  /** A reply after the reopen window: a new ticket that links the old one (policy §6). */
  private Ticket followUpTicket(Ticket old, String body, CurrentUser user) {
    var customer = customers.findById(old.customerId()).orElseThrow();
    var subject = old.subject().startsWith("Re: ") ? old.subject() : "Re: " + old.subject();
    var t =
        tickets.insert(
            new TicketStore.NewTicket(
                customer.id(),
                subject.length() > 200 ? subject.substring(0, 200) : subject,
                body,
                old.channel(),
                null,
                null,
                null,
                Urgency.MEDIUM,
                false,
                old.id(),
                user.id()));
    history.record(old.id(), HistoryEvent.LINKED, user.id(), "Late reply opened " + t.key());
    history.record(t.id(), HistoryEvent.LINKED, user.id(), "Follows up " + old.key() + " (closed on " + old.closedAt() + ")");
    return start(t, customer, user.id());
  }

  /**
   * A customer's message that belongs on her closed ticket's record and changes nothing there:
   * survey scores sent after the survey expired (no reopening, no follow-up ticket, not counted).
   */
  @Transactional
  public Ticket keepOnClosedTicket(String key, String body, CurrentUser user) {
    var t = visible(key, user);
    if (t.status() != TicketStatus.CLOSED) {
      throw ApiException.conflict("Ticket %s is not closed (status %s)".formatted(key, t.status()));
    }
    conversation.customerWrote(t, author(user), body);
    return tickets.find(t.id()).orElseThrow();
  }

  @Transactional
  public Ticket escalate(String key, EscalationReason reason, String justification, CurrentUser user) {
    var t = visible(key, user);
    if (user.customer() && reason != EscalationReason.CUSTOMER_REQUEST) {
      throw ApiException.badRequest("reason", "A customer asks for escalation with reason CUSTOMER_REQUEST");
    }
    if (!user.customer() && !user.worksTickets()) {
      throw ApiException.forbidden("Your role cannot escalate tickets");
    }
    history.record(t.id(), HistoryEvent.ESCALATION_REQUESTED, user.id(), reason + ": " + justification);
    var correlated =
        correlate(key, Messages.ESCALATION_REQUESTED, Map.of(
            TRIGGER.name(), reason.trigger().name(), ESCALATION_REASON.name(), reason.name(), JUSTIFICATION.name(), justification));
    if (correlated.isEmpty()) {
      throw ApiException.conflict("Ticket %s cannot be escalated while %s".formatted(key, t.status()));
    }
    return tickets.find(t.id()).orElseThrow();
  }

  @Transactional
  public Ticket verify(String key, boolean accepted, String comment, CurrentUser user) {
    var t = visible(key, user);
    if (!user.customer() && !user.worksTickets()) {
      throw ApiException.forbidden("Your role cannot answer for the customer");
    }
    if (comment != null && !comment.isBlank()) {
      conversation.customerWrote(t, author(user), comment);
    }
    var correlated = correlate(key, Messages.SOLUTION_VERIFIED, Map.of(ACCEPTED.name(), accepted));
    if (correlated.isEmpty()) {
      throw ApiException.conflict("Ticket %s has no proposed solution to verify (status %s)".formatted(key, t.status()));
    }
    return tickets.find(t.id()).orElseThrow();
  }

  @Transactional
  public Ticket feedback(String key, int csat, Integer nps, Integer ces, String comment, CurrentUser user) {
    var t = visible(key, user);
    if (!user.customer() && !user.worksTickets()) {
      throw ApiException.forbidden("Your role cannot give feedback");
    }
    jdbc.sql("INSERT INTO feedback (ticket_id, csat, nps, ces, comment, at) VALUES (?, ?, ?, ?, ?, ?)")
        .params(t.id(), csat, nps, ces, comment, TicketStore.toSql(Now.instant()))
        .update();
    var correlated = correlate(key, Messages.FEEDBACK_RECEIVED, Map.of(CSAT.name(), csat));
    if (correlated.isEmpty()) {
      throw ApiException.conflict("Ticket %s has no open survey (expired, answered, or not closed)".formatted(key));
    }
    return tickets.find(t.id()).orElseThrow();
  }

  /** The ticket's history: whole for staff, the customer's part of it for her (CustomerFacing). */
  @Transactional(readOnly = true)
  public List<TicketHistory.Entry> history(String key, CurrentUser user) {
    var all = history.of(visible(key, user).id());
    return user.customer() ? CustomerFacing.history(all, user) : all;
  }
}
