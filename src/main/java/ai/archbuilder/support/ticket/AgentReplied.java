package ai.archbuilder.support.ticket;

/**
 * An agent's public message through the API ({@code from: AGENT}), published in the transaction
 * that stored it: the customer is e-mailed the message in that transaction (the {@code mail}
 * module listens), so the reply and its e-mail commit or roll back together. Tasklist outcomes
 * (a proposed solution, an information request) send their own e-mails and do not publish it.
 */
public record AgentReplied(String ticketKey, String body) {}
