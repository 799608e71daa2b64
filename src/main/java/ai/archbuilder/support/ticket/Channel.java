package ai.archbuilder.support.ticket;

public enum Channel {
  EMAIL,
  CHAT,
  PHONE,
  PORTAL,
  API
}
