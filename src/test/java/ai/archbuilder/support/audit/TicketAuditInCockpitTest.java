package ai.archbuilder.support.audit;

import static org.assertj.core.api.Assertions.assertThat;

import ai.archbuilder.support.browser.BrowserScenarios;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * An auditor, as a new user would: logs into Cockpit, opens "Ticket audit", searches a ticket
 * and reads why it got its priority. Runs headless Chromium from Debian's packages; skipped
 * where they are not installed (.ci/install-browser.sh installs them). Screenshots go to
 * target/screenshots/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class TicketAuditInCockpitTest extends BrowserScenarios {

  static final String PROBE = "<b id=\"tck-xss\">not bold</b>";

  @Test
  void auditorFindsTheTicketAndReadsWhyItIsP3() throws IOException {
    var created = createTicket("alice", ticket("alice@example.com", "Report export shows a wrong total",
        "The monthly report total is off; a workaround is to sum by hand.", "category", "TECHNICAL",
        "subcategory", "SOFTWARE_BUG", "impact", "MINOR"));
    var key = created.get("key").asText();
    assertThat(created.get("priority").asText()).isEqualTo("P3");
    var triage = task(key, "Task_TriageTicket");
    claim("tier1", triage.getId());
    complete("tier1", triage, Map.of("category", "TECHNICAL", "subcategory", "SOFTWARE_BUG", "impact", "MINOR",
        "urgency", "MEDIUM", "security", false, "outcome", "CONTINUE"));
    // engine text reaches the page as text, never as markup
    runtime.setVariable(triage.getProcessInstanceId(), "auditProbe", PROBE);

    logIntoCockpit("auditor", "demo");
    wait.until(ExpectedConditions.elementToBeClickable(By.id("tck-audit-nav"))).click();
    var search = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tck-audit-key")));
    search.sendKeys(key.replaceFirst("TCK-0*", "")); // "123" finds TCK-000123
    browser.findElement(By.id("tck-audit-search")).click();

    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tck-audit-ticket"), key));
    // the rules' descriptions come from the DMN tables, after the table itself
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-section='decisions'] [data-rules-described]")));
    screenshot("cockpit-ticket-audit.png");
    var decisions = section("decisions");
    assertThat(decisions.getText()).contains(
        "Ticket priority: base priority adjusted by urgency (§3)", "Base priority = P3", "Urgency = MEDIUM", "priority = P3",
        "Base priority from impact (§3)", "Impact = MINOR", "§3: MINOR → P3",
        "SLA targets by priority (§4)", "firstResponseHours = 24", "Tier a new ticket starts in (§5)");
    var activities = section("activities");
    screenshot("cockpit-ticket-audit-activities.png");
    assertThat(activities.getText()).contains("Triage ticket", "tier1");
    var operations = section("operations");
    wait.until(d -> operations.getText().contains("Complete"));
    assertThat(operations.getText()).contains("tier1", "Claim", "Complete");
    assertThat(section("variable-updates").getText()).contains("outcome", "CONTINUE", "Triage ticket (task of tier1)");
    screenshot("cockpit-ticket-audit-variable-changes.png");
    assertThat(section("variables").getText()).contains(PROBE);
    assertThat(browser.findElements(By.id("tck-xss"))).isEmpty();

    // the same for one running instance, as a tab of Cockpit's process instance view
    browser.get(cockpit() + "#/process-instance/" + triage.getProcessInstanceId() + "/runtime");
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[normalize-space()='Audit']"))).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".tck-audit-tab [data-rules-described]")));
    var tab = section("decisions");
    assertThat(tab.getText()).contains("Ticket priority", "priority = P3");
    screenshot("cockpit-process-instance-audit-tab.png");
  }

  private String cockpit() {
    // tests give each engine a unique name: Cockpit's URL names the engine
    return "http://localhost:" + port + "/camunda/app/cockpit/" + engine.getName() + "/";
  }

  private void logIntoCockpit(String user, String password) throws IOException {
    chromium.signIn(cockpit(), user, password);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("tck-audit-nav")));
    screenshot("cockpit-dashboard.png");
  }

  /** A section of the audit, scrolled into Cockpit's view (its content area scrolls by itself). */
  private WebElement section(String name) {
    var section = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-section='" + name + "']")));
    return wait.until(ExpectedConditions.visibilityOf(chromium.scrollTo(section)));
  }

  private void claim(String user, String taskId) {
    var groups = engine.getIdentityService().createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList();
    engine.getIdentityService().setAuthentication(user, groups);
    try {
      tasks.claim(taskId, user);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private void screenshot(String file) throws IOException {
    chromium.screenshot(file);
  }
}
