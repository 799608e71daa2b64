package ai.archbuilder.support.mail;

import ai.archbuilder.support.system.EngineAccess;
import ai.archbuilder.support.ticket.HistoryEvent;
import ai.archbuilder.support.ticket.TicketHistory;
import ai.archbuilder.support.ticket.TicketStore;
import ai.archbuilder.support.ticket.TicketStore.Column;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Warns when a window's share {@code support.sla.warning-ratio} is used (75 %; input {@code window}:
 * RESPONSE or RESOLUTION), once per window:
 * re-entering a tier after a pause re-arms the timer, not the warning. The warning goes to the
 * agent who has claimed the ticket's task, or to the tier's group while nobody has (policy §4).
 */
@Component("sendSlaWarningDelegate")
class SendSlaWarningDelegate implements JavaDelegate {

  private final TicketStore tickets;
  private final TicketHistory history;
  private final TicketMailer mailer;
  private final TaskService tasks;
  private final IdentityService identities;
  /** The share of the window used, as people read it: "75 %". */
  private final String used;

  SendSlaWarningDelegate(
      TicketStore tickets,
      TicketHistory history,
      TicketMailer mailer,
      TaskService tasks,
      IdentityService identities,
      @Value("${support.sla.warning-ratio}") BigDecimal warningRatio) {
    this.used = warningRatio.movePointRight(2).stripTrailingZeros().toPlainString() + " %";
    this.tickets = tickets;
    this.history = history;
    this.mailer = mailer;
    this.tasks = tasks;
    this.identities = identities;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var window = (String) execution.getVariableLocal("window");
    var t = tickets.get(execution.getProcessBusinessKey());
    boolean response = "RESPONSE".equals(window);
    if (response ? t.responseWarned() : t.resolutionWarned()) {
      return;
    }
    tickets.change(t.id()).set(response ? Column.RESPONSE_WARNED : Column.RESOLUTION_WARNED, true).apply();
    var details = new HashMap<String, Object>();
    details.put("window", window);
    details.put("used", used);
    var assignee = assignee(execution.getProcessInstanceId());
    assignee.ifPresent(
        agent -> {
          details.put("to", agent.getEmail());
          details.put("assignee", name(agent));
        });
    history.record(
        t.id(),
        HistoryEvent.SLA_WARNING,
        "system",
        window + " window " + used + " used" + assignee.map(agent -> "; " + agent.getId() + " warned").orElse(""));
    mailer.queue(t, "sla-warning", details);
  }

  /** The agent who has claimed one of the ticket's open tasks, if she has an e-mail address. */
  private Optional<User> assignee(String processInstanceId) {
    return EngineAccess.privileged(
        () ->
            tasks.createTaskQuery().processInstanceId(processInstanceId).taskAssigned().active().list().stream()
                .map(task -> identities.createUserQuery().userId(task.getAssignee()).singleResult())
                .filter(user -> user != null && user.getEmail() != null && !user.getEmail().isBlank())
                .findFirst());
  }

  private static String name(User user) {
    var name = (Objects.toString(user.getFirstName(), "") + " " + Objects.toString(user.getLastName(), "")).trim();
    return name.isEmpty() ? user.getId() : name;
  }
}
