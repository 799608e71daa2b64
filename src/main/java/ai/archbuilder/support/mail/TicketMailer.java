package ai.archbuilder.support.mail;

import static ai.archbuilder.support.ticket.TicketLifecycle.MAIL_PROCESS_KEY;

import ai.archbuilder.support.customer.CustomerStore;
import ai.archbuilder.support.sla.BusinessCalendarProperties;
import ai.archbuilder.support.system.EngineAccess;
import ai.archbuilder.support.system.Now;
import ai.archbuilder.support.ticket.HistoryEvent;
import ai.archbuilder.support.ticket.SlaPlanner;
import ai.archbuilder.support.ticket.Ticket;
import ai.archbuilder.support.ticket.TicketHistory;
import ai.archbuilder.support.ticket.TicketMessages;
import ai.archbuilder.support.ticket.TicketMessages.Message;
import ai.archbuilder.support.ticket.MessageAuthor;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.Locale;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;

/**
 * Queues a ticket's e-mail: renders it now (it tells the state of this moment), stores it in the
 * outbox and starts a {@code MailDeliveryProcess} that sends it in a job of its own, retried by
 * the job executor. Internal messages on Standard coverage wait for open hours.
 */
@Service
public class TicketMailer {

  /** Who a template goes to. */
  enum Audience {
    CUSTOMER,
    TIER,
    MANAGERS
  }

  private final OutboundMails outbox;
  private final TicketHistory history;
  private final TicketMessages messages;
  private final CustomerStore customers;
  private final SlaPlanner planner;
  private final RuntimeService runtime;
  private final MailProperties properties;
  private final DateTimeFormatter local;

  TicketMailer(
      OutboundMails outbox,
      TicketHistory history,
      TicketMessages messages,
      CustomerStore customers,
      SlaPlanner planner,
      RuntimeService runtime,
      MailProperties properties,
      BusinessCalendarProperties calendar) {
    this.outbox = outbox;
    this.history = history;
    this.messages = messages;
    this.customers = customers;
    this.planner = planner;
    this.runtime = runtime;
    this.properties = properties;
    this.local = DateTimeFormatter.ofPattern("EEE d MMM HH:mm zzz", Locale.US).withZone(calendar.zone());
  }

  static Audience audience(String template) {
    return switch (template) {
      case "sla-warning", "handover" -> Audience.TIER;
      case "manager-notification" -> Audience.MANAGERS;
      case "acknowledgement", "information-request", "resolution", "status-update", "escalation", "survey" ->
          Audience.CUSTOMER;
      default -> throw new IllegalArgumentException("Unknown e-mail template " + template);
    };
  }

  public long queue(Ticket t, String template) {
    var customer = customers.findById(t.customerId()).orElseThrow();
    var audience = audience(template);
    var recipient =
        switch (audience) {
          case CUSTOMER -> customer.email();
          case TIER -> properties.tierAddressPattern().replace("{group}", t.tierGroup());
          case MANAGERS -> properties.managers();
        };
    var subject = "[%s] %s".formatted(t.key(), singleLine(t.subject()));
    var body = render(template, t, customer.name());
    var messageId = "<%s.%s@archbuilder.app>".formatted(t.key().toLowerCase(Locale.ROOT), UUID.randomUUID());
    var inReplyTo = outbox.lastCustomerMessageId(t.id(), recipient).orElse(null);
    long id = outbox.insert(t.id(), template, recipient, subject, body, messageId, inReplyTo);
    history.record(t.id(), HistoryEvent.MAIL_QUEUED, "system", template + " to " + recipient);
    var variables = new HashMap<String, Object>();
    variables.put("mailId", id);
    variables.put("deliverAfter", deliverAfter(t, audience));
    EngineAccess.privileged(() -> runtime.startProcessInstanceByKey(MAIL_PROCESS_KEY, t.key(), variables));
    return id;
  }

  /** Internal warnings for Standard-coverage tickets are not sent at 2 am: they wait for open hours. */
  private Date deliverAfter(Ticket t, Audience audience) {
    if (audience == Audience.CUSTOMER || t.coverage() == null || t.coverage().roundTheClock()) {
      return null;
    }
    var clock = planner.clockOf(t);
    var now = Now.instant();
    return clock.isOpen(now) ? null : Date.from(clock.nextOpen(now));
  }

  /** Header injection: a subject is one line, whatever the customer typed. */
  static String singleLine(String s) {
    return s.replaceAll("[\\r\\n\\t]+", " ").trim();
  }

  private String when(Instant i) {
    return i == null ? "-" : local.format(i);
  }

  private String lastAgentMessage(Ticket t) {
    return messages.of(t.id()).stream()
        .filter(m -> m.author() == MessageAuthor.AGENT)
        .reduce((a, b) -> b)
        .map(Message::body)
        .orElse("");
  }

  private String render(String template, Ticket t, String customerName) {
    var hello = "Hello " + (customerName == null ? "" : customerName) + ",\n\n";
    var footer =
        "\n\nYour ticket: %s — status %s, priority %s, Tier %d.\nReply to this e-mail to add to the ticket.\n\nArchBuilder.AI Support · support@archbuilder.app · +1 (555) 123-4567"
            .formatted(t.key(), t.status(), t.priority(), t.tier());
    return switch (template) {
      case "acknowledgement" ->
          hello
              + "we have received your request \"%s\".\nNext step: an agent will respond by %s.".formatted(
                  singleLine(t.subject()), when(t.firstResponseDueAt()))
              + footer;
      case "information-request" ->
          hello + "to move on we need some information from you:\n\n" + lastAgentMessage(t)
              + "\n\nNext step: reply to this e-mail; the ticket waits for you." + footer;
      case "resolution" ->
          hello + "we propose this solution:\n\n" + lastAgentMessage(t)
              + "\n\nNext step: tell us whether it solves the problem. Without an answer we take it as confirmed."
              + footer;
      case "status-update" ->
          hello + "an update on your ticket: it is being worked on in Tier %d; the resolution target is %s."
              .formatted(t.tier(), when(t.resolutionDueAt())) + footer;
      case "escalation" ->
          hello + "your ticket has been escalated to Tier %d. Next step: a specialist will respond by %s."
              .formatted(t.tier(), when(t.tierResponseDueAt())) + footer;
      case "survey" ->
          hello + "your ticket is closed. How did we do? Rate us from 1 to 5 (and, if you like, how likely you"
              + " are to recommend us, 0–10, and how easy it was, 1–7) by replying to this e-mail." + footer;
      case "sla-warning" ->
          "SLA warning for %s (%s, Tier %d): response due %s, resolution due %s.".formatted(
              t.key(), t.priority(), t.tier(), when(t.tierResponseDueAt()), when(t.resolutionDueAt()));
      case "handover" ->
          "%s has been handed to %s (%s, %s coverage). Response due %s. The whole history is on the ticket."
              .formatted(t.key(), t.tierGroup(), t.priority(), t.coverage(), when(t.tierResponseDueAt()));
      case "manager-notification" ->
          "Oversight needed: %s (%s) is at its ceiling Tier %d and cannot move on by itself. Resolution due %s."
              .formatted(t.key(), t.priority(), t.tier(), when(t.resolutionDueAt()));
      default -> throw new IllegalArgumentException("Unknown e-mail template " + template);
    };
  }
}
