package ai.archbuilder.support.ticket;

public enum Priority {
  P1,
  P2,
  P3,
  P4;

  /** Camunda task priority: P1 highest, so Tasklist sorts the most urgent work first. */
  public int taskPriority() {
    return 100 - ordinal() * 25;
  }
}
