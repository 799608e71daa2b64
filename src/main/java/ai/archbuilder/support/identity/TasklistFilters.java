package ai.archbuilder.support.identity;

import ai.archbuilder.support.mail.inbound.HeldReplyReview;
import ai.archbuilder.support.mail.inbound.QuarantineReview;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import ai.archbuilder.support.system.Tiers;
import ai.archbuilder.support.ticket.Priority;
import ai.archbuilder.support.ticket.TicketLifecycle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The shared Tasklist filters, created or brought up to date at start-up in every profile: per
 * tier group its queue, "SLA at risk", "Breached", "P1 / P2" and "Waiting for customer", and the
 * same five over all tiers for the support managers, and theirs of the e-mail kept aside or held
 * for a ticket on hold. Each filter is readable by its group only (a filter made by code has no
 * grants). The ticket filters sort by due date, then priority (P1 first); the managers' mail
 * filter lists the oldest first.
 *
 * <p>A ticket that waits for the customer has no task (the process waits in a receive task), so
 * no Tasklist filter can list it. "Waiting for customer" lists instead the tasks of tickets that
 * came back from waiting: the customer has answered the agent's question (the task listener marks
 * those tasks with the task-local {@code customerAnswered}). The tickets still
 * waiting are {@code GET /api/tickets?status=WAITING_FOR_CUSTOMER}.
 */
@Component
class TasklistFilters {

  /** One filter's purpose: its name suffix, description, and how it narrows the group's tasks. */
  record Kind(String name, String description, UnaryOperator<TaskQuery> narrow) {}

  static final String QUEUE = "My tier's queue";
  static final String AT_RISK = "SLA at risk";
  static final String BREACHED = "Breached";
  static final String URGENT = "P1 / P2";
  static final String WAITING = "Waiting for customer";
  static final String QUARANTINE = "Managers: Mail quarantine";

  private final FilterService filters;
  private final TaskService taskService;
  private final AuthorizationService authorizations;
  private final TasklistProperties properties;

  TasklistFilters(
      FilterService filters, TaskService taskService, AuthorizationService authorizations, TasklistProperties properties) {
    this.filters = filters;
    this.taskService = taskService;
    this.authorizations = authorizations;
    this.properties = properties;
  }

  List<Kind> kinds() {
    long minutes = properties.atRiskWithin().toMinutes();
    return List.of(
        new Kind(QUEUE, "Every open task of the tier, claimed or not", q -> q),
        new Kind(
            AT_RISK,
            "Due within the next %s, not yet breached".formatted(properties.atRiskWithin().toString().substring(2).toLowerCase()),
            q -> q.dueAfterExpression("${now()}").dueBeforeExpression("${dateTime().plusMinutes(" + minutes + ").toDate()}")),
        new Kind(BREACHED, "Due date passed: the SLA is breached", q -> q.dueBeforeExpression("${now()}")),
        new Kind(URGENT, "Priority P1 or P2", q -> q.taskMinPriority(Priority.P2.taskPriority())),
        new Kind(
            WAITING,
            "The customer answered the agent's question (tickets still waiting have no task: see the ticket API)",
            q -> q.taskVariableValueEquals(TicketLifecycle.CUSTOMER_ANSWERED.name(), true)));
  }

  /** Filter name for a group's kind: the tier agents see theirs, the managers "All tiers". */
  static String name(String group, Kind kind) {
    var tier = Tiers.of(group);
    return (tier.isPresent() ? "Tier " + tier.getAsInt() : "All tiers") + ": " + kind.name();
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(5) // after AccessPolicy made the groups
  void ensureFilters() {
    int order = 0;
    for (var tier : AccessPolicy.TIERS) {
      order = ensure(tier, List.of(tier), order);
    }
    order = ensure(AccessPolicy.MANAGERS, AccessPolicy.TIERS, order);
    ensureQuarantine(order);
  }

  /**
   * The managers' own tasks: the review of each e-mail kept aside ({@code MailQuarantineReviewProcess})
   * and of each reply held for a ticket on hold ({@code HeldReplyReviewProcess}), as on Cockpit's
   * Mail quarantine page; the ticket column shows for the latter only.
   */
  private void ensureQuarantine(int order) {
    save(
        AccessPolicy.MANAGERS,
        QUARANTINE,
        taskService.createTaskQuery().taskCandidateGroup(AccessPolicy.MANAGERS).includeAssignedTasks().orderByTaskCreateTime().asc(),
        properties(
            "E-mail kept aside, and replies waiting for a ticket on hold: see Cockpit, Mail quarantine. Processing a message again, "
                + "discarding it or delivering a held reply closes its task",
            order,
            "#7f8c8d",
            List.of(
                Map.of("name", QuarantineReview.FROM.name(), "label", "From"),
                Map.of("name", QuarantineReview.SUBJECT.name(), "label", "Subject"),
                Map.of("name", HeldReplyReview.TICKET.name(), "label", "Ticket on hold"))));
  }

  /** Creates the group's filter {@code name}, or brings it up to date, readable by the group. */
  private void save(String group, String name, TaskQuery query, Map<String, Object> properties) {
    var existing = filters.createFilterQuery().filterResourceType(EntityTypes.TASK).filterName(name).list();
    Filter filter = existing.isEmpty() ? filters.newTaskFilter(name) : existing.get(0);
    filter.setQuery(query);
    filter.setProperties(properties);
    filters.saveFilter(filter);
    grantRead(group, filter.getId());
  }

  private int ensure(String group, List<String> candidateGroups, int order) {
    for (var kind : kinds()) {
      var base = taskService.createTaskQuery();
      base = candidateGroups.size() == 1 ? base.taskCandidateGroup(candidateGroups.get(0)) : base.taskCandidateGroupIn(candidateGroups);
      var query = kind.narrow().apply(base.includeAssignedTasks()).orderByDueDate().asc().orderByTaskPriority().desc();
      save(group, name(group, kind), query, properties(kind, order++));
    }
    return order;
  }

  private static Map<String, Object> properties(Kind kind, int priority) {
    var color = switch (kind.name()) {
      case BREACHED -> "#c0392b";
      case AT_RISK -> "#e67e22";
      case URGENT -> "#8e44ad";
      case WAITING -> "#2980b9";
      default -> "#555555";
    };
    return properties(kind.description(), priority, color, List.of(
        Map.of("name", "ticketKey", "label", "Ticket"),
        Map.of("name", "ticketSubject", "label", "Subject"),
        Map.of("name", "priority", "label", "Priority")));
  }

  /** Tasklist's filter properties: its description, place, colour and the variables its list shows. */
  private static Map<String, Object> properties(String description, int priority, String color, List<Map<String, String>> variables) {
    var p = new LinkedHashMap<String, Object>();
    p.put("description", description);
    p.put("priority", priority);
    p.put("refresh", true);
    p.put("color", color);
    p.put("variables", variables);
    p.put("showUndefinedVariable", false);
    return p;
  }

  private void grantRead(String group, String filterId) {
    var exists =
        authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(Resources.FILTER).resourceId(filterId).count() > 0;
    if (!exists) {
      var a = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      a.setGroupId(group);
      a.setResource(Resources.FILTER);
      a.setResourceId(filterId);
      a.addPermission(Permissions.READ);
      authorizations.saveAuthorization(a);
    }
  }
}
