package ai.archbuilder.support.ticket;

import ai.archbuilder.support.system.TryAgainLater;

/**
 * A message for a ticket whose process an administrator suspended (in Cockpit): nothing was saved,
 * and the same message is taken once the process runs again.
 */
public class TicketOnHold extends TryAgainLater {

  private final String ticket;

  TicketOnHold(String ticket) {
    super("The ticket is on hold and cannot take messages at the moment; nothing was saved: send it again later", 60);
    this.ticket = ticket;
  }

  /** The ticket's key. */
  public String ticket() {
    return ticket;
  }
}
