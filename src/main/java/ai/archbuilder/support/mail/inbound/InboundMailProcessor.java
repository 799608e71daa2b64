package ai.archbuilder.support.mail.inbound;

import ai.archbuilder.support.customer.CustomerStore;
import ai.archbuilder.support.mail.MailProperties;
import ai.archbuilder.support.system.ApiException;
import ai.archbuilder.support.system.CurrentUser;
import ai.archbuilder.support.system.EngineAccess;
import ai.archbuilder.support.ticket.Channel;
import ai.archbuilder.support.ticket.HistoryEvent;
import ai.archbuilder.support.ticket.MessageAuthor;
import ai.archbuilder.support.ticket.Ticket;
import ai.archbuilder.support.ticket.TicketHistory;
import ai.archbuilder.support.ticket.TicketKey;
import ai.archbuilder.support.ticket.TicketLifecycle;
import ai.archbuilder.support.ticket.TicketService;
import ai.archbuilder.support.ticket.TicketStatus;
import ai.archbuilder.support.ticket.TicketStore;
import ai.archbuilder.support.ticket.TicketStore.Column;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What an inbound e-mail does to the tickets, for the IMAP poller and the gateway endpoint alike.
 *
 * <p>Exactly once: the ticket change and the {@code inbound_mail} row (unique Message-ID) commit in
 * one transaction. A message read again after a crash finds its row and is a {@code DUPLICATE}; a
 * message whose transaction rolled back left nothing and is processed in full the next time.
 *
 * <p>Rules (policy §6, §7):
 *
 * <ul>
 *   <li>Auto-replies, bounces and loops are recorded and nothing else ({@code IGNORED_AUTO_REPLY}).
 *   <li>A message that threads to a ticket (In-Reply-To/References naming one of our messages, or
 *       the {@code [TCK-…]} tag in the subject) is a reply, if its sender is the ticket's customer
 *       or a participant (someone the customer copied in). It confirms or rejects a proposed
 *       solution when its first line says so ({@code dmn/replyIntent.dmn}), answers an information
 *       request, reopens a ticket closed within the window, or joins the conversation. A late reply
 *       opens a new ticket that links the old one.
 *   <li>A reply from anyone else opens a new ticket that links the one it named; both histories say why.
 *   <li>Anything else is a new ticket, channel EMAIL, for the customer with the sender's address
 *       (a new BASIC customer if unknown).
 * </ul>
 */
@Service
public class InboundMailProcessor {

  private static final Logger log = LoggerFactory.getLogger(InboundMailProcessor.class);
  private static final Pattern TAG = Pattern.compile("\\[(TCK-\\d{6,18})\\]", Pattern.CASE_INSENSITIVE);
  private static final Set<String> BLOCKED_EXTENSIONS =
      Set.of("exe", "com", "bat", "cmd", "scr", "pif", "msi", "js", "jse", "vbs", "vbe", "wsf", "ps1", "jar", "sh", "dll", "lnk");
  private static final int SUBJECT_MAX = 200;
  private static final int TEXT_MAX = 19000;

  public record AttachmentNote(String fileName, String contentType, long size, boolean stored, String rejection) {}

  /** What became of a message: the outcome, the ticket it went to, and why. */
  public record Result(
      InboundOutcome outcome, String ticket, String linkedTicket, String messageId, String reason, List<AttachmentNote> attachments) {}

  private record Threaded(Ticket ticket, String how) {}

  private record Decided(ParsedMail.Attachment attachment, String rejection) {}

  private final MailParser parser = new MailParser();
  private final InboundMailStore store;
  private final TicketService service;
  private final TicketStore tickets;
  private final TicketHistory history;
  private final CustomerStore customers;
  private final RuntimeService runtime;
  private final ReplyIntents intents;
  private final InboundMailProperties properties;
  private final Set<String> ownAddresses;
  private final MailProperties mail;
  private final IdentityService identities;
  private final TransactionTemplate tx;
  private final QuarantineReview review;
  private final HeldReplyReview heldReview;

