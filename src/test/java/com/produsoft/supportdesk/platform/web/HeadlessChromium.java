package com.produsoft.supportdesk.platform.web;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.produsoft.supportdesk.platform.EngineClock;

/**
 * Debian's headless Chromium for the browser tests. Without Chromium and chromedriver a test is skipped, unless
 * {@code SUPPORT_REQUIRE_BROWSER=true} (CI) makes that a failure.
 */
public final class HeadlessChromium {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final Duration WEBAPP_LOAD = Duration.ofSeconds(90);

  private HeadlessChromium() {
  }

  /** A browser with its profile in the given folder and a window of the given size, e.g. {@code "1280,2000"}. */
  public static ChromeDriver start(Path profile, String windowSize) {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      String missing = "Chromium (" + CHROMIUM + ") and chromedriver (" + CHROMEDRIVER + ") are needed for the browser test";
      if ("true".equalsIgnoreCase(System.getenv("SUPPORT_REQUIRE_BROWSER"))) {
        fail(missing + ", and SUPPORT_REQUIRE_BROWSER=true requires it");
      }
      Assumptions.abort(missing + "; skipped (set SUPPORT_REQUIRE_BROWSER=true to fail instead)");
    }
    // The driver's path is given, so Selenium Manager never looks for (or downloads) one.
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=" + windowSize,
        "--user-data-dir=" + profile.toAbsolutePath());
    ChromeDriver browser = new ChromeDriver(service, options);
    browser.manage().timeouts().implicitlyWait(Duration.ZERO);
    return browser;
  }

  /** Saves what the browser shows as {@code target/screenshots/<name>.png}. */
  public static Path screenshot(ChromeDriver browser, String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    return Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }

  /**
   * Ends every webapp session the browser holds. The page is left first, so that no request of a loaded webapp is
   * still under way, and the browser's whole cookie jar is cleared, whatever page or path the cookies belong to.
   */
  public static void signOutEverywhere(ChromeDriver browser) {
    browser.get("about:blank");
    browser.executeCdpCommand("Network.clearBrowserCookies", Map.of());
  }

  /**
   * Lets the pages the browser opens from now on read the engine's clock ({@link EngineClock}, which a test may have
   * set to another day) in the office hours' time zone. Tasklist tells due and creation times relative to the
   * browser's own clock ("Due in an hour"), so without this the tasks of a test that set the engine's clock back
   * read as due and created months ago. Date.now() and new Date() run on from the engine's time at this call.
   */
  public static void followEngineClock(ChromeDriver browser) {
    long offset = EngineClock.now().toEpochMilli() - System.currentTimeMillis();
    browser.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", EngineClock.BRUSSELS.getId()));
    browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
        (() => {
          const offset = %d;
          const BrowserDate = Date;
          function EngineDate(...args) {
            if (!new.target) {
              return new BrowserDate(BrowserDate.now() + offset).toString();
            }
            return args.length ? new BrowserDate(...args) : new BrowserDate(BrowserDate.now() + offset);
          }
          EngineDate.prototype = BrowserDate.prototype;
          EngineDate.now = () => BrowserDate.now() + offset;
          EngineDate.parse = BrowserDate.parse;
          EngineDate.UTC = BrowserDate.UTC;
          window.Date = EngineDate;
        })();""".formatted(offset)));
  }

  /** Sets an input's value as a user's typing would, for pages that listen to input events (AngularJS). */
  public static void fillIn(ChromeDriver browser, WebElement input, String value) {
    ((JavascriptExecutor) browser).executeScript(
        "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
        input, value);
  }

  /**
   * Clicks as a user would. WebDriver's own clicks do not reach the Camunda webapps' elements under chromedriver
   * (no click event arrives), so the element's click() is called, which follows links and submits forms the same.
   */
  public static void click(ChromeDriver browser, WebElement element) {
    ((JavascriptExecutor) browser).executeScript("arguments[0].click()", element);
  }

  /**
   * Logs into a Camunda webapp ({@code tasklist}, {@code cockpit}) at {@code appUrl}. Keystrokes and clicks do not
   * reach the webapps' login form under chromedriver: the form is filled in and submitted as AngularJS reads it
   * (input events, the form's submit event). Waits until the form is gone, which a refused login never does.
   */
  public static void logIntoWebapp(ChromeDriver browser, String appUrl, String user, String password) {
    By userField = By.cssSelector("form[name='signinForm'] input[type='text']");
    By passwordField = By.cssSelector("form[name='signinForm'] input[type='password']");
    openSignInForm(browser, appUrl, userField);
    fillIn(browser, browser.findElement(userField), user);
    fillIn(browser, browser.findElement(passwordField), password);
    ((JavascriptExecutor) browser).executeScript("document.querySelector(\"form[name='signinForm']\").requestSubmit()");
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("form[name='signinForm']")));
  }

  /**
   * Opens the webapp until its sign-in form shows. The first visit loads the webapp's whole script bundle, which a
   * loaded CI machine can take long to serve, so the form gets {@link #WEBAPP_LOAD}; a server error page ends the
   * wait at once, with its text in the failure. A form that never shows fails with what the page showed instead
   * (saved as {@code target/screenshots/sign-in-timeout.png}), e.g. a webapp still signed in as someone else.
   */
  private static void openSignInForm(ChromeDriver browser, String appUrl, By userField) {
    browser.get(appUrl);
    try {
      new WebDriverWait(browser, WEBAPP_LOAD).until(driver -> {
        String page = driver.findElement(By.tagName("body")).getText();
        if (page.contains("Whitelabel Error Page")) {
          fail("The webapp answered " + appUrl + " with an error: " + page);
        }
        return ExpectedConditions.visibilityOfElementLocated(userField).apply(driver);
      });
    } catch (TimeoutException noForm) {
      String shown = browser.findElement(By.tagName("body")).getText();
      try {
        screenshot(browser, "sign-in-timeout");
      } catch (IOException unsaved) {
        noForm.addSuppressed(unsaved);
      }
      throw new AssertionError("No sign-in form at " + browser.getCurrentUrl() + " after " + WEBAPP_LOAD.toSeconds()
          + " s; the page showed: " + shown, noForm);
    }
  }
}
