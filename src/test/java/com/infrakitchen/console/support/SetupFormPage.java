package com.infrakitchen.console.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The integration form as a user fills it in: the setup page ({@code /integrations/azure_devops/setup}) with its
 * method tabs, and the same fields, Test Connection and Save on the detail page. The ids are the screens' contract
 * (docs/product.md); the indicator beside Test Connection is {@link IndicatorPage}. Typing a field selects what it
 * holds, types over it and leaves it with Tab, as a user does; waits are the session's (30 s).
 */
public final class SetupFormPage {

    public static final String PATH = "/integrations/azure_devops/setup";
    /** Field ids, for {@link #errorMessage(String)} and {@link #isInvalid(String)}. */
    public static final String NAME = "integration-name";
    public static final String DESCRIPTION = "integration-description";
    public static final String LABELS = "integration-labels";
    public static final String ORGANIZATION = "integration-organization";
    public static final String TOKEN = "token";
    public static final String TOKEN_EXPIRES_ON = "token-expires-on";
    public static final String SSH_PRIVATE_KEY = "ssh-private-key";
    public static final String SSH_PASSPHRASE = "ssh-passphrase";
    public static final String SSH_TEST_REPOSITORY = "ssh-test-repository";

    private static final By NAME_INPUT = By.cssSelector("#integration-name input");
    private static final By DESCRIPTION_INPUT = By.cssSelector("#integration-description textarea");
    private static final By LABELS_INPUT = By.cssSelector("#integration-labels input");
    private static final By ORGANIZATION_INPUT = By.cssSelector("#integration-organization input");
    private static final By TOKEN_INPUT = By.cssSelector("#token input");
    private static final By TOKEN_EXPIRES_ON_INPUT = By.cssSelector("#token-expires-on input");
    private static final By SSH_TAB = By.id("method-ssh");
    private static final By SSH_KEY_INPUT = By.cssSelector("#ssh-private-key textarea");
    private static final By SSH_PASSPHRASE_INPUT = By.cssSelector("#ssh-passphrase input");
    private static final By SSH_TEST_REPOSITORY_INPUT = By.cssSelector("#ssh-test-repository input");
    private static final By SSH_UPLOAD = By.id("ssh-upload");
    private static final By PRINCIPAL_TAB = By.id("method-service_principal");
    private static final By TENANT_INPUT = By.cssSelector("#sp-tenant-id input");
    private static final By CLIENT_ID_INPUT = By.cssSelector("#sp-client-id input");
    private static final By CLIENT_SECRET_INPUT = By.cssSelector("#sp-client-secret input");
    private static final By SSH_GENERATE = By.id("ssh-generate");
    private static final By TEST_CONNECTION = By.id("test-connection");
    private static final By SAVE = By.id("save");
    /** US order: Chromium's language, so the date picker's. */
    private static final DateTimeFormatter TYPED_DATE = DateTimeFormatter.ofPattern("M/d/yyyy");

    private final BrowserSession browser;

    public SetupFormPage(BrowserSession browser) {
        this.browser = browser;
    }

    /** Opens the setup page and waits for it. */
    public void open() {
        browser.open(PATH);
        awaitShown();
    }

    /** Waits for the setup page (reached by a link or a button): its address and its "How to connect" guide. */
    public void awaitShown() {
        browser.waitForUrl(PATH);
        browser.waitForText("How to connect");
    }

    /** Chooses the SSH key tab and waits for its guide. */
    public void chooseSsh() {
        browser.click(SSH_TAB);
        browser.waitForText("How to connect with SSH");
    }

    /** Chooses the Service principal tab and waits for its guide. */
    public void choosePrincipal() {
        browser.click(PRINCIPAL_TAB);
        browser.waitForText("How to connect with a service principal");
    }

    /** Types a service principal's Tenant ID, Client ID and Client Secret. */
    public void typePrincipal(String tenant, String clientId, String clientSecret) {
        typeOver(TENANT_INPUT, tenant);
        typeOver(CLIENT_ID_INPUT, clientId);
        typeOver(CLIENT_SECRET_INPUT, clientSecret);
    }

