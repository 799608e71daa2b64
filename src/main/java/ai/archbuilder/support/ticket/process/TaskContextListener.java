package ai.archbuilder.support.ticket.process;

import static ai.archbuilder.support.ticket.TicketLifecycle.CUSTOMER_ANSWERED;
import static ai.archbuilder.support.ticket.TicketLifecycle.DOCUMENT_IN_KB;
import static ai.archbuilder.support.ticket.TicketLifecycle.KB_ARTICLE;
import static ai.archbuilder.support.ticket.TicketLifecycle.OUTCOME;

import ai.archbuilder.support.customer.CustomerStore;
import ai.archbuilder.support.escalation.Escalations;
import ai.archbuilder.support.escalation.Escalations.Escalation;
import ai.archbuilder.support.sla.BusinessCalendarProperties;
import ai.archbuilder.support.system.ProcessVariable;
import ai.archbuilder.support.ticket.MessageAdded;
import ai.archbuilder.support.ticket.MessageAuthor;
import ai.archbuilder.support.ticket.Ticket;
import ai.archbuilder.support.ticket.TicketClock;
import ai.archbuilder.support.ticket.TicketLifecycle.Outcome;
import ai.archbuilder.support.ticket.TicketMessages;
import ai.archbuilder.support.ticket.TicketMessages.Message;
import ai.archbuilder.support.ticket.TicketStore;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Create listener of the agents' user tasks: puts what the task form shows read-only (the
 * ticket's context) into the task's own scope as plain strings. They vanish with the task, so
 * the process keeps its few variables. Customer text stays plain text: the forms bind it to
 * read-only text fields and text areas only, which never interpret it.
 *
 * <p>Each decision starts blank: the forms bind the agent's choice to the process variables
 * {@code outcome} and {@code documentInKb}, so a new task would otherwise offer the choice made in
 * the task before it (after the customer's answer, say, "Request information" again). The
 * listener empties both; a task whose ticket came back from "Request information" gets the
 * task-local marker {@code customerAnswered} instead, which the Tasklist filter "Waiting for
 * customer" lists.
 *
 * <p>Also gives a task without a due date or priority expression the ticket's (a step a process
 * owner added from a template).
 */
@Component("taskContextListener")
class TaskContextListener implements TaskListener {

  private static final Logger log = LoggerFactory.getLogger(TaskContextListener.class);

  /** The task-local variables the forms read. */
  static final String KEY = "ticketKey";
  static final String SUBJECT = "ticketSubject";
  static final String CUSTOMER = "ticketCustomer";
  static final String CLASSIFICATION = "ticketClassification";
  static final String PRIORITY = "ticketPriority";
  static final String DUE = "ticketDue";
  static final String CONVERSATION = "ticketConversation";
  static final String ESCALATIONS = "ticketEscalations";

  static final List<String> NAMES = List.of(KEY, SUBJECT, CUSTOMER, CLASSIFICATION, PRIORITY, DUE, CONVERSATION, ESCALATIONS);

  private static final int MAX_TEXT = ProcessVariable.MAX_TEXT;

  private final TicketStore tickets;
  private final CustomerStore customers;
  private final TicketMessages messages;
  private final Escalations escalations;
  private final TicketClock clock;
  private final DateTimeFormatter local;
  private final ObjectProvider<TaskService> taskService;
  private final TransactionTemplate separately;

  TaskContextListener(
      TicketStore tickets,
      CustomerStore customers,
      TicketMessages messages,
      Escalations escalations,
      TicketClock clock,
      BusinessCalendarProperties calendar,
      ObjectProvider<TaskService> taskService,
      PlatformTransactionManager transactions) {
    this.clock = clock;
    this.taskService = taskService;
    this.separately = new TransactionTemplate(transactions);
    this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.tickets = tickets;
    this.customers = customers;
    this.messages = messages;
    this.escalations = escalations;
    this.local = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm zzz", Locale.US).withZone(calendar.zone());
  }

  /**
   * The ticket's open tasks show the conversation with the message just added. After the message
   * is committed, in a transaction of its own: an agent completing the task at that moment must not
   * roll the customer's message back, and a display that fails is logged, not the message lost.
   */
  @TransactionalEventListener(fallbackExecution = true)
  void messageAdded(MessageAdded added) {
    try {
      separately.executeWithoutResult(status -> {
        var taskService = this.taskService.getObject();
        var open = taskService.createTaskQuery().processInstanceBusinessKey(added.ticketKey()).list();
        if (open.isEmpty()) {
          return;
        }
        var t = tickets.get(added.ticketKey());
        var snapshot = Variables.stringValue(conversation(t, messages.of(t.id())));
        open.forEach(task -> taskService.setVariableLocal(task.getId(), CONVERSATION, snapshot));
      });
    } catch (RuntimeException e) {
      log.warn("Open tasks of {} keep their conversation until the next task: {}", added.ticketKey(), e.toString());
    }
  }

