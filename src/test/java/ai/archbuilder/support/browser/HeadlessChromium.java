package ai.archbuilder.support.browser;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * Headless Chromium from Debian's {@code chromium} and {@code chromium-driver} packages, for the
 * browser tests. {@link #start()} skips the calling test (an assumption, not a failure) where they
 * are not installed; .ci/install-browser.sh installs them. Screenshots and page sources go to
 * target/screenshots/.
 */
public final class HeadlessChromium implements AutoCloseable {

  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  public static final Path SCREENSHOTS = Path.of("target", "screenshots");
  /** Generous: the webapps load slowly on a busy two-core machine. */
  public static final Duration PATIENCE = Duration.ofSeconds(60);

  private final ChromeDriver driver;
  private final WebDriverWait wait;
  private final Path profile;

  private HeadlessChromium(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
    this.wait = new WebDriverWait(driver, PATIENCE, Duration.ofMillis(250));
  }

  /** Starts a browser, or skips the test when Chromium or its driver is not installed. */
  public static HeadlessChromium start() throws IOException {
    assumeTrue(Files.isExecutable(CHROMIUM), "no /usr/bin/chromium (apt-get install chromium)");
    assumeTrue(Files.isExecutable(CHROMEDRIVER), "no /usr/bin/chromedriver (apt-get install chromium-driver)");
    var profile = Files.createTempDirectory("chromium-profile");
    var options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--window-size=1440,2400", "--user-data-dir=" + profile);
    var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    try {
      var driver = new ChromeDriver(service, options);
      driver.manage().timeouts().pageLoadTimeout(PATIENCE).scriptTimeout(PATIENCE);
      Files.createDirectories(SCREENSHOTS);
      return new HeadlessChromium(driver, profile);
    } catch (RuntimeException e) {
      delete(profile);
      throw e;
    }
  }

  public WebDriver driver() {
    return driver;
  }

  public WebDriverWait waiting() {
    return wait;
  }

  /** Signs in on a Camunda webapp's login form (Cockpit, Tasklist, Admin share it). */
  public void signIn(String url, String user, String password) {
    driver.get(url);
    var form = "form[name='signinForm'] ";
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(form + "input[ng-model='username']"))).sendKeys(user);
    driver.findElement(By.cssSelector(form + "input[ng-model='password']")).sendKeys(password);
    driver.findElement(By.cssSelector(form + "button[type='submit']")).click();
  }

  /** Scrolls an element into view (the webapps' panes scroll by themselves). */
  public WebElement scrollTo(WebElement element) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'start'});", element);
    return element;
  }

  /** Saves what the browser shows now as target/screenshots/{file}. */
  public Path screenshot(String file) throws IOException {
    var shot = driver.getScreenshotAs(OutputType.FILE);
    var target = SCREENSHOTS.resolve(file);
    Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    return target;
  }

  /** Keeps the last screen and page source as {name}.png and {name}.html, for a failed run above all. */
  public void keepLastPage(String name) {
    try {
      screenshot(name + ".png");
      Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getPageSource());
    } catch (IOException | RuntimeException e) {
      System.err.println("Could not keep the last page " + name + ": " + e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      delete(profile);
    }
  }

  private static void delete(Path profile) {
    try {
      FileSystemUtils.deleteRecursively(profile);
    } catch (IOException e) {
      System.err.println("Could not delete the browser profile " + profile + ": " + e);
    }
  }
}