  InboundMailProcessor(
      InboundMailStore store,
      TicketService service,
      TicketStore tickets,
      TicketHistory history,
      CustomerStore customers,
      RuntimeService runtime,
      ReplyIntents intents,
      InboundMailProperties properties,
      MailProperties mail,
      IdentityService identities,
      PlatformTransactionManager transactions,
      QuarantineReview review,
      HeldReplyReview heldReview) {
    this.store = store;
    this.service = service;
    this.tickets = tickets;
    this.history = history;
    this.customers = customers;
    this.runtime = runtime;
    this.intents = intents;
    this.properties = properties;
    this.ownAddresses = ownAddresses(mail, properties);
    this.mail = mail;
    this.identities = identities;
    this.tx = new TransactionTemplate(transactions);
    this.review = review;
    this.heldReview = heldReview;
  }

  private static Set<String> ownAddresses(MailProperties mail, InboundMailProperties properties) {
    var own = new HashSet<String>();
    var configured = new ArrayList<String>(properties.ownAddresses());
    if (mail.from() != null) {
      configured.add(mail.from());
    }
    for (var value : configured) {
      try {
        for (var a : InternetAddress.parse(value, false)) {
          own.add(a.getAddress().toLowerCase(Locale.ROOT));
        }
      } catch (AddressException e) {
        own.add(value.strip().toLowerCase(Locale.ROOT));
      }
    }
    return Set.copyOf(own);
  }

  // ------------------------------------------------------------------ entry points

  /** Processes one raw message in one transaction (joining the caller's, if any). */
  public Result process(byte[] raw, String source) {
    try {
      return tx.execute(status -> processInTransaction(raw, source));
    } catch (DuplicateKeyException raced) {
      // a concurrent delivery of the same message (or a new customer's concurrent first mail)
      // committed first; this transaction rolled back whole. Again: now it sees the winner's rows.
      log.info("Inbound message raced with another delivery, processing again: {}", raced.getMessage());
      return tx.execute(status -> processInTransaction(raw, source));
    }
  }

  /** Keeps a message aside that could not be processed (failing again and again). */
  public Result quarantine(byte[] raw, String messageKey, String source, String reason) {
    var key = messageKey != null ? messageKey : MailParser.sha256(raw);
    return tx.execute(
        status -> {
          var done = store.processed(key);
          if (done.isPresent()) {
            return duplicate(done.get());
          }
          keptAside(store.quarantine(key, source, reason, raw.length, raw, true));
          released(key);
          store.markProcessed(key, source, null, null, InboundOutcome.QUARANTINED, null, null, reason);
          log.warn("Inbound message {} quarantined: {}", key, reason);
          return new Result(InboundOutcome.QUARANTINED, null, null, key, reason, List.of());
        });
  }

  /**
   * Shows the headers of a message too large to fetch ({@code size} bytes) to the people reviewing
   * the quarantine. The message stays in the mailbox and does not count as processed: fetched again
   * (the limit raised, the message marked unread), it is processed as any other, and this entry goes.
   */
  public Result quarantineHeaders(byte[] headers, long size, String messageKey, String source, String reason) {
    return tx.execute(
        status -> {
          keptAside(store.quarantine(messageKey, source, reason, size, headers, false));
          log.warn("Inbound message {} quarantined: {}", messageKey, reason);
          return new Result(InboundOutcome.QUARANTINED, null, null, messageKey, reason, List.of());
        });
  }

  /**
   * Processes a quarantined message again, its cause fixed, as if it had just arrived: it leaves the
   * quarantine whatever becomes of it (unreadable still, it comes back as a new entry). All or
   * nothing: a failure leaves it in the quarantine.
   */
  public Result retryQuarantined(long id) {
    try {
      return tx.execute(status -> retryInTransaction(id));
    } catch (DuplicateKeyException raced) {
      // a gateway delivered the same message meanwhile: again, now it is a duplicate
      log.info("Retry of quarantined message {} raced with another delivery, processing again: {}", id, raced.getMessage());
      return tx.execute(status -> retryInTransaction(id));
    }
  }