    public void typeName(String name) {
        typeOver(NAME_INPUT, name);
    }

    public void typeDescription(String description) {
        typeOver(DESCRIPTION_INPUT, description);
    }

    /** Adds to the end of the description, without leaving the field. */
    public void appendToDescription(String more) {
        browser.driver().findElement(DESCRIPTION_INPUT).sendKeys(Keys.END, more);
    }

    /** What the description holds now in the browser (whole, not cut). */
    public String description() {
        return String.valueOf(browser.driver().findElement(DESCRIPTION_INPUT).getDomProperty("value"));
    }

    /**
     * Types a label and Enter; waits until it is one more chip and the suggestions are closed (Escape when they are
     * still open). When no chip comes, a screenshot {@code debug-labels} and target/labels-debug.txt say why.
     */
    public void addLabel(String label) throws IOException {
        WebElement input = browser.driver().findElement(LABELS_INPUT);
        int expected = selectedLabels().size() + 1;
        input.sendKeys(label, Keys.ENTER);
        try {
            browser.waiting().until(d -> selectedLabels().size() >= expected);
        } catch (RuntimeException e) {
            browser.screenshot("debug-labels");
            Files.writeString(Path.of("target", "labels-debug.txt"), String.valueOf(browser.driver().executeScript(
                    "const c = document.querySelector('#integration-labels');"
                            + " return JSON.stringify({sel: c.selectedItems, val: c.value,"
                            + " items: c.items && c.items.length,"
                            + " filtered: c.filteredItems && c.filteredItems.length})")));
            throw e;
        }
        if (labelsOpen()) {
            input.sendKeys(Keys.ESCAPE);
        }
        browser.waiting().until(d -> !labelsOpen());
    }

    /** Clicks into the Labels field. */
    public void clickLabels() {
        browser.driver().findElement(LABELS_INPUT).click();
    }

    /** Presses these keys in the Labels field as they are (no selecting, no Tab): for the suggestions' behaviour. */
    public void typeInLabels(CharSequence... keys) {
        browser.driver().findElement(LABELS_INPUT).sendKeys(keys);
    }

    /** The chips of the Labels field, read from the web component's selected items. */
    @SuppressWarnings("unchecked")
    public List<String> selectedLabels() {
        Object labels = browser.driver().executeScript("const c = document.querySelector('#integration-labels');"
                + " return Array.from((c && c.selectedItems) || []).map(i => i.label || i);");
        return labels == null ? List.of() : (List<String>) labels;
    }

    /** The text in the Labels input that is not (yet) a chip. */
    public String labelText() {
        return String.valueOf(browser.driver().findElement(LABELS_INPUT).getDomProperty("value"));
    }

    /** Whether the Labels suggestions are open. */
    public boolean labelsOpen() {
        return browser.driver().findElement(By.id(LABELS)).getDomAttribute("opened") != null;
    }

    /** Types the organization and waits until the field holds it. */
    public void typeOrganization(String organization) {
        typeOrganization(organization, organization);
    }

    /** Types into Organization (a URL, say); waits until the field holds {@code becomes} (the name taken from it). */
    public void typeOrganization(String typed, String becomes) {
        WebElement input = typeOver(ORGANIZATION_INPUT, typed);
        browser.waiting().until(d -> becomes.equals(input.getDomProperty("value")));
    }

    public void typeToken(String token) {
        typeOver(TOKEN_INPUT, token);
    }

    /**
     * Types the date into Token Expires On as Chromium's (US) date picker reads it, and Enter (typing opens its
     * calendar, and Tab from there does not take the date); waits until the date is taken and the calendar closed.
     */
    public void typeTokenExpiry(LocalDate date) {
        WebElement input = browser.waiting().until(ExpectedConditions.elementToBeClickable(TOKEN_EXPIRES_ON_INPUT));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(TYPED_DATE.format(date), Keys.ENTER);
        browser.waiting().until(d -> {
            WebElement picker = d.findElement(By.id(TOKEN_EXPIRES_ON));
            return date.toString().equals(picker.getDomProperty("value")) && picker.getDomAttribute("opened") == null;
        });
    }

