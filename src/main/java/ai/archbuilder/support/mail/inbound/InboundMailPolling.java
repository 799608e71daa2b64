package ai.archbuilder.support.mail.inbound;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Polls the support mailbox every {@code support.mail.inbound.imap.poll-interval} when
 * {@code support.mail.inbound.enabled=true}. One pass at a time; a mailbox that is away is
 * logged and tried again on the next pass.
 */
@Component
@ConditionalOnProperty(name = "support.mail.inbound.enabled", havingValue = "true")
class InboundMailPolling implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(InboundMailPolling.class);

  private final InboundMailProperties properties;
  private final ImapMailbox mailbox;
  private ScheduledExecutorService scheduler;

  InboundMailPolling(InboundMailProperties properties, InboundMailProcessor processor) {
    this.properties = properties;
    this.mailbox = new ImapMailbox(properties.imap(), properties.maxSize().toBytes(), processor);
  }

  @Override
  public synchronized void start() {
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              var t = new Thread(r, "inbound-mail-poller");
              t.setDaemon(true);
              return t;
            });
    var interval = properties.imap().pollInterval().toMillis();
    scheduler.scheduleWithFixedDelay(this::pollSafely, Math.min(interval, 10_000), interval, TimeUnit.MILLISECONDS);
    log.info(
        "Polling {}@{}:{}/{} every {}",
        properties.imap().username(),
        properties.imap().host(),
        properties.imap().port(),
        properties.imap().folder(),
        properties.imap().pollInterval());
  }

  private void pollSafely() {
    try {
      var report = mailbox.poll();
      if (report.unseen() > 0) {
        log.info("Inbound mailbox: {}", report);
      }
    } catch (Exception | LinkageError e) {
      log.warn("Inbound mailbox poll failed, next try in {}: {}", properties.imap().pollInterval(), e.toString());
    }
  }

  @Override
  public synchronized void stop() {
    if (scheduler != null) {
      scheduler.shutdown();
      try {
        scheduler.awaitTermination(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      scheduler = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return scheduler != null;
  }

  @Override
  public int getPhase() {
    // start after the engine and the web server, stop before them
    return Integer.MAX_VALUE - 100;
  }
}
