package ai.archbuilder.support.browser;

import ai.archbuilder.support.ticket.TicketScenarios;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Ticket scenarios seen through a browser: a fresh headless Chromium for each test (skipped where
 * it is not installed), and what it showed last kept under target/screenshots/, for a failed run
 * above all.
 */
public abstract class BrowserScenarios extends TicketScenarios {

  @LocalServerPort protected int port;
  protected HeadlessChromium chromium;
  protected WebDriver browser;
  protected WebDriverWait wait;

  @BeforeEach
  void startBrowser() throws IOException {
    chromium = HeadlessChromium.start();
    browser = chromium.driver();
    wait = chromium.waiting();
  }

  @AfterEach
  void stopBrowser(TestInfo test) {
    if (chromium != null) {
      chromium.keepLastPage("last-" + test.getTestMethod().map(java.lang.reflect.Method::getName).orElse("test"));
      chromium.close();
    }
  }
}