  private Result retryInTransaction(long id) {
    var kept = store.quarantinedOne(id).orElseThrow(() -> notQuarantined(id));
    if (!kept.whole()) {
      throw ApiException.conflict(
          ("Quarantined message %d is kept with its headers only (it was too large to fetch); the message itself is in the mailbox, "
                  + "marked read: raise support.mail.inbound.max-size and mark it unread there, and the next poll processes it")
              .formatted(id));
    }
    if (!store.release(id)) {
      throw notQuarantined(id);
    }
    store.forgetQuarantined(kept.messageKey());
    review.close(id);
    log.info("Quarantined message {} ({}) processed again", id, kept.messageKey());
    return processInTransaction(kept.raw(), kept.source());
  }

  /** Takes a message out of the quarantine for good: it stays processed (a delivery again is a duplicate), with who discarded it. */
  public void discardQuarantined(long id, String by) {
    tx.executeWithoutResult(
        status -> {
          var kept = store.quarantinedOne(id).orElseThrow(() -> notQuarantined(id));
          if (!store.release(id)) {
            throw notQuarantined(id);
          }
          store.noteDiscarded(kept.messageKey(), by);
          review.close(id);
          log.info("Quarantined message {} ({}) discarded by {}", id, kept.messageKey(), by);
        });
  }

  /** Gives the managers a task for the entry just kept aside. */
  private void keptAside(InboundMailStore.Quarantined q) {
    review.open(q.id(), q.sender(), q.subject(), q.reason(), q.receivedAt().toInstant());
  }

  static ApiException notQuarantined(long id) {
    return ApiException.notFound("No message %d in the quarantine".formatted(id));
  }

  /**
   * Notes that a message waits unseen because its ticket is on hold (its process suspended), so
   * that managers see it; processed later, it is no longer listed. The first note gives the
   * managers a task, in its transaction (not if the message was processed meanwhile: a note
   * written just after another node delivered it). Two nodes noting it at once: one row and one
   * task, the other's note is dropped whole.
   */
  public void held(byte[] raw, String messageKey, String ticketKey) {
    try {
      tx.executeWithoutResult(
          status -> store.hold(messageKey, ticketKey, raw).filter(h -> store.processed(messageKey).isEmpty()).ifPresent(heldReview::open));
    } catch (DuplicateKeyException raced) {
      log.debug("Held message {} noted by another node at the same moment", messageKey);
    }
  }

  /**
   * Closes the managers' tasks about replies that no longer wait (at each poll): a review whose close
   * failed at the delivery, or one that another node opened with its note, uncommitted, while this
   * one delivered the reply (neither saw the other's rows). The open reviews are read before the
   * notes, so a note and review committed in between are not taken for leftovers. Notes written
   * after their message was processed go too (never listed). Cheap when no review is open.
   */
  public void closeLeftoverHeldReviews() {
    var open = heldReview.openReviews();
    if (!open.isEmpty()) {
      var waiting = store.held().stream().map(InboundMailStore.Held::id).collect(Collectors.toSet());
      open.stream().filter(id -> !waiting.contains(id)).forEach(heldReview::close);
    }
    store.forgetHeldProcessed();
  }

  /** The message no longer waits for a ticket on hold: the managers' task about it closes. */
  private void released(String messageKey) {
    store.heldId(messageKey).ifPresent(heldReview::close);
  }

  /** The dedupe key of a raw message, for the poller's bookkeeping. */
  static String keyOf(byte[] raw) {
    try {
      return new MailParser().parse(raw).messageKey();
    } catch (MalformedMailException e) {
      return e.messageKey();
    }
  }

  // ------------------------------------------------------------------ the rules

