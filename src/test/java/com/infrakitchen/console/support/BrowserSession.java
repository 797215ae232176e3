package com.infrakitchen.console.support;

import java.io.IOException;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium on the console under test, with the steps the browser tests share. The integration form
 * and the Test Connection indicator have page objects of their own: {@link SetupFormPage}, {@link IndicatorPage}.
 */
public final class BrowserSession implements AutoCloseable {

    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private final String base;

    public BrowserSession(int port) throws IOException {
        this.driver = Browser.start();
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        this.base = "http://localhost:" + port;
    }

    public ChromeDriver driver() {
        return driver;
    }

    public WebDriverWait waiting() {
        return wait;
    }

    /** {@code http://localhost:PORT} of the console under test. */
    public String baseUrl() {
        return base;
    }

    public void open(String path) {
        driver.get(base + path);
    }

    public void signIn(String user, String password) {
        open("/login");
        WebElement name = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("vaadin-login-form input[name='username']")));
        name.clear();
        name.sendKeys(user);
        WebElement pw = driver.findElement(By.cssSelector("vaadin-login-form input[name='password']"));
        pw.clear();
        pw.sendKeys(password, Keys.ENTER);
    }

    public void click(By by) {
        WebElement e = wait.until(ExpectedConditions.presenceOfElementLocated(by));
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", e);
        wait.until(ExpectedConditions.elementToBeClickable(e)).click();
    }

    public void type(By by, String text) {
        WebElement e = wait.until(ExpectedConditions.elementToBeClickable(by));
        e.clear();
        e.sendKeys(text);
    }

    public void waitForText(String text) {
        wait.until(d -> d.findElement(By.tagName("body")).getText().contains(text)
                || d.getPageSource().contains(text));
    }

    public void waitForUrl(String part) {
        wait.until(ExpectedConditions.urlContains(part));
    }

    /**
     * Everything the page holds now: the document's HTML, the HTML of every shadow root, and the {@code value},
     * {@code title} and {@code textContent} of every element (light and shadow DOM), for scans with
     * {@link SecretScan}.
     */
    public java.util.List<String> domTexts() {
        Object result = driver.executeScript("""
                const out = [document.documentElement.outerHTML];
                const walk = root => root.querySelectorAll('*').forEach(el => {
                  for (const p of ['value', 'title', 'textContent']) {
                    if (typeof el[p] === 'string' && el[p]) out.push(el[p]);
                  }
                  if (el.shadowRoot) { out.push(el.shadowRoot.innerHTML); walk(el.shadowRoot); }
                });
                walk(document);
                return out;
                """);
        return ((java.util.List<?>) result).stream().map(String::valueOf).toList();
    }

    public void screenshot(String name) throws IOException {
        Browser.screenshot(driver, name);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
