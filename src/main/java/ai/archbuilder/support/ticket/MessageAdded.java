package ai.archbuilder.support.ticket;

/**
 * A message joined a ticket's conversation through the API or e-mail, in the transaction that
 * stored it: the open tasks of the ticket show the conversation as it is now.
 */
public record MessageAdded(String ticketKey) {}