    /**
     * Pastes a private key into SSH Private Key and leaves the field; waits until the server took it (the box is
     * hidden for the key's facts or a passphrase question, or says why the key was refused).
     */
    public void pasteKey(String privateKey) {
        typeOver(SSH_KEY_INPUT, privateKey);
        browser.waiting().until(d -> {
            WebElement field = d.findElement(By.id(SSH_PRIVATE_KEY));
            return !field.isDisplayed() || isInvalid(SSH_PRIVATE_KEY);
        });
    }

    public void typePassphrase(String passphrase) {
        typeOver(SSH_PASSPHRASE_INPUT, passphrase);
    }

    /** Chooses this file in the key upload. */
    public void uploadKey(Path file) {
        var upload = browser.driver().findElement(SSH_UPLOAD);
        var inLight = upload.findElements(By.cssSelector("input[type=file]"));
        WebElement input = inLight.isEmpty()
                ? upload.getShadowRoot().findElement(By.cssSelector("input[type=file]")) : inLight.get(0);
        input.sendKeys(file.toAbsolutePath().toString());
    }

    public void generateKey() {
        browser.click(SSH_GENERATE);
    }

    /** The key's SHA256 fingerprint as shown ("SHA256:..."), empty while none is shown. */
    public String sha256Fingerprint() {
        return textOf(By.id("ssh-fingerprint-sha256"));
    }

    /** The key's MD5 fingerprint as shown ("MD5:..."), empty while none is shown. */
    public String md5Fingerprint() {
        return textOf(By.id("ssh-fingerprint-md5"));
    }

    /** Type and size of the key ("RSA 3072 ..."), empty while none is shown. */
    public String keyHeadline() {
        return textOf(By.id("ssh-key-headline"));
    }

    public void typeTestRepository(String repository) {
        typeOver(SSH_TEST_REPOSITORY_INPUT, repository);
    }

    public void pressTestConnection() {
        browser.click(TEST_CONNECTION);
    }

    /**
     * Test Connection where the result would open below the window: scrolled to the window's bottom edge, then
     * clicked where it is (no scrolling to the centre first).
     */
    public void pressTestConnectionAtTheBottomEdge() throws InterruptedException {
        WebElement test = browser.driver().findElement(TEST_CONNECTION);
        browser.driver().executeScript("arguments[0].scrollIntoView({block: 'end'});", test);
        Thread.sleep(300);
        test.click();
    }

    public void save() {
        browser.click(SAVE);
    }

    /** Save on the setup page; waits for the new integration's detail page. */
    public void saveAndAwaitDetail() {
        save();
        browser.waiting().until(ExpectedConditions.urlMatches(".*/integrations/[0-9a-f-]{36}$"));
        browser.waitForText("Configured on");
    }

    /** The error message of a field (one of the ids above), as the field shows it. */
    public String errorMessage(String fieldId) {
        return String.valueOf(browser.driver().findElement(By.id(fieldId)).getDomProperty("errorMessage"));
    }

    /** Whether a field (one of the ids above) is marked invalid. */
    public boolean isInvalid(String fieldId) {
        return "true".equals(String.valueOf(browser.driver().findElement(By.id(fieldId)).getDomProperty("invalid")));
    }

    private WebElement typeOver(By by, String text) {
        WebElement input = browser.waiting().until(ExpectedConditions.elementToBeClickable(by));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text, Keys.TAB);
        return input;
    }

    private String textOf(By by) {
        var found = browser.driver().findElements(by);
        return found.isEmpty() ? "" : String.valueOf(found.get(0).getDomProperty("textContent"));
    }
}