  private Result processInTransaction(byte[] raw, String source) {
    ParsedMail mail;
    try {
      mail = parser.parse(raw);
    } catch (MalformedMailException e) {
      var done = store.processed(e.messageKey());
      if (done.isPresent()) {
        return duplicate(done.get());
      }
      keptAside(store.quarantine(e.messageKey(), source, e.getMessage(), raw.length, raw, true));
      store.markProcessed(e.messageKey(), source, null, null, InboundOutcome.QUARANTINED, null, null, e.getMessage());
      log.warn("Inbound message {} quarantined: {}", e.messageKey(), e.getMessage());
      return new Result(InboundOutcome.QUARANTINED, null, null, e.messageKey(), e.getMessage(), List.of());
    }
    // held for a ticket on hold before: whatever becomes of it now, it waits no more (its note goes
    // when it is marked processed; the ticket still on hold rolls back both)
    released(mail.messageKey());
    var done = store.processed(mail.messageKey());
    if (done.isPresent()) {
      // a note that it waits for a ticket on hold, written after it was processed: it waits no more
      store.releaseHeld(mail.messageKey());
      return duplicate(done.get());
    }
    // fetched at last (the size limit raised): its headers-only entry goes when it is marked processed
    store.headersOnly(mail.messageKey()).forEach(review::close);
    var threaded = thread(mail);
    var loop = mail.autoReply() != null ? mail.autoReply() : loop(mail);
    if (loop != null) {
      var ticketId = threaded.map(t -> t.ticket().id()).orElse(null);
      store.markProcessed(mail.messageKey(), source, mail.from(), mail.subject(), InboundOutcome.IGNORED_AUTO_REPLY, ticketId, null, loop);
      log.info("Inbound message {} from {} ignored: {}", mail.messageKey(), mail.from(), loop);
      return new Result(
          InboundOutcome.IGNORED_AUTO_REPLY, ticketId == null ? null : TicketKey.of(ticketId), null, mail.messageKey(), loop, List.of());
    }
    var attachments = decide(mail.attachments());
    if (threaded.isEmpty()) {
      return newTicket(mail, source, attachments);
    }
    return reply(mail, source, threaded.get(), attachments);
  }

  private String loop(ParsedMail mail) {
    if (ownAddresses.contains(mail.from())) {
      return "From our own address " + mail.from();
    }
    if (store.isOurMessageId(mail.messageKey())) {
      return "One of our own messages came back";
    }
    return null;
  }

  /** The ticket a message replies to: by the thread headers first, then by the subject tag. */
  private Optional<Threaded> thread(ParsedMail mail) {
    for (var id : mail.threadIds()) {
      var ticket = store.ticketOfMessageId(id).flatMap(tickets::find);
      if (ticket.isPresent()) {
        return Optional.of(new Threaded(ticket.get(), "In-Reply-To/References " + id));
      }
    }
    var tag = TAG.matcher(mail.subject());
    if (tag.find()) {
      return tickets.findByKey(tag.group(1)).map(t -> new Threaded(t, "subject tag [" + t.key() + "]"));
    }
    return Optional.empty();
  }

  private Result newTicket(ParsedMail mail, String source, List<Decided> attachments) {
    var user = asCustomer(mail.from());
    var created =
        service.create(user, null, request(mail.from(), mail.fromName(), subject(mail.subject()), text(mail.text(), attachments)));
    var t = created.ticket();
    var inboundId = store.markProcessed(mail.messageKey(), source, mail.from(), mail.subject(), InboundOutcome.NEW_TICKET, t.id(), null, null);
    var notes = store(t.id(), inboundId, attachments);
    addParticipants(t, mail);
    return new Result(InboundOutcome.NEW_TICKET, t.key(), null, mail.messageKey(), null, notes);
  }

