package ai.archbuilder.support.mail.inbound;

import java.util.List;

/**
 * An inbound message as the rules see it.
 *
 * @param messageKey the Message-ID (or a hash of the raw message when it has none): the dedupe key
 * @param from the sender's address, lower case
 * @param fromName the sender's display name, if any
 * @param cc the other recipients (To and Cc), lower case
 * @param threadIds In-Reply-To and References, each {@code <id>}
 * @param autoReply why the message is an auto-reply, bounce or loop; null for a person's message
 * @param text the body as plain text (text/plain preferred, HTML converted)
 */
record ParsedMail(
    String messageKey,
    String from,
    String fromName,
    String subject,
    List<String> cc,
    List<String> threadIds,
    String autoReply,
    String text,
    List<Attachment> attachments) {

  record Attachment(String fileName, String contentType, byte[] content) {}
}
