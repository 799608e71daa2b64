package ai.archbuilder.support.identity;

import static org.assertj.core.api.Assertions.assertThat;

import ai.archbuilder.support.browser.BrowserScenarios;
import ai.archbuilder.support.ticket.TicketLifecycle.Elements;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A Tier 1 agent, as a new user would: logs into Tasklist, opens the triage task of a new ticket
 * from her tier's queue, reads the ticket's context in the form, confirms the classification,
 * cannot complete "resolve" without a reply, resolves it with one, and the ticket moves on. Headless Chromium
 * from Debian's packages; skipped where they are not installed. Screenshots go to
 * target/screenshots/tasklist-*.png.
 */
// a context of its own, closed afterwards: its webapp session state must not leak into other tests
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.datasource.url=jdbc:h2:mem:tasklist-browser;DB_CLOSE_DELAY=-1")
@ActiveProfiles({"test", "demo"})
@org.springframework.test.annotation.DirtiesContext
class TriageInTasklistTest extends BrowserScenarios {

  private static final String SUBJECT = "Export shows a wrong total";
  private static final String DESCRIPTION = "The monthly report total is off by a few cents; a workaround is to sum the rows by hand.";
  private static final String REPLY = "Thanks for the report. Until the fix ships, export per month and sum the rows by hand.";
  private static final String QUEUE = "Tier 1: My tier's queue";