  private Result reply(ParsedMail mail, String source, Threaded threaded, List<Decided> attachments) {
    var t = threaded.ticket();
    var customer = customers.findById(t.customerId()).orElseThrow();
    var isCustomer = customer.email().equalsIgnoreCase(mail.from());
    if (!isCustomer && !store.isParticipant(t.id(), mail.from())) {
      var staff = staff(mail.from());
      if (staff != null) {
        return internalReply(mail, source, t, staff, attachments);
      }
      return stranger(mail, source, threaded, attachments);
    }
    // the customer writes as herself; a participant through the desk (the sender check above is the gate)
    var user = isCustomer ? asCustomer(mail.from()) : asParticipant(mail.from());
    var body = text(ReplyText.withoutQuote(mail.text()), attachments);
    InboundOutcome outcome;
    Ticket result;
    if (t.status() == TicketStatus.RESOLVED && awaitingVerification(t)) {
      var intent = intents.of(body);
      if (intent != ReplyIntents.Intent.NONE) {
        var accepted = intent == ReplyIntents.Intent.CONFIRM;
        result = service.verify(t.key(), accepted, body, user);
        outcome = accepted ? InboundOutcome.SOLUTION_CONFIRMED : InboundOutcome.SOLUTION_REJECTED;
        return recorded(mail, source, outcome, result, null, attachments, isCustomer);
      }
    }
    if (isCustomer && t.status() == TicketStatus.CLOSED) {
      // "5, 9, 7 - quick and friendly": her answer to the survey e-mail, not a reopening
      var answer = SurveyReply.parse(body);
      if (answer.isPresent() && service.waitsFor(t.key(), TicketLifecycle.Messages.FEEDBACK_RECEIVED)) {
        var a = answer.get();
        result = service.feedback(t.key(), a.csat(), a.nps(), a.ces(), a.comment(), user);
        return recorded(mail, source, InboundOutcome.FEEDBACK_RECORDED, result, null, attachments, isCustomer);
      }
      if (answer.isPresent() && surveyWasSent(t)) {
        // the survey expired (policy §6): her scores no longer count, and they are no new problem
        result = service.keepOnClosedTicket(t.key(), body, user);
        return recorded(mail, source, InboundOutcome.LATE_SURVEY_ANSWER, result, null, attachments, isCustomer);
      }
    }
    var added = service.addMessage(t.key(), MessageAuthor.CUSTOMER, body, user);
    result = added.ticket();
    outcome =
        switch (added.outcome()) {
          case ADDED -> InboundOutcome.ADDED_TO_TICKET;
          case ANSWERED_INFORMATION_REQUEST -> InboundOutcome.ANSWERED_INFORMATION_REQUEST;
          case RETURNED_TO_AGENT -> InboundOutcome.RETURNED_TO_AGENT;
          case REOPENED -> InboundOutcome.REOPENED;
          case NEW_TICKET_LINKED -> InboundOutcome.NEW_TICKET_LINKED;
        };
    var linked = outcome == InboundOutcome.NEW_TICKET_LINKED ? t : null;
    return recorded(mail, source, outcome, result, linked, attachments, isCustomer);
  }

  private Result recorded(
      ParsedMail mail, String source, InboundOutcome outcome, Ticket t, Ticket linked, List<Decided> attachments, boolean fromCustomer) {
    var reason = linked == null ? null : "Reply after the reopen window of " + linked.key();
    var inboundId =
        store.markProcessed(
            mail.messageKey(), source, mail.from(), mail.subject(), outcome, t.id(), linked == null ? null : linked.id(), reason);
    var notes = store(t.id(), inboundId, attachments);
    if (fromCustomer) {
      addParticipants(t, mail);
    }
    return new Result(outcome, t.key(), linked == null ? null : linked.key(), mail.messageKey(), reason, notes);
  }

  /**
   * Support staff by e-mail: a group address of ours, or a Camunda user of a tier, the managers or
   * the admins with this address. Returns who it is, or null for anyone else.
   */
  private String staff(String address) {
    if (mail.isInternal(address)) {
      return address;
    }
    return EngineAccess.privileged(
        () ->
            identities.createUserQuery().userEmail(address).list().stream()
                .map(User::getId)
                .filter(id -> asStaff(id).worksTickets())
                .findFirst()
                .orElse(null));
  }

