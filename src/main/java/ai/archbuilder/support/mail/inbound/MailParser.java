package ai.archbuilder.support.mail.inbound;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a raw RFC 822 message: sender, thread headers, the auto-reply signs (RFC 3834 and the
 * common vendor headers), the body as text and the attachments. Anything it cannot read is a
 * {@link MalformedMailException} with the reason, never a silent loss.
 */
final class MailParser {

  private static final int MAX_KEY = 300;
  private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");
  private static final Set<String> BULK_PRECEDENCE = Set.of("bulk", "junk", "list", "auto_reply");
  private static final Set<String> SYSTEM_SENDERS = Set.of("mailer-daemon", "postmaster");

  private final Session session;

  MailParser() {
    var props = new Properties();
    // strict multipart parsing: a body without its boundaries is malformed, not an empty message
    props.setProperty("mail.mime.multipart.allowempty", "false");
    this.session = Session.getInstance(props);
  }

  static String sha256(byte[] raw) {
    try {
      return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The dedupe key: the Message-ID if it has one of a sane length, else a hash of the bytes. */
  static String messageKey(String messageId, byte[] raw) {
    if (messageId == null || messageId.isBlank()) {
      return sha256(raw);
    }
    var id = messageId.strip();
    return id.length() <= MAX_KEY ? id : sha256(id.getBytes(StandardCharsets.UTF_8));
  }

  /** Who a message says it is from and what it is about, as far as its headers can be read: for people reviewing it, never for a decision. */
  record Envelope(String from, String subject) {}

  static Envelope envelope(byte[] raw) {
    try {
      var headers = new InternetHeaders(new ByteArrayInputStream(raw));
      var from = headers.getHeader("From", ",");
      var subject = headers.getHeader("Subject", null);
      return new Envelope(from == null ? null : lenientAddress(from).address(), subject == null ? null : decoded(subject));
    } catch (MessagingException | RuntimeException unreadable) {
      return new Envelope(null, null);
    }
  }

  private static String decoded(String text) {
    try {
      return MimeUtility.decodeText(MimeUtility.unfold(text)).strip();
    } catch (UnsupportedEncodingException e) {
      return text.strip();
    }
  }

  ParsedMail parse(byte[] raw) throws MalformedMailException {
    if (raw == null || raw.length == 0) {
      throw new MalformedMailException(sha256(new byte[0]), "Empty message", null);
    }
    MimeMessage m;
    try {
      m = new MimeMessage(session, new ByteArrayInputStream(raw));
    } catch (MessagingException e) {
      throw new MalformedMailException(sha256(raw), "Unreadable headers: " + e.getMessage(), e);
    }
    String key = sha256(raw);
    try {
      key = messageKey(m.getHeader("Message-ID", null), raw);
      if (!m.getAllHeaders().hasMoreElements()) {
        throw new MalformedMailException(key, "No headers: not an e-mail message", null);
      }
      var fromHeader = m.getHeader("From", ",");
      var autoReply = autoReply(m, lenientAddress(fromHeader));
      var from = autoReply != null ? lenientAddress(fromHeader) : strictAddress(key, fromHeader);
      var subject = subject(m);
      var threadIds = new LinkedHashSet<String>();
      threadIds.addAll(ids(m.getHeader("In-Reply-To", " ")));
      threadIds.addAll(ids(m.getHeader("References", " ")));
      if (autoReply != null) {
        return new ParsedMail(key, from.address, from.name, subject, List.of(), List.copyOf(threadIds), autoReply, "", List.of());
      }
      var body = new Body();
      walk(m, body);
      var text = body.text != null ? body.text.toString() : body.html != null ? HtmlText.of(body.html) : "";
      return new ParsedMail(
          key,
          from.address,
          from.name,
          subject,
          recipients(m),
          List.copyOf(threadIds),
          null,
          text.replace("\r\n", "\n").strip(),
          List.copyOf(body.attachments));
    } catch (MessagingException | IOException | RuntimeException e) {
      throw new MalformedMailException(key, "Unreadable message: " + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  private record Sender(String address, String name) {}

  private static final class Body {
    StringBuilder text;
    String html;
    final List<ParsedMail.Attachment> attachments = new ArrayList<>();
  }

  // ------------------------------------------------------------------ headers

  /** Why this is no person's message (RFC 3834, vendor headers, bounces), or null. */
  private static String autoReply(MimeMessage m, Sender from) throws MessagingException {
    var autoSubmitted = m.getHeader("Auto-Submitted", ",");
    if (autoSubmitted != null && !autoSubmitted.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
      return "Auto-Submitted: " + autoSubmitted.strip();
    }
    var precedence = m.getHeader("Precedence", ",");
    if (precedence != null && BULK_PRECEDENCE.contains(precedence.strip().toLowerCase(Locale.ROOT))) {
      return "Precedence: " + precedence.strip();
    }
    for (var header : List.of("X-Autoreply", "X-Autorespond", "X-Autoresponder")) {
      if (m.getHeader(header) != null) {
        return header + " header";
      }
    }
    if (from != null && from.address != null) {
      var local = from.address.contains("@") ? from.address.substring(0, from.address.indexOf('@')) : from.address;
      if (SYSTEM_SENDERS.contains(local)) {
        return "Sent by " + from.address;
      }
    }
    var contentType = m.getHeader("Content-Type", null);
    if (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("multipart/report")) {
      return "Delivery or read report (multipart/report)";
    }
    return null;
  }

  private static Sender lenientAddress(String header) {
    if (header == null) {
      return new Sender(null, null);
    }
    try {
      var parsed = InternetAddress.parseHeader(header, false);
      if (parsed.length > 0 && parsed[0].getAddress() != null) {
        return new Sender(parsed[0].getAddress().toLowerCase(Locale.ROOT), parsed[0].getPersonal());
      }
    } catch (AddressException ignored) {
      // fall through: what we have is better than nothing for the record
    }
    return new Sender(header.strip().toLowerCase(Locale.ROOT), null);
  }

  private static Sender strictAddress(String key, String header) throws MalformedMailException {
    if (header == null || header.isBlank()) {
      throw new MalformedMailException(key, "No From address", null);
    }
    try {
      var parsed = InternetAddress.parseHeader(header, true);
      if (parsed.length != 1) {
        throw new MalformedMailException(key, "From names %d addresses, expected one".formatted(parsed.length), null);
      }
      parsed[0].validate();
      if (parsed[0].getAddress().length() > 320) {
        throw new MalformedMailException(key, "From address longer than 320 characters", null);
      }
      return new Sender(parsed[0].getAddress().toLowerCase(Locale.ROOT), parsed[0].getPersonal());
    } catch (AddressException e) {
      throw new MalformedMailException(key, "Invalid From address: " + e.getMessage(), e);
    }
  }

  private static String subject(MimeMessage m) throws MessagingException {
    var s = m.getSubject();
    return s == null ? "" : s.replaceAll("[\\r\\n\\t]+", " ").strip();
  }

  private static List<String> ids(String header) {
    if (header == null) {
      return List.of();
    }
    var ids = new ArrayList<String>();
    var matcher = MESSAGE_ID.matcher(header);
    while (matcher.find()) {
      ids.add(matcher.group());
    }
    return ids;
  }

  private static List<String> recipients(MimeMessage m) {
    var result = new LinkedHashSet<String>();
    for (var type : List.of(Message.RecipientType.TO, Message.RecipientType.CC)) {
      try {
        Address[] addresses = m.getRecipients(type);
        if (addresses != null) {
          for (var a : addresses) {
            if (a instanceof InternetAddress ia && ia.getAddress() != null) {
              result.add(ia.getAddress().toLowerCase(Locale.ROOT));
            }
          }
        }
      } catch (MessagingException e) {
        // an unreadable Cc is no reason to lose the message: nobody is added as a participant
      }
    }
    return List.copyOf(result);
  }

  // ------------------------------------------------------------------ body

  private void walk(Part part, Body body) throws MessagingException, IOException {
    if (part.isMimeType("multipart/alternative")) {
      var alternatives = (Multipart) part.getContent();
      Part chosen = null;
      for (int i = 0; i < alternatives.getCount(); i++) {
        if (alternatives.getBodyPart(i).isMimeType("text/plain")) {
          chosen = alternatives.getBodyPart(i);
          break;
        }
      }
      if (chosen == null && alternatives.getCount() > 0) {
        chosen = alternatives.getBodyPart(alternatives.getCount() - 1); // the richest version
      }
      if (chosen != null) {
        walk(chosen, body);
      }
    } else if (part.isMimeType("multipart/*")) {
      var parts = (Multipart) part.getContent();
      for (int i = 0; i < parts.getCount(); i++) {
        walk(parts.getBodyPart(i), body);
      }
    } else if (!isAttachment(part) && part.isMimeType("text/plain")) {
      if (body.text == null) {
        body.text = new StringBuilder(text(part));
      } else {
        body.text.append("\n\n").append(text(part));
      }
    } else if (!isAttachment(part) && part.isMimeType("text/html") && body.html == null && body.text == null) {
      body.html = text(part);
    } else {
      body.attachments.add(attachment(part, body.attachments.size() + 1));
    }
  }

  private static boolean isAttachment(Part part) throws MessagingException {
    return Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null;
  }

  private static String text(Part part) throws MessagingException, IOException {
    try {
      var content = part.getContent();
      if (content instanceof String s) {
        return s;
      }
    } catch (UnsupportedEncodingException e) {
      // an unknown charset: read the bytes as Latin-1 rather than lose the text
    }
    try (var in = part.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  private static ParsedMail.Attachment attachment(Part part, int number) throws MessagingException, IOException {
    String name = part.getFileName();
    if (name != null) {
      try {
        name = MimeUtility.decodeText(name);
      } catch (UnsupportedEncodingException e) {
        // keep the encoded name
      }
      name = name.replaceAll(".*[/\\\\]", "").replaceAll("[\\x00-\\x1F]", "").strip();
    }
    if (name == null || name.isEmpty()) {
      name = part.isMimeType("message/rfc822") ? "attached-message-%d.eml".formatted(number) : "attachment-%d".formatted(number);
    }
    if (name.length() > 255) {
      name = name.substring(name.length() - 255);
    }
    String type;
    try {
      type = new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
    } catch (MessagingException | RuntimeException e) {
      type = "application/octet-stream";
    }
    try (var in = part.getInputStream()) {
      return new ParsedMail.Attachment(name, type.length() > 200 ? type.substring(0, 200) : type, in.readAllBytes());
    }
  }
}
