package ai.archbuilder.support.mail;

import ai.archbuilder.support.ticket.HistoryEvent;
import ai.archbuilder.support.ticket.TicketHistory;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends one queued e-mail, in a job of its own (async before, retried on a back-off, an incident
 * when retries run out). A message already sent is not sent again when a job is repeated.
 */
@Component("deliverMailDelegate")
class DeliverMailDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(DeliverMailDelegate.class);

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
    long id = ((Number) execution.getVariable("mailId")).longValue();
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
      var helper = new MimeMessageHelper(message, false, "UTF-8");
      helper.setFrom(properties.from());
      helper.setTo(mail.recipient());
      helper.setSubject(mail.subject());
      helper.setText(mail.bodyText(), false);
      if (mail.inReplyTo() != null) {
        message.setHeader("In-Reply-To", mail.inReplyTo());
        message.setHeader("References", mail.inReplyTo());
      }
      sender.send(message);
    } else {
      log.info("E-mail not sent (support.mail.enabled=false) to {}: {}\n{}", mail.recipient(), mail.subject(), mail.bodyText());
    }
    outbox.markSent(id);
    history.record(mail.ticketId(), HistoryEvent.MAIL_SENT, "system", mail.template() + " to " + mail.recipient() + " " + mail.messageId());
  }
}
