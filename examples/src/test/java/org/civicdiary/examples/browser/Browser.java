/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Debian's chromedriver (Selenium downloads nothing), with
 * what the page tests need: the widget's shadow root, waiting on conditions, keyboard input,
 * full-page screenshots under {@code target/screenshots/}, and axe-core.
 */
final class Browser implements AutoCloseable {
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final Duration WAIT = Duration.ofSeconds(30);
  /**
   * Replaces Date by one whose "now" is shifted; dates built from a value, and the prototype, stay
   * the real ones. (Intl formatters called without a date would still read the real clock: our pages
   * always pass one.)
   */
  private static final String SHIFTED_DATE = """
      (() => {
        const Real = Date;
        const now = () => Real.now() + OFFSET;
        function Shifted(...args) {
          if (!new.target) return new Real(now()).toString();
          return args.length === 0 ? new Real(now()) : new Real(...args);
        }
        Shifted.prototype = Real.prototype;
        Shifted.now = now;
        Shifted.parse = Real.parse;
        Shifted.UTC = Real.UTC;
        Object.defineProperty(Real.prototype, 'constructor', { value: Shifted, writable: true, configurable: true });
        globalThis.Date = Shifted;
      })();
      """;

  private final ChromeDriver driver;
  private final Path profile;
  private String timeScript;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /** A browser whose pages see the server's time: its clock's instant, advancing from now on, in the office's zone. */
  static Browser start(Clock server) {
    try {
      Path profile = Files.createTempDirectory("civicdiary-chrome");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(new File("/usr/bin/chromium"));
      options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
          "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
          "--disable-dev-shm-usage", "--lang=cs-CZ", "--user-data-dir=" + profile.toAbsolutePath());
      LoggingPreferences logs = new LoggingPreferences();
      logs.enable(LogType.BROWSER, Level.ALL);
      options.setCapability("goog:loggingPrefs", logs);
      ChromeDriverService service = new ChromeDriverService.Builder()
          .usingDriverExecutable(new File("/usr/bin/chromedriver"))
          .usingAnyFreePort()
          .build();
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
      Browser browser = new Browser(driver, profile);
      browser.width(1280);
      driver.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", WidgetSteps.PRAGUE.getId()));
      browser.sameTimeAs(server);
      return browser;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * From the next page on, every page and frame of this tab starts its clock at the server clock's
   * instant and lets it advance (the widget's timers need time to pass): {@code Date} and
   * {@code Date.now} are shifted by the difference between that instant and the real time. Call it
   * again after moving the server's clock. Headless Chromium reads the real clock everywhere else
   * (cookies' Max-Age included), which is why the server only sets relative lifetimes.
   */
  void sameTimeAs(Clock server) {
    long offset = server.millis() - System.currentTimeMillis();
    if (timeScript != null) {
      driver.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", timeScript));
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> added = driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
        Map.of("source", SHIFTED_DATE.replace("OFFSET", Long.toString(offset))));
    timeScript = (String) added.get("identifier");
  }

  WebDriver driver() {
    return driver;
  }

  void open(String url) {
    driver.get(url);
  }

  /** Sets the viewport's width (the height is generous; screenshots take the whole page anyway). */
  void width(int width) {
    driver.manage().window().setSize(new Dimension(width, 900));
    long inner = ((Number) js("return window.innerWidth")).longValue();
    if (inner != width) {
      // headless windows may count a frame: correct by the difference
      driver.manage().window().setSize(new Dimension(width + (int) (width - inner), 900));
    }
  }

  Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /** Runs a script that calls its last argument with the answer (for modules loaded with import()). */
  Object jsAsync(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
  }

  /** The open shadow root of the first {@code civic-diary-booking} once its content is shown. */
  SearchContext widget() {
    WebElement host = until(d -> d.findElement(By.cssSelector("civic-diary-booking")));
    SearchContext root = until(d -> host.getShadowRoot());
    until(d -> root.findElement(By.cssSelector(".cd-widget:not([hidden])")));
    return root;
  }

  /** Waits for the condition; on timeout keeps a screenshot and the page's console for the reader. */
  <T> T until(Function<WebDriver, T> condition) {
    try {
      return new WebDriverWait(driver, WAIT).ignoring(RuntimeException.class).until(condition);
    } catch (TimeoutException e) {
      Path shot = screenshot("timeout-" + System.currentTimeMillis());
      throw new AssertionError("waited in vain on " + driver.getCurrentUrl() + "; screenshot " + shot + "; console: "
          + driver.manage().logs().get(LogType.BROWSER).getAll(), e);
    }
  }

  /** Waits for an element of the context that matches the selector and whose text contains the given text. */
  WebElement find(SearchContext context, String selector, String text) {
    return until(d -> context.findElements(By.cssSelector(selector)).stream()
        .filter(e -> e.isDisplayed() && e.getText().contains(text))
        .findFirst().orElse(null));
  }

  WebElement find(SearchContext context, String selector) {
    return until(d -> context.findElements(By.cssSelector(selector)).stream()
        .filter(WebElement::isDisplayed).findFirst().orElse(null));
  }

  /** Presses keys as a keyboard user would, on whatever has the focus. */
  void keys(CharSequence... keys) {
    new Actions(driver).sendKeys(keys).perform();
  }

  void tab() {
    keys(Keys.TAB);
  }

  /** The element that has the focus, looking into shadow roots. */
  WebElement focused() {
    return (WebElement) js("let a = document.activeElement; while (a && a.shadowRoot && a.shadowRoot.activeElement) "
        + "{ a = a.shadowRoot.activeElement; } return a;");
  }

  /** Whether the page scrolls sideways (it must not, down to 360 px). */
  long overflow() {
    return ((Number) js("return document.documentElement.scrollWidth - window.innerWidth")).longValue();
  }

  /** The whole page as a PNG under target/screenshots/. */
  Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      @SuppressWarnings("unchecked")
      Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
          Map.of("format", "png", "captureBeyondViewport", true));
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs axe-core in the page (shadow roots included) and fails with each violation it reports. */
  void assertAccessible(String where) {
    Results results = new AxeBuilder().analyze(driver);
    List<Rule> violations = results.getViolations();
    assertThat(violations).as(() -> where + ":\n" + describe(violations)).isEmpty();
    assertThat(results.getPasses()).as(where + ": axe ran its rules").isNotEmpty();
  }

  private static String describe(List<Rule> violations) {
    return violations.stream().map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + "\n"
        + rule.getNodes().stream().map(n -> "    " + n.getTarget() + " " + n.getFailureSummary())
            .collect(Collectors.joining("\n")))
        .collect(Collectors.joining("\n"));
  }

  @Override
  public void close() {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover profile in the temp folder harms nothing
    }
  }
}
