package com.infrakitchen.console.support;

import org.openqa.selenium.By;

/**
 * The Test Connection indicator (docs/product.md 5.1) as a user reads it, on the setup form and on the detail page:
 * its state ({@code data-state}: NOT_TESTED, TESTING, CONNECTED, WARNING, FAILED, OUTDATED), headline, the elapsed
 * seconds while testing, the hint and the expandable details of a failure. Waits are the session's (30 s).
 */
public final class IndicatorPage {

    private static final By INDICATOR = By.id("connection-indicator");
    private static final By HEADLINE = By.id("connection-headline");
    private static final By SUMMARY = By.id("connection-summary");
    private static final By HINT = By.id("connection-hint");
    private static final By DETAILS_SUMMARY = By.cssSelector("#connection-details vaadin-details-summary");

    private final BrowserSession browser;

    public IndicatorPage(BrowserSession browser) {
        this.browser = browser;
    }

    /** The state shown now ({@code data-state}). */
    public String state() {
        return browser.driver().findElement(INDICATOR).getDomAttribute("data-state");
    }

    /** The headline shown now ("Connected as Alice", "The access token has expired", ...). */
    public String headline() {
        return browser.driver().findElement(HEADLINE).getText();
    }

    /** Waits until the indicator shows {@code state}, and returns its headline. */
    public String awaitState(String state) {
        browser.waiting().until(d -> state.equals(state()));
        return headline();
    }

    /** Waits until the page says how many seconds the running test has taken ("N s elapsed"). */
    public void awaitElapsed() {
        browser.waitForText("s elapsed");
    }

    /** The line under the headline: "N s elapsed" while testing, the facts or hint otherwise. */
    public String elapsedText() {
        return browser.driver().findElement(SUMMARY).getText();
    }

    /** Opens the expandable details of the result shown (a click on their summary). */
    public void openDetails() {
        browser.click(DETAILS_SUMMARY);
    }

    /** The fix hint under a result that is not Connected. */
    public String hint() {
        return browser.driver().findElement(HINT).getText();
    }

    /** Whether the whole indicator is inside the window now (not scrolled out of view, not cut at an edge). */
    public boolean isInView() {
        Object inView = browser.driver().executeScript("const r = document.querySelector('#connection-indicator')"
                + ".getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight;");
        return Boolean.TRUE.equals(inView);
    }
}
