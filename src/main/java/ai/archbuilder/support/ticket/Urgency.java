package ai.archbuilder.support.ticket;

public enum Urgency {
  HIGH,
  MEDIUM,
  LOW
}