  /**
   * An agent answered an internal e-mail (a hand-over, a warning): her words go to the ticket's
   * history for her colleagues, never to the customer's conversation, and open no ticket.
   */
  private Result internalReply(ParsedMail mail, String source, Ticket t, String staff, List<Decided> attachments) {
    var words = ReplyText.withoutQuote(mail.text()).strip();
    var note = words.length() > 1000 ? words.substring(0, 1000) + "…" : words;
    history.record(t.id(), HistoryEvent.INTERNAL_NOTE, staff, "By e-mail: " + note);
    var reason = "An internal reply by " + mail.from() + ": kept in the history, not sent to the customer";
    var inboundId =
        store.markProcessed(mail.messageKey(), source, mail.from(), mail.subject(), InboundOutcome.INTERNAL_REPLY, t.id(), null, reason);
    var notes = store(t.id(), inboundId, attachments);
    return new Result(InboundOutcome.INTERNAL_REPLY, t.key(), null, mail.messageKey(), reason, notes);
  }

  /** Someone else's tag (or thread) is no key to a ticket: a new ticket that links the old one. */
  private Result stranger(ParsedMail mail, String source, Threaded threaded, List<Decided> attachments) {
    var old = threaded.ticket();
    var user = asCustomer(mail.from());
    var created =
        service.create(user, null, request(mail.from(), mail.fromName(), subject(mail.subject()), text(mail.text(), attachments)));
    var t = created.ticket();
    tickets.change(t.id()).set(Column.LINKED_TICKET_ID, old.id()).apply();
    var reason =
        "%s replied to %s (matched by %s) but is neither its customer nor a participant: the message opened %s instead"
            .formatted(mail.from(), old.key(), threaded.how(), t.key());
    history.record(t.id(), HistoryEvent.LINKED, mail.from(), "Links " + old.key() + ": " + reason);
    history.record(
        old.id(),
        HistoryEvent.LINKED,
        "system",
        "An e-mail naming this ticket came from someone who is neither its customer nor a participant; it was not added here but opened "
            + t.key());
    var inboundId = store.markProcessed(mail.messageKey(), source, mail.from(), mail.subject(), InboundOutcome.NEW_TICKET_LINKED, t.id(), old.id(), reason);
    var notes = store(t.id(), inboundId, attachments);
    addParticipants(t, mail);
    log.info("Inbound message {}: {}", mail.messageKey(), reason);
    return new Result(InboundOutcome.NEW_TICKET_LINKED, t.key(), old.key(), mail.messageKey(), reason, notes);
  }

  private boolean surveyWasSent(Ticket t) {
    return history.of(t.id()).stream().anyMatch(e -> e.event() == HistoryEvent.SURVEY_SENT);
  }

  private boolean awaitingVerification(Ticket t) {
    return runtime.createExecutionQuery()
            .processInstanceBusinessKey(t.key())
            .activityId(TicketLifecycle.Elements.AWAIT_VERIFICATION)
            .count()
        > 0;
  }

  /** The people the customer copied in may write to the ticket too. */
  private void addParticipants(Ticket t, ParsedMail mail) {
    var customerEmail = customers.findById(t.customerId()).map(c -> c.email().toLowerCase(Locale.ROOT)).orElse("");
    if (!customerEmail.equals(mail.from())) {
      return;
    }
    for (var address : mail.cc()) {
      if (!address.equals(customerEmail) && !ownAddresses.contains(address)) {
        store.addParticipant(t.id(), address, mail.from());
      }
    }
  }

  // ------------------------------------------------------------------ attachments