  @Test
  void tier1TriagesANewTicketInTasklistAndItMovesOn() throws IOException {
    var key = createTicket("alice", ticket("alice@example.com", SUBJECT, DESCRIPTION,
        "category", "TECHNICAL", "subcategory", "SOFTWARE_BUG", "impact", "MINOR")).get("key").asText();
    assertThat(ticket(key).get("priority").asText()).isEqualTo("P3");
    var triage = task(key, Elements.TRIAGE);

    // log in, open her tier's queue, find the ticket's triage task by the key on its card
    chromium.signIn(tasklist(), "tier1", "demo");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".task-filters")));
    var queue = By.xpath("//div[contains(@class,'task-filter')]//h4[contains(@class,'name')]/a[contains(normalize-space(.), \"" + QUEUE + "\")]");
    if (!browser.findElements(queue).isEmpty() || waitBriefly(queue)) {
      wait.until(ExpectedConditions.elementToBeClickable(queue)).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(
          By.xpath("//div[contains(@class,'task-filter') and contains(@class,'active')]//a[contains(normalize-space(.), \"" + QUEUE + "\")]")));
    }
    var card = findCard(key);
    chromium.screenshot("tasklist-1-queue.png");
    chromium.scrollTo(card);
    wait.until(ExpectedConditions.elementToBeClickable(card.findElement(By.xpath(".//h4//a | .//a[1]")))).click();

    // the form shows the ticket's context, read only
    wait.until(d -> key.equals(input("Ticket").getDomProperty("value")));
    assertThat(input("Ticket").isDisplayed()).isTrue();
    assertThat(input("Subject").getDomProperty("value")).isEqualTo(SUBJECT);
    assertThat(input("Customer and plan").getDomProperty("value")).contains("alice@example.com", "plan BASIC");
    assertThat(input("Priority, tier, coverage, channel").getDomProperty("value")).startsWith("P3").contains("Tier 1");
    assertThat(input("Conversation so far").getDomProperty("value")).contains(DESCRIPTION);
    assertThat(input("Due dates").getDomProperty("value")).contains("First response: due", "Resolution: due");
    for (var label : List.of("Ticket", "Customer and plan", "Priority, tier, coverage, channel", "Conversation so far")) {
      var field = input(label);
      assertThat(field.isDisplayed()).as(label).isTrue();
      assertThat(field.getDomAttribute("readonly") != null || field.getDomAttribute("disabled") != null).as("%s is read only", label).isTrue();
    }
    for (var label : List.of("Customer and plan", "Priority, tier, coverage, channel")) {
      var field = input(label);
      long text = Long.parseLong(field.getDomProperty("scrollWidth"));
      long box = Long.parseLong(field.getDomProperty("clientWidth"));
      assertThat(text).as("%s shows its whole line, not cut off", label).isLessThanOrEqualTo(box);
    }
    // the classification the ticket has, offered for confirmation
    assertThat(field("Category").getText()).contains("Technical");
    assertThat(field("Subcategory").getText()).contains("Software bug");
    assertThat(field("Impact").getText()).contains("Minor");
    chromium.screenshot("tasklist-2-triage-form.png");

    // claim it, as Tasklist asks before a task can be completed
    var claim = By.cssSelector(".task-details button.claim");
    if (!browser.findElements(claim).isEmpty()) {
      wait.until(ExpectedConditions.elementToBeClickable(claim)).click();
      wait.until(ExpectedConditions.invisibilityOfElementLocated(claim));
    }
    wait.until(d -> "tier1".equals(tasks.createTaskQuery().taskId(triage.getId()).singleResult().getAssignee()));

    // confirm the classification
    choose("Category", "Technical");
    choose("Subcategory", "Software bug");
    choose("Impact", "Minor: workaround exists");
    radio("Urgency", "Medium");

    // half-filled: resolving without a reply cannot be completed
    radio("Outcome", "Resolve: propose a solution now");
    var reply = wait.until(ExpectedConditions.visibilityOf(textarea("Reply to the customer")));
    assertThat(reply.getDomProperty("value")).isEmpty();
    var complete = completeButton();
    if (complete.isEnabled()) {
      complete.click(); // form-js validates, shows what is missing and Tasklist does not complete
      wait.until(d -> field("Reply to the customer").getText().contains("required"));
    }
    wait.until(d -> !completeButton().isEnabled());
    chromium.screenshot("tasklist-3-reply-missing.png");
    assertThat(tasks.createTaskQuery().taskId(triage.getId()).count()).as("the triage task is still open").isEqualTo(1);

    // with the reply it can
    reply.sendKeys(REPLY);
    wait.until(d -> !field("Reply to the customer").getText().contains("required"));
    chromium.scrollTo(field("Outcome"));
    chromium.screenshot("tasklist-4-resolve-with-reply.png");
    wait.until(ExpectedConditions.elementToBeClickable(completeButton())).click();

    // Tasklist lets go of the task, and the ticket has moved on
    wait.until(d -> tasks.createTaskQuery().taskId(triage.getId()).count() == 0);
    wait.until(d -> d.findElements(By.xpath("//ol[contains(@class,'tasks-list')]/li[contains(., '" + key + "')]")).isEmpty());
    chromium.screenshot("tasklist-5-completed.png");
    var moved = ticket(key);
    assertThat(moved.get("status").asText()).isEqualTo("RESOLVED");
    assertThat(moved.get("category").asText()).isEqualTo("TECHNICAL");
    assertThat(moved.get("subcategory").asText()).isEqualTo("SOFTWARE_BUG");
    assertThat(moved.get("impact").asText()).isEqualTo("MINOR");
    assertThat(moved.get("urgency").asText()).isEqualTo("MEDIUM");
    assertThat(openTasks(key)).extracting(t -> t.getTaskDefinitionKey()).doesNotContain(Elements.TRIAGE);
    assertThat(historyEvents(key)).contains("TRIAGED");
    // the context was the task's own: it went with the task
    assertThat(runtime.getVariables(triage.getProcessInstanceId()))
        .doesNotContainKeys("ticketKey", "ticketCustomer", "ticketConversation", "ticketPriority");
  }

  private String tasklist() {
    // tests give each engine a unique name: the webapps' URLs name the engine
    return "http://localhost:" + port + "/camunda/app/tasklist/" + engine.getName() + "/";
  }

  private boolean waitBriefly(By what) {
    try {
      new WebDriverWait(browser, java.time.Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(what));
      return true;
    } catch (org.openqa.selenium.TimeoutException e) {
      return false;
    }
  }

  /** The card of the ticket's task in the list, paging on when the list is longer than a page. */
  private WebElement findCard(String key) {
    var card = By.xpath("//ol[contains(@class,'tasks-list')]/li[contains(., '" + key + "')]");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("ol.tasks-list > li")));
    for (int page = 0; page < 50; page++) {
      var found = browser.findElements(card);
      if (!found.isEmpty()) {
        return found.get(0);
      }
      var next = browser.findElements(By.cssSelector(".tasks-list .pagination li.pagination-next:not(.disabled) a"));
      if (next.isEmpty()) {
        // the list may still be loading: give it the full patience once
        return wait.until(ExpectedConditions.presenceOfElementLocated(card));
      }
      var first = browser.findElement(By.cssSelector("ol.tasks-list > li"));
      next.get(0).click();
      wait.until(ExpectedConditions.stalenessOf(first));
    }
    throw new AssertionError("no task card of " + key);
  }

  private static String literal(String text) {
    return "\"" + text + "\"";
  }

  /** A form-js field by its label (a required field's label ends with an asterisk element). */
  private By fieldBy(String label) {
    return By.xpath("//label[contains(@class,'fjs-form-field-label') and normalize-space(text()[1])=" + literal(label)
        + "]/ancestor::div[contains(concat(' ', normalize-space(@class), ' '), ' fjs-form-field ')][1]");
  }

  private WebElement field(String label) {
    return wait.until(ExpectedConditions.presenceOfElementLocated(fieldBy(label)));
  }

  private WebElement input(String label) {
    return field(label).findElement(By.cssSelector("input, textarea"));
  }

  private WebElement textarea(String label) {
    return field(label).findElement(By.tagName("textarea"));
  }

  /** Picks an option of a form-js select (its own drop-down list, not a native select). */
  private void choose(String label, String option) {
    var select = field(label);
    chromium.scrollTo(select);
    if (select.getText().contains(option)) {
      return; // already chosen: confirmed as it is
    }
    wait.until(ExpectedConditions.elementToBeClickable(select.findElement(By.cssSelector(".fjs-input-group")))).click();
    var item = By.xpath(".//*[contains(@class,'fjs-dropdownlist-item') and normalize-space(.)=" + literal(option) + "]");
    wait.until(d -> !select.findElements(item).isEmpty());
    select.findElement(item).click();
    wait.until(d -> select.getText().contains(option));
  }

  /** Picks an option of a form-js radio group, by the option's label. */
  private void radio(String label, String option) {
    var group = field(label);
    chromium.scrollTo(group);
    var input = group.findElement(By.xpath(".//label[normalize-space(.)=" + literal(option) + "]/preceding-sibling::input[@type='radio'] | "
        + ".//label[normalize-space(.)=" + literal(option) + "]//input[@type='radio']"));
    if (!input.isSelected()) {
      wait.until(ExpectedConditions.elementToBeClickable(input)).click();
    }
    wait.until(ExpectedConditions.elementToBeSelected(input));
  }

  private WebElement completeButton() {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.xpath("//div[contains(@class,'form-actions')]//button[normalize-space(.)='Complete']")));
  }
}
