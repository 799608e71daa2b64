package ai.archbuilder.support.mail;

import ai.archbuilder.support.ticket.HistoryEvent;
import ai.archbuilder.support.ticket.TicketHistory;
import ai.archbuilder.support.ticket.TicketLifecycle;
import ai.archbuilder.support.system.Now;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Sends one queued e-mail, in a job of its own (async before, retried on a back-off, an incident
 * when retries run out). A message already sent is not sent again when a job is repeated.
 */
@Component("deliverMailDelegate")
class DeliverMailDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(DeliverMailDelegate.class);

  /** What the history adds where e-mail is turned off (the embedded default): the message is only in the log. */
  static final String NOT_SENT = "(written to the log, not sent: support.mail.enabled=false)";

  private final OutboundMails outbox;
  private final TicketHistory history;
  private final JavaMailSender sender;
  private final MailProperties properties;

  DeliverMailDelegate(OutboundMails outbox, TicketHistory history, JavaMailSender sender, MailProperties properties) {
    this.outbox = outbox;
    this.history = history;
    this.sender = sender;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) throws Exception {
    long id = TicketLifecycle.MAIL_ID.get(execution);
    var mail = outbox.find(id).orElseThrow(() -> new IllegalStateException("No queued e-mail " + id));
    if (mail.sentAt() != null) {
      return;
    }
    if (properties.enabled()) {
      var session = sender instanceof JavaMailSenderImpl impl ? impl.getSession() : null;
      var messageId = mail.messageId();
      // our own Message-ID, kept when the message is saved (threading: In-Reply-To / References)
      MimeMessage message =
          new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
              setHeader("Message-ID", messageId);
            }
          };
      message.setFrom(new InternetAddress(properties.from(), true));
      message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(mail.recipient(), true));
      message.setSubject(mail.subject(), "UTF-8");
      message.setSentDate(Date.from(Now.instant()));
      message.setContent(body(mail));
      if (mail.inReplyTo() != null) {
        message.setHeader("In-Reply-To", mail.inReplyTo());
        message.setHeader("References", mail.references() == null ? mail.inReplyTo() : mail.references());
      }
      message.saveChanges();
      sender.send(message);
    } else {
      log.info("E-mail not sent (support.mail.enabled=false) to {}: {}\n{}", mail.recipient(), mail.subject(), mail.bodyText());
    }
    outbox.markSent(id);
    history.record(mail.ticketId(), HistoryEvent.MAIL_SENT, "system", mail.template() + " to " + mail.recipient() + " " + mail.messageId()
        + (properties.enabled() ? "" : " " + NOT_SENT));
  }

  /**
   * multipart/alternative: plain text first, HTML last (the one a client prefers when it can show
   * it). Rows queued before HTML bodies existed are sent as plain text only.
   */
  static Multipart body(OutboundMails.Mail mail) throws MessagingException {
    var alternative = new MimeMultipart("alternative");
    var text = new MimeBodyPart();
    text.setText(mail.bodyText(), "UTF-8", "plain");
    alternative.addBodyPart(text);
    if (mail.bodyHtml() != null) {
      var html = new MimeBodyPart();
      html.setText(mail.bodyHtml(), "UTF-8", "html");
      alternative.addBodyPart(html);
    }
    return alternative;
  }
}
