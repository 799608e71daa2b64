package ai.archbuilder.support.mail.inbound;

import ai.archbuilder.support.system.ApiException;
import ai.archbuilder.support.system.CurrentUser;
import ai.archbuilder.support.system.CurrentUsers;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/inbound-mail}: a mail gateway hands over one raw message ({@code message/rfc822})
 * and learns what became of it. Posting the same message again is harmless ({@code DUPLICATE}).
 */
@RestController
class InboundMailController {

  static final String MEDIA_TYPE = "message/rfc822";

  private final InboundMailProcessor processor;
  private final InboundMailProperties properties;
  private final CurrentUsers users;

  InboundMailController(InboundMailProcessor processor, InboundMailProperties properties, CurrentUsers users) {
    this.processor = processor;
    this.properties = properties;
    this.users = users;
  }

  @PostMapping(path = "/api/inbound-mail", consumes = MEDIA_TYPE)
  ResponseEntity<InboundMailProcessor.Result> receive(HttpServletRequest request) throws IOException {
    var user = users.current();
    if (!(user.in(CurrentUser.ADMINS) || user.in(CurrentUser.MANAGERS) || user.in(MailGatewayIdentity.GROUP))) {
      throw ApiException.forbidden("Only mail gateways, support managers and admins hand in e-mail");
    }
    var max = properties.maxSize().toBytes();
    if (request.getContentLengthLong() > max) {
      throw tooLarge(max);
    }
    var raw = readAtMost(request.getInputStream(), max);
    if (raw.length == 0) {
      throw ApiException.badRequest("body", "The body is the raw e-mail message (message/rfc822)");
    }
    return ResponseEntity.accepted().body(processor.process(raw, "HTTP"));
  }

  private static byte[] readAtMost(InputStream in, long max) throws IOException {
    var raw = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
    if (raw.length > max) {
      throw tooLarge(max);
    }
    return raw;
  }

  private static ApiException tooLarge(long max) {
    return new ApiException(
        HttpStatus.PAYLOAD_TOO_LARGE, "A message may have %d bytes at most (support.mail.inbound.max-size)".formatted(max), "body");
  }
}
