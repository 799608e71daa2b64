package ai.archbuilder.support.mail.inbound;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Inbound mail settings ({@code support.mail.inbound.*}).
 *
 * @param enabled poll the IMAP mailbox (the HTTP endpoint for gateways is always there)
 * @param maxSize the largest message accepted whole; a larger one is quarantined (IMAP) or answered 413 (HTTP)
 * @param attachmentMaxSize the largest attachment stored; larger ones are noted as rejected
 * @param allowedContentTypes attachment types stored ({@code image/*} matches every image type)
 * @param ownAddresses our own addresses besides {@code support.mail.from}: mail from them is a loop
 * @param imap the mailbox the poller reads
 */
@ConfigurationProperties("support.mail.inbound")
public record InboundMailProperties(
    @DefaultValue("false") boolean enabled,
    @DefaultValue("10MB") DataSize maxSize,
    @DefaultValue("5MB") DataSize attachmentMaxSize,
    @DefaultValue({
          "application/pdf",
          "image/*",
          "text/plain",
          "text/csv",
          "application/zip",
          "application/json",
          "application/xml",
          "text/xml",
          "message/rfc822",
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        })
        List<String> allowedContentTypes,
    @DefaultValue List<String> ownAddresses,
    @DefaultValue Imap imap) {

  /**
   * @param host IMAP server
   * @param port 993 for IMAPS, 143 for IMAP
   * @param ssl IMAPS (TLS from the start)
   * @param username mailbox login
   * @param password mailbox password
   * @param folder the folder new support mail arrives in
   * @param pollInterval pause between two polls
   * @param deleteAfterProcessing delete (expunge) a processed message instead of marking it \Seen
   * @param maxAttempts a message whose processing fails this often (e.g. a bug) is quarantined
   */
  public record Imap(
      @DefaultValue("localhost") String host,
      @DefaultValue("993") int port,
      @DefaultValue("true") boolean ssl,
      String username,
      String password,
      @DefaultValue("INBOX") String folder,
      @DefaultValue("60s") Duration pollInterval,
      @DefaultValue("false") boolean deleteAfterProcessing,
      @DefaultValue("3") int maxAttempts) {}
}
