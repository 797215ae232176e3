package com.infrakitchen.console.integration.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.integration.IntegrationDetail;
import com.infrakitchen.console.integration.IntegrationService;
import com.infrakitchen.console.integration.credential.AuthMethod;
import com.infrakitchen.console.integration.credential.PrincipalProof;
import com.infrakitchen.console.integration.credential.ServicePrincipalFacts;
import com.infrakitchen.console.integration.ui.ConnectionIndicator.State;
import com.infrakitchen.console.support.SecretScan;
import com.infrakitchen.console.support.fakeentra.EntraFixtures;
import com.infrakitchen.console.support.fakeentra.TestCertificates;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The Service principal tab (docs/product.md 4.1): its rules, its write-only client secret and certificate, the
 * certificate's public facts, and Test Connection against the fake Entra and Azure DevOps.
 */
@SpringBootTest
class ServicePrincipalSetupViewTest extends SpringBrowserlessTest {

    @Autowired
    IntegrationService integrations;

    @Autowired
    JdbcTemplate jdbc;

    IntegrationSetupView principalForm() {
        IntegrationSetupView view = navigate(IntegrationSetupView.class);
        view.methods.setSelectedTab(view.tab(AuthMethod.SERVICE_PRINCIPAL));
        test(view.form.name).setValue("sp-" + UUID.randomUUID().toString().substring(0, 8));
        test(view.form.organization).setValue("contoso");
        return view;
    }

    ServicePrincipalEditor editor(IntegrationSetupView view) {
        return view.form.servicePrincipalEditor;
    }

    void waitForResult(ConnectionTestControl control) {
        PushedResults.awaitResult(control, SpringBrowserlessTest::roundTrip);
    }

    @Test
    @WithMockUser(username = "sp-labels", roles = "EDITOR")
    void theTabHasTheContractLabelsAndOnlyItsOwnFields() {
        IntegrationSetupView view = principalForm();
        ServicePrincipalEditor sp = editor(view);
        assertThat(view.title.getText()).isEqualTo("Azure DevOps · Service principal");
        assertThat(view.tab(AuthMethod.SERVICE_PRINCIPAL).getLabel()).isEqualTo("Service principal");
        assertThat(sp.tenantId.getLabel()).isEqualTo("Tenant ID");
        assertThat(sp.clientId.getLabel()).isEqualTo("Client ID");
        assertThat(sp.clientSecret.getLabel()).isEqualTo("Client Secret");
        assertThat(sp.secretExpiresOn.getLabel()).isEqualTo("Secret Expires On");
        assertThat(sp.certificate.text.getLabel()).isEqualTo("Certificate");
        assertThat(sp.certificate.password.getLabel()).isEqualTo("Certificate Password");
        assertThat(view.form.token.isVisible()).isFalse();
        assertThat(view.form.sshKey.isVisible()).isFalse();
        assertThat(sp.clientSecret.isVisible()).isTrue();
        assertThat(sp.certificate.isVisible()).isFalse();
        assertThat(sp.proof.getListDataView().getItems()).as("no workload identity unless configured")
                .containsExactly(PrincipalProof.CLIENT_SECRET, PrincipalProof.CERTIFICATE);

        test(sp.proof).selectItem(PrincipalProof.CERTIFICATE.label());
        assertThat(sp.clientSecret.isVisible()).isFalse();
        assertThat(sp.secretExpiresOn.isVisible()).isFalse();
        assertThat(sp.certificate.isVisible()).isTrue();
    }

    @Test
    @WithMockUser(username = "sp-rules", roles = "EDITOR")
    void pastedIdsAreTrimmedAndEveryBadValueIsNamedOnItsField() {
        IntegrationSetupView view = principalForm();
        ServicePrincipalEditor sp = editor(view);
        test(sp.clientId).setValue("  " + EntraFixtures.CLIENT_ID_FULL.toUpperCase() + " \t");
        assertThat(sp.clientId.getValue()).isEqualTo(EntraFixtures.CLIENT_ID_FULL);
        test(sp.tenantId).setValue("common");
        test(sp.clientSecret).setValue("3f0c9a2e-5b1d-4e8f-9a6b-2c7d1e0f4a5b");
        test(view.save).click();
        assertThat(sp.tenantId.isInvalid()).isTrue();
        assertThat(sp.tenantId.getErrorMessage()).contains("Directory (tenant) ID");
        assertThat(sp.clientSecret.isInvalid()).isTrue();
        assertThat(sp.clientSecret.getErrorMessage()).contains("Secret ID, not its Value");
        assertThat(integrations.nameTaken(view.form.name.getValue(), null)).as("nothing saved").isFalse();
        assertThat(sp.clientSecret.getValue()).as("nothing lost").isNotEmpty();
    }