  private List<Decided> decide(List<ParsedMail.Attachment> attachments) {
    var max = properties.attachmentMaxSize().toBytes();
    var result = new ArrayList<Decided>();
    for (var a : attachments) {
      String rejection = null;
      var extension = a.fileName().contains(".") ? a.fileName().substring(a.fileName().lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
      if (a.content().length == 0) {
        rejection = "empty";
      } else if (a.content().length > max) {
        rejection = "larger than %d bytes".formatted(max);
      } else if (!allowed(a.contentType())) {
        rejection = "content type " + a.contentType() + " is not allowed";
      } else if (BLOCKED_EXTENSIONS.contains(extension)) {
        rejection = "executable file type ." + extension + " is not allowed";
      }
      result.add(new Decided(a, rejection));
    }
    return result;
  }

  private boolean allowed(String contentType) {
    for (var pattern : properties.allowedContentTypes()) {
      var p = pattern.strip().toLowerCase(Locale.ROOT);
      if (p.equals(contentType) || (p.endsWith("/*") && contentType.startsWith(p.substring(0, p.length() - 1)))) {
        return true;
      }
    }
    return false;
  }

  private List<AttachmentNote> store(long ticketId, long inboundId, List<Decided> attachments) {
    var notes = new ArrayList<AttachmentNote>();
    for (var d : attachments) {
      var a = d.attachment();
      store.attach(ticketId, inboundId, a.fileName(), a.contentType(), a.content().length, d.rejection() == null ? a.content() : null, d.rejection());
      notes.add(new AttachmentNote(a.fileName(), a.contentType(), a.content().length, d.rejection() == null, d.rejection()));
    }
    return notes;
  }

  // ------------------------------------------------------------------ texts

  private static TicketService.NewTicketRequest request(String email, String name, String subject, String description) {
    return new TicketService.NewTicketRequest(email, cut(name, 200), subject, description, Channel.EMAIL, null, null, null, null, null);
  }

  /** The subject of a new ticket: without ticket tags (a reply's tag names another ticket), never blank. */
  static String subject(String subject) {
    var s = TAG.matcher(subject == null ? "" : subject).replaceAll("").replaceAll("\\s+", " ").strip();
    s = s.isEmpty() ? "(no subject)" : s;
    return cut(s, SUBJECT_MAX);
  }

  /** The message text (shortened if need be) and what happened to its attachments. */
  private static String text(String body, List<Decided> attachments) {
    var s = body == null || body.isBlank() ? "(no text)" : body.strip();
    if (s.length() > TEXT_MAX) {
      s = s.substring(0, TEXT_MAX) + "\n[... shortened: the e-mail was longer]";
    }
    if (attachments.isEmpty()) {
      return s;
    }
    var note = new StringBuilder(s).append("\n\n[Attachments:");
    for (var d : attachments) {
      var a = d.attachment();
      note.append("\n- ").append(cut(a.fileName(), 100)).append(" (").append(a.contentType()).append(", ").append(a.content().length).append(" bytes): ");
      note.append(d.rejection() == null ? "stored" : "rejected, " + d.rejection());
    }
    return note.append("]").toString();
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  private static Result duplicate(InboundMailStore.Processed done) {
    return new Result(
        InboundOutcome.DUPLICATE,
        done.ticketId() == null ? null : TicketKey.of(done.ticketId()),
        done.linkedTicketId() == null ? null : TicketKey.of(done.linkedTicketId()),
        done.messageKey(),
        "Processed before as " + done.outcome(),
        List.of());
  }

  // ------------------------------------------------------------------ who writes

  private static CurrentUser asCustomer(String address) {
    return new CurrentUser(address, address, Set.of(CurrentUser.CUSTOMERS));
  }

  private CurrentUser asStaff(String userId) {
    var groups = identities.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).collect(Collectors.toSet());
    return new CurrentUser(userId, null, groups);
  }

  private static CurrentUser asParticipant(String address) {
    return new CurrentUser(address, null, Set.of(CurrentUser.MANAGERS));
  }
}
