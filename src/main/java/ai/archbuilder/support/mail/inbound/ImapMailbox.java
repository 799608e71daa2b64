package ai.archbuilder.support.mail.inbound;

import ai.archbuilder.support.system.DatabaseFailures;
import ai.archbuilder.support.ticket.TicketOnHold;
import ai.archbuilder.support.system.TryAgainLater;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass over the support mailbox (plain Jakarta Mail): every unseen message is read without
 * setting \Seen (IMAP PEEK), handed to the processor, and marked \Seen (or deleted) only after
 * the processor's transaction committed. A crash in between leaves the message unseen; the next
 * pass reads it again and the processor's dedupe row makes it a {@code DUPLICATE}.
 */
public class ImapMailbox {

  private static final Logger log = LoggerFactory.getLogger(ImapMailbox.class);

  /** What processes one raw message; by default the processor, in its own transaction. */
  @FunctionalInterface
  public interface Handler {
    InboundMailProcessor.Result handle(byte[] raw) throws Exception;
  }

  /** What one pass did. */
  public record PollReport(int unseen, int processed, int failed, int quarantined) {}

  private final InboundMailProperties.Imap imap;
  private final long maxSize;
  private final InboundMailProcessor processor;
  private final Session session;
  /** message key → failed attempts in this run of the application */
  private final Map<String, Integer> failures = new ConcurrentHashMap<>();

  public ImapMailbox(InboundMailProperties.Imap imap, long maxSize, InboundMailProcessor processor) {
    this.imap = imap;
    this.maxSize = maxSize;
    this.processor = processor;
    var props = new Properties();
    for (var protocol : new String[] {"imap", "imaps"}) {
      props.setProperty("mail." + protocol + ".peek", "true"); // reading does not set \Seen
      props.setProperty("mail." + protocol + ".connectiontimeout", "30000");
      props.setProperty("mail." + protocol + ".timeout", "60000");
      props.setProperty("mail." + protocol + ".writetimeout", "60000");
    }
    this.session = Session.getInstance(props);
  }

  public PollReport poll() throws MessagingException {
    return poll(raw -> processor.process(raw, "IMAP"));
  }

  public synchronized PollReport poll(Handler handler) throws MessagingException {
    int processed = 0;
    int failed = 0;
    int quarantined = 0;
    closeLeftoverReviews();
    try (var store = session.getStore(imap.ssl() ? "imaps" : "imap")) {
      store.connect(imap.host(), imap.port(), imap.username(), imap.password());
      var folder = store.getFolder(imap.folder());
      folder.open(Folder.READ_WRITE);
      Message[] unseen;
      try {
        unseen = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
        for (var message : unseen) {
          if (message.isExpunged() || message.isSet(Flags.Flag.DELETED)) {
            continue;
          }
          var outcome = handle(message, handler);
          switch (outcome) {
            case PROCESSED -> processed++;
            case QUARANTINED -> quarantined++;
            case FAILED -> failed++;
          }
        }
      } finally {
        folder.close(imap.deleteAfterProcessing());
      }
      return new PollReport(unseen.length, processed, failed, quarantined);
    }
  }

  private enum Handled {
    PROCESSED,
    QUARANTINED,
    FAILED
  }

  private Handled handle(Message message, Handler handler) throws MessagingException {
    if (message.getSize() > maxSize) {
      var headers = headers(message);
      var key = MailParser.messageKey(headerValue(message, "Message-ID"), headers);
      processor.quarantineHeaders(
          headers,
          message.getSize(),
          key,
          "IMAP",
          ("Message of %d bytes exceeds support.mail.inbound.max-size (%d): only its headers are kept here, the message stays"
                  + " in the mailbox, marked read")
              .formatted(message.getSize(), maxSize));
      // read, never deleted (even with delete-after-processing): it is not processed, only kept out of the way
      message.setFlag(Flags.Flag.SEEN, true);
      return Handled.QUARANTINED;
    }
    byte[] raw;
    try {
      var out = new ByteArrayOutputStream(Math.max(message.getSize(), 1024));
      message.writeTo(out);
      raw = out.toByteArray();
    } catch (IOException | MessagingException e) {
      log.warn("Could not read message {} of {}: {} (next poll tries again)", message.getMessageNumber(), imap.folder(), e.toString());
      return Handled.FAILED;
    }
    try {
      var result = handler.handle(raw);
      // committed: only now the message counts as read
      done(message);
      failures.remove(result.messageId());
      log.debug("Inbound message {}: {} {}", result.messageId(), result.outcome(), result.ticket());
      return result.outcome() == InboundOutcome.QUARANTINED ? Handled.QUARANTINED : Handled.PROCESSED;
    } catch (Exception e) {
      var key = InboundMailProcessor.keyOf(raw);
      if (DatabaseFailures.isDatabaseAway(e) || DatabaseFailures.isConcurrentChange(e) || e instanceof TryAgainLater) {
        // not the message's fault: it stays unseen and does not count towards the quarantine
        log.warn("Processing inbound message {} failed, tried again at the next poll: {}", key, e.toString());
        if (e instanceof TicketOnHold onHold) {
          noteHeld(raw, key, onHold.ticket());
        }
        return Handled.FAILED;
      }
      int attempts = failures.merge(key, 1, Integer::sum);
      if (attempts < imap.maxAttempts()) {
        log.warn("Processing inbound message {} failed (attempt {} of {}), it stays unseen: {}", key, attempts, imap.maxAttempts(), e.toString());
        return Handled.FAILED;
      }
      log.error("Processing inbound message {} failed {} times, quarantining it", key, attempts, e);
      processor.quarantine(raw, key, "IMAP", "Processing failed %d times: %s".formatted(attempts, e));
      failures.remove(key);
      done(message);
      return Handled.QUARANTINED;
    }
  }

  /** The managers' tasks about replies that no longer wait close; a failure here changes nothing else. */
  private void closeLeftoverReviews() {
    try {
      processor.closeLeftoverHeldReviews();
    } catch (RuntimeException e) {
      log.warn("Could not close the reviews of replies no longer held: {}", e.toString());
    }
  }

  /** Shows managers the message that waits for a ticket on hold; a failure to note it changes nothing else. */
  private void noteHeld(byte[] raw, String key, String ticket) {
    try {
      processor.held(raw, key, ticket);
    } catch (RuntimeException e) {
      log.warn("Could not note inbound message {} as held for {}: {}", key, ticket, e.toString());
    }
  }

  private void done(Message message) throws MessagingException {
    if (imap.deleteAfterProcessing()) {
      message.setFlag(Flags.Flag.DELETED, true);
    } else {
      message.setFlag(Flags.Flag.SEEN, true);
    }
  }

  private static String headerValue(Message message, String name) throws MessagingException {
    var values = message.getHeader(name);
    return values == null || values.length == 0 ? null : values[0];
  }

  private static byte[] headers(Message message) throws MessagingException {
    var text = new StringBuilder();
    if (message instanceof MimeMessage mime) {
      var lines = mime.getAllHeaderLines();
      while (lines.hasMoreElements()) {
        text.append(lines.nextElement()).append("\r\n");
      }
    }
    return text.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
  }
}
