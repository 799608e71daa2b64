package ai.archbuilder.support.report;

import static org.assertj.core.api.Assertions.assertThat;

import ai.archbuilder.support.browser.BrowserScenarios;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A support manager, as a new user would: logs into Cockpit, opens "SLA report", picks a week and
 * reads which first responses came in time. Headless Chromium (skipped where it is not installed,
 * see {@link BrowserScenarios}); screenshots in target/screenshots/. The tickets live in August
 * 2027, where no other test puts any.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class SlaReportInCockpitTest extends BrowserScenarios {

  private String bug(String subject) {
    return createTicket("admin", ticket("alice@example.com", subject, "The export total is wrong; summing by hand works.",
        "category", "TECHNICAL", "subcategory", "SOFTWARE_BUG", "impact", "MINOR")).get("key").asText();
  }

  @Test
  void aManagerReadsTheWeeksSlaComplianceInCockpit() throws IOException {
    setClock(la("2027-08-02T10:00:00")); // a Monday
    var answered = bug("Answered in time");
    bug("Never answered");
    setClock(la("2027-08-02T10:30:00"));
    complete("tier1", task(answered, "Task_TriageTicket"), Map.of("category", "TECHNICAL", "subcategory", "SOFTWARE_BUG",
        "impact", "MINOR", "urgency", "MEDIUM", "security", false, "outcome", "RESOLVE", "reply", "Update to 4.3, please."));
    // Thursday noon: the unanswered ticket's first response (due Wednesday 16:00) is late
    setClock(la("2027-08-05T12:00:00"));

    var cockpit = "http://localhost:" + port + "/camunda/app/cockpit/" + engine.getName() + "/";
    chromium.signIn(cockpit, "manager", "demo");
    wait.until(ExpectedConditions.elementToBeClickable(By.id("sla-report-nav"))).click();
    // by default the last 30 days, up to today in the business time zone
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sla-report-period"),
        "2027-07-07 to 2027-08-05 (America/Los_Angeles)"));

    var from = browser.findElement(By.id("sla-report-from"));
    var to = browser.findElement(By.id("sla-report-to"));
    setValue(from, "2027-08-02");
    setValue(to, "2027-08-08");
    browser.findElement(By.id("sla-report-show")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sla-report-period"), "2027-08-02 to 2027-08-08"));
    assertThat(browser.getCurrentUrl()).as("a link to keep").endsWith("#/sla-report?from=2027-08-02&to=2027-08-08");

    assertThat(fact("tickets")).startsWith("2\ntickets created");
    assertThat(fact("first-response")).startsWith("50.0 %\nfirst responses in time").contains("1 met, 1 breached");
    // a solution proposed counts as the resolution; the other ticket's resolution is not due yet
    assertThat(fact("resolution")).startsWith("100.0 %\nresolutions in time").contains("1 met, 0 breached");
    assertThat(fact("first-contact")).contains("0 of 0 closed");
    // moves up a tier and oversight at the ceiling are two facts
    assertThat(fact("escalated")).startsWith("0.0 %\nescalated (moved up a tier)").contains("0 tickets");
    assertThat(fact("oversight")).startsWith("0.0 %\noverseen by managers at the highest tier").contains("0 tickets");

    // Priority, Tickets, then met / breached / running / in time / median for each clock
    assertThat(cells("#sla-report-priorities tr[data-key='P3'] td"))
        .containsExactly("P3", "2", "1", "1", "0", "50.0 %", "0.5 h", "1", "0", "1", "100.0 %", "0.5 h");
    assertThat(cells("#sla-report-priorities tr[data-key='P1'] td"))
        .containsExactly("P1", "0", "0", "0", "0", "—", "—", "0", "0", "0", "—", "—");
    assertThat(cells("#sla-report-priorities tr[data-key='ALL'] td")).startsWith("All", "2", "1", "1", "0", "50.0 %");
    assertThat(browser.findElements(By.cssSelector("#sla-report-priorities tr[data-key='P3'] .sla-report-breached")))
        .extracting(WebElement::getText)
        .containsExactly("1");
    assertThat(cells("#sla-report-channels tr[data-key='PORTAL'] td"))
        .containsExactly("PORTAL", "2", "1", "1", "0", "50.0 %", "0.5 h", "1", "0", "1", "100.0 %", "0.5 h");
    assertThat(cells("#sla-report-channels tr[data-key='EMAIL'] td")).startsWith("EMAIL", "0");
    assertThat(cells("#sla-report-tiers tr td:first-child")).containsExactly("Tier 1");
    assertThat(browser.findElement(By.id("sla-report-tiers")).findElement(By.xpath("preceding-sibling::p[1]")).getText())
        .startsWith("Each clock in the tier that owned it");
    assertThat(cells("#sla-report-tiers tr[data-key='1'] td")).startsWith("Tier 1", "2", "1", "1", "0", "50.0 %");
    assertThat(cells("#sla-report-categories tr[data-key='TECHNICAL'] td")).containsExactly("TECHNICAL", "2", "100.0 %");
    assertThat(cells("#sla-report-agents tbody tr[data-key='tier1'] td")).containsExactly("tier1", "1", "1", "0", "1", "0");
    assertThat(cells("#sla-report-days tbody tr td:first-child"))
        .containsExactly("2027-08-02", "2027-08-03", "2027-08-04", "2027-08-05", "2027-08-06", "2027-08-07", "2027-08-08");
    assertThat(cells("#sla-report-days tr[data-key='2027-08-02'] td")).startsWith("2027-08-02", "2", "1", "1", "0", "50.0 %");
    chromium.scrollTo(browser.findElement(By.id("sla-report-period")));
    chromium.screenshot("cockpit-sla-report.png");

    // the link opens the same week again
    browser.navigate().refresh();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sla-report-period"), "2027-08-02 to 2027-08-08"));
    assertThat(browser.findElement(By.id("sla-report-from")).getAttribute("value")).isEqualTo("2027-08-02");
  }

  private void setValue(WebElement input, String value) {
    // a date input's typing order follows the browser's locale; the value does not
    ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", input, value);
  }

  private String fact(String name) {
    return browser.findElement(By.cssSelector("#sla-report-facts [data-fact='" + name + "']")).getText();
  }

  private List<String> cells(String selector) {
    return browser.findElements(By.cssSelector(selector)).stream().map(WebElement::getText).toList();
  }
}
