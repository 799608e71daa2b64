package ai.archbuilder.support.mail;

import static ai.archbuilder.support.ticket.TicketLifecycle.MAIL_PROCESS_KEY;

import ai.archbuilder.support.customer.Customer;
import ai.archbuilder.support.customer.CustomerStore;
import ai.archbuilder.support.sla.BusinessCalendarProperties;
import ai.archbuilder.support.sla.CoverageClock;
import ai.archbuilder.support.system.EngineAccess;
import ai.archbuilder.support.system.Now;
import ai.archbuilder.support.ticket.HistoryEvent;
import ai.archbuilder.support.ticket.MessageAuthor;
import ai.archbuilder.support.ticket.SlaPlanner;
import ai.archbuilder.support.ticket.Ticket;
import ai.archbuilder.support.ticket.TicketClock;
import ai.archbuilder.support.ticket.TicketHistory;
import ai.archbuilder.support.ticket.TicketLifecycle;
import ai.archbuilder.support.ticket.TicketMessages;
import ai.archbuilder.support.ticket.TicketMessages.Message;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;

/**
 * Queues a ticket's e-mail: renders it now from its templates (it tells the state of this
 * moment), stores both bodies in the outbox and starts a {@code MailDeliveryProcess} that sends it
 * in a job of its own, retried by the job executor. Internal messages on Standard coverage wait
 * for open hours. Later messages to the same recipient carry {@code In-Reply-To}/{@code
 * References}, so mail clients show one thread per ticket.
 */
@Service
public class TicketMailer {

  /** Who a template goes to. */
  enum Audience {
    CUSTOMER,
    TIER,
    MANAGERS
  }

  /** Every template, customer-facing first. */
  static final List<String> TEMPLATES =
      List.of(
          "acknowledgement",
          "information-request",
          "status-update",
          "escalation",
          "resolution",
          "survey",
          "reply",
          "sla-warning",
          "sla-breach",
          "manager-notification",
          "handover");

  /** {@code References} keeps the first message of the thread and the latest ones within this length. */
  private static final int MAX_REFERENCES_LENGTH = 3000;

  private final OutboundMails outbox;
  private final TicketHistory history;
  private final TicketMessages messages;
  private final CustomerStore customers;
  private final SlaPlanner planner;
  private final TicketClock ticketClock;
  private final RuntimeService runtime;
  private final MailProperties properties;
  private final MailTemplates templates;
  private final BusinessCalendarProperties calendar;
  private final DueWording due;

  TicketMailer(
      OutboundMails outbox,
      TicketHistory history,
      TicketMessages messages,
      CustomerStore customers,
      SlaPlanner planner,
      TicketClock ticketClock,
      RuntimeService runtime,
      MailProperties properties,
      MailTemplates templates,
      BusinessCalendarProperties calendar) {
    this.outbox = outbox;
    this.history = history;
    this.messages = messages;
    this.customers = customers;
    this.planner = planner;
    this.ticketClock = ticketClock;
    this.runtime = runtime;
    this.properties = properties;
    this.templates = templates;
    this.calendar = calendar;
    this.due = new DueWording(calendar.zone());
  }

  static Audience audience(String template) {
    return switch (template) {
      case "sla-warning", "sla-breach", "handover" -> Audience.TIER;
      case "manager-notification" -> Audience.MANAGERS;
      case "acknowledgement", "information-request", "resolution", "status-update", "escalation", "survey", "reply" ->
          Audience.CUSTOMER;
      default -> throw new IllegalArgumentException("Unknown e-mail template " + template);
    };
  }

  public long queue(Ticket t, String template) {
    return queue(t, template, Map.of());
  }

  /**
   * Queues {@code template} for the ticket. {@code details} are extra template variables (e.g.
   * {@code window}, {@code trigger}); {@code tier} (an integer) sends an internal message to that
   * tier's group instead of the ticket's current one, {@code to} (an address) to one agent instead
   * of a group.
   */
  public long queue(Ticket t, String template, Map<String, ?> details) {
    var customer = customers.findById(t.customerId()).orElseThrow();
    var audience = audience(template);
    var recipient =
        switch (audience) {
          case CUSTOMER -> customer.email();
          case TIER ->
              details.get("to") instanceof String to && !to.isBlank()
                  ? to
                  : properties.tierAddress(details.get("tier") instanceof Integer n ? n : t.tier());
          case MANAGERS -> properties.managers();
        };
    var subject = "[%s] %s".formatted(t.key(), singleLine(t.subject()));
    var rendered = templates.render(template, model(template, t, customer, details));
    var messageId = "<%s.%s@archbuilder.app>".formatted(t.key().toLowerCase(Locale.ROOT), UUID.randomUUID());
    var previous = outbox.lastTo(t.id(), recipient);
    var inReplyTo = previous.map(OutboundMails.Mail::messageId).orElse(null);
    var references = previous.map(p -> references(p.references(), p.messageId())).orElse(null);
    long id =
        outbox.insert(
            new OutboundMails.NewMail(t.id(), template, recipient, subject, rendered.text(), rendered.html(), messageId, inReplyTo, references));
    history.record(t.id(), HistoryEvent.MAIL_QUEUED, "system", template + " to " + recipient);
    var variables = new HashMap<String, Object>();
    variables.put(TicketLifecycle.MAIL_ID.name(), id);
    variables.put(TicketLifecycle.DELIVER_AFTER.name(), deliverAfter(t, audience));
    EngineAccess.privileged(() -> runtime.startProcessInstanceByKey(MAIL_PROCESS_KEY, t.key(), variables));
    return id;
  }

