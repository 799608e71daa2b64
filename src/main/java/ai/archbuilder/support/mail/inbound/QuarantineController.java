package ai.archbuilder.support.mail.inbound;

import ai.archbuilder.support.system.ApiException;
import ai.archbuilder.support.system.CurrentUser;
import ai.archbuilder.support.system.CurrentUsers;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The e-mail that could not become a ticket or a message of one, for support managers and admins:
 * {@code GET /api/inbound-mail/quarantine} lists it (newest first), {@code GET …/{id}/message}
 * gives the message as it came, {@code POST …/{id}/retry} processes it again once its cause is
 * fixed, {@code DELETE …/{id}} discards it. Nothing here is lost without someone deciding so.
 * {@code GET /api/inbound-mail/held} lists the replies waiting for a ticket on hold.
 */
@RestController
@RequestMapping("/api/inbound-mail")
class QuarantineController {

  /**
   * A quarantined message without its content: who it says it is from and its subject as far as its
   * headers could be read; {@code whole} is false when only its headers are kept.
   */
  record QuarantinedView(
      long id, String messageId, String source, String from, String subject, String reason, long size, boolean whole, Instant receivedAt) {}

  record QuarantinePage(List<QuarantinedView> items, long total, int page, int size) {}

  /** A reply waiting unseen in the mailbox for its ticket, whose process is on hold. */
  record HeldView(String messageId, String ticket, String from, String subject, Instant since, Instant lastTried, int tries) {}

  private final InboundMailStore store;
  private final InboundMailProcessor processor;
  private final CurrentUsers users;

  QuarantineController(InboundMailStore store, InboundMailProcessor processor, CurrentUsers users) {
    this.store = store;
    this.processor = processor;
    this.users = users;
  }

  @GetMapping("/quarantine")
  QuarantinePage list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
    allowed();
    if (page < 0) {
      throw ApiException.badRequest("page", "page is 0 or more");
    }
    if (size < 1 || size > 200) {
      throw ApiException.badRequest("size", "size is 1 to 200");
    }
    var items = store.quarantinedPage(page, size).stream().map(QuarantineController::view).toList();
    return new QuarantinePage(items, store.quarantinedCount(), page, size);
  }

  @GetMapping("/quarantine/{id}")
  QuarantinedView get(@PathVariable long id) {
    allowed();
    return view(kept(id));
  }

  @GetMapping("/quarantine/{id}/message")
  ResponseEntity<byte[]> message(@PathVariable long id) {
    allowed();
    var kept = kept(id);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(InboundMailController.MEDIA_TYPE))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("quarantined-" + id + ".eml").build().toString())
        .body(kept.raw());
  }

  @PostMapping("/quarantine/{id}/retry")
  InboundMailProcessor.Result retry(@PathVariable long id) {
    allowed();
    return processor.retryQuarantined(id);
  }

  @DeleteMapping("/quarantine/{id}")
  ResponseEntity<Void> discard(@PathVariable long id) {
    processor.discardQuarantined(id, allowed().id());
    return ResponseEntity.noContent().build();
  }

  /**
   * The replies the mailbox leaves unseen because their ticket's process is suspended, the longest
   * waiting first: activating the process (Cockpit) lets the next poll deliver them.
   */
  @GetMapping("/held")
  List<HeldView> held() {
    allowed();
    return store.held().stream()
        .map(h -> new HeldView(h.messageKey(), h.ticketKey(), h.sender(), h.subject(), h.since().toInstant(), h.lastTried().toInstant(), h.tries()))
        .toList();
  }

  private CurrentUser allowed() {
    var user = users.current();
    if (!(user.in(CurrentUser.ADMINS) || user.in(CurrentUser.MANAGERS))) {
      throw ApiException.forbidden("Only support managers and admins review the quarantine");
    }
    return user;
  }

  private InboundMailStore.Quarantined kept(long id) {
    return store.quarantinedOne(id).orElseThrow(() -> InboundMailProcessor.notQuarantined(id));
  }

  private static QuarantinedView view(InboundMailStore.Quarantined q) {
    return new QuarantinedView(
        q.id(), q.messageKey(), q.source(), q.sender(), q.subject(), q.reason(), q.rawSize(), q.whole(), q.receivedAt().toInstant());
  }
}