  @Override
  public void notify(DelegateTask task) {
    var t = tickets.get(task.getExecution().getProcessBusinessKey());
    var customer = customers.findById(t.customerId()).orElseThrow();
    task.setVariableLocal(KEY, Variables.stringValue(t.key()));
    task.setVariableLocal(SUBJECT, Variables.stringValue(shorten(t.subject(), MAX_TEXT)));
    task.setVariableLocal(
        CUSTOMER,
        Variables.stringValue(
            "%s <%s>, %s · plan %s%s"
                .formatted(
                    customer.name(),
                    customer.email(),
                    Objects.toString(customer.organisation(), "-"),
                    customer.plan(),
                    customer.vip() ? " · VIP" : "")));
    task.setVariableLocal(CLASSIFICATION, Variables.stringValue(classification(t)));
    task.setVariableLocal(
        PRIORITY,
        Variables.stringValue(
            "%s · Tier %s (ceiling Tier %s) · %s coverage · channel %s"
                .formatted(t.priority(), t.tier(), t.maxTier(), t.coverage(), t.channel())));
    task.setVariableLocal(DUE, Variables.stringValue(dueDates(t)));
    var conversation = messages.of(t.id());
    task.setVariableLocal(CONVERSATION, Variables.stringValue(conversation(t, conversation)));
    task.setVariableLocal(ESCALATIONS, Variables.stringValue(escalations(escalations.of(t.id()))));
    // she answered the question if hers is the last word (she may have escalated instead)
    startBlank(task, !conversation.isEmpty() && conversation.get(conversation.size() - 1).author() == MessageAuthor.CUSTOMER);

    var definition = task instanceof TaskEntity entity ? entity.getTaskDefinition() : null;
    // a task a process owner added without due date or priority expressions gets the ticket clock's
    if (task.getDueDate() == null) {
      var due = clock.taskDueAt(t);
      if (due != null) {
        task.setDueDate(Date.from(due));
      }
    }
    if (definition != null && definition.getPriorityExpression() == null) {
      task.setPriority(clock.taskPriority(t));
    }
  }

  private static void startBlank(DelegateTask task, boolean customerWroteLast) {
    var execution = task.getExecution();
    var previous = OUTCOME.get(execution);
    if (Outcome.REQUEST_INFORMATION.name().equals(previous) && customerWroteLast) {
      task.setVariableLocal(CUSTOMER_ANSWERED.name(), Variables.booleanValue(true));
    }
    if (previous != null) {
      execution.setVariable(OUTCOME.name(), Variables.stringValue(null));
    }
    if (DOCUMENT_IN_KB.get(execution) != null) {
      execution.setVariable(DOCUMENT_IN_KB.name(), Variables.booleanValue(null));
    }
    if (KB_ARTICLE.get(execution) != null) {
      // the article of a rejected solution is not the next solution's
      execution.setVariable(KB_ARTICLE.name(), Variables.stringValue(null));
    }
  }

  private String when(Instant i) {
    return i == null ? "-" : local.format(i);
  }

  private static String classification(Ticket t) {
    return "Category: %s / %s%s\nImpact: %s%s\nUrgency: %s\nSecurity: %s"
        .formatted(
            t.category(),
            Objects.toString(t.subcategory(), "-"),
            t.categoryInferred() ? " (inferred)" : "",
            t.impact(),
            t.impactInferred() ? " (inferred)" : "",
            t.urgency(),
            t.security() ? "yes" : "no");
  }

  private String dueDates(Ticket t) {
    var lines = new ArrayList<String>();
    lines.add("First response: " + (t.firstRespondedAt() != null ? "given " + when(t.firstRespondedAt()) : "due " + when(t.firstResponseDueAt())));
    if (t.tierResponseDueAt() != null) {
      lines.add("Tier response: " + (t.tierRespondedAt() != null ? "given " + when(t.tierRespondedAt()) : "due " + when(t.tierResponseDueAt())));
    }
    lines.add("Resolution: due " + when(t.resolutionDueAt()));
    if (t.escalationDueAt() != null) {
      lines.add("Escalates (time in tier): " + when(t.escalationDueAt()));
    }
    if (t.pausedAt() != null) {
      lines.add("Clocks paused since " + when(t.pausedAt()));
    }
    return String.join("\n", lines);
  }

  /**
   * The original request and every message, oldest first, as plain text. When it is longer than
   * a string variable holds, the oldest messages are left out (and it says so); the request stays.
   */
  String conversation(Ticket t, List<Message> all) {
    var request =
        "— Request from the customer, %s (%s)\nSubject: %s\n\n%s".formatted(
            when(t.createdAt()), t.channel(), t.subject(), Objects.toString(t.description(), ""));
    request = shorten(request, MAX_TEXT / 2);
    var parts = new ArrayList<String>();
    int length = request.length();
    int left = 0;
    for (int i = all.size() - 1; i >= 0; i--) {
      var m = all.get(i);
      var part = "— %s %s, %s\n\n%s".formatted(m.author(), m.authorName(), when(m.at()), m.body());
      if (length + part.length() + 2 > MAX_TEXT - 80) {
        left = i + 1;
        break;
      }
      parts.add(0, part);
      length += part.length() + 2;
    }
    var text = new StringBuilder(request);
    if (left > 0) {
      text.append("\n\n(").append(left).append(left == 1 ? " earlier message" : " earlier messages").append(" left out here)");
    }
    for (var p : parts) {
      text.append("\n\n").append(p);
    }
    return text.toString();
  }

  private String escalations(List<Escalation> all) {
    if (all.isEmpty()) {
      return "None";
    }
    var lines = new ArrayList<String>();
    for (var e : all) {
      lines.add(
          "%s: %s Tier %d → Tier %d, %s%s%s"
              .formatted(
                  when(e.at()),
                  e.action(),
                  e.fromTier(),
                  e.toTier(),
                  e.trigger(),
                  e.reason() == null ? "" : " (" + e.reason() + ")",
                  e.justification() == null || e.justification().isBlank() ? "" : ": " + e.justification()));
    }
    return shorten(String.join("\n", lines), MAX_TEXT);
  }

  private static String shorten(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