  /** The thread so far: the previous message's References plus its own Message-ID, trimmed in the middle if long. */
  static String references(String previousReferences, String previousMessageId) {
    var ids = new ArrayList<String>();
    if (previousReferences != null && !previousReferences.isBlank()) {
      ids.addAll(Arrays.asList(previousReferences.trim().split("\\s+")));
    }
    ids.add(previousMessageId);
    while (ids.size() > 2 && String.join(" ", ids).length() > MAX_REFERENCES_LENGTH) {
      ids.remove(1);
    }
    return String.join(" ", ids);
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
    return s.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").replaceAll(" {2,}", " ").trim();
  }

  /** The variables every template sees; see README "E-mail templates". */
  private Map<String, Object> model(String template, Ticket t, Customer customer, Map<String, ?> details) {
    var now = Now.instant();
    CoverageClock clock = t.coverage() == null ? null : planner.clockOf(t);
    var model = new HashMap<String, Object>();

    var ticket = new LinkedHashMap<String, Object>();
    ticket.put("key", t.key());
    ticket.put("subject", singleLine(t.subject()));
    ticket.put("description", t.description());
    ticket.put("status", label(t.status()));
    ticket.put("priority", t.priority() == null ? null : t.priority().name());
    ticket.put("tier", t.tier());
    ticket.put("group", t.tier() == null ? null : t.tierGroup());
    // the tier an internal message goes to (a breach notice goes to the tier that missed it, after
    // the move), as people say it: "Tier 1 team"
    var teamTier = details.get("tier") instanceof Integer n ? n : t.tier();
    model.put("team", teamTier == null ? "support team" : "Tier " + teamTier + " team");
    ticket.put("coverage", t.coverage() == null ? null : t.coverage().name());
    ticket.put("coverageTerms", coverageTerms(t));
    ticket.put("roundTheClock", t.coverage() != null && t.coverage().roundTheClock());
    ticket.put("createdAt", due.time(t.createdAt()));
    model.put("ticket", ticket);

    var person = new LinkedHashMap<String, Object>();
    person.put("name", customer.name() == null || customer.name().isBlank() ? null : customer.name());
    person.put("email", customer.email());
    person.put("organisation", customer.organisation());
    person.put("vip", customer.vip());
    model.put("customer", person);

    model.put("firstResponse", due.of(t.firstResponseDueAt(), now, clock));
    model.put("tierResponse", due.of(t.tierResponseDueAt(), now, clock));
    model.put("resolution", due.of(t.resolutionDueAt(), now, clock));
    model.put("agentMessage", lastAgentMessage(t));
    var contact = new LinkedHashMap<String, Object>();
    contact.put("team", properties.contact().team());
    contact.put("email", properties.contact().email());
    contact.put("phone", properties.contact().phone());
    contact.put("web", properties.contact().web());
    model.put("contact", contact);
    model.put("now", due.time(now));
    switch (template) {
      case "resolution" -> model.put("confirmBy", due.of(deadline(t, TicketClock.Deadline.VERIFICATION.name(), now), now, clock));
      case "survey" ->
          model.put("surveyExpires", due.of(deadline(t, TicketClock.Deadline.SURVEY.name(), t.closedAt() == null ? now : t.closedAt()), now, clock));
      default -> {}
    }
    details.forEach(model::put);
    return model;
  }

  private Instant deadline(Ticket t, String deadline, Instant from) {
    return t.coverage() == null ? null : ticketClock.deadline(t, deadline, from);
  }

  private static String label(Enum<?> e) {
    return e == null ? null : e.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  private String coverageTerms(Ticket t) {
    if (t.coverage() == null) {
      return null;
    }
    if (t.coverage().roundTheClock()) {
      return "24/7: every hour of every day counts";
    }
    var days = calendar.workingDays().stream().sorted().toList();
    boolean contiguous = days.get(days.size() - 1).getValue() - days.get(0).getValue() == days.size() - 1;
    var dayText =
        contiguous && days.size() > 1
            ? name(days.get(0)) + "–" + name(days.get(days.size() - 1))
            : String.join(", ", days.stream().map(TicketMailer::name).toList());
    return "business hours: %s %s–%s %s time, holidays excluded".formatted(dayText, calendar.opens(), calendar.closes(), calendar.zone().getId());
  }

  private static String name(DayOfWeek d) {
    return d.getDisplayName(TextStyle.SHORT, Locale.US);
  }

  private String lastAgentMessage(Ticket t) {
    return messages.of(t.id()).stream()
        .filter(m -> m.author() == MessageAuthor.AGENT)
        .reduce((a, b) -> b)
        .map(Message::body)
        .orElse(null);
  }
}
