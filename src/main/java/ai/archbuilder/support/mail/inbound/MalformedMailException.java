package ai.archbuilder.support.mail.inbound;

/** A message we cannot read: it goes to the quarantine with this reason. */
class MalformedMailException extends Exception {

  private final String messageKey;

  MalformedMailException(String messageKey, String reason, Throwable cause) {
    super(reason, cause);
    this.messageKey = messageKey;
  }

  String messageKey() {
    return messageKey;
  }
}
