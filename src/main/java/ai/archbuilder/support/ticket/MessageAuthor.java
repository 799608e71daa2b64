package ai.archbuilder.support.ticket;

public enum MessageAuthor {
  CUSTOMER,
  AGENT
}
