package ai.archbuilder.support.ticket;

import ai.archbuilder.support.system.Now;
import ai.archbuilder.support.ticket.TicketStore.Column;
import org.springframework.stereotype.Service;

/** Adds messages to a ticket's conversation and keeps the response clocks honest. */
@Service
public class TicketConversation {

  private final TicketStore tickets;
  private final TicketMessages messages;
  private final TicketHistory history;

  TicketConversation(TicketStore tickets, TicketMessages messages, TicketHistory history) {
    this.tickets = tickets;
    this.messages = messages;
    this.history = history;
  }

  /**
   * A public reply by an agent. The first one is the ticket's first response (it stops the
   * response clock); the first one in a tier answers that tier's response due. Both are set only
   * where still empty, so two agents answering at once give one first response.
   */
  public void agentReplied(Ticket t, String agent, String body) {
    var now = Now.instant();
    messages.add(t.id(), MessageAuthor.AGENT, agent, body);
    history.record(t.id(), HistoryEvent.REPLIED, agent, abbreviate(body));
    if (t.firstRespondedAt() == null && tickets.setOnce(t.id(), Column.FIRST_RESPONDED_AT, now)) {
      history.record(t.id(), HistoryEvent.FIRST_RESPONSE, agent, "First response");
    }
    if (t.tierRespondedAt() == null) {
      tickets.setOnce(t.id(), Column.TIER_RESPONDED_AT, now);
    }
  }

  public void customerWrote(Ticket t, String author, String body) {
    messages.add(t.id(), MessageAuthor.CUSTOMER, author, body);
    history.record(t.id(), HistoryEvent.CUSTOMER_MESSAGE, author, abbreviate(body));
  }

  static String abbreviate(String s) {
    return s.length() <= 200 ? s : s.substring(0, 197) + "...";
  }
}
