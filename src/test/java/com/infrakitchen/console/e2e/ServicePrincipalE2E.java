package com.infrakitchen.console.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.support.Browser;
import com.infrakitchen.console.support.BrowserSession;
import com.infrakitchen.console.support.BrowserTest;
import com.infrakitchen.console.support.E2eUsers;
import com.infrakitchen.console.support.IndicatorPage;
import com.infrakitchen.console.support.NetworkRecorder;
import com.infrakitchen.console.support.SetupFormPage;
import com.infrakitchen.console.support.fakeado.FakeAzureDevOpsInitializer;
import com.infrakitchen.console.support.fakeentra.EntraFixtures;
import com.infrakitchen.console.support.fakeentra.FakeEntra;
import com.infrakitchen.console.support.fakeentra.TestCertificates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A service principal in a real browser (issue 13): the Service principal tab connects through the fake Microsoft
 * Entra and the fake Azure DevOps ("Connected as InfraKitchen (service principal)"); then the fake expires the
 * client secret and the next test says so. The client secret never comes back in a response or push frame, and the
 * access token Entra issued never reaches the browser at all.
 */
@BrowserTest
class ServicePrincipalE2E {

    private final FakeEntra entra = FakeAzureDevOpsInitializer.sharedEntra();
    private BrowserSession browser;
    private ChromeDriver driver;
    private SetupFormPage form;
    private IndicatorPage indicator;
    private String password;

    @BeforeEach
    void setUp(BrowserSession browser, E2eUsers users) {
        this.browser = browser;
        this.driver = browser.driver();
        this.form = new SetupFormPage(browser);
        this.indicator = new IndicatorPage(browser);
        this.password = users.ensure("petra.principal", "EDITOR");
        entra.reset();
    }

    @AfterEach
    void resetFake() {
        entra.reset();
    }

    @Test
    void aServicePrincipalConnectsAndAnExpiredSecretIsNamedWithItsFix() throws Exception {
        try (NetworkRecorder recorder = new NetworkRecorder(driver)) {
            browser.signIn("petra.principal", password);
            browser.waitForUrl("/integrations");
            form.open();
            form.choosePrincipal();
            form.typeName("sp-e2e-" + Long.toString(System.nanoTime() % 100_000, 36));
            form.typeOrganization("contoso");
            form.typePrincipal(EntraFixtures.TENANT_ID, " " + EntraFixtures.CLIENT_ID_FULL + " ",
                    EntraFixtures.SECRET_FULL);
            Browser.screenshot(driver, "50-service-principal-filled");

            form.pressTestConnection();
            indicator.awaitState("CONNECTED");
            assertThat(indicator.headline()).contains("InfraKitchen (service principal)");
            Browser.screenshot(driver, "51-service-principal-connected");

            entra.expireSecret(EntraFixtures.CLIENT_ID_FULL, EntraFixtures.SECRET_FULL);
            form.pressTestConnection();
            indicator.awaitState("FAILED");
            assertThat(indicator.headline()).isEqualTo("The service principal's client secret has expired");
            assertThat(indicator.hint()).contains("New client secret");
            Browser.screenshot(driver, "52-service-principal-secret-expired");

            // the certificate way: pasted PEM read at once, shown by its public facts only
            var cert = TestCertificates.create("CN=InfraKitchen E2E", java.time.Instant.now().plus(
                    java.time.Duration.ofDays(200)));
            driver.findElements(By.cssSelector("#sp-proof vaadin-radio-button")).stream()
                    .filter(b -> b.getText().contains("Certificate")).findFirst().orElseThrow().click();
            WebElement text = browser.waiting().until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("#sp-certificate textarea")));
            text.sendKeys(cert.pem(), Keys.TAB);
            browser.waiting().until(d -> d.findElement(By.id("sp-certificate-facts")).getText()
                    .contains("thumbprint"));
            assertThat(driver.findElement(By.id("sp-certificate-facts")).getText()).contains("CN=InfraKitchen E2E")
                    .contains("ends on");
            Browser.screenshot(driver, "53-service-principal-certificate");
            String keyLine = cert.privateKeyPem().lines().skip(3).findFirst().orElseThrow();
            assertThat(recorder.sawText(keyLine)).as("the private key in a response or push frame").isFalse();

            assertThat(recorder.sawText(EntraFixtures.SECRET_FULL)).as("the client secret in a response or push"
                    + " frame").isFalse();
            assertThat(recorder.sawText("eyJhbGci")).as("an access token in a response or push frame").isFalse();
            assertThat(recorder.sawText("InfraKitchen (service principal)")).as("the recorder sees the result")
                    .isTrue();
        }
    }
}