    @Test
    @WithMockUser(username = "sp-connect", roles = "EDITOR")
    void aClientSecretConnectsAndIsSavedWriteOnly() {
        IntegrationSetupView view = principalForm();
        ServicePrincipalEditor sp = editor(view);
        test(sp.tenantId).setValue(EntraFixtures.TENANT_ID);
        test(sp.clientId).setValue(EntraFixtures.CLIENT_ID_FULL);
        test(sp.clientSecret).setValue(EntraFixtures.SECRET_FULL);
        test(view.connection.test).click();
        waitForResult(view.connection);
        assertThat(view.connection.indicator.state()).isEqualTo(State.CONNECTED);
        assertThat(view.connection.indicator.headline.getText()).contains("InfraKitchen (service principal)");

        String name = view.form.name.getValue();
        test(view.save).click();
        UUID id = jdbc.queryForObject("SELECT id FROM integration WHERE name = ?", UUID.class, name);
        IntegrationDetail saved = integrations.get(id).orElseThrow();
        assertThat(saved.method()).isEqualTo(AuthMethod.SERVICE_PRINCIPAL);
        ServicePrincipalFacts facts = (ServicePrincipalFacts) saved.credential();
        assertThat(facts.configured()).isTrue();
        assertThat(facts.clientId()).isEqualTo(EntraFixtures.CLIENT_ID_FULL);
        byte[] stored = jdbc.queryForObject("SELECT sp_secret_ciphertext FROM integration WHERE id = ?",
                byte[].class, saved.id());
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(EntraFixtures.SECRET_FULL);
    }

    @Test
    @WithMockUser(username = "sp-certificate", roles = "EDITOR")
    void aCertificateIsShownByItsPublicFactsAndItsKeyNeverReachesThePage() {
        IntegrationSetupView view = principalForm();
        ServicePrincipalEditor sp = editor(view);
        test(sp.proof).selectItem(PrincipalProof.CERTIFICATE.label());
        TestCertificates.TestCertificate cert = TestCertificates.create("CN=InfraKitchen Test",
                Instant.now().plus(200, ChronoUnit.DAYS));
        String pem = cert.pem();
        test(sp.certificate.text).setValue(pem);
        assertThat(sp.certificate.text.getValue()).as("write-only: the text leaves the box").isEmpty();
        assertThat(sp.certificate.facts.isVisible()).isTrue();
        assertThat(sp.certificate.facts.getText()).contains("CN=InfraKitchen Test").contains("thumbprint")
                .contains("2048-bit RSA").contains("ends on");
        String page = String.join("\n", SecretScan.strings(UI.getCurrent()));
        for (String fragment : SecretScan.fragments(pem)) {
            assertThat(page).doesNotContain(fragment);
        }

        test(sp.certificate.text).setValue(cert.certificatePem());
        assertThat(sp.certificate.text.isInvalid()).isTrue();
        assertThat(sp.certificate.text.getErrorMessage()).contains("private key is missing");
        assertThat(sp.certificate.facts.isVisible()).isFalse();
    }

    @Test
    @WithMockUser(username = "sp-detail", roles = "EDITOR")
    void theDetailPageShowsTheStoredCertificateByItsFactsAndOffersReplaceNeverTheKey() {
        TestCertificates.TestCertificate cert = TestCertificates.create("CN=InfraKitchen Detail",
                Instant.now().plus(10, ChronoUnit.DAYS));
        IntegrationDetail created = integrations.create(com.infrakitchen.console.support.IntegrationFixtures.data("sp-detail-" + UUID.randomUUID().toString().substring(0, 6)),
                com.infrakitchen.console.integration.credential.ServicePrincipalInput.withCertificate(
                        EntraFixtures.TENANT_ID, EntraFixtures.CLIENT_ID_FULL,
                        com.infrakitchen.console.secret.Secret.of(cert.pem()), null));
        IntegrationDetailView view = navigate("integrations/" + created.id(), IntegrationDetailView.class);
        roundTrip(); // the tab sheet attaches the selected tab's content before the response
        ServicePrincipalEditor sp = view.form.servicePrincipalEditor;
        assertThat(sp.tenantId.getValue()).isEqualTo(EntraFixtures.TENANT_ID);
        assertThat(sp.proof.getValue()).isEqualTo(PrincipalProof.CERTIFICATE);
        assertThat(sp.storedText.getText()).contains("CN=InfraKitchen Detail").contains("thumbprint")
                .contains("ends on").contains("configured on");
        assertThat(sp.certificate.isVisible()).as("nothing to type while the stored one is kept").isFalse();
        assertThat(sp.clientSecret.isVisible()).isFalse();
        String page = String.join("\n", SecretScan.strings(UI.getCurrent()));
        assertThat(page).as("the scan sees what the page shows").contains("CN=InfraKitchen Detail");
        for (String fragment : SecretScan.fragments(cert.privateKeyPem())) {
            assertThat(page).doesNotContain(fragment);
        }
        assertThat(view.expiryNotice.isVisible()).isTrue();
        assertThat(page).as("the expiry notice: ends within 14 days").contains("The certificate expires in")
                .contains("Certificates & secrets");

        test(sp.replace).click();
        assertThat(sp.certificate.isVisible()).isTrue();
        test(sp.proof).selectItem(PrincipalProof.CLIENT_SECRET.label());
        assertThat(sp.clientSecret.isVisible()).as("another way to sign in asks for its proof").isTrue();
        assertThat(sp.certificate.isVisible()).isFalse();
    }
}
