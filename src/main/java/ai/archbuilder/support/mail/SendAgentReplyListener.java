package ai.archbuilder.support.mail;

import ai.archbuilder.support.ticket.AgentReplied;
import ai.archbuilder.support.ticket.TicketStore;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * An agent's public message through the API goes to the customer as the {@code reply} e-mail,
 * queued in the outbox in the message's own transaction (synchronous listener): retried by the
 * job executor, an incident when the mail server stays away, sent once. The e-mail carries the
 * message as the agent wrote it, not the latest agent message at rendering time.
 */
@Component
class SendAgentReplyListener {

  private final TicketStore tickets;
  private final TicketMailer mailer;

  SendAgentReplyListener(TicketStore tickets, TicketMailer mailer) {
    this.tickets = tickets;
    this.mailer = mailer;
  }

  @EventListener
  void agentReplied(AgentReplied replied) {
    mailer.queue(tickets.get(replied.ticketKey()), "reply", Map.of("agentMessage", replied.body()));
  }
}
