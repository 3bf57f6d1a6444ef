package com.produsoft.supportdesk.platform.web;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.produsoft.supportdesk.demo.DemoUsers;

/**
 * What the browser tests share: one headless Chromium per test class ({@link HeadlessChromium}: skipped without it,
 * unless CI requires it), its profile in a temporary folder, a window of the class's {@link BrowserWindow} size, and
 * the application's pages by path on the test's random port, waits, screenshots and webapp logins.
 */
public abstract class BrowserTestSupport {

  protected static ChromeDriver browser;

  @LocalServerPort
  protected int port;

  @BeforeAll
  static void startBrowser(@TempDir Path profile, TestInfo test) {
    Class<?> testClass = test.getTestClass().orElseThrow();
    BrowserWindow window = testClass.getAnnotation(BrowserWindow.class);
    if (window == null) {
      throw new IllegalStateException(testClass.getSimpleName() + " names its window size with @BrowserWindow");
    }
    browser = HeadlessChromium.start(profile, window.width() + "," + window.height());
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
      browser = null;
    }
  }

  protected String url(String path) {
    return "http://localhost:" + port + path;
  }

  protected static WebDriverWait waitUpTo(int seconds) {
    return new WebDriverWait(browser, Duration.ofSeconds(seconds));
  }

  protected static String bodyText() {
    return browser.findElement(By.tagName("body")).getText();
  }

  /** Saves what the browser shows as {@code target/screenshots/<name>.png}. */
  protected static Path screenshot(String name) throws IOException {
    return HeadlessChromium.screenshot(browser, name);
  }

  /** Logs into a Camunda webapp ({@code tasklist}, {@code cockpit}) with the demo users' password. */
  protected void logInto(String webapp, String login) {
    HeadlessChromium.logIntoWebapp(browser, url("/camunda/app/" + webapp + "/default/"), login, DemoUsers.PASSWORD);
  }
}
