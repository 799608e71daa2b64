package ai.archbuilder.support.mail.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import ai.archbuilder.support.browser.BrowserScenarios;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * A support manager, as a new user would: opens "Mail quarantine" in Cockpit, reads who wrote and
 * why the message was kept aside, processes one again (a ticket comes of it) and discards an
 * unreadable one. Headless Chromium (skipped where it is not installed, see {@link BrowserScenarios}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class MailQuarantineInCockpitTest extends BrowserScenarios {

  @Autowired InboundMailProcessor processor;
  @Autowired JdbcClient jdbc;

  private static byte[] mail(String from, String subject, String messageId, String body, String contentType) {
    return ("From: " + from + "\r\nTo: support@archbuilder.app\r\nSubject: " + subject + "\r\nMessage-ID: " + messageId
        + "\r\nMIME-Version: 1.0\r\nContent-Type: " + contentType + "\r\n\r\n" + body + "\r\n").getBytes(StandardCharsets.UTF_8);
  }

  private long quarantineId(String messageId) {
    return jdbc.sql("SELECT id FROM inbound_mail_quarantine WHERE message_key = ?").param(messageId).query(Long.class).single();
  }

  @Test
  void aManagerProcessesOneMessageAgainAndDiscardsAnotherInCockpit() throws IOException {
    // what the mailbox poller does with a message whose processing failed three times
    var good = mail("nora@quarantine.example", "Cannot open <b>my</b> model", "<q-good@mail.example.com>",
        "The model opens blank since this morning.", "text/plain; charset=UTF-8");
    processor.quarantine(good, "<q-good@mail.example.com>", "IMAP", "Processing failed 3 times: java.lang.IllegalStateException: a bug");
    var broken = mail("omar@quarantine.example", "Broken attachment", "<q-broken@mail.example.com>", "no boundary here",
        "multipart/mixed; boundary=\"missing\"");
    assertThat(processor.process(broken, "HTTP").outcome()).isEqualTo(InboundOutcome.QUARANTINED);
    // and a reply the mailbox holds back, its ticket's process suspended
    processor.held(mail("pia@quarantine.example", "Re: [TCK-000777] Slow export", "<q-held@mail.example.com>", "Still slow.",
        "text/plain"), "<q-held@mail.example.com>", "TCK-000777");
    var goodId = quarantineId("<q-good@mail.example.com>");
    var brokenId = quarantineId("<q-broken@mail.example.com>");

    chromium.signIn("http://localhost:" + port + "/camunda/app/cockpit/" + engine.getName() + "/", "manager", "demo");
    wait.until(ExpectedConditions.elementToBeClickable(By.id("mail-quarantine-nav"))).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(row(goodId))));

    assertThat(cells(goodId)).startsWith("nora@quarantine.example", "Cannot open <b>my</b> model")
        .anySatisfy(cell -> assertThat(cell).contains("Processing failed 3 times"));
    assertThat(cells(brokenId)).startsWith("omar@quarantine.example", "Broken attachment")
        .anySatisfy(cell -> assertThat(cell).contains("Unreadable message"));
    assertThat(browser.findElements(By.cssSelector(row(goodId) + " b"))).as("a subject is text, not markup").isEmpty();
    assertThat(browser.findElements(By.cssSelector("#mail-quarantine-held tr[data-ticket='TCK-000777'] td")).stream()
        .map(WebElement::getText).toList())
        .startsWith("TCK-000777", "pia@quarantine.example", "Re: [TCK-000777] Slow export").endsWith("1");
    chromium.screenshot("cockpit-mail-quarantine.png");

    browser.findElement(By.cssSelector(row(goodId) + " button[data-action='retry']")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("mail-quarantine-status"), "NEW_TICKET"));
    assertThat(browser.findElement(By.id("mail-quarantine-status")).getText())
        .startsWith("Message from nora@quarantine.example: NEW_TICKET, ticket TCK-");
    wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(row(goodId)), 0));
    assertThat(jdbc.sql("SELECT COUNT(*) FROM ticket t JOIN customer c ON c.id = t.customer_id WHERE c.email = ?")
        .param("nora@quarantine.example").query(Long.class).single()).isEqualTo(1);

    ((JavascriptExecutor) browser).executeScript("window.confirm = () => true;");
    browser.findElement(By.cssSelector(row(brokenId) + " button[data-action='discard']")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("mail-quarantine-status"), "discarded"));
    wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(row(brokenId)), 0));
    assertThat(jdbc.sql("SELECT COUNT(*) FROM inbound_mail_quarantine WHERE id = ?").param(brokenId).query(Long.class).single()).isZero();
  }

  @Test
  void anAuditorIsToldSheMayNotReviewTheQuarantine() {
    chromium.signIn("http://localhost:" + port + "/camunda/app/cockpit/" + engine.getName() + "/#/mail-quarantine", "auditor", "demo");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("mail-quarantine-status"), "Not allowed to read the quarantine"));
    assertThat(browser.findElements(By.id("mail-quarantine-list"))).isEmpty();
  }

  private static String row(long id) {
    return "#mail-quarantine-list tr[data-id='" + id + "']";
  }

  private List<String> cells(long id) {
    return browser.findElements(By.cssSelector(row(id) + " td")).stream().skip(1).map(WebElement::getText).toList();
  }
}
